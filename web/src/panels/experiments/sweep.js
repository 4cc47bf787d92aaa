// Learning-rate sweep: the engine trains the same small network for every activation x
// learning rate x seed (one sweepPoint call each, spread over the experiments' worker pool); this module plots
// dead / dormant units and test accuracy against the rate (sweep-chart.js) and tabulates them.
import { t } from '../../i18n.js';
import { field } from '../../settings.js';
import { el } from '../../dom.js';
import { chartBox } from '../shared/controls.js';
import { controlFor } from '../shared/schema-controls.js';
import { shortNumber } from '../shared/format.js';
import { binaryDatasetKinds, network, optimizers } from '../shared/engine-facts.js';
import { ExperimentRun, runBar } from './runner.js';
import { sweepSeries, spread, percent, sweepDatasets, sweepChart } from './sweep-chart.js';
import { remedyControls, remedyFindings } from './sweep-remedies.js';
import { experimentSection } from './section.js';

export const schema = {
  sweepDataset: field.choice('circle', binaryDatasetKinds),
  sweepPoints: field.integer(500, 20, 2000),
  sweepLayers: field.integer(2, 1, network.maxLayers),
  sweepUnits: field.integer(8, 1, network.maxUnits),
  sweepSteps: field.integer(600, 10, 5000),
  sweepBatch: field.integer(10, 1, 200),
  sweepAlpha: field.number(0.01, 0, 0.9, { step: 0.01 }),
  sweepRateMin: field.number(0.001, 0.00001, 1),
  sweepRateMax: field.number(10, 0.001, 100),
  sweepRates: field.integer(9, 2, 25),
  sweepSeeds: field.integer(6, 1, 20),
  sweepOptimizers: field.set(['sgd'], optimizers),
  sweepBiases: field.set(['0'], ['0', '0.1']),
};

/** The series (activation x optimiser x initial bias) settings `s` sweep. */
export function seriesOf(s) {
  return sweepSeries(s.sweepOptimizers, s.sweepBiases.map(Number));
}

/** The spec of one series' runs: the sweep spec with its optimiser and initial bias. */
export function seriesSpec(s, { optimizer, bias }) {
  const spec = sweepSpec(s);
  return { ...spec, optimizer, network: { ...spec.network, initialBias: bias } };
}

/** The engine's sweep spec for settings `s`. */
export function sweepSpec(s) {
  return {
    data: { kind: s.sweepDataset, size: s.sweepPoints, seed: 1 },
    network: {
      hiddenLayers: Array(s.sweepLayers).fill(s.sweepUnits), head: network.head, init: network.init, alpha: s.sweepAlpha,
    },
    batchSize: s.sweepBatch,
    steps: s.sweepSteps,
  };
}

