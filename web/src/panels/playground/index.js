// Train a network: the student sets up data and a small network, trains it (in a Web Worker,
// or time-sliced on the main thread where workers cannot start) and watches the output, the
// losses, every hidden unit and the dead ones. Presets tell the dead-ReLU story in one click.
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import { sanitize } from '../../settings.js';
import strings from '../../i18n/playground.js';
import { el } from '../../dom.js';
import { button } from '../shared/controls.js';
import {
  schema, structuralKeys, trainerSpec, trainSettings, stopCondition, speeds, classCount, effectiveHead, architecture,
  learningRateRange,
} from './settings.js';
import { buildSetup, formatRate } from './setup.js';
import { buildPointsTools } from './points.js';
import { buildRunBar } from './run.js';
import { createPlaygroundViews } from './views.js';
import { createDiagnostics } from './diagnostics.js';
import { createTimelineControls } from './timeline-controls.js';
import { buildPresets, buildExplanations } from './explain.js';
import { presetById } from '../../training/presets.js';
import { download, filePicker } from './files.js';
import { createSession } from '../../training/session.js';
import { createRunner } from '../../training/runner.js';
import { serializeNetwork, parseNetwork } from '../../training/save-load.js';
import {
  pointsFromSettings, pointsToSettings, addPoint, readiness, parsePoints, toCsv, toJson,
} from '../../training/points.js';

registerStrings('playground', strings);

export const id = 'playground';
export const titleKey = 'playground.title';
export { schema };

const view = { resolution: 100, domain: { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 } };
const liveKeys = ['learningRate', 'batchSize', 'momentum', 'l2'];
const formKeys = ['dataset', 'activation', 'hiddenLayers', 'head', 'customX', 'customLabels'];

/** False when the page asks for the main-thread fallback (?worker=0). */
function workerAllowed() {
  return new URLSearchParams(globalThis.location?.search ?? '').get('worker') !== '0';
}

