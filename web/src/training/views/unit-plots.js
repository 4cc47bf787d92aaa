// The unit inspector's pictures: the unit's tile, the histogram of its pre-activation with the
// z > 0 part solid and the rest hatched, and (first layer) its line over the data with the active
// side shaded. Each paints a canvas from engine results; colours come from heatmap-colours.js.
import {
  classColours, positiveColour, divergingTable, paintScalar, maxAbs, sampleIndices,
} from './heatmap-colours.js';
import { halfPlane, toPixel } from './line-overlay.js';

const diverging = divergingTable();
const hatchColour = '#6b7280';

function sized(canvas) {
  const scale = Math.min(globalThis.devicePixelRatio || 1, 2);
  const width = Math.max(1, Math.round((canvas.clientWidth || 160) * scale));
  const height = Math.max(1, Math.round((canvas.clientHeight || 160) * scale));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  return { ctx: canvas.getContext('2d'), width, height, scale };
}

/** Paints flat hidden unit `flat` of a unit-major grid (resolution^2 values per unit). */
export function paintTile(canvas, grid, resolution, flat) {
  const size = Math.min(resolution, 100);
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(size, size);
  const pixels = new Uint32Array(image.data.buffer);
  const indices = sampleIndices(resolution, size);
  const offset = flat * resolution * resolution;
  const peak = maxAbs(grid, offset, size * size, indices);
  paintScalar(pixels, grid, offset, size * size, diverging, peak > 0 ? -peak : -1, peak > 0 ? peak : 1, indices);
  ctx.putImageData(image, 0, 0);
}

function hatch(ctx, scale) {
  const tile = document.createElement('canvas');
  tile.width = Math.round(6 * scale);
  tile.height = tile.width;
  const t = tile.getContext('2d');
  t.strokeStyle = hatchColour;
  t.lineWidth = Math.max(1, scale);
  t.beginPath();
  t.moveTo(0, tile.height);
  t.lineTo(tile.width, 0);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/** Bars of {lo, hi, nonPositive, positive}: z > 0 solid, z <= 0 hatched, a line at z = 0. */
export function paintHistogram(canvas, histogram) {
  const { ctx, width, height, scale } = sized(canvas);
  ctx.clearRect(0, 0, width, height);
  const bins = histogram.positive.length;
  const totals = histogram.positive.map((p, i) => p + histogram.nonPositive[i]);
  const tallest = Math.max(1, ...totals);
  const pad = 4 * scale;
  const barWidth = (width - 2 * pad) / bins;
  const pattern = hatch(ctx, scale);
  const y = (count) => height - pad - ((height - 2 * pad) * count) / tallest;
  for (let i = 0; i < bins; i += 1) {
    const x = pad + i * barWidth;
    const below = histogram.nonPositive[i];
    const above = histogram.positive[i];
    if (below > 0) {
      ctx.fillStyle = pattern;
      ctx.fillRect(x, y(below), barWidth - scale, height - pad - y(below));
      ctx.strokeStyle = hatchColour;
      ctx.strokeRect(x, y(below), barWidth - scale, height - pad - y(below));
    }
    if (above > 0) {
      ctx.fillStyle = positiveColour;
      ctx.fillRect(x, y(below + above), barWidth - scale, y(below) - y(below + above));
    }
  }
  const zero = pad + ((width - 2 * pad) * (0 - histogram.lo)) / (histogram.hi - histogram.lo);
  ctx.strokeStyle = '#1a1d23';
  ctx.lineWidth = scale;
  ctx.beginPath();
  ctx.moveTo(zero, pad);
  ctx.lineTo(zero, height - pad);
  ctx.stroke();
}

/** The data (train: {x, label}) in `domain`, the line w . x + b = 0 and its active side shaded. */
export function paintLine(canvas, domain, train, w1, w2, b, alive) {
  const { ctx, width, height, scale } = sized(canvas);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#f7f7f7';
  ctx.fillRect(0, 0, width, height);
  const { polygon, segment } = halfPlane(domain, w1, w2, b);
  if (polygon.length > 2) {
    ctx.fillStyle = 'rgba(213, 94, 0, 0.18)';
    ctx.beginPath();
    polygon.forEach(([x, y], i) => {
      const [px, py] = toPixel(domain, x, y, width, height);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
    ctx.closePath();
    ctx.fill();
  }
  const radius = 2.2 * scale;
  for (let p = 0; p < train.label.length; p += 1) {
    const [px, py] = toPixel(domain, train.x[2 * p], train.x[2 * p + 1], width, height);
    ctx.fillStyle = classColours[train.label[p] % classColours.length];
    ctx.beginPath();
    if (train.label[p] % 2 === 0) ctx.arc(px, py, radius, 0, 2 * Math.PI);
    else ctx.rect(px - radius, py - radius, 2 * radius, 2 * radius);
    ctx.fill();
  }
  if (segment.length === 2) {
    const [a, c] = segment.map(([x, y]) => toPixel(domain, x, y, width, height));
    ctx.strokeStyle = alive ? '#1a1d23' : '#8a8f98';
    ctx.lineWidth = 2 * scale;
    ctx.setLineDash(alive ? [] : [6 * scale, 4 * scale]);
    ctx.beginPath();
    ctx.moveTo(a[0], a[1]);
    ctx.lineTo(c[0], c[1]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  return segment.length === 2;
}
