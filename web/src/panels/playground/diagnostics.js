// "Speed and memory": where training runs (worker or main thread), the time one frame takes
// (training, the batched heatmap call, drawing), epochs per second, and the training engine's
// memory on request. The numbers sit in data-* attributes too, for the benchmark and tests.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button } from '../shared/controls.js';

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');

/** actions: {measureMemory() -> Promise<{heapBytesInUse, memoryBytes}>}. Returns {element, mode(name), frame(timing), relabel()}. */
export function createDiagnostics(actions) {
  const summary = el('summary');
  const modeText = el('p', { className: 'pg-mode' });
  const timingText = el('p', { className: 'pg-timing' });
  const memoryText = el('p', { className: 'pg-memory', 'aria-live': 'polite' });
  const measure = button({ label: '', onClick: () => measureMemory() });
  measure.name = 'measureMemory';
  const element = el('details', { className: 'pg-diagnostics', 'data-view': 'diagnostics' }, [summary, modeText, timingText, el('div', { className: 'pg-buttons' }, [measure]), memoryText]);
  let mode = 'starting';
  let timing = null;
  let memory = null;
  let epochs = [];

  function render() {
    summary.textContent = t('playground.diagnostics');
    measure.textContent = t('playground.measureMemory');
    modeText.dataset.mode = mode;
    modeText.textContent = t(`playground.mode.${mode}`);
    timingText.textContent = timing ? t('playground.timing', {
      train: ms(timing.trainMs), grid: ms(timing.gridMs), draw: ms(timing.drawMs), rate: timing.epochsPerSecond.toFixed(1),
    }) : '';
    memoryText.textContent = memory ? t('playground.memoryText', {
      heap: (memory.heapBytesInUse / 1024).toFixed(1), memory: (memory.memoryBytes / 1048576).toFixed(1),
    }) : '';
  }

  async function measureMemory() {
    memoryText.dataset.pending = 'true';
    try {
      memory = await actions.measureMemory();
      Object.assign(memoryText.dataset, { heapBytesInUse: String(memory.heapBytesInUse), memoryBytes: String(memory.memoryBytes), pending: 'false' });
      render();
    } catch (error) {
      memoryText.dataset.pending = 'false';
      memoryText.textContent = error.message;
    }
  }

  render();
  return {
    element,
    relabel: render,
    mode(name) {
      mode = name;
      render();
    },
    /**
     * Records one drawn frame: {trainMs, lifeMs (settling the life record), gridMs, snapshotMs (stats + grid + parameters),
     * statsMs (of it, the statistics row), drawMs, epoch, steps}.
     */
    frame(next) {
      const time = globalThis.performance.now();
      epochs.push({ time, epoch: next.epoch });
      epochs = epochs.filter((e) => time - e.time <= 2000);
      const first = epochs[0];
      const span = (time - first.time) / 1000;
      timing = { ...next, epochsPerSecond: span > 0 ? Math.max(0, next.epoch - first.epoch) / span : 0 };
      Object.assign(timingText.dataset, {
        trainMs: String(next.trainMs ?? 0), gridMs: String(next.gridMs ?? 0), snapshotMs: String(next.snapshotMs ?? 0),
        statsMs: String(next.statsMs ?? 0), lifeMs: String(next.lifeMs ?? 0),
        drawMs: String(next.drawMs ?? 0),
        steps: String(next.steps ?? 0), epochsPerSecond: String(timing.epochsPerSecond),
      });
      if (element.open) render();
    },
  };
}
