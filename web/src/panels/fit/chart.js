// The fit chart: target points, the network's fit, each unit's contribution as a faint line,
// the kinks of the ReLU family on the x axis (dead units crossed out) and the boundaries of the
// linear pieces. Pointer, while paused: drag a kink along x, or a unit's slope handle (a diamond
// on its contribution, a quarter to the side where it is on) up or down; or click to add a drawn point.
import { t } from '../../i18n.js';
import { createChart, palette, dashes, lineLegendLabels } from '../../charts.js';
import { viewRange, coordinate } from './settings.js';

const yRange = { min: coordinate.min, max: coordinate.max };
const kinkY = yRange.min + 0.08 * (yRange.max - yRange.min);
const aliveColour = palette[2];
const deadColour = '#767676';
const grabPixels = 14;
/** How far from its kink a unit's slope handle sits, on the side where the unit is on. */
const handleOffset = 0.25;

const clampX = (x) => Math.min(viewRange.max, Math.max(viewRange.min, x));

/** The fit chart on `canvas`. handlers: {kink(unit, x), slope(unit, w), draw(x, y), canEdit() -> bool, canDraw() -> bool}. */
export function createFitChart(canvas, handlers) {
  const chart = createChart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      parsing: false,
      normalized: true,
      scales: {
        x: { type: 'linear', min: viewRange.min, max: viewRange.max, title: { display: true, text: 'x' } },
        y: { type: 'linear', min: yRange.min, max: yRange.max, title: { display: true, text: 'y' } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { ...lineLegendLabels, filter: (item, data) => data.datasets[item.datasetIndex].inLegend } },
        tooltip: { enabled: false },
      },
    },
  });
  let kinks = [];
  let handles = [];
  let dragging = null;

  const valueAt = (event) => {
    const box = canvas.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    return { px, py, x: chart.scales.x.getValueForPixel(px), y: chart.scales.y.getValueForPixel(py) };
  };

  // The kink marker or slope handle under the pointer: {kind: 'kink' | 'slope', ...its marker}.
  function grabbed(px, py) {
    let best = null;
    const consider = (kind, marker, x, y) => {
      const dx = Math.abs(chart.scales.x.getPixelForValue(x) - px);
      const dy = Math.abs(chart.scales.y.getPixelForValue(y) - py);
      if (dx <= grabPixels && dy <= grabPixels && (!best || dx + dy < best.distance)) best = { kind, ...marker, distance: dx + dy };
    };
    for (const kink of kinks) consider('kink', kink, kink.shownX, kinkY);
    for (const handle of handles) consider('slope', handle, handle.x, handle.y);
    return best;
  }

  canvas.addEventListener('pointerdown', (event) => {
    const at = valueAt(event);
    const marker = handlers.canEdit() ? grabbed(at.px, at.py) : null;
    if (marker) {
      dragging = marker;
      canvas.setPointerCapture?.(event.pointerId);
      event.preventDefault();
    } else if (handlers.canDraw() && at.x >= coordinate.min && at.x <= coordinate.max && at.y >= yRange.min && at.y <= yRange.max) {
      handlers.draw(at.x, at.y);
    }
  });
  canvas.addEventListener('pointermove', (event) => {
    if (dragging?.kind === 'kink') handlers.kink(dragging.unit, clampX(valueAt(event).x));
    // The handle stays at its x: the new slope w makes the contribution v w (x - kink) pass through the pointer.
    if (dragging?.kind === 'slope') handlers.slope(dragging.unit, valueAt(event).y / (dragging.outgoing * (dragging.x - dragging.kink)));
  });
  const release = () => { dragging = null; };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);

  return {
    /**
     * Draws one frame: xs, targets [{x, y}], curve (the engine's curve view), units (first-layer rows
     * {unit, kinks, slope, state}), outgoing (each unit's outgoing weight where slope handles apply, else null).
     */
    show({ xs, targets, curve, units, outgoing = null }) {
      const n = xs.length;
      const line = (values) => Array.from({ length: n }, (_, i) => ({ x: xs[i], y: values[i] }));
      const datasets = [
        { label: t('fit.legendTargets'), data: targets, showLine: false, pointRadius: 3.5, pointStyle: 'circle', borderColor: '#000000', backgroundColor: '#000000', inLegend: true, order: 0 },
      ];
      if (curve) {
        datasets.push({ label: t('fit.legendFit'), data: line(curve.output), borderColor: palette[1], backgroundColor: palette[1], borderWidth: 3, pointRadius: 0, inLegend: true, order: 1 });
        const width = curve.contributions.length / n;
        for (let j = 0; j < width; j += 1) {
          datasets.push({
            label: t('fit.legendUnits'), data: line(curve.contributions.subarray(j * n, (j + 1) * n)), borderColor: 'rgba(0, 114, 178, 0.45)',
            borderDash: dashes[(j % (dashes.length - 1)) + 1], borderWidth: 1.5, pointRadius: 0, inLegend: j === 0, order: 3,
          });
        }
        const edges = [];
        for (const b of curve.breakpoints) edges.push({ x: b, y: yRange.min }, { x: b, y: yRange.max }, { x: b, y: null });
        if (edges.length > 0) datasets.push({ label: t('fit.legendPieces'), data: edges, borderColor: '#999999', borderDash: [2, 4], borderWidth: 1, pointRadius: 0, spanGaps: false, inLegend: true, order: 4 });
      }
      kinks = (units ?? []).flatMap((u) => u.kinks.map((x) => ({ ...u, kink: x, shownX: clampX(x) })));
      handles = outgoing === null ? [] : kinks.filter((k) => k.slope !== 0 && outgoing[k.unit] !== 0).map((k) => {
        const x = k.kink + Math.sign(k.slope) * handleOffset;
        return { unit: k.unit, kink: k.kink, outgoing: outgoing[k.unit], x, y: outgoing[k.unit] * k.slope * (x - k.kink) };
      }).filter((h) => h.x >= viewRange.min && h.x <= viewRange.max && h.y >= yRange.min && h.y <= yRange.max);
      if (handles.length > 0) {
        datasets.push({
          label: t('fit.legendHandles'), data: handles.map((h) => ({ x: h.x, y: h.y })), showLine: false, inLegend: true, order: 2,
          pointStyle: 'rectRot', pointRadius: 6, borderColor: palette[0], backgroundColor: '#ffffff', borderWidth: 2,
        });
      }
      if (kinks.length > 0) {
        datasets.push({
          label: t('fit.legendKinks'), data: kinks.map((k) => ({ x: k.shownX, y: kinkY })), showLine: false, inLegend: true, order: 2,
          pointStyle: kinks.map((k) => (k.state === 'dead' ? 'crossRot' : 'triangle')), pointRadius: kinks.map((k) => (k.state === 'dead' ? 8 : 7)),
          borderColor: kinks.map((k) => (k.state === 'dead' ? deadColour : aliveColour)), backgroundColor: kinks.map((k) => (k.state === 'dead' ? deadColour : aliveColour)), borderWidth: 2,
        });
      }
      chart.data.datasets = datasets;
      chart.update('none');
    },
    destroy() { chart.destroy(); },
  };
}
