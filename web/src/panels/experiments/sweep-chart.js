// The learning-rate sweep's charts: per series (activation x optimiser x initial bias) the mean
// over seeds, the spread band, each seed's run and the diverged runs on a log rate axis; the
// unit chart and the accuracy chart.
import { t } from '../../i18n.js';
import { createChart, palette } from '../../charts.js';
import { activationLabel } from '../shared/controls.js';
import { shortNumber } from '../shared/format.js';

/** Each activation of the sweep, the unit state it counts, its colour, dash and marker. */
export const activations = [
  { activation: 'relu', unitKey: 'deadFraction', colour: palette[1], fill: 'rgba(213, 94, 0, 0.16)', dots: 'rgba(213, 94, 0, 0.5)', dash: [], marker: 'circle' },
  { activation: 'leaky_relu', unitKey: 'dormantFraction', colour: palette[0], fill: 'rgba(0, 114, 178, 0.14)', dots: 'rgba(0, 114, 178, 0.5)', dash: [8, 4], marker: 'triangle' },
];
const remedyDashes = [[], [2, 3], [10, 3, 2, 3], [12, 4], [1, 2], [6, 2, 2, 2]];
const remedyMarkers = ['rect', 'rectRot', 'star', 'crossRot', 'cross', 'rectRounded'];
/** The plain setting every remedy is compared with. */
export const plain = { optimizer: 'sgd', bias: 0 };

/**
 * The series of a sweep over `optimizers` x `biases` (numbers): every activation with every remedy,
 * keyed 'activation|optimizer|bias'. The plain remedy keeps the activation's own dash and marker.
 */
export function sweepSeries(optimizers, biases) {
  const remedies = optimizers.flatMap((optimizer) => biases.map((bias) => ({ optimizer, bias })));
  const shown = optimizers.length > 1 || biases.length > 1 || optimizers[0] !== plain.optimizer || biases[0] !== plain.bias;
  return activations.flatMap((a) => remedies.map((remedy, i) => {
    const isPlain = remedy.optimizer === plain.optimizer && remedy.bias === plain.bias;
    const style = isPlain ? {} : { dash: remedyDashes[i % remedyDashes.length], marker: remedyMarkers[i % remedyMarkers.length] };
    const name = () => (shown
      ? t('experiments.sweep.seriesName', { activation: activationLabel(a.activation), optimizer: t(`experiments.optimizers.${remedy.optimizer}`), bias: remedy.bias })
      : activationLabel(a.activation));
    return { ...a, ...style, ...remedy, key: `${a.activation}|${remedy.optimizer}|${remedy.bias}`, name };
  }));
}
const divergedY = 1.1;
const yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1, divergedY];

/** A fraction as a whole percentage: 0.416 -> 42%. */
export const percent = (value) => `${Math.round(value * 100)}%`;

/** Mean, lowest and highest of `key` over the runs that did not diverge (null when all diverged). */
export function spread(runs, key) {
  const values = runs.filter((run) => !run.diverged).map((run) => run[key]);
  const diverged = runs.length - values.length;
  if (values.length === 0) return { diverged, mean: null, min: null, max: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { diverged, mean, min: Math.min(...values), max: Math.max(...values) };
}

/** The chart datasets of `metric` ('units' or 'accuracy') for `results` {rates, series, runs}, x from lo to hi. */
export function sweepDatasets(results, metric, [lo, hi], planned) {
  const out = [];
  const rates = results?.rates ?? [];
  for (const s of results?.series ?? planned) {
    const runs = results?.runs[s.key] ?? [];
    const key = metric === 'units' ? s.unitKey : 'testAccuracy';
    const stats = rates.map((rate, i) => ({ rate, ...spread(runs[i] ?? [], key), count: runs[i]?.length ?? 0 }));
    const shown = stats.filter((p) => p.count > 0);
    const point = (stat) => shown.map((p) => ({ x: p.rate, y: p[stat] }));
    const name = s.name();
    out.push(
      { label: t('experiments.sweep.lowest', { name }), data: point('min'), borderWidth: 0, pointRadius: 0, fill: false, legend: false },
      { label: t('experiments.sweep.range', { name }), data: point('max'), borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: s.fill, legend: false },
      {
        label: t('experiments.sweep.seedRuns', { name }), showLine: false, pointStyle: s.marker, pointRadius: 3, borderWidth: 0,
        backgroundColor: s.dots, legend: false,
        data: rates.flatMap((rate, i) => (runs[i] ?? []).filter((r) => !r.diverged).map((r) => ({ x: rate, y: r[key] }))),
      },
      {
        label: t(metric === 'units' ? `experiments.sweep.meanUnits.${s.activation}` : 'experiments.sweep.meanAccuracy', { name }),
        data: point('mean'), borderColor: s.colour, backgroundColor: s.colour, borderDash: s.dash, borderWidth: 2.5,
        pointStyle: s.marker, pointRadius: 4, pointHoverRadius: 6,
      },
      {
        label: t('experiments.sweep.divergedRuns', { name }), showLine: false, pointStyle: 'crossRot', pointRadius: 8, borderWidth: 3,
        borderColor: s.colour, backgroundColor: s.colour, legend: shown.some((p) => p.diverged > 0),
        data: shown.filter((p) => p.diverged > 0).map((p) => ({ x: p.rate, y: divergedY, diverged: p.diverged, count: p.count })),
      },
    );
  }
  if (metric === 'accuracy') {
    out.push({
      label: t('experiments.sweep.chance'), data: [{ x: lo, y: 0.5 }, { x: hi, y: 0.5 }], borderColor: '#6b7280', borderDash: [2, 4],
      borderWidth: 1.5, pointRadius: 0, pointStyle: 'line',
    });
  }
  return out;
}

/** A sweep chart on `canvas`; rates() gives the rates to tick. */
export function sweepChart(canvas, yTitle, rates) {
  return createChart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      parsing: false,
      spanGaps: false,
      scales: {
        x: {
          type: 'logarithmic', title: { display: true, text: t('experiments.sweep.rateAxis') },
          afterBuildTicks: (scale) => { scale.ticks = rates().map((value) => ({ value })); },
          ticks: { callback: (value) => shortNumber(Number(value)), maxRotation: 0, autoSkip: true },
        },
        y: {
          min: 0, max: 1.16, title: { display: true, text: yTitle },
          afterBuildTicks: (scale) => { scale.ticks = yTicks.map((value) => ({ value })); },
          ticks: { callback: (value) => (value === divergedY ? t('experiments.sweep.divergedTick') : percent(value)) },
          grid: { color: (c) => (c.tick?.value === divergedY ? 'rgba(0, 0, 0, 0)' : 'rgba(0, 0, 0, 0.1)') },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, filter: (item, data) => data.datasets[item.datasetIndex].legend !== false } },
        tooltip: {
          filter: (item) => item.dataset.legend !== false,
          callbacks: {
            label: (item) => (item.raw.diverged
              ? t('experiments.sweep.divergedTip', { diverged: item.raw.diverged, count: item.raw.count })
              : `${item.dataset.label}: ${percent(item.raw.y)}`),
          },
        },
      },
    },
  });
}
