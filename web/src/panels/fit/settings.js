// The "Fit a curve" panel's settings: the schema (every choice and limit from the engine's
// manifest), the trainer spec they describe and the x values the curve view is drawn at.
import { field } from '../../settings.js';
import { manifest } from '../../manifest.js';
import { activationNames, maxSeed, training } from '../shared/engine-facts.js';

/** The curve kinds of the engine, then the student's own drawn points. */
export const targets = [...manifest.curve.kinds, 'drawn'];
/** x range of the chart; the curves span [-domain, domain]. */
export const domain = manifest.curve.domain;
export const viewRange = { min: -1.25 * domain, max: 1.25 * domain };
/** Activations whose fits are piecewise linear: their kinks and pieces are shown. */
export const piecewiseLinear = manifest.curve.piecewiseLinear;
/** Most drawn points and the range of their coordinates. */
export const maxDrawn = 200;
export const coordinate = manifest.data.coordinate;
/** Steps of a unit's slope edit by keyboard, and the slider's range (inside the engine's curve.slope). */
export const slopeRange = { min: -8, max: 8, step: 0.1 };
export const kinkStep = 0.01;
/** Steps each network trains in the one-click ReLU / tanh comparison. */
export const compareSteps = 3000;

const rate = training.learningRate;
export const schema = {
  target: field.choice('sin', targets, { effect: 'rebuild' }),
  noise: field.number(manifest.curve.noise.default, manifest.curve.noise.min, manifest.curve.noise.max, { effect: 'rebuild', control: 'slider', step: 0.05 }),
  size: field.integer(40, manifest.curve.size.min, 200, { effect: 'rebuild', control: 'slider', step: 1 }),
  units: field.integer(4, 1, manifest.network.maxUnits, { effect: 'rebuild', control: 'select' }),
  layers: field.integer(1, 1, 2, { effect: 'rebuild', control: 'select' }),
  activation: field.choice('relu', activationNames, { effect: 'rebuild' }),
  learningRate: field.number(0.05, rate.min, rate.max, { effect: 'live', control: 'log' }),
  batchSize: field.integer(training.batchSize.default, 1, 200, { effect: 'live', control: 'slider', step: 1 }),
  seed: field.integer(1, 0, maxSeed, { effect: 'rebuild' }),
  drawn: field.list([], field.number(0, coordinate.min, coordinate.max), 0, 2 * maxDrawn, { effect: 'rebuild' }),
};

/** Drawn points as {x, y} pairs from the flat settings list [x0, y0, x1, y1, ...]. */
export function drawnPoints(settings) {
  const points = [];
  for (let i = 0; i + 1 < settings.drawn.length; i += 2) points.push({ x: settings.drawn[i], y: settings.drawn[i + 1] });
  return points;
}

/** True when the settings can train: a curve, or at least two drawn points. */
export function ready(settings) {
  return settings.target !== 'drawn' || drawnPoints(settings).length >= 2;
}

/** The data part of a trainer spec: a curve of the engine, or the drawn points as targets. */
function dataSpec(settings) {
  if (settings.target !== 'drawn') return { curve: settings.target, size: settings.size, noise: settings.noise, seed: settings.seed, trainFraction: 1 };
  const points = drawnPoints(settings);
  return { x: points.map((p) => p.x), target: points.map((p) => p.y), inputs: 1, trainFraction: 1 };
}

/** The trainer spec of `settings` (activation overrides settings.activation, for the comparison). */
export function trainerSpec(settings, activation = settings.activation) {
  return {
    network: { hiddenLayers: Array(settings.layers).fill(settings.units), activation, head: 'linear_mse', seed: settings.seed },
    data: dataSpec(settings),
    settings: { learningRate: settings.learningRate, batchSize: settings.batchSize },
    statsEvery: 0,
    shuffleSeed: settings.seed,
  };
}

/** The x values the fit is drawn at: evenly over the chart's range. */
export function curveXs(count = 241) {
  return Array.from({ length: count }, (_, i) => viewRange.min + ((viewRange.max - viewRange.min) * i) / (count - 1));
}

/** The x range where pieces are counted: the training data's. */
export function dataRange(xs) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return lo < hi ? { lo, hi } : { lo: -domain, hi: domain };
}
