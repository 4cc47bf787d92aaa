// Entry point of the bundle. In a page it boots the shell: language, the WebAssembly core,
// the tabs, and each panel mounted on first view with its own settings. Inside a Web Worker
// it does nothing yet (the training worker will start from the `inWorker()` branch).
//
// Test hook (documented for tests/browser): window.activationLab.getChart(canvas) returns the
// Chart.js instance drawn on a canvas; <html data-state> is 'loading', 'ready' or 'error'.
import { registerStrings, t, setLanguage, preferredLanguage, onLanguageChange } from './i18n.js';
import { sanitize } from './settings.js';
import { Chart } from './charts.js';
import { loadEngine, WebAssemblyUnavailableError } from './core.js';
import { translatePage, wireLanguageSwitch, showStatus, createTabs } from './shell.js';
import panels from './panels/index.js';
import appStrings from './i18n/app.js';
import activationStrings from './i18n/activations.js';

registerStrings('app', appStrings);
registerStrings('activations', activationStrings);

/**
 * The one place panel settings and the chosen panel live: read when a panel mounts, written on
 * every saveSettings. (The URL-sharing issue replaces this store with the URL.)
 */
const state = {
  settings: new Map(),
  settingsOf(panel) {
    return sanitize(panel.schema, this.settings.get(panel.id) ?? {}).settings;
  },
  saveSettings(panel, next) {
    this.settings.set(panel.id, sanitize(panel.schema, next).settings);
  },
  chosenPanel() {
    return decodeURIComponent(globalThis.location.hash.slice(1));
  },
  choosePanel(id) {
    if (this.chosenPanel() !== id) globalThis.history.replaceState(null, '', `#${id}`);
  },
};

function mountPanel(engine, panel, root) {
  try {
    return panel.mount(root, {
      engine,
      settings: state.settingsOf(panel),
      saveSettings: (next) => state.saveSettings(panel, next),
    });
  } catch (error) {
    console.error(error);
    const message = document.createElement('p');
    message.className = 'error';
    message.setAttribute('role', 'alert');
    message.textContent = t('app.panelFailed', { message: error.message });
    root.replaceChildren(message);
    return null;
  }
}

function startPanels(engine) {
  const mounted = new Map();
  const tabs = createTabs(document.getElementById('panel-tabs'), document.getElementById('panels'), panels, (panel, root) => {
    state.choosePanel(panel.id);
    if (!mounted.has(panel.id)) mounted.set(panel.id, mountPanel(engine, panel, root));
  });
  onLanguageChange(() => tabs.relabel());
  globalThis.addEventListener('hashchange', () => tabs.select(state.chosenPanel()));
  tabs.select(state.chosenPanel());
}

async function boot() {
  setLanguage(preferredLanguage());
  translatePage();
  onLanguageChange(translatePage);
  wireLanguageSwitch(setLanguage);
  showStatus('loading');
  try {
    startPanels(await loadEngine());
    showStatus('ready');
  } catch (error) {
    const missing = error instanceof WebAssemblyUnavailableError;
    if (!missing) console.error(error);
    const explain = () => showStatus('error', t(missing ? 'app.noWebAssemblyTitle' : 'app.startFailedTitle'),
      missing ? t('app.noWebAssembly') : t('app.startFailed', { message: error.message }));
    explain();
    onLanguageChange(explain);
  }
}

/** True when the bundle runs as a Web Worker rather than in the page. */
function inWorker() {
  return typeof globalThis.WorkerGlobalScope !== 'undefined' && globalThis instanceof globalThis.WorkerGlobalScope;
}

if (!inWorker()) {
  globalThis.activationLab = { getChart: (canvas) => Chart.getChart(canvas) ?? null };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}
