// Train a network (in a Web Worker, or time-sliced on the main thread) and watch the output, the
// losses and every hidden unit. State flows one way: a control dispatches an action, state.js
// reduces it to the next state and the settings' declared effects, apply() carries them out, and
// the forms follow the state in place (focus stays put).
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import strings from '../../i18n/playground.js';
import { el } from '../../dom.js';
import { roundSignificant, shortNumber } from '../shared/format.js';
import { schema, trainerSpec, trainSettings, stopCondition, speeds, classCount, effectiveHead } from './settings.js';
import { initialState, reduce } from './state.js';
import { createSetup } from './setup.js';
import { createPointsTools } from './points.js';
import { createRunBar } from './run.js';
import { createNetworkFile } from './network-file.js';
import { createNetworkIo } from './network-io.js';
import { createPlaygroundViews } from './views.js';
import { createDiagnostics } from './diagnostics.js';
import { createTimelineControls } from './timeline-controls.js';
import { buildPresets, buildExplanations } from './explain.js';
import { createPointActions } from './point-actions.js';
import { presetById } from '../../training/presets.js';
import { createSession } from '../../training/session.js';
import { previewFrame } from '../../training/preview.js';
import { pointsFromSettings, readiness } from '../../training/points.js';
import { afterPaint } from '../shared/idle-view.js';
import { tileResolutions } from '../../training/views/network-diagram.js';

registerStrings('playground', strings);

export const id = 'playground';
export const titleKey = 'playground.title';
export { schema };

const view = { resolution: 100, domain: { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 } };

