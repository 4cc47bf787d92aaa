// The network diagram: a column of tiles per layer (inputs, each hidden layer, outputs), every
// tile the unit's activation over the input plane, links behind them by weight (width by |w|,
// vermillion solid for positive, blue dashed for negative). Hidden tiles carry data-state
// alive / dead / dormant / revived with matching marks. Nodes and canvases are built once per
// architecture and repainted in place on every update. Each hidden tile asks for its grid at the
// resolution it is drawn (device pixels, at most 2 per CSS pixel) while it is on screen, none
// while it is off screen (IntersectionObserver): onTiles(resolutions) hears every change.
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import strings from '../../i18n/training-views.js';
import { el } from '../../dom.js';
import { divergingGradient } from './heatmap-colours.js';
import { createLinkPainter } from './network-links.js';
import { slopeOf, showSlope } from './unit-slope.js';
import { createTilePainter } from './network-tiles.js';
import { createTileVisibility } from './tile-visibility.js';
import { linkAt } from './network-pick.js';

registerStrings('trainingViews', strings);

const headerHeight = 40;
const sidePadding = 30;
const minColumnGap = 56;
const maxColumnGap = 150;
const columnBudget = 440;

/** Tile side (CSS px) and gap for a column of n tiles. */
function tileSize(n) {
  const gap = n > 16 ? 3 : 6;
  return { size: Math.max(12, Math.min(48, Math.floor(columnBudget / n) - gap)), gap };
}

/** Device pixels per CSS pixel the diagram draws at (at most 2). */
const pixelScale = () => Math.min(globalThis.devicePixelRatio || 1, 2);

/** Grid cells per side of a tile of `size` CSS px: its device pixels, at least 8. */
function tileResolution(size) {
  return Math.max(8, Math.round(size * pixelScale()));
}

/** Per hidden unit (hiddenLayers: units per layer) the resolution its tile is drawn at, as onTiles reports for tiles on screen. */
export function tileResolutions(hiddenLayers) {
  return hiddenLayers.flatMap((units) => new Array(units).fill(tileResolution(tileSize(units).size)));
}

function percent(fraction) {
  if (fraction > 0 && fraction < 0.005) return '<1%';
  return `${Math.round(fraction * 100)}%`;
}

/**
 * Draws into `container` (which becomes its own horizontal scroll box); onTiles(resolutions): one per
 * hidden unit, 0 off screen; onPick({layer, unit, input}): a click on a link (a weight) or on a
 * hidden or output tile (its bias, input -1), in dense-layer terms.
 */
