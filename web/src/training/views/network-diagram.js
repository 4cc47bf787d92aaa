// The network diagram: a column of tiles per layer (inputs, each hidden layer, outputs), every
// tile the unit's activation over the input plane, links behind them by weight (width by |w|,
// vermillion solid for positive, blue dashed for negative). Hidden tiles carry data-state
// alive / dead / dormant / revived with matching marks. Nodes and canvases are built once per
// architecture and repainted in place on every update.
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import strings from '../../i18n/training-views.js';
import { el } from '../../dom.js';
import {
  divergingTable, classTables, outputRange, paintScalar, sampleIndices, maxAbs, negativeColour, positiveColour,
  divergingGradient,
} from './heatmap-colours.js';

registerStrings('trainingViews', strings);

const stateNames = ['alive', 'dead', 'dormant'];
const headerHeight = 40;
const sidePadding = 30;
const minColumnGap = 56;
const maxColumnGap = 150;
const columnBudget = 440;
const linkLevels = 6;
const linkReference = 2;
const mutedColour = '#8a8f98';
/** Links drawn per pair of layers at most: the strongest ones (all of them up to 10 x 16). */
const linkCap = 160;

/** Tile side (CSS px) and gap for a column of n tiles. */
function tileSize(n) {
  const gap = n > 16 ? 3 : 6;
  return { size: Math.max(12, Math.min(48, Math.floor(columnBudget / n) - gap)), gap };
}

function percent(fraction) {
  if (fraction > 0 && fraction < 0.005) return '<1%';
  return `${Math.round(fraction * 100)}%`;
}

