// The output heatmap over the input plane with the training points (filled) and test points
// (white inside), each class with its own colour and shape. The heatmap is painted at grid
// resolution into an offscreen canvas and scaled up with smoothing; the points are drawn into a
// second offscreen layer only when the data, size or domain change.
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import strings from '../../i18n/training-views.js';
import { el } from '../../dom.js';
import {
  classColours, divergingTable, classTables, outputRange, paintScalar, paintArgmax, packed, neutralColour, steppedTable, flatClassTables,
  divergingColour,
} from './heatmap-colours.js';

registerStrings('trainingViews', strings);

const defaultDomain = { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 };
/** How far the background goes towards the full colours, so points stand out. */
const backgroundStrength = 0.6;
const shapes = ['circle', 'square', 'triangle'];

function traceShape(ctx, shape, x, y, r) {
  if (shape === 'circle') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  } else if (shape === 'square') {
    const h = r * 0.9;
    ctx.rect(x - h, y - h, 2 * h, 2 * h);
  } else {
    const h = r * 1.25;
    ctx.moveTo(x, y - h);
    ctx.lineTo(x + h * 0.95, y + h * 0.7);
    ctx.lineTo(x - h * 0.95, y + h * 0.7);
    ctx.closePath();
  }
}

/** Shape drawn for class k (circle, square, triangle, repeating). */
function classShape(k) {
  return shapes[k % shapes.length];
}

const svgNamespace = 'http://www.w3.org/2000/svg';

function shapeIcon(shape, colour, hollow) {
  const svg = document.createElementNS(svgNamespace, 'svg');
  svg.setAttribute('viewBox', '0 0 14 14');
  svg.setAttribute('aria-hidden', 'true');
  const mark = shape === 'circle' ? document.createElementNS(svgNamespace, 'circle')
    : document.createElementNS(svgNamespace, shape === 'square' ? 'rect' : 'polygon');
  const attributes = {
    circle: { cx: 7, cy: 7, r: 5 },
    square: { x: 2.5, y: 2.5, width: 9, height: 9 },
    triangle: { points: '7,1.5 12.5,11.5 1.5,11.5' },
  }[shape];
  for (const [key, value] of Object.entries(attributes)) mark.setAttribute(key, String(value));
  mark.setAttribute('fill', hollow ? '#ffffff' : colour);
  mark.setAttribute('stroke', colour);
  mark.setAttribute('stroke-width', hollow ? '2' : '1');
  svg.append(mark);
  return svg;
}

/** A legend element: each class's colour and shape, then filled = training point, white inside = test point. */
export function createPointLegend(classes, showTest = true) {
  const legend = el('div', { className: 'point-legend' });
  const item = (icon, text) => el('span', { className: 'point-legend-item' }, [icon, text]);
  for (let k = 0; k < classes; k += 1) {
    const icon = shapeIcon(classShape(k), classColours[k % classColours.length], false);
    legend.append(item(icon, t('trainingViews.className', { class: k })));
  }
  if (!classes) legend.append(el('span', { className: 'point-legend-item', text: t('trainingViews.targetLegend') }));
  legend.append(item(shapeIcon('circle', '#58616e', false), t('trainingViews.trainPoint')));
  if (showTest) legend.append(item(shapeIcon('circle', '#58616e', true), t('trainingViews.testPoint')));
  return legend;
}

/** Sizes `canvas`'s backing store to its CSS size times devicePixelRatio: {width, height, scale}. */
export function fitBackingStore(canvas) {
  const scale = globalThis.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * scale));
  const height = Math.max(1, Math.round(canvas.clientHeight * scale));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  return { width, height, scale };
}

/**
 * `canvas`'s backing store sized as fitBackingStore does, measured again only after the canvas
 * resizes (ResizeObserver; without it, on every call): size() -> {width, height, scale}. Reading the
 * layout on every frame forced the browser to lay out the page again after each frame's DOM changes.
 * onResize() runs after each resize.
 */