export function mount(root, ctx) {
  const { engine } = ctx;
  let state = initialState(ctx.settings);
  let info = { ready: false, running: false };
  let messages = { points: '', file: { key: '', values: {}, kind: '' } };
  let lastRow = null;
  let pendingFrame = null;
  let frameRequest = 0;
  let forms = null;
  let storyEnded = false;

  const intro = el('p', { className: 'panel-intro' });
  const presetsHost = el('div', { 'data-view': 'stories' });
  const setupHost = el('div', { className: 'panel-side pg-side', 'data-view': 'setup' });
  const runHost = el('div');
  const errorBox = el('div', { className: 'pg-error-box' });
  const explainHost = el('div', { 'data-view': 'explanations' });
  const views = createPlaygroundViews(state.settings, {
    reset, lowerAndReset, update, tiles: (resolutions) => session.tiles(resolutions),
    editParameter: ({ layer, unit, input }, value) => session.edit('parameter', unit, value, { layer, input }),
  });
  const diagnostics = createDiagnostics({ measureMemory: () => session.memory() });

  const session = createSession({
    engine,
    onFrame(frame) {
      pendingFrame = frame;
      frameRequest ||= requestAnimationFrame(drawFrame);
    },
    onError(message) {
      dispatch({ type: 'pause' });
      showError(message);
    },
    onMode: (mode) => diagnostics.mode(mode),
  });
  const timelineControls = createTimelineControls({
    session, settings: () => state.settings, save: update, paused: () => dispatch({ type: 'pause' }), decisionCanvas: views.decisionCanvas,
    diagramHost: views.element.querySelector('.pg-diagram'), lossBox: views.element.querySelector('.pg-loss-chart'),
  });

  const current = () => state.settings;
  const customWaiting = (settings) => settings.dataset === 'custom' && readiness(pointsFromSettings(settings)) !== 'ready';

  function showError(message) {
    errorBox.replaceChildren(...(message ? [el('p', { className: 'error', role: 'alert', text: t('playground.error', { message }) })] : []));
  }

  /** Shows the run's status (each frame): the run bar and whether a network can be saved. */
  function showStatus() {
    forms.file.show({ ready: info.ready, message: messages.file });
    forms.run.show({ ...info, playing: state.playing && info.ready });
  }

  /** Shows the state in every form, in place. */
  function showForms() {
    const { settings } = state;
    forms.points.show(pointsFromSettings(settings), settings.pointClass, messages.points);
    forms.setup.show(settings);
    showStatus();
  }

  /** Runs `action` through the reducer, saves the settings and applies the effects they declare. */
  function dispatch(action) {
    const before = state.settings;
    const { state: next, effects } = reduce(state, action);
    state = next;
    if (state.settings !== before) ctx.saveSettings(structuredClone(state.settings));
    apply(effects);
  }

  function apply(effects) {
    const { settings } = state;
    if (effects.has('redraw') || effects.has('rebuild')) views.configure(settings);
    if (effects.has('schedule')) {
      session.speed(speeds[settings.speed].unit, speeds[settings.speed].amount);
      session.stopCondition(stopCondition(settings));
    }
    if (effects.has('rebuild')) rebuildRun();
    else if (effects.has('live')) timelineControls.liveSettings(trainSettings(settings));
    showForms();
  }

  function drawFrame() {
    frameRequest = 0;
    const frame = pendingFrame;
    pendingFrame = null;
    if (!frame) return;
    if (session.isCurrent(frame)) present(frame);
    session.ack();
  }

  /** Draws the untrained network with the page's own engine, unless the session's first frame has come. */
  function previewAtOnce() {
    if (info.ready || customWaiting(state.settings)) return;
    const first = previewFrame(engine, { spec: trainerSpec(state.settings), view, resolutions: tileResolutions(state.settings.hiddenLayers) });
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
    timelineControls.draw(frame);
    if (status.stopReason === 'steps' && !storyEnded && presetById(state.story)?.endAt === 'firstDeath') storyEnded = timelineControls.showFirstDeath();
    info = {
      ready: true, running: status.running, step: status.step, epoch: status.epoch, diverged: status.diverged, stopReason: status.stopReason, row: frame.evaluation ?? lastRow,
      dead: frame.units?.dead ?? info.dead, dormant: frame.units?.dormant ?? info.dormant, total: frame.units?.total ?? info.total,
    };
    views.diverged(status.diverged ? { step: status.step, lowerRate: shortNumber(lowerRate()) } : null);
    if (!status.running && (status.stopReason || status.diverged) && state.playing) dispatch({ type: 'pause' });
    else showStatus();
    ctx.emit?.('status', { fresh: Boolean(frame.fresh), running: status.running, step: status.step, stopReason: status.stopReason ?? null, diverged: Boolean(status.diverged), dead: info.dead, dormant: info.dormant, total: info.total, ...info.row });
    diagnostics.frame({ ...frame.timing, drawMs: performance.now() - start, epoch: status.epoch });
  }

  const lowerRate = () => Math.max(schema.learningRate.min, roundSignificant(state.settings.learningRate / 10));

  function rebuildRun() {
    const { settings } = state;
    showError('');
    views.diverged(null);
    session.speed(speeds[settings.speed].unit, speeds[settings.speed].amount);
    session.stopCondition(stopCondition(settings));
    if (customWaiting(settings)) {
      session.clear();
      info = { ready: false };
      views.drawPoints(pointsFromSettings(settings), classCount(settings), effectiveHead(settings), settings.hiddenLayers.length);
      return;
    }
    session.tiles(tileResolutions(settings.hiddenLayers));
    session.create(trainerSpec(settings), view);
    if (state.playing) session.play();
  }

  function update(patch) {
    dispatch({ type: 'set', patch });
  }

  function play() {
    dispatch({ type: 'play' });
    timelineControls.beforePlay();
    session.play();
  }

  function pause() {
    dispatch({ type: 'pause' });
    session.pause();
  }

  function reset() {
    const fromBanner = views.element.contains(document.activeElement);
    dispatch({ type: 'pause' });
    views.diverged(null);
    if (info.ready) session.reset();
    if (fromBanner) forms.run.focusReset();
  }

  function lowerAndReset() {
    update({ learningRate: lowerRate() });
    reset();
  }

  function applyPreset(preset) {
    storyEnded = false;
    dispatch({ type: 'story', preset });
    renderPresets(false);
  }

  const pointActions = createPointActions({
    current,
    update,
    message(text) {
      messages = { ...messages, points: text };
      showForms();
    },
  });

  const networkIo = createNetworkIo({
    session, settings: current, dispatch, loaded: () => renderPresets(false), failed: rebuildRun,
    report(message) {
      messages.file = message;
      showForms();
    },
  });

  /**
   * The story buttons. A language change builds them anew; otherwise the buttons stay (so focus stays
   * on the one just activated): only their pressed state and the story below them change.
   */
  function renderPresets(rebuild) {
    const next = buildPresets(state.story, applyPreset);
    const shown = presetsHost.firstElementChild;
    if (rebuild || !shown) {
      presetsHost.replaceChildren(next);
      return;
    }
    for (const node of shown.querySelectorAll('[data-preset]')) node.setAttribute('aria-pressed', String(node.dataset.preset === state.story));
    shown.lastElementChild.replaceWith(next.lastElementChild);
  }

  /** Builds every form in the current language (on mount and on a language change). */
  function renderAll() {
    intro.textContent = t('playground.intro');
    renderPresets(true);
    const actions = { update, current };
    forms = {
      points: createPointsTools(pointActions),
      file: createNetworkFile(networkIo),
      run: createRunBar({ ...actions, play, pause, step: () => session.step(1), reset, compare: ctx.openPanel && (() => ctx.openPanel('compare', state.settings)) }),
    };
    forms.setup = createSetup(actions, forms.points.element);
    setupHost.replaceChildren(forms.setup.element, forms.file.element);
    runHost.replaceChildren(forms.run.element);
    explainHost.replaceChildren(buildExplanations());
    views.relabel();
    diagnostics.relabel();
    showForms();
  }

  views.decisionCanvas.addEventListener('click', (event) => {
    if (state.settings.dataset !== 'custom') return;
    const { x, y } = views.decision.toData(event.clientX, event.clientY);
    pointActions.addPoint(x, y);
  });

  root.replaceChildren(el('div', { className: 'playground-panel' }, [
    intro,
    presetsHost,
    el('div', { className: 'panel-grid pg-grid' }, [
      el('div', { className: 'panel-main pg-main' }, [
        runHost, errorBox, timelineControls.timelineElement, views.element, timelineControls.inspectorElement, diagnostics.element,
      ]),
      setupHost,
    ]),
    explainHost,
  ]));
  renderAll();
  // The panel with its (empty) charts is painted first; the untrained network follows at once.
  const cancelPreview = afterPaint(previewAtOnce);
  rebuildRun();
  showForms();
  const stopListening = onLanguageChange(renderAll);

  return {
    play, pause, reset, step: (steps = 1) => session.step(steps),
    destroy() {
      stopListening();
      cancelPreview();
      if (frameRequest) cancelAnimationFrame(frameRequest);
      session.dispose();
      timelineControls.destroy();
      views.destroy();
      root.replaceChildren();
    },
  };
}
