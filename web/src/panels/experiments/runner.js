// Runs an experiment as engine calls spread over the experiments' pool of Web Workers (or, where
// none starts, one per main-thread task), so the page stays responsive, and shows it: Run and
// Cancel buttons, a <progress> bar and a polite live status line saying where the runs happen.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { field } from '../../settings.js';
import { button, uniqueId } from '../shared/controls.js';
import { fixed } from '../shared/format.js';

const maxWorkers = 4;

/** The pool's setting: at most this many Web Workers (fewer on a machine with fewer cores). */
export const schema = { poolWorkers: field.integer(maxWorkers, 1, maxWorkers) };

/** The state of one experiment's runs: phase 'idle' | 'running' | 'done' | 'cancelled' | 'error'. */
export class ExperimentRun {
  phase = 'idle';
  done = 0;
  total = 0;
  elapsedMs = 0;
  error = '';
  #job = null;
  #onChange;
  #pool;

  /** pool: the experiments' worker pool (experiments/pool.js); onChange() after every result and every change of phase. */
  constructor(pool, onChange) {
    this.#pool = pool;
    this.#onChange = onChange;
  }

  get running() { return this.phase === 'running'; }

  /** Where the engine calls run: 'idle' (none yet), 'starting', 'worker' or 'main'. */
  get mode() { return this.#pool.mode; }

  /** How many workers (or main-thread members) run the calls. */
  get members() { return this.#pool.members; }

  /** Makes each of `steps` ({method, args, store(result)}) as one engine call, spread over the pool; stores in step order until all ran or cancel(). */
  async run(steps) {
    this.#job?.cancel();
    Object.assign(this, { phase: 'running', done: 0, total: steps.length, elapsedMs: 0, error: '' });
    const start = performance.now();
    const job = this.#pool.run(steps, (index, result) => {
      steps[index].store(result);
      this.done += 1;
      this.elapsedMs = performance.now() - start;
      this.#onChange();
    });
    this.#job = job;
    this.#onChange();
    try {
      if (await job.done === 'cancelled') return;
      this.phase = 'done';
    } catch (error) {
      if (this.#job !== job) return;
      Object.assign(this, { phase: 'error', error: error.message, elapsedMs: performance.now() - start });
    }
    this.#onChange();
  }

  /** Stops a running experiment at once: the workers busy with it are terminated. */
  cancel() {
    if (!this.running) return;
    this.#job.cancel();
    this.phase = 'cancelled';
    this.#onChange();
  }

  /** Stops any run and every later callback. */
  destroy() {
    this.#job?.cancel();
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
  let lastWhere = '';

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

  function where() {
    if (runner.phase === 'idle' || runner.phase === 'error') return '';
    if (runner.mode === 'main') return t('experiments.where.main');
    if (runner.mode !== 'worker') return '';
    return t(runner.members === 1 ? 'experiments.where.worker' : 'experiments.where.workers', { count: runner.members });
  }

  function update() {
    element.dataset.phase = runner.phase;
    element.dataset.mode = runner.mode;
    element.dataset.members = runner.members;
    const focused = document.activeElement;
    run.disabled = runner.running;
    cancel.disabled = !runner.running;
    if (focused === run && run.disabled) cancel.focus();
    if (focused === cancel && cancel.disabled) run.focus();
    progress.max = Math.max(1, runner.total);
    progress.value = runner.done;
    const now = performance.now();
    const place = where();
    if (runner.phase !== lastPhase || place !== lastWhere || now - lastLive >= liveEveryMs) {
      text.textContent = [describe(), place].filter(Boolean).join(' ');
      lastLive = now;
      lastPhase = runner.phase;
      lastWhere = place;
    }
  }

  update();
  return { element, update };
}
