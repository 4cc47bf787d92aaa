// Entry point of the bundle. In a page it boots the shell: language, the WebAssembly core,
// the tabs, and each panel mounted on first view with its own settings. Workers run their own
// script (web/src/training/worker-bundle.js).
//
// Test hook (documented for tests/browser): window.activationLab.getChart(canvas) returns the
// Chart.js instance drawn on a canvas; <html data-state> is 'loading', 'ready' or 'error'.
import { registerStrings, t, setLanguage, preferredLanguage, onLanguageChange, language, languages, loadLanguage } from './i18n.js';
import { Chart } from './charts.js';
import { loadEngine, WebAssemblyUnavailableError } from './core.js';
import { translatePage, wireLanguageSwitch, showStatus, createTabs } from './shell.js';
import { el } from './dom.js';
import panels from './panels/index.js';
import appStrings from './i18n/app.js';
import activationStrings from './i18n/activations.js';
import { createUrlStore } from './url-state.js';
import { showNotice } from './notice.js';
import { startEmbedded } from './embed.js';
import { createEmbedDialog } from './embed-dialog.js';
import { createShareTools } from './share.js';
import { defineActivationLabElement } from './element.js';
import './global.js';
import { hostPanel } from './host-panel.js';
import { keepClassroom } from './classroom.js';
import { parentMessenger, listenToParent, reportHeight, sizeFrames } from './frame-host.js';
import { watchFormulaFonts } from './font-fallback.js';
import { startLessons } from './lesson/app.js';
import { createLessonStage } from './lesson/stage.js';
import { startElementLesson } from './lesson/element-lesson.js';

registerStrings('app', appStrings);
registerStrings('activations', activationStrings);

/**
 * The one place panel settings and the chosen panel live: the page URL (web/src/url-state.js),
 * read when a panel mounts and written back on every saveSettings. Made by boot().
 */
let state = null;

/** Replaces `root` with the message that its panel could not start. */
function showPanelError(root, error) {
  console.error(error);
  root.replaceChildren(el('p', { className: 'error', role: 'alert', text: t('app.panelFailed', { message: error.message }) }));
}

/**
 * Mounts `panel` in `root` with the link's settings and classroom options; returns {destroy()}.
 * openPanel(id, settings) (full app only) shows panel `id` with `settings` laid over its own.
 */
function mountPanel(engine, panel, root, openPanel) {
  let mounted = null;
  try {
    mounted = panel.mount(root, {
      engine,
      settings: state.settingsOf(panel),
      saveSettings: (next) => state.saveSettings(panel, next),
      openPanel,
    });
  } catch (error) {
    showPanelError(root, error);
  }
  const stopClassroom = keepClassroom(root, panel, state.classroomOf(panel));
  return { destroy: () => { stopClassroom(); mounted?.destroy(); } };
}

function startPanels(engine) {
  const mounted = new Map();
  let stage = null;
  const openPanel = (id, settings) => {
    const target = panels.find((p) => p.id === id);
    state.saveSettings(target, { ...state.settingsOf(target), ...settings });
    mounted.get(id)?.destroy();
    mounted.delete(id);
    tabs.select(id, { focus: true });
  };
  const tabs = createTabs(document.getElementById('panel-tabs'), document.getElementById('panels'), panels, (panel, root) => {
    state.choosePanel(panel.id);
    if (!mounted.has(panel.id)) mounted.set(panel.id, stage?.mount(panel, root) ?? mountPanel(engine, panel, root, openPanel));
  });
  stage = createLessonStage({ engine, panels, state, tabs, mounted, failed: showPanelError });
  onLanguageChange(() => tabs.relabel());
  globalThis.addEventListener('hashchange', () => {
    if (state.fragmentChanged()) globalThis.location.reload();
    else tabs.select(state.chosenPanel());
  });
  tabs.select(state.chosenPanel());
  startLessons({
    panelsHost: document.getElementById('panels'), engine, panels, state, stage,
    chosenPanel: () => state.chosenPanel(),
  });
  const dialog = createEmbedDialog();
  createShareTools(document.querySelector('.header-inner'), {
    link: () => state.shareLink(),
    openEmbed: () => {
      const panel = panels.find((p) => p.id === state.chosenPanel()) ?? panels[0];
      dialog.open(panel, state.settingsOf(panel), (classroom) => state.embedLink(panel, classroom));
    },
  });
}

