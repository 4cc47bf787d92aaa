// Activations at initialisation: the engine histograms every hidden layer of a freshly
// initialised network on a shared value axis (one call, a few milliseconds, so it runs live);
// this module draws one small bar chart per layer, with presets for the classic pairings.
import { t } from '../../i18n.js';
import { field } from '../../settings.js';
import { createChart, palette } from '../../charts.js';
import { el } from '../../dom.js';
import { button, chartBox, activationLabel } from '../shared/controls.js';
import { controlFor } from '../shared/schema-controls.js';
import { experimentSection } from './section.js';
import { shortNumber } from '../shared/format.js';
import { activationNames, inits, network, maxSeed } from '../shared/engine-facts.js';

export const schema = {
  histInit: field.choice('xavier', inits),
  histActivation: field.choice('relu', activationNames),
  histLayers: field.integer(6, 1, network.maxLayers),
  histUnits: field.integer(16, 1, network.maxUnits),
  histSeed: field.integer(1, 0, maxSeed),
};

const presets = [
  { id: 'xavier-sigmoid', init: 'xavier', activation: 'sigmoid' },
  { id: 'xavier-relu', init: 'xavier', activation: 'relu' },
  { id: 'he-relu', init: 'he', activation: 'relu' },
];

const samples = 2000;
const bins = 30;
const barColour = palette[0];


/** Index of the first bin where the running total of `shares` (in %) reaches `percent`. */
function binReaching(shares, percent) {
  let total = 0;
  const index = shares.findIndex((share) => {
    total += share;
    return total >= percent - 1e-9;
  });
  return index < 0 ? shares.length - 1 : index;
}

