// Learning-rate sweep: the engine trains the same small network for every activation x
// learning rate x seed (one sweepPoint per task); this module plots dead / dormant units and
// test accuracy against the rate (log axis) with the spread over seeds, and tabulates them.
import { t } from '../../i18n.js';
import { field } from '../../settings.js';
import { createChart, palette } from '../../charts.js';
import { el } from '../../dom.js';
import { numberField, selectField, chartBox, activationLabel } from '../shared/controls.js';
import { Runner, runBar } from './runner.js';

const datasets = ['circle', 'xor', 'gaussians', 'spiral', 'moons'];

export const schema = {
  sweepDataset: field.choice('circle', datasets),
  sweepPoints: field.integer(500, 20, 2000),
  sweepLayers: field.integer(2, 1, 6),
  sweepUnits: field.integer(8, 1, 32),
  sweepSteps: field.integer(600, 10, 5000),
  sweepBatch: field.integer(10, 1, 200),
  sweepAlpha: field.number(0.01, 0, 0.9),
  sweepRateMin: field.number(0.001, 0.00001, 1),
  sweepRateMax: field.number(10, 0.001, 100),
  sweepRates: field.integer(9, 2, 25),
  sweepSeeds: field.integer(6, 1, 20),
};

/** Each activation of the sweep, the unit state it counts, its colour, dash and marker. */
const series = [
  { activation: 'relu', unitKey: 'deadFraction', colour: palette[1], fill: 'rgba(213, 94, 0, 0.16)', dots: 'rgba(213, 94, 0, 0.5)', dash: [], marker: 'circle' },
  { activation: 'leaky_relu', unitKey: 'dormantFraction', colour: palette[0], fill: 'rgba(0, 114, 178, 0.14)', dots: 'rgba(0, 114, 178, 0.5)', dash: [8, 4], marker: 'triangle' },
];
const divergedY = 1.1;
const yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1, divergedY];

const percent = (value) => `${Math.round(value * 100)}%`;
const rateText = (rate) => String(Number(rate.toPrecision(2)));

