// One run of the compare view as a small multiple: its value of the varied setting, the output
// heatmap with the points, and the engine's step, training loss, test accuracy, dead and dormant
// counts (also in data-* attributes, for tests and the host page).
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { createDecisionView } from '../../training/views/decision-view.js';
import { blockOffsets } from '../../training/grid-blocks.js';
import { percent } from './findings.js';

/** A loss as the cards show it: 4 decimals, or 3 significant digits below 0.001 (so a tiny loss is not shown as 0). */
const lossText = (v) => {
  if (!Number.isFinite(v)) return '–';
  return v === 0 || Math.abs(v) >= 0.001 ? v.toFixed(4) : v.toExponential(2);
};

/** A readout row: its <div> with <dt> and <dd>, and the <dd>. */
function readout(name) {
  const value = el('dd', { className: `cmp-${name}`, text: '–' });
  return { element: el('div', { className: 'cmp-readout' }, [el('dt'), value]), value, name };
}

/** A card for run `index`. Returns {element, label(setting, value), show(summary, frame, data), destroy()}. */
export function createRunCard(index) {
  const title = el('h3', { className: 'cmp-run-title', id: `cmp-run-${index}-title` });
  const canvas = el('canvas', { className: 'cmp-heatmap', role: 'img' });
  const rows = [readout('step'), readout('loss'), readout('accuracy'), readout('dead'), readout('dormant')];
  const note = el('p', { className: 'cmp-diverged', hidden: true });
  const element = el('section', { className: 'cmp-run', 'aria-labelledby': title.id, 'data-run': String(index) }, [
    title, canvas, el('dl', { className: 'cmp-readouts' }, rows.map((row) => row.element)), note,
  ]);
  const view = createDecisionView(canvas);
  const labels = { step: 'compare.stepCount', loss: 'compare.trainLoss', accuracy: 'compare.testAccuracy', dead: 'compare.dead', dormant: 'compare.dormant' };

  return {
    element,
    /** Names the run in the current language: "{setting}: {value}". */
    label(setting, value) {
      title.textContent = t('compare.runTitle', { setting, value });
      canvas.setAttribute('aria-label', t('compare.heatmapLabel', { setting, value }));
      for (const row of rows) row.element.firstChild.textContent = t(labels[row.name]);
    },
    /** Shows a run's summary {step, trainLoss, testAccuracy, dead, dormant, total, diverged} and, when it has one, its frame's output grid. */
    show(summary, frame, data) {
      const counts = (n) => (summary.total ? `${n} / ${summary.total}` : '–');
      const texts = { step: String(summary.step), loss: lossText(summary.trainLoss), accuracy: percent(summary.testAccuracy), dead: counts(summary.dead), dormant: counts(summary.dormant) };
      for (const row of rows) row.value.textContent = texts[row.name];
      Object.assign(element.dataset, {
        step: String(summary.step), loss: String(summary.trainLoss), accuracy: String(summary.testAccuracy),
        dead: String(summary.dead), dormant: String(summary.dormant), total: String(summary.total), diverged: String(summary.diverged),
      });
      note.hidden = !summary.diverged;
      note.textContent = summary.diverged ? t('compare.diverged', { step: summary.step }) : '';
      if (!frame?.grid || !data || !(frame.gridResolutions[frame.network.hiddenUnits] > 0)) return;
      const { hiddenUnits, outputs, head, classes } = frame.network;
      const offsets = blockOffsets(frame.gridResolutions);
      view.update({
        grid: frame.grid.subarray(offsets[hiddenUnits]), resolution: frame.resolution, hiddenUnits: 0, outputs, head, classes, train: data.train, test: data.test, showTest: true,
      });
    },
    destroy() { view.destroy(); },
  };
}
