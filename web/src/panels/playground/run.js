// The training panel's run bar: play / pause, single step, reset, speed, stop condition, the
// epoch and step counters with the latest losses, and a progress bar towards a step limit.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button, selectField, numberField } from '../shared/controls.js';
import { speeds } from './settings.js';

function counter(name, label) {
  const value = el('dd', { className: `pg-${name}`, text: '–' });
  return { element: el('div', { className: 'pg-counter' }, [el('dt', { text: label }), value]), value };
}

const lossText = (v) => (Number.isFinite(v) ? v.toFixed(4) : '–');
const percentText = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');

/** actions: {play(), pause(), step(), reset(), update(patch)}. Returns {element, show(info)}. */
export function buildRunBar(settings, actions) {
  const play = button({ label: t('playground.play'), className: 'primary pg-play', onClick: () => (play.dataset.running === 'true' ? actions.pause() : actions.play()) });
  play.name = 'play';
  const step = button({ label: t('playground.step'), onClick: actions.step, ariaLabel: t('playground.stepLabel') });
  step.name = 'step';
  const reset = button({ label: t('playground.reset'), onClick: actions.reset, ariaLabel: t('playground.resetLabel') });
  reset.name = 'reset';
  const speed = selectField({
    label: t('playground.speed'), name: 'speed', value: settings.speed,
    options: Object.keys(speeds).map((value) => ({ value, label: t(`playground.speeds.${value}`) })),
    onChange: (value) => actions.update({ speed: value }),
  });
  const stopMode = selectField({
    label: t('playground.stopMode'), name: 'stopMode', value: settings.stopMode,
    options: ['none', 'steps', 'loss'].map((value) => ({ value, label: t(`playground.stop.${value}`) })),
    onChange: (value) => actions.update({ stopMode: value }),
  });
  const stopValue = settings.stopMode === 'none' ? null : settings.stopMode === 'steps'
    ? numberField({ label: t('playground.stopSteps'), name: 'stopSteps', value: settings.stopSteps, min: 1, max: 10000000, step: 100, integer: true, onChange: (v) => actions.update({ stopSteps: v }) })
    : numberField({ label: t('playground.stopLoss'), name: 'stopLoss', value: settings.stopLoss, min: 0.0001, max: 10, step: 0.01, onChange: (v) => actions.update({ stopLoss: v }) });
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
  const element = el('section', { className: 'pg-run', 'aria-label': t('playground.runLabel') }, [
    el('div', { className: 'pg-buttons pg-transport' }, [play, step, reset]),
    el('div', { className: 'pg-run-options' }, [speed.element, stopMode.element, stopValue?.element]),
    el('dl', { className: 'pg-counters' }, Object.values(counters).map((c) => c.element)),
    settings.stopMode === 'steps' ? progress : null,
    state,
  ]);

  return {
    element,
    /**
     * Shows {playing, running, step, epoch, diverged, stopReason, row: {trainLoss, ...}, dead, dormant, total}:
     * the buttons follow `playing` (the student's last click) at once, the state line follows `running`
     * (the engine's latest frame), so "Paused at step N" appears with the step the engine stopped at.
     */
    show(info) {
      play.dataset.running = String(info.playing);
      play.textContent = t(info.playing ? 'playground.pause' : 'playground.play');
      play.setAttribute('aria-pressed', String(info.playing));
      step.disabled = info.playing || info.diverged || !info.ready;
      play.disabled = info.diverged || !info.ready;
      counters.epoch.value.textContent = Number.isFinite(info.epoch) ? info.epoch.toFixed(1) : '–';
      counters.step.value.textContent = Number.isFinite(info.step) ? String(info.step) : '–';
      counters.trainLoss.value.textContent = lossText(info.row?.trainLoss);
      counters.testLoss.value.textContent = lossText(info.row?.testLoss);
      counters.trainAccuracy.value.textContent = percentText(info.row?.trainAccuracy);
      counters.testAccuracy.value.textContent = percentText(info.row?.testAccuracy);
      counters.dead.value.textContent = info.total ? `${info.dead} / ${info.total}` : '–';
      counters.dormant.value.textContent = info.total ? `${info.dormant} / ${info.total}` : '–';
      if (settings.stopMode === 'steps' && Number.isFinite(info.step)) {
        progress.value = Math.min(1, info.step / settings.stopSteps);
        progress.textContent = `${Math.round(progress.value * 100)}%`;
      }
      const key = info.diverged ? 'stateDiverged' : info.running ? 'stateRunning'
        : info.stopReason === 'steps' ? 'stateStoppedSteps' : info.stopReason === 'loss' ? 'stateStoppedLoss' : 'statePaused';
      state.dataset.state = info.diverged ? 'diverged' : info.running ? 'running' : info.stopReason ?? 'paused';
      state.textContent = info.ready ? t(`playground.${key}`, { step: info.step }) : '';
    },
  };
}
