// Every first-layer unit's line w · x + b = 0 over "What the network predicts": live units' lines
// solid and numbered, dead (or dormant) ones grey and dashed, so at a high learning rate the
// student sees lines leave the data cloud. Also the half-plane geometry the unit inspector uses.
import { t, onLanguageChange } from '../../i18n.js';
import { createBackingStore } from './decision-view.js';
import { defaultFeatures } from '../../panels/shared/engine-facts.js';

const liveColour = '#1a1d23';
const deadColour = '#8a8f98';

/** True when a frame's network ({features}) takes x1, x2 as they are, so first-layer units have straight lines in the plane. */
export function linesInPlane(network) {
  return !network?.features || network.features.join() === defaultFeatures.join();
}

/**
 * The part of the rectangle `domain` where w1 x + w2 y + b > 0 (polygon, data coordinates) and
 * the segment of the line w1 x + w2 y + b = 0 inside it (empty when the line misses the rectangle).
 */
export function halfPlane(domain, w1, w2, b) {
  const { xMin, xMax, yMin, yMax } = domain;
  const corners = [[xMin, yMin], [xMax, yMin], [xMax, yMax], [xMin, yMax]];
  const z = ([x, y]) => w1 * x + w2 * y + b;
  const polygon = [];
  const segment = [];
  corners.forEach((p, i) => {
    const q = corners[(i + 1) % corners.length];
    const zp = z(p);
    const zq = z(q);
    if (zp > 0) polygon.push(p);
    if ((zp > 0) !== (zq > 0) && zp !== zq) {
      const s = zp / (zp - zq);
      const crossing = [p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])];
      polygon.push(crossing);
      segment.push(crossing);
    }
  });
  return { polygon, segment: segment.length === 2 ? segment : [] };
}

/** Pixel position of data point (x, y) on a width x height canvas showing `domain`. */
export function toPixel(domain, x, y, width, height) {
  return [((x - domain.xMin) / (domain.xMax - domain.xMin)) * width, ((domain.yMax - y) / (domain.yMax - domain.yMin)) * height];
}

/** Draws onto `canvas` (laid over the decision view, same size); update({parameters, units, domain}). */
export function createLineOverlay(canvas) {
  canvas.classList.add('tl-line-overlay');
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = canvas.getContext('2d');
  let last = null;

  function draw() {
    const { width, height, scale } = backing.size();
    ctx.clearRect(0, 0, width, height);
    if (!last?.parameters || !last.domain || !last.units?.layers?.length) return;
    const { weights, biases, outputs } = last.parameters[0];
    const states = last.units?.layers?.[0]?.state;
    ctx.font = `${11 * scale}px system-ui, sans-serif`;
    for (let j = 0; j < outputs; j += 1) {
      const { segment } = halfPlane(last.domain, weights[2 * j], weights[2 * j + 1], biases[j]);
      if (segment.length === 0) continue;
      const alive = !states || states[j] === 'alive';
      const [a, b] = segment.map(([x, y]) => toPixel(last.domain, x, y, width, height));
      ctx.strokeStyle = alive ? liveColour : deadColour;
      ctx.globalAlpha = alive ? 0.8 : 0.7;
      ctx.lineWidth = (alive ? 1.6 : 1.2) * scale;
      ctx.setLineDash(alive ? [] : [6 * scale, 4 * scale]);
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
      ctx.stroke();
      ctx.fillStyle = ctx.strokeStyle;
      const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      ctx.fillText(String(j + 1), mid[0] + 3 * scale, mid[1] - 3 * scale);
    }
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }

  const backing = createBackingStore(canvas, draw);
  const stopListening = onLanguageChange(draw);

  return {
    /** Redraws from a frame's first-layer parameters, unit states and plane. */
    update(state) {
      last = state;
      draw();
    },
    /** A sentence for screen readers: how many lines, how many of them dead. */
    summary() {
      const states = last?.units?.layers?.[0]?.state;
      if (!states) return '';
      const dead = states.filter((s) => s !== 'alive').length;
      return t('timeline.overlaySummary', { count: states.length, dead });
    },
    destroy() {
      backing.destroy();
      stopListening();
    },
  };
}
