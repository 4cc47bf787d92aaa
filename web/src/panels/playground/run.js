// The training panel's run bar: play / pause, single step, reset, speed, stop condition, the
// epoch and step counters with the latest losses, a progress bar towards a step limit, and a
// polite live line that announces each pause and stop with the step, loss and unit counts.
// Made once; show() updates it in place.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button, keepChildren, showValue } from '../shared/controls.js';
import { controlFor } from '../shared/schema-controls.js';
import { schema, isRegression } from './settings.js';

function counter(name, label) {
  const value = el('dd', { className: `pg-${name}`, text: '–' });
  return { element: el('div', { className: 'pg-counter' }, [el('dt', { text: label }), value]), value };
}

const lossText = (v) => (Number.isFinite(v) ? v.toFixed(4) : '–');
const percentText = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');

/** The state line's key and data-state for `info`. */
function stateOf(info) {
  if (info.diverged) return { key: 'stateDiverged', state: 'diverged' };
  if (info.running) return { key: 'stateRunning', state: 'running' };
  if (info.stopReason === 'steps') return { key: 'stateStoppedSteps', state: 'steps' };
  if (info.stopReason === 'loss') return { key: 'stateStoppedLoss', state: 'loss' };
  return { key: 'statePaused', state: 'paused' };
}

/** actions: {play(), pause(), step(), reset(), update(patch), current() -> settings, compare() (optional: opens the compare view)}. Returns {element, show(info)}. */
export function createRunBar(actions) {
  let playing = false;
  const play = button({ label: t('playground.play'), className: 'primary pg-play', name: 'play', onClick: () => (playing ? actions.pause() : actions.play()) });
  const step = button({ label: t('playground.step'), name: 'step', onClick: actions.step, ariaLabel: t('playground.stepLabel') });
  const reset = button({ label: t('playground.reset'), name: 'reset', onClick: actions.reset, ariaLabel: t('playground.resetLabel') });
  const control = (key, label, optionLabel) => controlFor(schema, key, {
    label: t(label), value: actions.current()[key], optionLabel, onChange: (value) => actions.update({ [key]: value }),
  });
  const controls = {
    speed: control('speed', 'playground.speed', (value) => t(`playground.speeds.${value}`)),
    stopMode: control('stopMode', 'playground.stopMode', (value) => t(`playground.stop.${value}`)),
    stopSteps: control('stopSteps', 'playground.stopSteps'),
    stopLoss: control('stopLoss', 'playground.stopLoss'),
  };
  const counters = {
    epoch: counter('epoch', t('playground.epoch')),
    step: counter('step-count', t('playground.stepCount')),
    trainLoss: counter('train-loss', t('playground.trainLoss')),
    testLoss: counter('test-loss', t('playground.testLoss')),
    trainAccuracy: counter('train-accuracy', t('playground.trainAccuracy')),
    testAccuracy: counter('test-accuracy', t('playground.testAccuracy')),
    dead: counter('dead', t('playground.deadUnits')),
    dormant: counter('dormant', t('playground.dormantUnits')),
  };
  const progress = el('progress', { className: 'pg-progress', max: 1, value: 0, 'aria-label': t('playground.progressLabel') });
  const state = el('p', { className: 'pg-state', role: 'status', 'aria-live': 'polite' });
  const options = el('div', { className: 'pg-run-options' });
  const element = el('section', { className: 'pg-run', 'aria-label': t('playground.runLabel'), 'data-view': 'run' });
  const parts = [
    el('div', { className: 'pg-buttons pg-transport' }, [play, step, reset]),
    options,
    el('dl', { className: 'pg-counters' }, Object.values(counters).map((c) => c.element)),
    actions.compare ? el('div', { className: 'pg-buttons' }, [button({ label: t('compare.openFromTraining'), name: 'openCompare', onClick: actions.compare })]) : null,
  ].filter(Boolean);

  /** The state line: while running just "Training…", else the step, plus (for screen readers) the loss and unit counts. */
  function showState(info, key) {
    const text = info.ready ? t(`playground.${key}`, { step: info.step }) : '';
    const counts = info.ready && !info.running && info.total
      ? ` ${t('playground.stateCounts', { loss: lossText(info.row?.trainLoss), dead: info.dead, dormant: info.dormant, total: info.total })}` : '';
    if (state.textContent === text + counts) return;
    state.replaceChildren(text, ...(counts ? [el('span', { className: 'visually-hidden', text: counts })] : []));
  }

  return {
    element,
    /** Moves focus to Reset (when the control the student was on has gone: the diverged banner's buttons). */
    focusReset() { reset.focus(); },
    /**
     * Shows {playing, running, step, epoch, diverged, stopReason, row: {trainLoss, ...}, dead, dormant, total}:
     * the buttons follow `playing` (the student's last click) at once, the state line follows `running`
     * (the engine's latest frame), so "Paused at step N" appears with the step the engine stopped at.
     */
    show(info) {
      const settings = actions.current();
      for (const [key, c] of Object.entries(controls)) showValue(c, settings[key]);
      const limit = { none: null, steps: controls.stopSteps.element, loss: controls.stopLoss.element }[settings.stopMode];
      keepChildren(options, [controls.speed.element, controls.stopMode.element, limit]);
      keepChildren(element, [...parts, settings.stopMode === 'steps' ? progress : null, state]);
      playing = info.playing;
      play.setAttribute('aria-pressed', String(info.playing));
      step.disabled = info.playing || info.diverged || !info.ready;
      play.disabled = info.diverged || !info.ready;
      counters.epoch.value.textContent = Number.isFinite(info.epoch) ? info.epoch.toFixed(1) : '–';
      counters.step.value.textContent = Number.isFinite(info.step) ? String(info.step) : '–';
      counters.trainLoss.value.textContent = lossText(info.row?.trainLoss);
      counters.testLoss.value.textContent = lossText(info.row?.testLoss);
      counters.trainAccuracy.element.hidden = isRegression(settings);
      counters.testAccuracy.element.hidden = isRegression(settings);
      counters.trainAccuracy.value.textContent = percentText(info.row?.trainAccuracy);
      counters.testAccuracy.value.textContent = percentText(info.row?.testAccuracy);
      counters.dead.value.textContent = info.total ? `${info.dead} / ${info.total}` : '–';
      counters.dormant.value.textContent = info.total ? `${info.dormant} / ${info.total}` : '–';
      if (settings.stopMode === 'steps' && Number.isFinite(info.step)) {
        progress.value = Math.min(1, info.step / settings.stopSteps);
        progress.textContent = `${Math.round(progress.value * 100)}%`;
      }
      const { key, state: name } = stateOf(info);
      state.dataset.state = name;
      showState(info, key);
    },
  };
}