/** Draws into `container` (which becomes its own horizontal scroll box). */
export function createNetworkDiagram(container) {
  container.classList.add('nn-diagram');
  container.setAttribute('role', 'group');
  container.tabIndex = 0;
  const stage = el('div', { className: 'nn-stage' });
  const links = el('canvas', { className: 'nn-links', 'aria-hidden': 'true' });
  const legend = el('div', { className: 'nn-legend' });
  const diverging = divergingTable();
  const sampleCache = new Map();
  let columns = [];
  let architecture = null;
  let last = null;
  let geometry = null;
  let scratch = null;
  let linkCodes = null;
  let spareCodes = null;

  function samples(resolution, size) {
    const key = `${resolution}:${size}`;
    if (!sampleCache.has(key)) sampleCache.set(key, sampleIndices(resolution, size));
    return sampleCache.get(key);
  }

  function makeTile(kind, extra = {}) {
    const element = el('div', { className: `nn-tile nn-${kind}`, role: 'img', 'data-kind': kind, ...extra });
    const canvas = el('canvas');
    element.append(canvas);
    stage.append(element);
    return { element, canvas, context: canvas.getContext('2d'), image: null, label: '', state: '' };
  }

  function build(hiddenLayers, outputs) {
    stage.replaceChildren(links);
    const sizes = [2, ...hiddenLayers, outputs];
    columns = sizes.map((units, c) => {
      const kind = c === 0 ? 'input' : c === sizes.length - 1 ? 'output' : 'hidden';
      const head = el('div', { className: 'nn-column-head' });
      const name = el('span', { className: 'nn-column-name' });
      const count = el('span', { className: 'nn-column-count' });
      head.append(name, count);
      stage.append(head);
      const unitAttributes = (j) => (kind === 'hidden' ? { 'data-layer': c, 'data-unit': j + 1, role: 'button', tabindex: 0 } : {});
      const tiles = Array.from({ length: units }, (_, j) => makeTile(kind, unitAttributes(j)));
      return { kind, units, head, name, count, tiles, ...tileSize(units) };
    });
    architecture = sizes.join(',');
    relabel();
    layout();
  }

  function layout() {
    if (columns.length === 0) return;
    const available = container.clientWidth || 640;
    const heights = columns.map((c) => c.units * c.size + (c.units - 1) * c.gap);
    const tallest = Math.max(...heights);
    const widths = columns.reduce((sum, c) => sum + c.size, 0);
    const spare = (available - 2 * sidePadding - widths) / (columns.length - 1);
    const gap = Math.max(minColumnGap, Math.min(maxColumnGap, spare));
    const width = Math.ceil(2 * sidePadding + widths + gap * (columns.length - 1));
    const height = headerHeight + tallest + 8;
    const shift = Math.max(0, Math.floor((available - width) / 2));
    stage.style.width = `${width + shift}px`;
    stage.style.height = `${height}px`;
    let x = sidePadding + shift;
    const scale = Math.min(globalThis.devicePixelRatio || 1, 2);
    geometry = { width: width + shift, height, scale, columns: [] };
    columns.forEach((column, c) => {
      const top = headerHeight + (tallest - heights[c]) / 2;
      column.head.style.left = `${x + column.size / 2}px`;
      column.head.style.maxWidth = `${column.size + gap - 4}px`;
      const centres = column.tiles.map((tile, j) => {
        const y = top + j * (column.size + column.gap);
        tile.element.style.cssText = `left: ${x}px; top: ${y}px; width: ${column.size}px; height: ${column.size}px`;
        return y + column.size / 2;
      });
      geometry.columns.push({ left: x, right: x + column.size, centres });
      column.resolution = Math.max(8, Math.round(column.size * scale));
      x += column.size + gap;
    });
    links.width = Math.round(geometry.width * scale);
    links.height = Math.round(height * scale);
    links.style.width = `${geometry.width}px`;
    links.style.height = `${height}px`;
    for (const column of columns) {
      for (const tile of column.tiles) tile.image = null;
    }
    linkCodes = null;
    paintInputs();
    if (last) paint(last);
  }

  function pixelsOf(tile, size) {
    if (!tile.image || tile.image.width !== size) {
      tile.canvas.width = size;
      tile.canvas.height = size;
      tile.image = tile.context.createImageData(size, size);
      tile.pixels = new Uint32Array(tile.image.data.buffer);
    }
    return tile.pixels;
  }

  function paintInputs() {
    const column = columns[0];
    const size = column.resolution;
    const ramp = new Float64Array(size * size);
    column.tiles.forEach((tile, axis) => {
      for (let row = 0; row < size; row += 1) {
        for (let col = 0; col < size; col += 1) {
          ramp[row * size + col] = axis === 0 ? (2 * (col + 0.5)) / size - 1 : 1 - (2 * (row + 0.5)) / size;
        }
      }
      paintScalar(pixelsOf(tile, size), ramp, 0, size * size, diverging, -1, 1);
      tile.context.putImageData(tile.image, 0, 0);
    });
  }

  function paintTiles({ grid, resolution, outputs, head }) {
    const cells = resolution * resolution;
    let unit = 0;
    for (const column of columns.slice(1)) {
      const size = Math.min(column.resolution, resolution);
      const indices = samples(resolution, size);
      const count = size * size;
      column.tiles.forEach((tile, j) => {
        const pixels = pixelsOf(tile, size);
        const offset = (unit + j) * cells;
        if (column.kind === 'hidden') {
          const peak = maxAbs(grid, offset, count, indices);
          paintScalar(pixels, grid, offset, count, diverging, peak > 0 ? -peak : -1, peak > 0 ? peak : 1, indices);
        } else if (outputs > 1) {
          column.classTables ??= classTables(outputs);
          paintScalar(pixels, grid, offset, count, column.classTables[j], 0, 1, indices);
        } else {
          const [lo, hi] = outputRange(head);
          paintScalar(pixels, grid, offset, count, diverging, lo, hi, indices);
        }
        tile.context.putImageData(tile.image, 0, 0);
      });
      unit += column.units;
    }
  }

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
    return report ? report.state[j] === 1 : false;
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

  function unitText(state, layer, unit, fraction, revivals) {
    const name = state === 'revived' ? 'unitRevived' : `unit${state[0].toUpperCase()}${state.slice(1)}`;
    const text = t(`trainingViews.${name}`, { layer, unit, count: revivals });
    if (fraction === '') return text;
    return t('trainingViews.unitLabel', { state: text, active: t('trainingViews.unitActive', { percent: fraction }) });
  }

  function markUnits(units) {
    columns.forEach((column, c) => {
      if (column.kind !== 'hidden') return;
      const report = units?.layers?.[c - 1];
      column.tiles.forEach((tile, j) => {
        const code = report ? report.state[j] : 0;
        const revivals = report ? report.revivals[j] : 0;
        const state = code === 0 && revivals > 0 ? 'revived' : stateNames[code] ?? 'alive';
        const fraction = report ? percent(report.activeFraction[j]) : '';
        if (tile.state !== state) {
          tile.element.dataset.state = state;
          tile.state = state;
        }
        const key = `${state}|${fraction}|${revivals}`;
        if (tile.label !== key) {
          const label = unitText(state, c, j + 1, fraction, revivals);
          tile.element.setAttribute('aria-label', label);
          tile.element.title = label;
          tile.label = key;
        }
      });
      const parts = [];
      if (report?.dead > 0) parts.push(t('trainingViews.layerDead', { count: report.dead }));
      if (report?.dormant > 0) parts.push(t('trainingViews.layerDormant', { count: report.dormant }));
      const text = parts.join(' · ') || '\u00a0';
      if (column.count.textContent !== text) column.count.textContent = text;
      column.count.dataset.dead = String(report?.dead ?? 0);
    });
  }

  function paint(state) {
    if (state.grid) paintTiles(state);
    drawLinks(state.parameters, state.units);
    markUnits(state.units);
  }

  function legendItem(className, key) {
    const item = el('span', { className: 'nn-legend-item' });
    const mark = el('span', { className: `nn-legend-mark ${className}`, 'aria-hidden': 'true' });
    item.append(mark, document.createTextNode(t(`trainingViews.${key}`)));
    return item;
  }

  function relabel() {
    container.setAttribute('aria-label', t('trainingViews.diagramLabel'));
    const scale = el('span', { className: 'nn-legend-item' });
    const bar = el('span', { className: 'nn-legend-scale', 'aria-hidden': 'true', style: `background: ${divergingGradient()}` });
    scale.append(document.createTextNode(`${t('trainingViews.legendScale')} ${t('trainingViews.legendScaleLow')}`), bar,
      document.createTextNode(t('trainingViews.legendScaleHigh')));
    legend.replaceChildren(
      legendItem('nn-mark-dead', 'legendDead'), legendItem('nn-mark-dormant', 'legendDormant'),
      legendItem('nn-mark-revived', 'legendRevived'), legendItem('nn-mark-positive', 'legendPositive'),
      legendItem('nn-mark-negative', 'legendNegative'), scale,
    );
    columns.forEach((column, c) => {
      if (column.kind === 'input') column.name.textContent = t('trainingViews.inputColumn');
      else if (column.kind === 'output') column.name.textContent = t('trainingViews.outputColumn');
      else column.name.textContent = t('trainingViews.layerColumn', { layer: c });
      column.tiles.forEach((tile, j) => {
        tile.label = '';
        if (column.kind === 'input') {
          const name = t(j === 0 ? 'trainingViews.inputX' : 'trainingViews.inputY');
          tile.element.dataset.name = name;
          tile.element.setAttribute('aria-label', t('trainingViews.inputTile', { name }));
          tile.element.title = t('trainingViews.inputTile', { name });
        } else if (column.kind === 'output') {
          const label = column.units > 1 ? t('trainingViews.outputClassTile', { class: j }) : t('trainingViews.outputTile');
          tile.element.setAttribute('aria-label', label);
          tile.element.title = label;
        }
      });
    });
    if (last) markUnits(last.units);
  }

  container.replaceChildren(stage, legend);
  stage.append(links);
  const stopListening = onLanguageChange(relabel);
  let observedWidth = container.clientWidth;
  const resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    if (container.clientWidth === observedWidth) return;
    observedWidth = container.clientWidth;
    layout();
  });
  resizeObserver?.observe(container);

  return {
    /** Redraws tiles, links and unit states; rebuilds the nodes only when the layer sizes change. */
    update(state) {
      if ([2, ...state.hiddenLayers, state.outputs].join(',') !== architecture) {
        last = null;
        build(state.hiddenLayers, state.outputs);
      }
      last = state;
      paint(state);
    },
    destroy() {
      resizeObserver?.disconnect();
      stopListening();
      container.replaceChildren();
      container.classList.remove('nn-diagram');
      container.removeAttribute('role');
      container.removeAttribute('tabindex');
      container.removeAttribute('aria-label');
      last = null;
    },
  };
}
