// The one-click comparison: the same data, network size, seeds and steps with ReLU and with tanh,
// trained by the page's engine; one chart with both fits over the targets and a table of the final
// loss and linear pieces, so "piecewise linear" and "smooth" sit side by side.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { createChart, palette, lineLegendLabels } from '../../charts.js';
import { chartBox, activationLabel } from '../shared/controls.js';
import { trainerSpec, curveXs, viewRange, coordinate, compareSteps, dataRange } from './settings.js';

const contenders = [
  { activation: 'relu', colour: palette[1], dash: [] },
  { activation: 'tanh', colour: palette[0], dash: [8, 4] },
];

/** Trains each contender on `settings` for compareSteps steps: [{activation, loss, pieces, output}]. */
export function runComparison(engine, settings, xs) {
  return contenders.map(({ activation }) => {
    const trainer = engine.createTrainer(trainerSpec(settings, activation));
    try {
      trainer.train(compareSteps);
      trainer.recordStats();
      const history = trainer.history();
      const range = dataRange(trainer.data().train.x);
      const view = trainer.curve(xs, range);
      return { activation, loss: history.trainLoss.at(-1), pieces: view.pieces, output: view.output, diverged: trainer.status().diverged };
    } finally {
      trainer.delete();
    }
  });
}

// The comparison chart: targets and both fits on the fit chart's axes.
function createCompareChart(canvas) {
  return createChart(canvas, {
    type: 'line', data: { datasets: [] },
    options: {
      parsing: false,
      scales: { x: { type: 'linear', min: viewRange.min, max: viewRange.max }, y: { type: 'linear', min: coordinate.min, max: coordinate.max } },
      plugins: { legend: { position: 'bottom', labels: lineLegendLabels }, tooltip: { enabled: false } },
    },
  });
}

/** The comparison section (its chart is made on the first comparison). Returns {element, xs, show(results, targets), destroy()}. */
export function createComparison() {
  const table = el('table', { className: 'fit-compare-table' });
  const element = el('section', { className: 'fit-compare', 'aria-label': t('fit.compareTitle'), hidden: true }, [
    el('h3', { text: t('fit.compareTitle') }), el('p', { className: 'hint', text: t('fit.compareHint', { steps: compareSteps }) }), table,
  ]);
  let chart = null;
  const xs = curveXs();

  return {
    element,
    xs,
    show(results, targets) {
      element.hidden = false;
      if (!chart) {
        const box = chartBox(t('fit.compareChartLabel'), 'chart-short fit-compare-chart');
        table.before(box.element);
        chart = createCompareChart(box.canvas);
      }
      chart.data.datasets = [
        { label: t('fit.legendTargets'), data: targets, showLine: false, pointRadius: 3, borderColor: '#000000', backgroundColor: '#000000' },
        ...results.map((r, i) => ({
          label: activationLabel(r.activation), data: xs.map((x, k) => ({ x, y: r.output[k] })), borderColor: contenders[i].colour,
          backgroundColor: contenders[i].colour, borderDash: contenders[i].dash, borderWidth: 2.5, pointRadius: 0,
        })),
      ];
      chart.update('none');
      const head = el('tr', {}, [t('fit.compareActivation'), t('fit.compareLoss'), t('fit.comparePieces')].map((text) => el('th', { scope: 'col', text })));
      const body = results.map((r) => el('tr', { 'data-activation': r.activation }, [
        el('th', { scope: 'row', text: activationLabel(r.activation) }),
        el('td', { className: 'fit-compare-loss', text: r.diverged ? t('fit.diverged') : r.loss.toFixed(5) }),
        el('td', { className: 'fit-compare-pieces', text: r.pieces > 0 ? String(r.pieces) : t('fit.smooth') }),
      ]));
      table.replaceChildren(el('caption', { text: t('fit.compareCaption', { steps: compareSteps }) }), el('thead', {}, head), el('tbody', {}, body));
    },
    destroy() { chart?.destroy(); },
  };
}
