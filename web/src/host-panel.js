// One panel shown for a host page (the page's embed mode, or an <activation-lab> element): mounts
// it with the teacher's settings and classroom options, keeps the options applied while it
// re-renders, reports to the host through post(message) (web/src/host-api.js) and runs the
// host's commands. "Reset to the teacher's setup" remounts it with the settings it started with.
import { sanitize } from './settings.js';
import { keepClassroom } from './classroom.js';
import { message, trainingEvents, runCommand } from './host-api.js';

/**
 * Mounts `panel` in `root`. Options: engine, settings (the teacher's), classroom (options of
 * web/src/classroom.js), save(settings), post(message), select(panelId), failed(error) (the
 * panel could not mount), onStatus(status) (optional: each training status report).
 * Returns {command(parsed), resetToTeacher(), settings(), destroy()}.
 */
export function hostPanel(root, { engine, panel, settings, classroom, save, post, select, failed, onStatus = () => {} }) {
  const teacher = structuredClone(settings);
  let current = structuredClone(settings);
  let mounted = null;
  let stopClassroom = () => {};

  const announceSettings = () => post(message('settings', panel.id, { settings: structuredClone(current) }));

  function mount() {
    stopClassroom();
    mounted?.destroy();
    mounted = null;
    const events = trainingEvents((name, detail) => post(message('event', panel.id, { name, ...detail })));
    try {
      mounted = panel.mount(root, {
        engine,
        settings: structuredClone(current),
        saveSettings(next) {
          current = sanitize(panel.schema, next).settings;
          save(structuredClone(current));
          announceSettings();
        },
        emit(type, detail) {
          if (type !== 'status') return;
          events(detail);
          onStatus(detail);
        },
      });
    } catch (error) {
      failed(error);
    }
    stopClassroom = keepClassroom(root, panel, classroom);
    queueMicrotask(() => post(message('ready', panel.id, { settings: structuredClone(current) })));
  }

  function apply(next) {
    current = structuredClone(next);
    save(structuredClone(current));
    mount();
    announceSettings();
  }

  mount();
  return {
    /** Runs a command parsed by parseCommand; returns null when done, else why it could not. */
    command(parsed) {
      return runCommand(parsed, { panel, settings: () => current, apply, select, mounted: () => mounted });
    },
    resetToTeacher: () => apply(teacher),
    settings: () => structuredClone(current),
    destroy() {
      stopClassroom();
      mounted?.destroy();
      mounted = null;
    },
  };
}
