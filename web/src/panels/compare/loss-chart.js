// The compare view's loss chart: every run's training loss against steps on one log axis, each
// run in its own colour and dash pattern (web/src/charts.js), fed with the runs' history deltas.
import { t, onLanguageChange } from '../../i18n.js';
import { createChart, seriesStyle, lineLegendLabels } from '../../charts.js';
import { createHistorySeries } from '../../training/views/history-series.js';
import { createRedrawThrottle } from '../../training/views/chart-redraw.js';
import { logTick } from '../../training/views/loss-chart.js';

/** A chart on `canvas` (its parent must be sized). Returns {start(count), label(labels), reset(index), append(index, delta), destroy()}. */
export function createRunsLossChart(canvas) {
  let series = [];
  const axis = { title: { display: true } };
  const chart = createChart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      scales: { x: { ...axis, type: 'linear', min: 0, ticks: { precision: 0 } }, y: { ...axis, type: 'logarithmic', ticks: { callback: logTick } } },
      plugins: { legend: { position: 'bottom', labels: lineLegendLabels } },
    },
  });
  const redraw = createRedrawThrottle(chart);

  function relabel() {
    chart.options.scales.x.title.text = t('trainingViews.stepAxis');
    chart.options.scales.y.title.text = t('trainingViews.lossAxisLog');
    canvas.setAttribute('aria-label', t('compare.lossChartLabel'));
    chart.update('none');
  }
  relabel();
  const stopListening = onLanguageChange(relabel);

  return {
    /** Empties the chart for `count` new runs. */
    start(count) {
      redraw.cancel();
      series = Array.from({ length: count }, () => createHistorySeries((delta, r) => delta.step[r], { trainLoss: (delta, r) => delta.trainLoss[r] }));
      chart.data.datasets = series.map((each, i) => ({
        label: '', data: each.data.trainLoss, ...seriesStyle(i), borderWidth: 2.5, pointRadius: 0, pointHitRadius: 4, fill: false, parsing: false, normalized: true,
      }));
      chart.update('none');
    },
    /** Names the runs in the legend. */
    label(labels) {
      chart.data.datasets.forEach((dataset, i) => { dataset.label = labels[i]; });
      chart.update('none');
    },
    /** Drops run `index`'s curve (its run was rebuilt). */
    reset(index) { series[index]?.reset(); },
    /** Adds run `index`'s history delta and redraws soon. */
    append(index, delta) {
      if (!series[index] || delta.step.length === 0) return;
      series[index].append(delta);
      redraw.request();
    },
    destroy() {
      stopListening();
      redraw.destroy();
      chart.destroy();
    },
  };
}