/**
 * Embed mode (#embed=<panel>): that panel alone, without the header, tabs and footer, talking
 * to the parent page by the host protocol (ready, height, settings, events; commands). A lesson
 * in the link (#embed=…&lesson=…) runs above it, each step showing its own panel in the frame.
 */
function startEmbeddedPanel(engine) {
  const post = parentMessenger();
  let panel = state.embedded;
  let shown = null;
  let frame = null;
  const select = (id) => {
    globalThis.location.replace(state.embedLink(panels.find((p) => p.id === id)));
    globalThis.location.reload();
  };
  const show = (root, next, { settings, classroom }, hooks = null) => {
    shown?.destroy();
    panel = next;
    frame?.showPanel(next);
    shown = hostPanel(root, {
      engine, panel, settings, classroom, post, select,
      save: (changed) => (hooks ? hooks.onSettings?.(changed) : state.saveSettings(panel, changed)),
      failed: (error) => showPanelError(root, error),
      onStatus: hooks?.onStatus,
    });
  };
  frame = startEmbedded(document.getElementById('panels'), panel, {
    mount(root) {
      show(root, panel, { settings: state.settingsOf(panel), classroom: state.classroomOf(panel) });
      const lesson = state.lesson();
      if (!lesson) return;
      const host = el('div', { className: 'lesson-host' });
      root.before(host);
      startElementLesson(host, {
        engine, panels, value: lesson.key === 'lesson' ? lesson.value : null, src: lesson.key === 'lesson-src' ? lesson.value : null,
        show: (step, hooks) => show(root, panels.find((p) => p.id === step.panel), step, hooks),
      });
    },
    appLink: () => state.shareLink(),
    resetToTeacher: () => shown.resetToTeacher(),
  });
  listenToParent({ allowed: state.hostOrigins, panelIds: panels.map((p) => p.id), panelId: () => panel.id, run: (parsed) => shown.command(parsed), post });
  reportHeight(document.getElementById('content'), post, () => panel.id);
}

/** Resolves when the browser is next idle (after the first panel has rendered), within a second at most. */
function whenIdle() {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}

/** Once the browser is idle, loads every language's strings, so the language switch answers at once. */
function loadAllLanguages() {
  return whenIdle().then(() => Promise.all(languages.map(({ code }) => loadLanguage(code)))).catch((error) => console.error(error));
}

async function boot() {
  state = createUrlStore(panels, { language });
  const content = document.getElementById('content');
  let stringsNotice = null;
  const stringsFailed = (error) => {
    stringsNotice?.destroy();
    stringsNotice = showNotice(content, { rejected: [], strings: error.message }, state.embedded ?? panels[0]);
  };
  let stringsError = null;
  const starting = setLanguage(state.language ?? preferredLanguage()).catch((error) => { stringsError = error; });
  translatePage();
  onLanguageChange(translatePage);
  wireLanguageSwitch((code) => setLanguage(code).catch(stringsFailed));
  showStatus('loading');
  try {
    const [engine] = await Promise.all([loadEngine(), starting]);
    if (state.embedded) startEmbeddedPanel(engine);
    else startPanels(engine);
    showNotice(content, state.problems, state.embedded ?? panels[0]);
    if (stringsError) stringsFailed(stringsError);
    watchFormulaFonts(() => {
      document.documentElement.classList.add('formula-fonts-blocked');
      showNotice(content, { rejected: [], fonts: true }, state.embedded ?? panels[0]);
    });
    await loadAllLanguages();
    showStatus('ready');
  } catch (error) {
    const missing = error instanceof WebAssemblyUnavailableError;
    if (!missing) console.error(error);
    await loadAllLanguages();
    const explain = () => showStatus('error', t(missing ? 'app.noWebAssemblyTitle' : 'app.startFailedTitle'),
      missing ? t('app.noWebAssembly') : t('app.startFailed', { message: error.message }));
    explain();
    onLanguageChange(explain);
  }
}

globalThis.activationLab = { getChart: (canvas) => Chart.getChart(canvas) ?? null };
defineActivationLabElement();
const bootAppPage = () => {
  if (document.getElementById('panel-tabs')) boot();
  else sizeFrames();
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', bootAppPage);
else bootAppPage();
