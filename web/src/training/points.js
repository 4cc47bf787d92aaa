// The student's own points: add by clicking, clear, and move in and out as CSV (x,y,label per
// line) or JSON ({points: [{x, y, label}]}). Coordinates live in the engine's [-1.5, 1.5], labels 0 to 2.
import { coordinates } from '../panels/shared/engine-facts.js';

export const maxPoints = 500;
const maxClasses = 3;
export const extent = coordinates.max;

/** The points stored in panel settings: {x: [x0, y0, x1, y1, ...], label: [...]}, cut to matching length. */
export function pointsFromSettings({ customX, customLabels }) {
  const count = Math.min(Math.floor(customX.length / 2), customLabels.length, maxPoints);
  return { x: customX.slice(0, 2 * count), label: customLabels.slice(0, count) };
}

/** The settings fields that store `points`. */
export function pointsToSettings(points) {
  return { customX: [...points.x], customLabels: [...points.label] };
}

const clampCoordinate = (v) => Math.max(-extent, Math.min(extent, Math.round(v * 1000) / 1000));

/** `points` with one more point (rounded to 0.001, clamped to the plane); unchanged when full. */
export function addPoint(points, x, y, label) {
  if (points.label.length >= maxPoints || !Number.isFinite(x) || !Number.isFinite(y)) return points;
  return { x: [...points.x, clampCoordinate(x), clampCoordinate(y)], label: [...points.label, label] };
}

function emptyPoints() {
  return { x: [], label: [] };
}

/** Number of classes the points need: 3 when any point has label 2, else 2. */
export function classesOf(points) {
  return points.label.some((label) => label >= 2) ? 3 : 2;
}

/** 'ready' when a network can train on the points, else why not: 'needPoints' or 'needTwoClasses'. */
export function readiness(points) {
  if (points.label.length < 4) return 'needPoints';
  if (new Set(points.label).size < 2) return 'needTwoClasses';
  return 'ready';
}

/** CSV text with a header line: x,y,label. */
export function toCsv(points) {
  const lines = points.label.map((label, i) => `${points.x[2 * i]},${points.x[2 * i + 1]},${label}`);
  return ['x,y,label', ...lines].join('\n') + '\n';
}

/** JSON text: {format: 'activation-lab-points', points: [{x, y, label}]}. */
export function toJson(points) {
  const list = points.label.map((label, i) => ({ x: points.x[2 * i], y: points.x[2 * i + 1], label }));
  return JSON.stringify({ format: 'activation-lab-points', points: list }, null, 1);
}

function validPoint(x, y, label) {
  return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= extent && Math.abs(y) <= extent
    && Number.isInteger(label) && label >= 0 && label < maxClasses;
}

function rowsOf(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new Error('the JSON could not be read');
    }
    const list = Array.isArray(parsed) ? parsed : parsed?.points;
    if (!Array.isArray(list)) throw new Error('the JSON holds no "points" list');
    return list.map((p) => [Number(p?.x), Number(p?.y), Number(p?.label)]);
  }
  return trimmed.split(/\r?\n/).filter((line) => line.trim() !== '' && !/^\s*x\s*[,;\t]/i.test(line))
    .map((line) => line.split(/[,;\t]/).map((cell) => (cell.trim() === '' ? NaN : Number(cell))));
}

/** Reads CSV or JSON points. Returns {points, skipped}: rows that were not valid points are skipped and counted. */
export function parsePoints(text) {
  const points = emptyPoints();
  let skipped = 0;
  for (const [x, y, label] of rowsOf(String(text))) {
    if (!validPoint(x, y, label) || points.label.length >= maxPoints) {
      skipped += 1;
      continue;
    }
    points.x.push(x, y);
    points.label.push(label);
  }
  if (points.label.length === 0) throw new Error('no valid points found (expected x,y,label with |x|, |y| <= 1.5 and label 0, 1 or 2)');
  return { points, skipped };
}