/** The per-layer histogram experiment; get() and save(next) read and write the panel settings. */
export function createInitHistograms({ engine, get, save }) {
  let charts = [];
  let view = {};
  let histograms = null;
  let error = '';

  const preset = () => presets.find((p) => p.init === get().histInit && p.activation === get().histActivation);

  function compute() {
    const s = get();
    try {
      histograms = engine.initialHistograms({
        network: { hiddenLayers: Array(s.histLayers).fill(s.histUnits), activation: s.histActivation, init: s.histInit, seed: s.histSeed },
        samples, seed: s.histSeed, bins,
      });
      error = '';
    } catch (caught) {
      histograms = [];
      error = caught.message;
    }
  }

  function change(next) {
    save(next);
    compute();
    render();
  }

  function layerChart(canvas) {
    return createChart(canvas, {
      type: 'bar',
      data: { datasets: [] },
      options: {
        parsing: false,
        scales: {
          x: {
            type: 'linear', offset: false, grid: { display: false }, title: { display: true, text: t('experiments.init.valueAxis') },
            ticks: { maxRotation: 0, maxTicksLimit: 5, callback: (v) => shortNumber(Number(v)) },
          },
          y: { beginAtZero: true, ticks: { callback: (v) => `${v}%`, maxTicksLimit: 5 }, title: { display: true, text: t('experiments.init.shareAxis') } },
        },
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: () => '', label: (item) => `${shortNumber(item.raw.from)} – ${shortNumber(item.raw.to)}: ${item.raw.y.toFixed(1)}%` } } },
      },
    });
  }

  /** One figure per hidden layer; rebuilt when the number of layers changes. */
  function layout() {
    for (const chart of charts) chart.destroy();
    const figures = [];
    charts = [];
    view.layers = histograms.map((_, layer) => {
      const box = chartBox(t('experiments.init.layerLabel', { layer: layer + 1 }), 'layer-chart', () => ({ panel: 'experiments', what: `init-layer-${layer + 1}`, settings: { init: get().histInit, activation: get().histActivation, layers: `${get().histLayers}x${get().histUnits}`, seed: get().histSeed } }));
      const stats = el('p', { className: 'layer-stats' });
      figures.push(el('figure', { className: 'layer-figure' }, [
        el('figcaption', { text: t('experiments.init.layer', { layer: layer + 1 }) }), stats, box.element,
      ]));
      return { box, stats };
    });
    view.grid.replaceChildren(...figures);
    charts = view.layers.map(({ box }) => layerChart(box.canvas));
  }

  function render() {
    const s = get();
    for (const p of presets) view.presetButtons[p.id].setAttribute('aria-pressed', String(p === preset()));
    view.lookFor.textContent = t(`experiments.init.look.${preset()?.id ?? 'custom'}`);
    view.error.textContent = error ? t('experiments.failed', { message: error }) : '';
    view.error.hidden = !error;
    if (charts.length !== histograms.length) layout();
    const shares = histograms.map(({ counts }) => {
      const total = counts.reduce((a, b) => a + b, 0) || 1;
      return [...counts].map((c) => (100 * c) / total);
    });
    const top = Math.max(1, ...shares.flat());
    histograms.forEach(({ lo, hi, counts }, layer) => {
      const width = (hi - lo) / counts.length;
      const share = shares[layer];
      const chart = charts[layer];
      chart.data.datasets = [{
        label: t('experiments.init.layer', { layer: layer + 1 }), backgroundColor: barColour, barPercentage: 1, categoryPercentage: 0.92,
        data: share.map((y, i) => ({ x: lo + (i + 0.5) * width, y, from: lo + i * width, to: lo + (i + 1) * width })),
      }];
      Object.assign(chart.options.scales.x, { min: lo, max: hi });
      chart.options.scales.y.max = Math.ceil(top / 10) * 10;
      chart.update('none');
      const values = { lowest: Math.round(share[0]), lo: shortNumber(lo), edge: shortNumber(lo + width), p90: shortNumber(lo + (binReaching(share, 90) + 1) * width) };
      view.layers[layer].stats.textContent = t('experiments.init.stats', values);
      view.layers[layer].box.canvas.setAttribute('aria-label', t('experiments.init.chartLabel', { layer: layer + 1, ...values }));
    });
    view.axisNote.textContent = histograms.length > 0
      ? t('experiments.init.axisNote', { lo: shortNumber(histograms[0].lo), hi: shortNumber(histograms[0].hi), samples, activation: activationLabel(s.histActivation) })
      : '';
  }

  function control(key, labelKey, optionLabel) {
    return controlFor(schema, key, { label: t(labelKey), value: get()[key], optionLabel, onChange: (value) => change({ [key]: value }) });
  }

  /** Appends the experiment's section to `container` and draws it. */
  function build(container) {
    for (const chart of charts) chart.destroy();
    charts = [];
    const initSelect = control('histInit', 'experiments.init.init', (value) => t(`experiments.inits.${value}`));
    const activationSelect = control('histActivation', 'experiments.init.activation', activationLabel);
    view = {
      grid: el('div', { className: 'layer-grid' }),
      lookFor: el('p', { className: 'look-for', 'aria-live': 'polite' }),
      axisNote: el('p', { className: 'note' }),
      error: el('p', { className: 'init-error', role: 'alert', hidden: true }),
      presetButtons: {},
    };
    const presetRow = presets.map((p) => {
      const node = button({
        label: t(`experiments.init.preset.${p.id}`), className: 'preset',
        onClick: () => {
          initSelect.set(p.init);
          activationSelect.set(p.activation);
          change({ histInit: p.init, histActivation: p.activation });
        },
      });
      node.dataset.preset = p.id;
      view.presetButtons[p.id] = node;
      return node;
    });
    container.append(experimentSection({
      key: 'init', view: 'init-histograms', className: 'init-histograms', why: ['why1', 'why2'],
      side: [
        el('fieldset', { className: 'presets' }, [el('legend', { text: t('experiments.init.presets') }), ...presetRow]),
        el('fieldset', { className: 'control-grid' }, [
          el('legend', { text: t('experiments.init.setup') }),
          initSelect.element,
          activationSelect.element,
          control('histLayers', 'experiments.init.layers').element,
          control('histUnits', 'experiments.init.units').element,
          control('histSeed', 'experiments.init.seed').element,
        ]),
      ],
      main: [
        el('div', { className: 'look-box' }, [el('h4', { text: t('experiments.init.lookTitle') }), view.lookFor]),
        view.error,
        view.grid,
        view.axisNote,
      ],
    }));
    if (histograms === null) compute();
    render();
  }

  return {
    build,
    destroy() {
      for (const chart of charts) chart.destroy();
      charts = [];
    },
  };
}