export function mount(root, ctx) {
  const { engine } = ctx;
  const activations = engine.activations().map((a) => a.name);
  let settings = structuredClone(ctx.settings);
  let activePreset = null;
  let pointsMessage = '';
  let fileMessage = { key: '', values: {}, kind: '' };
  let wantRunning = false;
  let info = { ready: false, running: false };
  let lastRow = null;
  let pendingFrame = null;
  let frameRequest = 0;
  let storyEnded = false;

  const intro = el('p', { className: 'panel-intro' });
  const presetsHost = el('div');
  const setupHost = el('div', { className: 'panel-side pg-side' });
  const runHost = el('div');
  const errorBox = el('div', { className: 'pg-error-box' });
  const explainHost = el('div');
  const views = createPlaygroundViews(settings, { reset, lowerAndReset, update });
  const diagnostics = createDiagnostics({ measureMemory: () => session.memory() });
  let runBar = null;

  const session = createSession({
    engine,
    useWorker: workerAllowed(),
    onFrame(frame) {
      pendingFrame = frame;
      frameRequest ||= requestAnimationFrame(drawFrame);
    },
    onError(message) {
      wantRunning = false;
      showError(message);
      showRun();
    },
    onMode: (mode) => diagnostics.mode(mode),
  });
  const timelineControls = createTimelineControls({
    session, settings: () => settings, save: (patch) => update(patch), decisionCanvas: views.decisionCanvas,
    diagramHost: views.element.querySelector('.pg-diagram'), lossBox: views.element.querySelector('.pg-loss-chart'),
    paused() {
      wantRunning = false;
      showRun();
    },
  });

  function save() {
    ctx.saveSettings(structuredClone(settings));
  }

  function showError(message) {
    errorBox.replaceChildren(...(message ? [el('p', { className: 'error', role: 'alert', text: t('playground.error', { message }) })] : []));
  }

  function showRun() {
    runBar.show({ ...info, playing: wantRunning && info.ready });
  }

  function drawFrame() {
    frameRequest = 0;
    const frame = pendingFrame;
    pendingFrame = null;
    if (!frame) return;
    if (session.isCurrent(frame)) present(frame);
    session.ack();
  }

  /** Draws the untrained network with the page's own engine, before the session's first frame arrives. */
  function previewAtOnce() {
    if (settings.dataset === 'custom' && readiness(pointsFromSettings(settings)) !== 'ready') return;
    let first = null;
    const preview = createRunner(engine, (message) => { if (message.type === 'frame') first = message; }, { schedule: () => {} });
    preview.handle({ type: 'create', spec: trainerSpec(settings), view });
    preview.handle({ type: 'clear' });
    if (first) present(first);
  }

  /** Draws one frame and shows its status. */
  function present(frame) {
    const start = performance.now();
    views.draw(frame);
    const { status } = frame;
    if (frame.fresh) lastRow = null;
    const rows = frame.history.step.length;
    if (rows > 0) {
      const h = frame.history;
      lastRow = { trainLoss: h.trainLoss[rows - 1], testLoss: h.testLoss[rows - 1], trainAccuracy: h.trainAccuracy[rows - 1], testAccuracy: h.testAccuracy[rows - 1] };
    }
    if (!status.running && (status.stopReason || status.diverged)) wantRunning = false;
    timelineControls.draw(frame);
    if (status.stopReason === 'steps' && !storyEnded && presetById(activePreset)?.endAt === 'firstDeath') {
      storyEnded = timelineControls.showFirstDeath();
    }
    info = {
      ready: true, running: status.running, step: status.step, epoch: status.epoch, diverged: status.diverged, stopReason: status.stopReason, row: frame.evaluation ?? lastRow,
      dead: frame.units?.dead ?? info.dead, dormant: frame.units?.dormant ?? info.dormant, total: frame.units?.total ?? info.total,
    };
    views.diverged(status.diverged ? { step: status.step, lowerRate: formatRate(lowerRate()) } : null);
    showRun();
    diagnostics.frame({ ...frame.timing, drawMs: performance.now() - start, epoch: status.epoch });
  }

  function lowerRate() {
    return Math.max(learningRateRange.min, Number((settings.learningRate / 10).toPrecision(2)));
  }

  function rebuildRun() {
    showError('');
    views.diverged(null);
    session.speed(speeds[settings.speed].unit, speeds[settings.speed].amount);
    session.stopCondition(stopCondition(settings));
    if (settings.dataset === 'custom' && readiness(pointsFromSettings(settings)) !== 'ready') {
      session.clear();
      info = { ready: false };
      views.drawPoints(pointsFromSettings(settings), classCount(settings), effectiveHead(settings), settings.hiddenLayers.length);
      showRun();
      return;
    }
    session.create(trainerSpec(settings), view);
    if (wantRunning) session.play();
  }

  function changedKeys(before, after) {
    return Object.keys(schema).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  }

  function update(patch) {
    const before = settings;
    settings = sanitize(schema, { ...settings, ...patch }).settings;
    if (classCount(settings) > 2) settings.head = 'softmax_cross_entropy';
    save();
    const changed = changedKeys(before, settings);
    if (changed.some((key) => formKeys.includes(key))) renderSetup();
    if (changed.some((key) => ['speed', 'stopMode', 'stopSteps', 'stopLoss'].includes(key))) {
      session.speed(speeds[settings.speed].unit, speeds[settings.speed].amount);
      session.stopCondition(stopCondition(settings));
      if (changed.includes('stopMode')) renderRunBar();
    }
    if (changed.some((key) => ['showTest', 'dataset', 'logScale'].includes(key))) views.configure(settings);
    if (changed.some((key) => structuralKeys.includes(key))) rebuildRun();
    else if (changed.some((key) => liveKeys.includes(key))) timelineControls.liveSettings(trainSettings(settings));
  }

  function play() {
    wantRunning = true;
    timelineControls.beforePlay();
    session.play();
    showRun();
  }

  function pause() {
    wantRunning = false;
    session.pause();
    showRun();
  }

  function reset() {
    wantRunning = false;
    views.diverged(null);
    if (info.ready) session.reset();
    showRun();
  }

  function lowerAndReset() {
    update({ learningRate: lowerRate() });
    reset();
    renderSetup();
  }

  function applyPreset(preset) {
    activePreset = preset.id;
    storyEnded = false;
    wantRunning = true;
    settings = sanitize(schema, { ...settings, ...preset.settings }).settings;
    save();
    views.configure(settings);
    renderPresets();
    renderSetup();
    renderRunBar();
    rebuildRun();
  }

  const pointActions = {
    setClass: (k) => update({ pointClass: k }),
    addPoint(x, y) {
      pointsMessage = '';
      update(pointsToSettings(addPoint(pointsFromSettings(settings), x, y, settings.pointClass)));
    },
    clear() {
      pointsMessage = '';
      update({ customX: [], customLabels: [] });
    },
    importText(text) {
      try {
        const { points, skipped } = parsePoints(text);
        pointsMessage = t('playground.pointsImported', { count: points.label.length, skipped });
        update(pointsToSettings(points));
      } catch (error) {
        pointsMessage = t('playground.pointsImportFailed', { message: error.message });
      }
      renderSetup();
    },
    exportCsv: () => download('activation-lab-points.csv', toCsv(pointsFromSettings(settings)), 'text/csv'),
    exportJson: () => download('activation-lab-points.json', toJson(pointsFromSettings(settings))),
  };

  async function saveNetwork() {
    try {
      const exported = await session.exportNetwork();
      download('activation-lab-network.json', serializeNetwork({ settings, architecture: architecture(settings), exported }));
      fileMessage = { key: 'saved', values: { step: exported.step }, kind: 'ok' };
    } catch (error) {
      fileMessage = { key: 'saveFailed', values: { message: error.message }, kind: 'error' };
    }
    renderSetup();
  }

  async function loadNetwork(text) {
    let applied = false;
    try {
      const loaded = parseNetwork(text, schema);
      settings = loaded.settings;
      applied = true;
      wantRunning = false;
      activePreset = null;
      save();
      views.configure(settings);
      renderAll();
      session.speed(speeds[settings.speed].unit, speeds[settings.speed].amount);
      session.stopCondition(stopCondition(settings));
      const { matches } = await session.importNetwork({ spec: trainerSpec(settings), parameters: loaded.parameters, probe: loaded.probe });
      fileMessage = { key: matches ? 'loaded' : 'loadedDiffers', values: { step: loaded.step }, kind: matches ? 'ok' : 'error' };
    } catch (error) {
      fileMessage = { key: 'loadFailed', values: { message: error.message }, kind: 'error' };
      if (applied) rebuildRun();
    }
    renderSetup();
  }

  function saveLoadFieldset() {
    const saveButton = button({ label: t('playground.saveNetwork'), onClick: saveNetwork });
    saveButton.name = 'saveNetwork';
    saveButton.disabled = !info.ready;
    const message = fileMessage.key
      ? el('p', { className: `pg-file-message note ${fileMessage.kind === 'error' ? 'error' : ''}`, role: 'status', 'data-result': fileMessage.key, text: t(`playground.file.${fileMessage.key}`, fileMessage.values) })
      : null;
    return el('fieldset', { className: 'pg-fieldset' }, [
      el('legend', { text: t('playground.saveLegend') }),
      el('p', { className: 'note', text: t('playground.saveHelp') }),
      el('div', { className: 'pg-buttons' }, [saveButton]),
      filePicker({ label: t('playground.loadNetwork'), name: 'loadNetwork', accept: '.json,application/json', onText: loadNetwork }),
      message,
    ]);
  }

  function renderSetup() {
    const focused = setupHost.contains(document.activeElement) ? document.activeElement.getAttribute('name') : null;
    const points = buildPointsTools(pointsFromSettings(settings), settings.pointClass, pointActions, pointsMessage);
    setupHost.replaceChildren(buildSetup(settings, { update, activations }, points), saveLoadFieldset());
    const target = focused && setupHost.querySelector(`[name="${focused}"]:not([disabled])`);
    target?.focus();
  }

  function renderRunBar() {
    const focused = runHost.contains(document.activeElement) ? document.activeElement.getAttribute('name') : null;
    runBar = buildRunBar(settings, { play, pause, step: () => session.step(1), reset, update });
    runHost.replaceChildren(runBar.element);
    showRun();
    if (focused) runHost.querySelector(`[name="${focused}"]`)?.focus();
  }

  function renderPresets() {
    presetsHost.replaceChildren(buildPresets(activePreset, applyPreset));
  }

  function renderAll() {
    intro.textContent = t('playground.intro');
    renderPresets();
    renderSetup();
    renderRunBar();
    explainHost.replaceChildren(buildExplanations());
    views.relabel();
    diagnostics.relabel();
  }

  views.decisionCanvas.addEventListener('click', (event) => {
    if (settings.dataset !== 'custom') return;
    const { x, y } = views.decision.toData(event.clientX, event.clientY);
    pointActions.addPoint(x, y);
  });

  root.replaceChildren(el('div', { className: 'playground-panel' }, [
    intro,
    presetsHost,
    el('div', { className: 'panel-grid pg-grid' }, [
      setupHost,
      el('div', { className: 'panel-main pg-main' }, [
        runHost, errorBox, timelineControls.timelineElement, views.element, timelineControls.inspectorElement, diagnostics.element,
      ]),
    ]),
    explainHost,
  ]));
  renderAll();
  previewAtOnce();
  rebuildRun();
  const stopListening = onLanguageChange(renderAll);

  return {
    destroy() {
      stopListening();
      if (frameRequest) cancelAnimationFrame(frameRequest);
      session.dispose();
      timelineControls.destroy();
      views.destroy();
      root.replaceChildren();
    },
  };
}