export function createNetworkDiagram(container, { onTiles = () => {}, onPick = () => {} } = {}) {
  container.classList.add('nn-diagram');
  container.setAttribute('role', 'group');
  container.tabIndex = 0;
  const stage = el('div', { className: 'nn-stage' });
  const links = el('canvas', { className: 'nn-links', 'aria-hidden': 'true' });
  const linkPainter = createLinkPainter(links);
  const legend = el('div', { className: 'nn-legend' });
  const scrollHint = el('p', { className: 'note nn-scroll-hint', hidden: true });
  const tilePainter = createTilePainter();
  let columns = [];
  let architecture = null;
  let features = [];
  let inputGrid = null;
  let last = null;
  let geometry = null;
  let tilesKey = '';
  const visibility = createTileVisibility(reportTiles);

  function reportTiles() {
    if (!visibility.ready) return;
    const resolutions = columns.filter((c) => c.kind === 'hidden')
      .flatMap((c) => c.tiles.map((tile) => (visibility.visible(tile.element) ? c.resolution : 0)));
    const key = resolutions.join(',');
    if (key === tilesKey) return;
    tilesKey = key;
    queueMicrotask(() => onTiles(resolutions));
  }

  function makeTile(kind, extra = {}) {
    const element = el('div', { className: `nn-tile nn-${kind}`, role: 'img', 'data-kind': kind, ...extra });
    const canvas = el('canvas');
    element.append(canvas);
    stage.append(element);
    return { element, canvas, context: canvas.getContext('2d'), image: null, label: '', state: '' };
  }

  function build(inputs, hiddenLayers, outputs) {
    visibility.reset();
    tilesKey = '';
    stage.replaceChildren(links);
    features = inputs;
    const sizes = [inputs.length, ...hiddenLayers, outputs];
    columns = sizes.map((units, c) => {
      const kind = c === 0 ? 'input' : c === sizes.length - 1 ? 'output' : 'hidden';
      const head = el('div', { className: 'nn-column-head' });
      const name = el('span', { className: 'nn-column-name' });
      const count = el('span', { className: 'nn-column-count' });
      head.append(name, count);
      stage.append(head);
      const unitAttributes = (j) => (kind === 'hidden' ? { 'data-layer': c, 'data-unit': j + 1, role: 'button', tabindex: 0 }
        : kind === 'input' ? { 'data-feature': inputs[j] } : {});
      const tiles = Array.from({ length: units }, (_, j) => makeTile(kind, unitAttributes(j)));
      if (kind === 'hidden') tiles.forEach((tile) => visibility.observe(tile.element));
      return { kind, units, head, name, count, tiles, ...tileSize(units) };
    });
    architecture = [...inputs, ...sizes].join(',');
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
    scrollHint.hidden = width <= available;
    let x = sidePadding + shift;
    const scale = pixelScale();
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
      column.resolution = tileResolution(column.size);
      x += column.size + gap;
    });
    links.width = Math.round(geometry.width * scale);
    links.height = Math.round(height * scale);
    links.style.width = `${geometry.width}px`;
    links.style.height = `${height}px`;
    for (const column of columns) {
      for (const tile of column.tiles) tile.image = null;
    }
    linkPainter.reset();
    if (inputGrid) tilePainter.paintInputs(columns[0], inputGrid);
    if (last) paint(last);
    reportTiles();
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
        const unitState = report ? report.state[j] : 'alive';
        const revivals = report ? report.revivals[j] : 0;
        const state = unitState === 'alive' && revivals > 0 ? 'revived' : unitState;
        const fraction = report ? percent(report.activeFraction[j]) : '';
        if (tile.state !== state) {
          tile.element.dataset.state = state;
          tile.state = state;
        }
        const slope = slopeOf(report, j);
        showSlope(tile, slope);
        const key = `${state}|${fraction}|${revivals}|${slope}`;
        if (tile.label !== key) {
          const text = unitText(state, c, j + 1, fraction, revivals);
          const label = slope ? t('trainingViews.unitSlope', { label: text, slope }) : text;
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
    if (state.grid) tilePainter.paintTiles(columns.slice(1), state);
    linkPainter.draw(state.parameters, state.units, { columns, geometry });
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
    scrollHint.textContent = t('trainingViews.scrollHint');
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
          const name = t(`trainingViews.feature.${features[j]}`);
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

  stage.addEventListener('click', (event) => {
    const tile = event.target.closest?.('.nn-tile');
    const c = columns.findIndex((column) => column.tiles.some((item) => item.element === tile));
    if (c > 0) {
      onPick({ layer: c - 1, unit: columns[c].tiles.findIndex((item) => item.element === tile), input: -1 });
      return;
    }
    const box = stage.getBoundingClientRect();
    const link = tile ? null : linkAt(geometry, event.clientX - box.left, event.clientY - box.top, linkPainter.drawn);
    if (link) onPick(link);
  });
  container.replaceChildren(scrollHint, stage, legend);
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
    /**
     * Redraws tiles (grid: per-unit blocks at gridResolutions, starting at offsets; inputGrid: the
     * features' values, sent with each new run), links and unit states; rebuilds the nodes only
     * when the features or layer sizes change.
     */
    update(state) {
      const key = [...state.features, state.features.length, ...state.hiddenLayers, state.outputs].join(',');
      if (key !== architecture) {
        last = null;
        build(state.features, state.hiddenLayers, state.outputs);
      }
      if (state.inputGrid) {
        inputGrid = state.inputGrid;
        tilePainter.paintInputs(columns[0], inputGrid);
      }
      last = state;
      paint(state);
    },
    destroy() {
      resizeObserver?.disconnect();
      visibility.destroy();
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