/** Mean, lowest and highest of `key` over the runs that did not diverge (null when all diverged). */
function spread(runs, key) {
  const values = runs.filter((run) => !run.diverged).map((run) => run[key]);
  const diverged = runs.length - values.length;
  if (values.length === 0) return { diverged, mean: null, min: null, max: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { diverged, mean, min: Math.min(...values), max: Math.max(...values) };
}

/** The engine's sweep spec for settings `s`. */
export function sweepSpec(s) {
  return {
    data: { kind: s.sweepDataset, size: s.sweepPoints, seed: 1 },
    network: {
      hiddenLayers: Array(s.sweepLayers).fill(s.sweepUnits), head: 'sigmoid_cross_entropy', init: 'he', alpha: s.sweepAlpha,
    },
    batchSize: s.sweepBatch,
    steps: s.sweepSteps,
  };
}

/** The sweep experiment; get() and save(next) read and write the panel settings. */
export function createSweep({ engine, get, save }) {
  let results = null;
  let charts = [];
  let view = {};
  let lastDraw = 0;
  const runner = new Runner(() => {
    view.bar?.update();
    const now = performance.now();
    if (!runner.running || now - lastDraw > 200) {
      lastDraw = now;
      draw();
    }
  });

  function plannedRates() {
    const s = get();
    try {
      return s.sweepRateMin < s.sweepRateMax ? [...engine.logSpaced(s.sweepRateMin, s.sweepRateMax, s.sweepRates)] : [0.001, 10];
    } catch {
      return [0.001, 10];
    }
  }

  function start() {
    const s = get();
    if (!(s.sweepRateMin < s.sweepRateMax)) {
      view.rangeNote.hidden = false;
      return;
    }
    view.rangeNote.hidden = true;
    const spec = sweepSpec(s);
    const rates = [...engine.logSpaced(s.sweepRateMin, s.sweepRateMax, s.sweepRates)];
    const seeds = Array.from({ length: s.sweepSeeds }, (_, i) => i + 1);
    results = { rates, steps: s.sweepSteps, runs: Object.fromEntries(series.map((x) => [x.activation, rates.map(() => [])])) };
    const steps = [];
    rates.forEach((rate, i) => {
      for (const seed of seeds) {
        for (const { activation } of series) {
          steps.push(() => results.runs[activation][i].push(engine.sweepPoint(spec, activation, rate, seed)));
        }
      }
    });
    runner.run(steps);
  }

  function datasetsFor(metric) {
    const out = [];
    const rates = results?.rates ?? [];
    for (const s of series) {
      const runs = results?.runs[s.activation] ?? [];
      const key = metric === 'units' ? s.unitKey : 'testAccuracy';
      const stats = rates.map((rate, i) => ({ rate, ...spread(runs[i] ?? [], key), count: runs[i]?.length ?? 0 }));
      const shown = stats.filter((p) => p.count > 0);
      const point = (stat) => shown.map((p) => ({ x: p.rate, y: p[stat] }));
      const name = activationLabel(s.activation);
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
      const [lo, hi] = xRange();
      out.push({
        label: t('experiments.sweep.chance'), data: [{ x: lo, y: 0.5 }, { x: hi, y: 0.5 }], borderColor: '#6b7280', borderDash: [2, 4],
        borderWidth: 1.5, pointRadius: 0, pointStyle: 'line',
      });
    }
    return out;
  }

  function xRange() {
    const rates = results?.rates ?? plannedRates();
    return [Math.min(...rates) / 1.4, Math.max(...rates) * 1.4];
  }

  function chartFor(canvas, yTitle) {
    return createChart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        parsing: false,
        spanGaps: false,
        scales: {
          x: {
            type: 'logarithmic', title: { display: true, text: t('experiments.sweep.rateAxis') },
            afterBuildTicks: (scale) => { scale.ticks = (results?.rates ?? plannedRates()).map((value) => ({ value })); },
            ticks: { callback: (value) => rateText(Number(value)), maxRotation: 0, autoSkip: true },
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

  function draw() {
    if (charts.length === 0) return;
    const [lo, hi] = xRange();
    charts.forEach((chart, i) => {
      chart.data.datasets = datasetsFor(i === 0 ? 'units' : 'accuracy');
      Object.assign(chart.options.scales.x, { min: lo, max: hi });
      chart.update('none');
    });
    drawTable();
    drawFindings();
  }

  function cell(stats) {
    if (stats.mean === null) return el('td', { text: '—' });
    const range = stats.max - stats.min > 0.005 ? `${Math.round(stats.min * 100)}–${percent(stats.max)}` : '';
    return el('td', {}, [el('span', { className: 'mean', text: percent(stats.mean) }), range ? el('span', { className: 'range', text: range }) : null]);
  }

  function drawTable() {
    const rows = (results?.rates ?? []).map((rate, i) => {
      const cells = [el('th', { scope: 'row', text: rateText(rate) })];
      for (const s of series) {
        const runs = results.runs[s.activation][i];
        if (runs.length === 0) {
          cells.push(el('td', { text: '…' }), el('td', { text: '…' }), el('td', { text: '…' }));
          continue;
        }
        const units = spread(runs, s.unitKey);
        cells.push(cell(units), cell(spread(runs, 'testAccuracy')),
          el('td', { className: units.diverged > 0 ? 'diverged' : '', text: `${units.diverged}/${runs.length}` }));
      }
      return el('tr', {}, cells);
    });
    view.tableBody.replaceChildren(...rows);
    view.table.hidden = rows.length === 0;
  }

  function drawFindings() {
    const lines = [];
    const runs = results?.runs;
    const last = (results?.rates.length ?? 0) - 1;
    if (runs && runs.relu[0].length > 0 && runs.relu[last].length > 0) {
      const [low, high] = [spread(runs.relu[0], 'deadFraction'), spread(runs.relu[last], 'deadFraction')];
      const accuracy = runs.relu.map((rateRuns) => (rateRuns.length > 0 ? spread(rateRuns, 'testAccuracy') : { mean: null }));
      const [accLow, accHigh] = [accuracy[0], accuracy[last]];
      const best = accuracy.reduce((b, s, i) => (s.mean !== null && (b < 0 || s.mean > accuracy[b].mean) ? i : b), -1);
      const show = (s) => (s.mean === null ? '—' : percent(s.mean));
      const values = {
        low: show(low), high: show(high), lowRate: rateText(results.rates[0]), highRate: rateText(results.rates[last]),
        accLow: show(accLow), accHigh: show(accHigh), steps: results.steps,
        accBest: best < 0 ? '—' : show(accuracy[best]), bestRate: best < 0 ? '—' : rateText(results.rates[best]),
      };
      lines.push(t('experiments.sweep.findRelu', values));
      if (best >= 0 && accLow.mean !== null && accLow.mean < accuracy[best].mean - 0.1 && low.mean < 0.1) lines.push(t('experiments.sweep.findSlow', values));
      if (accHigh.mean !== null && high.mean >= 0.5) lines.push(t('experiments.sweep.findDead', values));
      const leaky = runs.leaky_relu[last];
      if (leaky.length > 0) {
        const dormant = spread(leaky, 'dormantFraction');
        const dead = Math.max(...runs.leaky_relu.flat().map((r) => r.deadFraction));
        lines.push(t(dead > 0 ? 'experiments.sweep.findLeaky' : 'experiments.sweep.findLeakyNone', {
          dead: percent(dead), high: show(dormant), highRate: rateText(results.rates[last]), diverged: dormant.diverged, count: leaky.length,
        }));
      }
    }
    view.findings.replaceChildren(...lines.map((line) => el('li', { text: line })));
    view.findings.hidden = lines.length === 0;
  }

  function control(key, labelKey, limits) {
    const f = schema[key];
    return numberField({
      label: t(labelKey), value: get()[key], min: f.min, max: f.max, step: limits.step ?? 1, integer: f.kind === 'integer', name: key,
      onChange: (value) => save({ [key]: value }),
    }).element;
  }

  /** Appends the experiment's section to `container`, drawn from the stored results (a language change rebuilds it). */
  function build(container) {
    for (const chart of charts) chart.destroy();
    const units = chartBox(t('experiments.sweep.unitsLabel'), 'sweep-units');
    const accuracy = chartBox(t('experiments.sweep.accuracyLabel'), 'sweep-accuracy');
    const head = el('thead', {}, [
      el('tr', {}, [
        el('th', { scope: 'col', rowspan: 2, text: t('experiments.sweep.rateColumn') }),
        ...series.map((s) => el('th', { scope: 'colgroup', colspan: 3, text: activationLabel(s.activation) })),
      ]),
      el('tr', {}, series.flatMap((s) => [
        el('th', { scope: 'col', text: t(s.activation === 'relu' ? 'experiments.sweep.deadColumn' : 'experiments.sweep.dormantColumn') }),
        el('th', { scope: 'col', text: t('experiments.sweep.accuracyColumn') }),
        el('th', { scope: 'col', text: t('experiments.sweep.divergedColumn') }),
      ])),
    ]);
    view = {
      tableBody: el('tbody'),
      findings: el('ul', { className: 'findings', hidden: true }),
      rangeNote: el('p', { className: 'note note-callout', role: 'alert', hidden: true, text: t('experiments.sweep.rangeError') }),
    };
    view.table = el('div', { className: 'sweep-table' }, [
      el('h4', { id: 'experiments-sweep-table', text: t('experiments.sweep.tableCaption') }),
      el('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'experiments-sweep-table' }, [
        el('table', { className: 'data-table', 'aria-labelledby': 'experiments-sweep-table' }, [head, view.tableBody]),
      ]),
    ]);
    view.bar = runBar(runner, { unitKey: 'experiments.runs', runLabel: t('experiments.sweep.run'), onRun: start });
    const s = get();
    const section = el('section', { className: 'experiment sweep', 'aria-labelledby': 'experiments-sweep-title' }, [
      el('h3', { id: 'experiments-sweep-title', className: 'experiment-title', text: t('experiments.sweep.title') }),
      el('p', { className: 'experiment-intro', text: t('experiments.sweep.intro') }),
      el('div', { className: 'panel-grid' }, [
        el('div', { className: 'panel-side' }, [
          view.bar.element,
          view.rangeNote,
          el('fieldset', { className: 'control-grid' }, [
            el('legend', { text: t('experiments.sweep.setup') }),
            selectField({
              label: t('experiments.sweep.dataset'), value: s.sweepDataset, name: 'sweepDataset',
              options: datasets.map((value) => ({ value, label: t(`experiments.datasets.${value}`) })),
              onChange: (sweepDataset) => save({ sweepDataset }),
            }).element,
            control('sweepPoints', 'experiments.sweep.points', {}),
            control('sweepLayers', 'experiments.sweep.layers', {}),
            control('sweepUnits', 'experiments.sweep.units', {}),
            control('sweepSteps', 'experiments.sweep.steps', {}),
            control('sweepBatch', 'experiments.sweep.batch', {}),
          ]),
          el('fieldset', { className: 'control-grid' }, [
            el('legend', { text: t('experiments.sweep.ratesAndSeeds') }),
            control('sweepRateMin', 'experiments.sweep.rateMin', { step: 'any' }),
            control('sweepRateMax', 'experiments.sweep.rateMax', { step: 'any' }),
            control('sweepRates', 'experiments.sweep.rateCount', {}),
            control('sweepSeeds', 'experiments.sweep.seeds', {}),
            control('sweepAlpha', 'experiments.sweep.alpha', { step: 0.01 }),
          ]),
          el('p', { className: 'note', text: t('experiments.sweep.head') }),
        ]),
        el('div', { className: 'panel-main' }, [
          el('figure', {}, [el('figcaption', { text: t('experiments.sweep.unitsChart') }), units.element]),
          el('figure', {}, [el('figcaption', { text: t('experiments.sweep.accuracyChart') }), accuracy.element]),
          el('p', { className: 'note', text: t('experiments.sweep.legendNote') }),
          view.findings,
        ]),
      ]),
      view.table,
      el('div', { className: 'panel-explain' }, [
        el('h4', { text: t('experiments.sweep.whyTitle') }),
        el('p', { text: t('experiments.sweep.why1') }),
        el('p', { text: t('experiments.sweep.why2') }),
        el('p', { text: t('experiments.sweep.why3') }),
      ]),
    ]);
    container.append(section);
    charts = [chartFor(units.canvas, t('experiments.sweep.unitsAxis')), chartFor(accuracy.canvas, t('experiments.sweep.accuracyAxis'))];
    draw();
  }

  return {
    build,
    destroy() {
      runner.destroy();
      for (const chart of charts) chart.destroy();
      charts = [];
    },
  };
}
