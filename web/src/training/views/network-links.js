// The network diagram's links: one curve per weight between the unit tiles, coloured by sign,
// thicker and more opaque when stronger, dashed when negative, muted for dead units' links;
// only the strongest links of a large layer are drawn, and nothing is redrawn when no link's
// bucket changed.
import { negativeColour, positiveColour } from './heatmap-colours.js';

const linkLevels = 6;
const linkReference = 2;
const mutedColour = '#8a8f98';
/** Links drawn per pair of layers at most: the strongest ones (all of them up to 10 x 16). */
const linkCap = 160;

/** Draws links into the canvas `links`; draw() takes the diagram's columns and geometry. */
export function createLinkPainter(links) {
  let scratch = null;
  let linkCodes = null;
  let spareCodes = null;
  let columns = [];
  let geometry = null;

  function threshold(weights) {
    if (weights.length <= linkCap) return 0;
    if (!scratch || scratch.length !== weights.length) scratch = new Float64Array(weights.length);
    for (let i = 0; i < weights.length; i += 1) scratch[i] = Math.abs(weights[i]);
    scratch.sort();
    return scratch[weights.length - linkCap];
  }

  /** True for unit j of column c when it is a dead hidden unit (its links carry nothing). */
  function deadUnit(units, c, j) {
    const report = c > 0 && c < columns.length - 1 ? units?.layers?.[c - 1] : null;
    return report ? report.state[j] === 'dead' : false;
  }

  function strokeBucket(ctx, path, colour, alpha, width, dashed) {
    ctx.strokeStyle = colour;
    ctx.globalAlpha = alpha;
    ctx.lineWidth = width;
    ctx.setLineDash(dashed ? [4, 3] : []);
    ctx.stroke(path);
  }

  /**
   * Per link, its drawing bucket: 0..levels-1 positive, levels..2*levels-1 negative, then muted
   * positive and negative (links of dead units), 255 not drawn. True when any code changed.
   */
  function encodeLinks(parameters, units) {
    const total = parameters.reduce((sum, layer) => sum + layer.weights.length, 0);
    const codes = spareCodes?.length === total ? spareCodes : new Uint8Array(total);
    let at = 0;
    parameters.forEach((layer, l) => {
      const smallest = threshold(layer.weights);
      for (let o = 0; o < layer.outputs; o += 1) {
        const deadTarget = deadUnit(units, l + 1, o);
        for (let i = 0; i < layer.inputs; i += 1) {
          const w = layer.weights[o * layer.inputs + i];
          const size = Math.abs(w);
          const sign = w < 0 ? 1 : 0;
          let code = 255;
          if (size > 0 && size >= smallest) {
            code = deadTarget || deadUnit(units, l, i) ? 2 * linkLevels + sign
              : sign * linkLevels + Math.min(linkLevels - 1, Math.floor((size / linkReference) * linkLevels));
          }
          codes[at] = code;
          at += 1;
        }
      }
    });
    const changed = !linkCodes || linkCodes.length !== total || codes.some((code, i) => code !== linkCodes[i]);
    spareCodes = linkCodes;
    linkCodes = codes;
    return changed;
  }

  function drawLinks(parameters, units) {
    const ctx = links.getContext('2d');
    const usable = parameters && parameters.every((layer, l) => geometry.columns[l + 1]
      && layer.weights.length === geometry.columns[l].centres.length * geometry.columns[l + 1].centres.length);
    if (!usable) {
      ctx.clearRect(0, 0, links.width, links.height);
      linkCodes = null;
      return;
    }
    if (!encodeLinks(parameters, units)) return;
    ctx.setTransform(geometry.scale, 0, 0, geometry.scale, 0, 0);
    ctx.clearRect(0, 0, geometry.width, geometry.height);
    const thickest = Math.max(1.5, Math.min(5, columns[1].size / 8));
    let at = 0;
    parameters.forEach((layer, l) => {
      const from = geometry.columns[l];
      const to = geometry.columns[l + 1];
      const density = Math.max(0.3, Math.min(1, 8 / Math.sqrt(Math.min(linkCap, layer.inputs * layer.outputs))));
      const paths = Array.from({ length: 2 * linkLevels + 2 }, () => new Path2D());
      const middle = (from.right + to.left) / 2;
      for (let o = 0; o < layer.outputs; o += 1) {
        for (let i = 0; i < layer.inputs; i += 1) {
          const code = linkCodes[at];
          at += 1;
          if (code === 255) continue;
          paths[code].moveTo(from.right, from.centres[i]);
          paths[code].bezierCurveTo(middle, from.centres[i], middle, to.centres[o], to.left, to.centres[o]);
        }
      }
      for (let sign = 0; sign < 2; sign += 1) {
        strokeBucket(ctx, paths[2 * linkLevels + sign], mutedColour, 0.35 * density, 0.8, sign === 1);
      }
      for (let b = 0; b < 2 * linkLevels; b += 1) {
        const negative = b >= linkLevels;
        const strength = ((b % linkLevels) + 1) / linkLevels;
        strokeBucket(ctx, paths[b], negative ? negativeColour : positiveColour, density * (0.2 + 0.75 * strength),
          0.6 + (thickest - 0.6) * strength, negative);
      }
    });
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }

  return {
    /** Forgets the drawn links (after a layout change), so the next draw() paints them all. */
    reset() { linkCodes = null; },
    /** Draws `parameters`' links for `units` (the engine's unit report) on `layout` {columns, geometry}. */
    draw(parameters, units, layout) {
      ({ columns, geometry } = layout);
      drawLinks(parameters, units);
    },
    /** True when the last draw() painted the link of dense layer `layer` from `input` to `unit`. */
    drawn(layer, unit, input) {
      if (!linkCodes || !geometry) return false;
      let at = 0;
      for (let l = 0; l < layer; l += 1) {
        at += geometry.columns[l].centres.length * geometry.columns[l + 1].centres.length;
      }
      return linkCodes[at + unit * geometry.columns[layer].centres.length + input] !== 255;
    },
  };
}
