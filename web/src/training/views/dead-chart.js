// Dead units per hidden layer against steps: a solid line per layer (its palette colour and marker
// shape), plus a thinner dashed dormant line in the same colour once the layer has had a dormant unit.
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import { createChart, palette, lineLegendLabels } from '../../charts.js';
import { markers } from '../../panels/shared/colour.js';
import strings from '../../i18n/training-views.js';
import { createHistorySeries } from './history-series.js';
import { createRedrawThrottle } from './chart-redraw.js';

registerStrings('trainingViews', strings);

const dormantDash = [7, 4];
const markersPerLine = 8;

/** A marker on about markersPerLine points of a line, none elsewhere. */
const sparseMarkers = (context) => (context.dataIndex % Math.max(1, Math.ceil(context.dataset.data.length / markersPerLine)) === 0 ? 3.5 : 0);

/** Colour and marker shape of hidden layer l (0-based). */
function layerStyle(l) {
  const colour = palette[l % palette.length];
  return { borderColor: colour, backgroundColor: colour, pointStyle: markers[l % markers.length] };
}

/** A Chart.js chart on `canvas` (its parent must be sized). */
export function createDeadChart(canvas) {
  let layers = 0;
  let history = null;
  let dormantShown = [];

  const chart = createChart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', bounds: 'data', min: 0, suggestedMax: 10, title: { display: true }, ticks: { maxTicksLimit: 8, precision: 0 } },
        y: { type: 'linear', min: 0, suggestedMax: 1, title: { display: true }, ticks: { precision: 0 } },
      },
      plugins: {
        legend: { position: 'bottom', labels: lineLegendLabels },
        tooltip: { callbacks: { title: (items) => `${t('trainingViews.stepAxis')} ${items[0]?.parsed.x ?? ''}` } },
      },
    },
  });

  function columnsFor(count) {
    const columns = {};
    for (let l = 0; l < count; l += 1) {
      columns[`dead${l}`] = (delta, r) => delta.deadPerLayer[r * count + l];
      columns[`dormant${l}`] = (delta, r) => delta.dormantPerLayer[r * count + l];
    }
    return columns;
  }

  function datasets() {
    const list = [];
    for (let l = 0; l < layers; l += 1) {
      list.push({
        label: t('trainingViews.deadLayer', { layer: l + 1 }), data: history.data[`dead${l}`], ...layerStyle(l),
        borderDash: [], borderWidth: 2.5, pointRadius: sparseMarkers, pointHitRadius: 4, parsing: false, normalized: true,
      });
    }
    for (let l = 0; l < layers; l += 1) {
      if (!dormantShown[l]) continue;
      list.push({
        label: t('trainingViews.dormantLayer', { layer: l + 1 }), data: history.data[`dormant${l}`], ...layerStyle(l),
        borderDash: dormantDash, borderWidth: 1.75, pointRadius: sparseMarkers, pointHitRadius: 4,
        parsing: false, normalized: true,
      });
    }
    return list;
  }

  function relabel() {
    chart.options.scales.x.title.text = t('trainingViews.stepAxis');
    chart.options.scales.y.title.text = t('trainingViews.unitsAxis');
    chart.data.datasets = history ? datasets() : [];
    chart.update('none');
  }

  function setLayers(count) {
    layers = count;
    history = createHistorySeries((delta, r) => delta.step[r], columnsFor(count));
    dormantShown = new Array(count).fill(false);
  }

  const redraw = createRedrawThrottle(chart);
  relabel();
  const stopListening = onLanguageChange(relabel);

  return {
    /** Adds a trainer.history(from) delta and redraws; a new layer count starts a fresh chart. */
    append(delta) {
      if (history === null || delta.layers !== layers) setLayers(delta.layers);
      else if (delta.step.length === 0 && delta.from >= history.rows) return;
      history.append(delta);
      let changed = false;
      for (let i = 0; i < delta.dormantPerLayer.length; i += 1) {
        if (delta.dormantPerLayer[i] > 0 && !dormantShown[i % layers]) {
          dormantShown[i % layers] = true;
          changed = true;
        }
      }
      if (changed || chart.data.datasets.length === 0) relabel();
      else redraw.request();
    },
    reset() {
      history = null;
      layers = 0;
      dormantShown = [];
      relabel();
    },
    destroy() {
      stopListening();
      redraw.destroy();
      chart.destroy();
    },
  };
}
