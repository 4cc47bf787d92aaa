// Training and test loss (left axis, linear or log) and accuracy (right axis, 0 to 1) against
// steps, fed with trainer.history(from) deltas; long runs are thinned to a few thousand points.
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import { createChart, seriesStyle, lineLegendLabels } from '../../charts.js';
import strings from '../../i18n/training-views.js';
import { createHistorySeries } from './history-series.js';
import { createRedrawThrottle } from './chart-redraw.js';

registerStrings('trainingViews', strings);

const series = [
  { key: 'trainLoss', axis: 'y', style: 0 },
  { key: 'testLoss', axis: 'y', style: 1 },
  { key: 'trainAccuracy', axis: 'y1', style: 2 },
  { key: 'testAccuracy', axis: 'y1', style: 3 },
];

function mantissa(value) {
  return Number((value / 10 ** Math.floor(Math.log10(value))).toPrecision(2));
}

/**
 * Log-axis tick labels: 1, 2, 5 x 10^k, else whole mantissas, else all, whichever first labels two
 * ticks; a label that repeats the tick below it (a nearly flat curve) is left out.
 */
export function logTick(value, index, ticks) {
  const tiers = [(m) => m === 1 || m === 2 || m === 5, Number.isInteger, () => true];
  const tier = tiers.find((keep) => ticks.filter((tick) => keep(mantissa(tick.value))).length >= 2) ?? tiers[2];
  const label = (v) => String(Number(v.toPrecision(2)));
  if (!tier(mantissa(value))) return '';
  return index > 0 && label(ticks[index - 1].value) === label(value) ? '' : label(value);
}

/** The loss axis's options: log (true) or linear (false). */
function lossAxis(logScale) {
  return logScale
    ? { type: 'logarithmic', beginAtZero: false, ticks: { callback: logTick } }
    : { type: 'linear', beginAtZero: true, ticks: {} };
}

/** Axis titles and series labels in the current language. */
function labels(logScale) {
  return {
    series: series.map(({ key }) => t(`trainingViews.${key}`)),
    x: t('trainingViews.stepAxis'),
    y: t(logScale ? 'trainingViews.lossAxisLog' : 'trainingViews.lossAxis'),
    y1: t('trainingViews.accuracyAxis'),
  };
}

/** A Chart.js chart on `canvas` (its parent must be sized), made in one construction with its labels; logScale: the loss axis at first. */
export function createLossChart(canvas, { logScale: initialLog = false } = {}) {
  const history = createHistorySeries(
    (delta, r) => delta.step[r],
    Object.fromEntries(series.map(({ key }) => [key, (delta, r) => delta[key][r]])),
  );
  let logScale = Boolean(initialLog);
  const text = labels(logScale);

  const chart = createChart(canvas, {
    type: 'line',
    data: {
      datasets: series.map(({ key, axis, style }, i) => ({
        label: text.series[i],
        data: history.data[key],
        yAxisID: axis,
        ...seriesStyle(style),
        borderWidth: axis === 'y' ? 2.5 : 2,
        pointRadius: 0,
        pointHitRadius: 4,
        fill: false,
        parsing: false,
        normalized: true,
      })),
    },
    options: {
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', bounds: 'data', min: 0, suggestedMax: 10, title: { display: true, text: text.x }, ticks: { maxTicksLimit: 8, precision: 0 } },
        y: { position: 'left', title: { display: true, text: text.y }, ...lossAxis(logScale) },
        y1: {
          type: 'linear', position: 'right', min: 0, max: 1, display: true, title: { display: true, text: text.y1 }, grid: { drawOnChartArea: false },
          ticks: { callback: (value) => `${Math.round(value * 100)}%` },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { ...lineLegendLabels, filter: (item) => chart.options.scales.y1.display || series[item.datasetIndex].axis !== 'y1' } },
        tooltip: {
          callbacks: {
            title: (items) => `${t('trainingViews.stepAxis')} ${items[0]?.parsed.x ?? ''}`,
            label: (item) => `${item.dataset.label}: ${item.dataset.yAxisID === 'y1'
              ? `${(item.parsed.y * 100).toFixed(1)}%` : Number(item.parsed.y.toPrecision(4))}`,
          },
        },
      },
    },
  });

  function relabel() {
    const next = labels(logScale);
    chart.data.datasets.forEach((dataset, i) => { dataset.label = next.series[i]; });
    chart.options.scales.x.title.text = next.x;
    chart.options.scales.y.title.text = next.y;
    chart.options.scales.y1.title.text = next.y1;
    chart.update('none');
  }

  const redraw = createRedrawThrottle(chart);
  const stopListening = onLanguageChange(relabel);

  return {
    /** Adds a trainer.history(from) delta and redraws. */
    append(delta) {
      if (delta.step.length === 0 && delta.from >= history.rows) return;
      history.append(delta);
      redraw.request();
    },
    /** Empties the chart (no redraw when it is empty already). */
    reset() {
      if (history.rows === 0) return;
      history.reset();
      chart.update('none');
    },
    /** Shows the accuracy lines and axis (classes) or hides them (regression: real-valued targets have no accuracy). */
    showAccuracy(on) {
      if (chart.options.scales.y1.display === on) return;
      chart.options.scales.y1.display = on;
      chart.data.datasets.forEach((dataset, i) => { if (series[i].axis === 'y1') dataset.hidden = !on; });
      chart.update('none');
    },
    /** Log (true) or linear (false) loss axis. */
    setLogScale(on) {
      if (logScale === Boolean(on)) return;
      logScale = Boolean(on);
      Object.assign(chart.options.scales.y, lossAxis(logScale));
      relabel();
    },
    destroy() {
      stopListening();
      redraw.destroy();
      chart.destroy();
    },
  };
}
