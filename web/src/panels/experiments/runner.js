// Runs an experiment as a sequence of engine calls answered by the experiments worker (or, where
// none starts, one per main-thread task), so the page stays responsive, and shows it: Run and
// Cancel buttons, a <progress> bar and a polite live status line.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button, uniqueId } from '../shared/controls.js';
import { fixed } from '../shared/format.js';

/** The state of one experiment's runs: phase 'idle' | 'running' | 'done' | 'cancelled' | 'error'. */
export class ExperimentRun {
  phase = 'idle';
  done = 0;
  total = 0;
  elapsedMs = 0;
  error = '';
  #generation = 0;
  #onChange;
  #calls;

  /** calls: the experiments' engine calls (experiments/calls.js); onChange() after every call and every change of phase. */
  constructor(calls, onChange) {
    this.#calls = calls;
    this.#onChange = onChange;
  }

  get running() { return this.phase === 'running'; }

  /** Where the engine calls run: 'idle' (none yet), 'starting', 'worker' or 'main'. */
  get mode() { return this.#calls.mode; }

  /** Makes each of `steps` ({method, args, store(result)}) as one engine call, in order, until all ran or cancel(). */
  async run(steps) {
    this.#generation += 1;
    const generation = this.#generation;
    Object.assign(this, { phase: 'running', done: 0, total: steps.length, elapsedMs: 0, error: '' });
    const start = performance.now();
    this.#onChange();
    for (const { method, args, store } of steps) {
      let result;
      try {
        result = await this.#calls.call(method, ...args);
      } catch (error) {
        if (generation !== this.#generation) return;
        Object.assign(this, { phase: 'error', error: error.message, elapsedMs: performance.now() - start });
        this.#onChange();
        return;
      }
      if (generation !== this.#generation) return;
      store(result);
      this.done += 1;
      this.elapsedMs = performance.now() - start;
      this.#onChange();
    }
    this.phase = 'done';
    this.#onChange();
  }

  /** Stops a running experiment before its next engine call. */
  cancel() {
    if (!this.running) return;
    this.#generation += 1;
    this.phase = 'cancelled';
    this.#onChange();
  }

  /** Stops any run and every later callback. */
  destroy() {
    this.#generation += 1;
    this.#onChange = () => {};
  }
}

const liveEveryMs = 400;

/**
 * The run controls of one experiment, drawn from `runner`'s state; `unitKey` names what is counted
 * ('experiments.runs' or 'experiments.cells'). Returns {element, update()}; update() after each change.
 */
export function runBar(runner, { unitKey, onRun, runLabel }) {
  const run = button({ label: runLabel, className: 'primary run-button', onClick: onRun });
  const cancel = button({ label: t('experiments.cancel'), className: 'cancel-button', onClick: () => runner.cancel() });
  const textId = uniqueId('run-text');
  const progress = el('progress', { max: 1, 'aria-labelledby': textId });
  const text = el('p', { id: textId, className: 'run-text', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const element = el('div', { className: 'run-bar' }, [
    el('div', { className: 'run-buttons' }, [run, cancel]),
    el('div', { className: 'run-progress' }, [progress, text]),
  ]);
  let lastLive = 0;
  let lastPhase = '';

  function describe() {
    const values = { done: runner.done, total: runner.total, unit: t(unitKey), seconds: fixed(runner.elapsedMs / 1000, 1) };
    switch (runner.phase) {
      case 'running': return t('experiments.running', values);
      case 'done': return t('experiments.finished', values);
      case 'cancelled': return t('experiments.cancelled', values);
      case 'error': return t('experiments.failed', { message: runner.error });
      default: return t('experiments.ready');
    }
  }

  function update() {
    element.dataset.phase = runner.phase;
    element.dataset.mode = runner.mode;
    const focused = document.activeElement;
    run.disabled = runner.running;
    cancel.disabled = !runner.running;
    if (focused === run && run.disabled) cancel.focus();
    if (focused === cancel && cancel.disabled) run.focus();
    progress.max = Math.max(1, runner.total);
    progress.value = runner.done;
    const now = performance.now();
    if (runner.phase !== lastPhase || now - lastLive >= liveEveryMs) {
      text.textContent = describe();
      lastLive = now;
      lastPhase = runner.phase;
    }
  }

  update();
  return { element, update };
}