/** The sweep experiment; get() and save(next) read and write the panel settings. */
export function createSweep({ engine, pool, get, save }) {
  let results = null;
  let charts = [];
  let view = {};
  let lastDraw = 0;
  const runner = new ExperimentRun(pool, () => {
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
    const rates = [...engine.logSpaced(s.sweepRateMin, s.sweepRateMax, s.sweepRates)];
    const seeds = Array.from({ length: s.sweepSeeds }, (_, i) => i + 1);
    const series = seriesOf(s);
    results = { rates, steps: s.sweepSteps, series, runs: Object.fromEntries(series.map((x) => [x.key, rates.map(() => [])])) };
    const specs = series.map((x) => seriesSpec(s, x));
    const steps = [];
    rates.forEach((rate, i) => {
      for (const seed of seeds) {
        series.forEach((x, k) => {
          steps.push({ method: 'sweepPoint', args: [specs[k], x.activation, rate, seed], store: (run) => results.runs[x.key][i].push(run) });
        });
      }
    });
    runner.run(steps);
  }

  function xRange() {
    const rates = results?.rates ?? plannedRates();
    return [Math.min(...rates) / 1.4, Math.max(...rates) * 1.4];
  }

  function draw() {
    if (charts.length === 0) return;
    const [lo, hi] = xRange();
    charts.forEach((chart, i) => {
      chart.data.datasets = sweepDatasets(results, i === 0 ? 'units' : 'accuracy', [lo, hi], seriesOf(get()));
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

  function drawHead() {
    const series = results?.series ?? seriesOf(get());
    view.tableHead.replaceChildren(
      el('tr', {}, [
        el('th', { scope: 'col', rowspan: 2, text: t('experiments.sweep.rateColumn') }),
        ...series.map((s) => el('th', { scope: 'colgroup', colspan: 3, text: s.name() })),
      ]),
      el('tr', {}, series.flatMap((s) => [
        el('th', { scope: 'col', text: t(s.activation === 'relu' ? 'experiments.sweep.deadColumn' : 'experiments.sweep.dormantColumn') }),
        el('th', { scope: 'col', text: t('experiments.sweep.accuracyColumn') }),
        el('th', { scope: 'col', text: t('experiments.sweep.divergedColumn') }),
      ])),
    );
  }

  function drawTable() {
    drawHead();
    const rows = (results?.rates ?? []).map((rate, i) => {
      const cells = [el('th', { scope: 'row', text: shortNumber(rate) })];
      for (const s of results.series) {
        const runs = results.runs[s.key][i];
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
    const byKey = results?.runs;
    const runs = byKey && { relu: byKey['relu|sgd|0'], leaky_relu: byKey['leaky_relu|sgd|0'] };
    const last = (results?.rates.length ?? 0) - 1;
    if (runs?.relu && runs.relu[0].length > 0 && runs.relu[last].length > 0) {
      const [low, high] = [spread(runs.relu[0], 'deadFraction'), spread(runs.relu[last], 'deadFraction')];
      const accuracy = runs.relu.map((rateRuns) => (rateRuns.length > 0 ? spread(rateRuns, 'testAccuracy') : { mean: null }));
      const [accLow, accHigh] = [accuracy[0], accuracy[last]];
      const best = accuracy.reduce((b, s, i) => (s.mean !== null && (b < 0 || s.mean > accuracy[b].mean) ? i : b), -1);
      const show = (s) => (s.mean === null ? '—' : percent(s.mean));
      const values = {
        low: show(low), high: show(high), lowRate: shortNumber(results.rates[0]), highRate: shortNumber(results.rates[last]),
        accLow: show(accLow), accHigh: show(accHigh), steps: results.steps,
        accBest: best < 0 ? '—' : show(accuracy[best]), bestRate: best < 0 ? '—' : shortNumber(results.rates[best]),
      };
      lines.push(t('experiments.sweep.findRelu', values));
      if (best >= 0 && accLow.mean !== null && accLow.mean < accuracy[best].mean - 0.1 && low.mean < 0.1) lines.push(t('experiments.sweep.findSlow', values));
      if (accHigh.mean !== null && high.mean >= 0.5) lines.push(t('experiments.sweep.findDead', values));
      const leaky = runs.leaky_relu?.[last] ?? [];
      if (leaky.length > 0) {
        const dormant = spread(leaky, 'dormantFraction');
        const dead = Math.max(...runs.leaky_relu.flat().map((r) => r.deadFraction));
        lines.push(t(dead > 0 ? 'experiments.sweep.findLeaky' : 'experiments.sweep.findLeakyNone', {
          dead: percent(dead), high: show(dormant), highRate: shortNumber(results.rates[last]), diverged: dormant.diverged, count: leaky.length,
        }));
      }
    }
    if (results) lines.push(...remedyFindings(results));
    view.findings.replaceChildren(...lines.map((line) => el('li', { text: line })));
    view.findings.hidden = lines.length === 0;
  }

  function control(key, labelKey, options = {}) {
    return controlFor(schema, key, { label: t(labelKey), value: get()[key], onChange: (value) => save({ [key]: value }), ...options }).element;
  }

  // The sweep's file-name parts: data set, network and the rates and seeds swept.
  const sweepExport = (what) => {
    const s = get();
    return { panel: 'experiments', what: `sweep-${what}`, settings: { data: s.sweepDataset, layers: `${s.sweepLayers}x${s.sweepUnits}`, steps: s.sweepSteps, lr: `${s.sweepRateMin}-${s.sweepRateMax}`, seeds: s.sweepSeeds } };
  };

  /** Appends the experiment's section to `container`, drawn from the stored results (a language change rebuilds it). */
  function build(container) {
    for (const chart of charts) chart.destroy();
    const units = chartBox(t('experiments.sweep.unitsLabel'), 'sweep-units', () => sweepExport('units'));
    const accuracy = chartBox(t('experiments.sweep.accuracyLabel'), 'sweep-accuracy', () => sweepExport('accuracy'));
    const head = el('thead');
    view = {
      tableHead: head,
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
    const section = experimentSection({
      key: 'sweep', view: 'sweep', className: 'sweep', why: ['why1', 'why2', 'why3'], below: [view.table],
      side: [
        view.bar.element,
        view.rangeNote,
        el('fieldset', { className: 'control-grid' }, [
          el('legend', { text: t('experiments.sweep.setup') }),
          control('sweepDataset', 'experiments.sweep.dataset', { optionLabel: (value) => t(`experiments.datasets.${value}`) }),
          control('sweepPoints', 'experiments.sweep.points'),
          control('sweepLayers', 'experiments.sweep.layers'),
          control('sweepUnits', 'experiments.sweep.units'),
          control('sweepSteps', 'experiments.sweep.steps'),
          control('sweepBatch', 'experiments.sweep.batch'),
        ]),
        el('fieldset', { className: 'control-grid' }, [
          el('legend', { text: t('experiments.sweep.ratesAndSeeds') }),
          control('sweepRateMin', 'experiments.sweep.rateMin'),
          control('sweepRateMax', 'experiments.sweep.rateMax'),
          control('sweepRates', 'experiments.sweep.rateCount'),
          control('sweepSeeds', 'experiments.sweep.seeds'),
          control('sweepAlpha', 'experiments.sweep.alpha'),
        ]),
        remedyControls(get(), save),
        el('p', { className: 'note', text: t('experiments.sweep.head') }),
      ],
      main: [
        el('figure', {}, [el('figcaption', { text: t('experiments.sweep.unitsChart') }), units.element]),
        el('figure', {}, [el('figcaption', { text: t('experiments.sweep.accuracyChart') }), accuracy.element]),
        el('p', { className: 'note', text: t('experiments.sweep.legendNote') }),
        view.findings,
      ],
    });
    container.append(section);
    const rates = () => results?.rates ?? plannedRates();
    charts = [sweepChart(units.canvas, t('experiments.sweep.unitsAxis'), rates), sweepChart(accuracy.canvas, t('experiments.sweep.accuracyAxis'), rates)];
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
