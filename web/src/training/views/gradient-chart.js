// The size of each dense layer's weight gradient against steps (log axis, one line style per
// layer), and a table of the last recorded gradient norms and update / weight ratios. Fed with
// trainer.history(from) deltas (gradientNorm and updateRatio hold denseLayers values per row).
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import { el } from '../../dom.js';
import { createChart, seriesStyle, lineLegendLabels } from '../../charts.js';
import { markers } from '../../panels/shared/colour.js';
import strings from '../../i18n/training-views.js';
import { createHistorySeries } from './history-series.js';
import { logTick } from './loss-chart.js';
import { createRedrawThrottle } from './chart-redraw.js';

registerStrings('trainingViews', strings);

/** A value for a log axis: null (a gap) where it is not positive. */
const positive = (value) => (value > 0 ? value : null);

/** "1.2e−5" style text with 2 significant digits, or an em dash for 0. */
export function scientific(value) {
  return value > 0 ? value.toExponential(1).replace('e-', 'e\u2212').replace('e+', 'e') : '\u2014';
}

/** Layer l's name among `count` dense layers: hidden layers by number, the last one "Output". */
function layerName(l, count) {
  return l === count - 1 ? t('trainingViews.outputColumn') : t('trainingViews.layerColumn', { layer: l + 1 });
}

/** A gradient chart on `canvas` (its parent must be sized) and its table in `tableHost`. */
export function createGradientChart(canvas, tableHost) {
  let layers = 0;
  let history = null;
  let last = null;

  const chart = createChart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', bounds: 'data', min: 0, suggestedMax: 10, title: { display: true }, ticks: { maxTicksLimit: 8, precision: 0 } },
        y: { type: 'logarithmic', title: { display: true }, ticks: { callback: logTick } },
      },
      plugins: {
        legend: { position: 'bottom', labels: lineLegendLabels },
        tooltip: {
          callbacks: {
            title: (items) => `${t('trainingViews.stepAxis')} ${items[0]?.parsed.x ?? ''}`,
            label: (item) => `${item.dataset.label}: ${scientific(item.parsed.y)}`,
          },
        },
      },
    },
  });

  function setLayers(count) {
    layers = count;
    const columns = {};
    for (let l = 0; l < count; l += 1) columns[`layer${l}`] = (delta, r) => positive(delta.gradientNorm[r * count + l]);
    history = createHistorySeries((delta, r) => delta.step[r], columns);
  }

  function datasets() {
    return Array.from({ length: layers }, (_, l) => ({
      label: layerName(l, layers), data: history.data[`layer${l}`], ...seriesStyle(l), pointStyle: markers[l % markers.length],
      borderWidth: 2.5, pointRadius: 0, pointHitRadius: 4, spanGaps: false, parsing: false, normalized: true,
    }));
  }

  function renderTable() {
    if (!last) {
      tableHost.replaceChildren();
      return;
    }
    const head = el('tr', {}, ['gradientLayer', 'gradientNorm', 'gradientUpdate'].map((key) => el('th', { scope: 'col', text: t(`trainingViews.${key}`) })));
    const rows = last.norms.map((norm, l) => el('tr', {}, [
      el('th', { scope: 'row', text: layerName(l, layers) }), el('td', { text: scientific(norm) }), el('td', { text: scientific(last.ratios[l]) }),
    ]));
    const first = last.norms[0];
    const output = last.norms[layers - 1];
    const summary = layers > 1 && first > 0 && output > 0
      ? t('trainingViews.gradientSummary', { step: last.step, ratio: scientific(first / output) }) : '';
    tableHost.replaceChildren(
      el('p', { className: 'note pg-gradient-summary', text: summary }),
      el('table', { className: 'pg-gradient-table' }, [el('caption', { text: t('trainingViews.gradientTableCaption', { step: last.step }) }), el('thead', {}, head), el('tbody', {}, rows)]),
    );
  }

  function relabel() {
    chart.options.scales.x.title.text = t('trainingViews.stepAxis');
    chart.options.scales.y.title.text = t('trainingViews.gradientAxis');
    chart.data.datasets = history ? datasets() : [];
    chart.update('none');
    renderTable();
  }

  const redraw = createRedrawThrottle(chart);
  const table = createRedrawThrottle(null, 100, { draw: renderTable, watch: null });
  relabel();
  const stopListening = onLanguageChange(relabel);

  return {
    /** Adds a trainer.history(from) delta and redraws; a new layer count starts a fresh chart. */
    append(delta) {
      const count = delta.denseLayers ?? 0;
      const fresh = history === null || count !== layers;
      if (fresh) setLayers(count);
      else if (delta.step.length === 0 && delta.from >= history.rows) return;
      history.append(delta);
      const rows = delta.step.length;
      if (rows > 0 && count > 0) {
        const at = (rows - 1) * count;
        last = { step: delta.step[rows - 1], norms: [...delta.gradientNorm.slice(at, at + count)], ratios: [...delta.updateRatio.slice(at, at + count)] };
      }
      if (fresh) relabel();
      else {
        redraw.request();
        table.request();
      }
    },
    reset() {
      history = null;
      layers = 0;
      last = null;
      relabel();
    },
    destroy() {
      stopListening();
      redraw.destroy();
      table.destroy();
      chart.destroy();
    },
  };
}