export function createBackingStore(canvas, onResize) {
  let size = null;
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    size = null;
    onResize();
  });
  observer?.observe(canvas);
  return {
    size() {
      if (!size || !observer) size = fitBackingStore(canvas);
      return size;
    },
    destroy() { observer?.disconnect(); },
  };
}

/** Draws onto `canvas` (sized by CSS; the backing store follows its size and devicePixelRatio). */
export function createDecisionView(canvas) {
  canvas.classList.add('decision-view');
  const ownLabel = !canvas.hasAttribute('aria-label');
  const relabel = () => {
    if (!ownLabel) return;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', t('trainingViews.decisionLabel'));
  };
  relabel();
  const stopListening = onLanguageChange(relabel);
  const ctx = canvas.getContext('2d');
  const heat = document.createElement('canvas');
  const heatCtx = heat.getContext('2d');
  const pointsLayer = document.createElement('canvas');
  const pointsCtx = pointsLayer.getContext('2d');
  const diverging = divergingTable(backgroundStrength);
  const stepped = steppedTable(backgroundStrength);
  let classScales = [];
  let flatScales = [];
  let domain = { ...defaultDomain };
  let image = null;
  let last = null;
  let pointsKey = null;

  function paintHeat({ grid, resolution, hiddenUnits, outputs, head, discrete = false }) {
    const cells = resolution * resolution;
    if (heat.width !== resolution || heat.height !== resolution) {
      heat.width = resolution;
      heat.height = resolution;
      image = null;
    }
    image ??= heatCtx.createImageData(resolution, resolution);
    const pixels = new Uint32Array(image.data.buffer);
    if (!grid) {
      pixels.fill(packed(neutralColour));
    } else {
      const expected = (hiddenUnits + outputs) * cells;
      if (grid.length !== expected) {
        throw new RangeError(`grid holds ${grid.length} values; expected (hiddenUnits + outputs) * resolution^2 = ${expected}`);
      }
      const offset = hiddenUnits * cells;
      if (outputs > 1) {
        if (classScales.length !== outputs) classScales = classTables(outputs, backgroundStrength);
        if (flatScales.length !== outputs) flatScales = flatClassTables(outputs, backgroundStrength);
        paintArgmax(pixels, grid, offset, cells, cells, discrete ? flatScales : classScales);
      } else {
        const [lo, hi] = outputRange(head);
        paintScalar(pixels, grid, offset, cells, discrete ? stepped : diverging, lo, hi);
      }
    }
    heatCtx.putImageData(image, 0, 0);
  }

  function toPixels(x, y, width, height) {
    return [
      ((x - domain.xMin) / (domain.xMax - domain.xMin)) * width,
      ((domain.yMax - y) / (domain.yMax - domain.yMin)) * height,
    ];
  }

  // Regression points: circles filled with their target's colour (test points: a ring of it).
  function drawTargets(target, set, width, height, radius, hollow) {
    for (let i = 0; i < set.target.length; i += 1) {
      const [px, py] = toPixels(set.x[2 * i], set.x[2 * i + 1], width, height);
      const colour = divergingColour(set.target[i]);
      target.beginPath();
      traceShape(target, 'circle', px, py, radius);
      target.fillStyle = hollow ? '#ffffff' : colour;
      target.strokeStyle = hollow ? colour : 'rgba(26, 29, 35, 0.55)';
      target.lineWidth = hollow ? Math.max(1.5, radius * 0.45) : Math.max(0.75, radius * 0.2);
      target.fill();
      target.stroke();
    }
  }

  function drawSet(target, set, classes, width, height, radius, hollow) {
    if (set?.x && set.target) drawTargets(target, set, width, height, radius, hollow);
    if (!set?.x || !set.label) return;
    for (let k = 0; k < classes; k += 1) {
      const colour = classColours[k % classColours.length];
      target.beginPath();
      let any = false;
      for (let i = 0; i < set.label.length; i += 1) {
        if (set.label[i] !== k) continue;
        const [px, py] = toPixels(set.x[2 * i], set.x[2 * i + 1], width, height);
        traceShape(target, classShape(k), px, py, radius);
        any = true;
      }
      if (!any) continue;
      target.fillStyle = hollow ? '#ffffff' : colour;
      target.strokeStyle = hollow ? colour : '#ffffff';
      target.lineWidth = hollow ? Math.max(1.5, radius * 0.45) : Math.max(1, radius * 0.3);
      target.fill();
      target.stroke();
    }
  }

  function drawPoints({ train, test, showTest, classes = 2 }, width, height, scale) {
    const key = [train?.x, train?.label?.length ?? train?.target?.length, test?.x, test?.label?.length ?? test?.target?.length, showTest, classes, width, height,
      domain.xMin, domain.xMax, domain.yMin, domain.yMax];
    if (pointsKey && key.every((v, i) => v === pointsKey[i])) return;
    pointsKey = key;
    pointsLayer.width = width;
    pointsLayer.height = height;
    const size = (set) => set?.label?.length ?? set?.target?.length ?? 0;
    const count = size(train) + (showTest ? size(test) : 0);
    const radius = scale * Math.min(5, Math.max(2.5, width / scale / 110)) * (count > 1000 ? 0.7 : 1);
    drawSet(pointsCtx, train, classes, width, height, radius, false);
    if (showTest) drawSet(pointsCtx, test, classes, width, height, radius, true);
  }

  function drawAxes(width, height, scale) {
    const [x0, y0] = toPixels(0, 0, width, height);
    ctx.save();
    ctx.strokeStyle = 'rgba(26, 29, 35, 0.22)';
    ctx.lineWidth = scale;
    ctx.beginPath();
    if (x0 > 0 && x0 < width) {
      ctx.moveTo(x0, 0);
      ctx.lineTo(x0, height);
    }
    if (y0 > 0 && y0 < height) {
      ctx.moveTo(0, y0);
      ctx.lineTo(width, y0);
    }
    ctx.stroke();
    ctx.fillStyle = 'rgba(26, 29, 35, 0.6)';
    ctx.font = `${11 * scale}px system-ui, sans-serif`;
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'center';
    for (const tick of [-1, 1]) {
      const [px] = toPixels(tick, 0, width, height);
      if (px > 12 * scale && px < width - 12 * scale) ctx.fillText(String(tick).replace('-', '\u2212'), px, height - 3 * scale);
    }
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const tick of [-1, 1]) {
      const [, py] = toPixels(0, tick, width, height);
      if (py > 12 * scale && py < height - 12 * scale) ctx.fillText(String(tick).replace('-', '\u2212'), 4 * scale, py);
    }
    ctx.restore();
  }

  function draw() {
    if (!last) return;
    const { width, height, scale } = backing.size();
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(heat, 0, 0, heat.width, heat.height, 0, 0, width, height);
    drawAxes(width, height, scale);
    drawPoints(last, width, height, scale);
    ctx.drawImage(pointsLayer, 0, 0);
  }

  const backing = createBackingStore(canvas, draw);

  return {
    /** Repaints from a gridActivations result; train/test hold x (x, y pairs) and label. */
    update(state) {
      last = state;
      paintHeat(state);
      draw();
    },
    /** The data coordinates {x, y} under a client (viewport) position. */
    toData(clientX, clientY) {
      const box = canvas.getBoundingClientRect();
      return {
        x: domain.xMin + ((clientX - box.left) / box.width) * (domain.xMax - domain.xMin),
        y: domain.yMax - ((clientY - box.top) / box.height) * (domain.yMax - domain.yMin),
      };
    },
    /** The plane shown; must match the range passed to gridActivations. */
    setDomain(next) {
      domain = { ...domain, ...next };
      draw();
    },
    destroy() {
      backing.destroy();
      stopListening();
      canvas.classList.remove('decision-view');
      last = null;
    },
  };
}
