// The stage a lesson shows its steps on in the app page: each step remounts its panel (through
// the host panel, so training status reports reach the lesson) with the step's settings and
// classroom trims, and opens its tab.
import { hostPanel } from '../host-panel.js';

/**
 * {show(step, {onSettings, onStatus}), clear(), mount(panel, root)} over the app's tabs and its
 * map of mounted panels (id -> {destroy}); failed(root, error) shows a panel that cannot start.
 * mount() gives the lesson's mount of `panel`, or null when no step shows it.
 */
export function createLessonStage({ engine, panels, state, tabs, mounted, failed }) {
  let showing = null;
  const unmount = (id) => {
    mounted.get(id)?.destroy();
    mounted.delete(id);
  };
  return {
    show(step, hooks) {
      if (showing) unmount(showing.panel.id);
      const panel = panels.find((each) => each.id === step.panel);
      unmount(panel.id);
      state.saveSettings(panel, step.settings);
      showing = { panel, step, hooks };
      tabs.select(panel.id);
    },
    clear() {
      if (!showing) return;
      unmount(showing.panel.id);
      showing = null;
      tabs.select(state.chosenPanel());
    },
    mount(panel, root) {
      if (showing?.panel !== panel) return null;
      const { step, hooks } = showing;
      return hostPanel(root, {
        engine, panel, settings: step.settings, classroom: step.classroom, post: () => {}, select: (id) => tabs.select(id),
        save: (next) => {
          state.saveSettings(panel, next);
          hooks.onSettings(next);
        },
        failed: (error) => failed(root, error),
        onStatus: hooks.onStatus,
      });
    },
  };
}
