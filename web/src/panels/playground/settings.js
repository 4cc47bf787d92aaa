// The training panel's settings: the schema, the choices it offers, and the trainer spec a
// set of settings stands for (same settings and seeds give the same run).
import { field } from '../../settings.js';
import { activationNames } from '../shared/controls.js';
import { pointsFromSettings, classesOf, maxPoints, extent } from '../../training/points.js';

export const datasets = ['circle', 'xor', 'gaussians', 'spiral', 'moons', 'three_class', 'custom'];
export const heads = ['sigmoid_cross_entropy', 'tanh_mse', 'softmax_cross_entropy'];
export const inits = ['he', 'xavier', 'small_uniform'];
export const maxLayers = 6;
export const maxUnits = 32;
export const learningRateRange = { min: 1e-4, max: 10 };
const maxSeed = 2147483647;

/** Training per frame: a choice value -> {unit, amount}. */
export const speeds = {
  'steps-1': { unit: 'steps', amount: 1 },
  'steps-10': { unit: 'steps', amount: 10 },
  'epochs-1': { unit: 'epochs', amount: 1 },
  'epochs-5': { unit: 'epochs', amount: 5 },
  'epochs-20': { unit: 'epochs', amount: 20 },
  'epochs-100': { unit: 'epochs', amount: 100 },
};

/** Activations whose alpha the student can set, with their default and largest alpha. */
export const alphaRange = { leaky_relu: { fallback: 0.01, max: 0.99 }, elu: { fallback: 1, max: 3 } };

export const schema = {
  dataset: field.choice('circle', datasets),
  noise: field.number(0.1, 0, 0.5),
  points: field.integer(500, 20, 2000),
  trainFraction: field.number(0.8, 0.1, 0.9),
  dataSeed: field.integer(1, 0, maxSeed),
  showTest: field.boolean(true),
  customX: field.list([], field.number(0, -extent, extent), 0, 2 * maxPoints),
  customLabels: field.list([], field.integer(0, 0, 2), 0, maxPoints),
  pointClass: field.integer(0, 0, 2),
  hiddenLayers: field.list([8, 8], field.integer(8, 1, maxUnits), 0, maxLayers),
  activation: field.choice('relu', activationNames),
  alpha: field.number(0.01, 0, 3),
  head: field.choice('sigmoid_cross_entropy', heads),
  init: field.choice('he', inits),
  weightSeed: field.integer(12, 0, maxSeed),
  learningRate: field.number(0.03, learningRateRange.min, learningRateRange.max),
  batchSize: field.integer(10, 1, 500),
  momentum: field.number(0, 0, 0.99),
  l2: field.number(0, 0, 0.1),
  shuffleSeed: field.integer(1, 0, maxSeed),
  speed: field.choice('epochs-1', Object.keys(speeds)),
  stopMode: field.choice('none', ['none', 'steps', 'loss']),
  stopSteps: field.integer(1000, 1, 10000000),
  stopLoss: field.number(0.05, 0.0001, 10),
  logScale: field.boolean(false),
  timelineStep: field.integer(-1, -1, 10000000),
  inspectLayer: field.integer(0, 0, maxLayers),
  inspectUnit: field.integer(0, 0, maxUnits),
};

/** Settings that rebuild the network and data when they change (the rest apply to the running network). */
export const structuralKeys = ['dataset', 'noise', 'points', 'trainFraction', 'dataSeed', 'customX', 'customLabels',
  'hiddenLayers', 'activation', 'alpha', 'head', 'init', 'weightSeed', 'shuffleSeed'];

/** Classes of the chosen data set. */
export function classCount(settings) {
  if (settings.dataset === 'three_class') return 3;
  if (settings.dataset === 'custom') return classesOf(pointsFromSettings(settings));
  return 2;
}

/** The output/loss the run uses: softmax + cross-entropy whenever there are more than 2 classes. */
export function effectiveHead(settings) {
  return classCount(settings) > 2 ? 'softmax_cross_entropy' : settings.head;
}

/** Alpha passed to the engine, or undefined for activations without one. */
function effectiveAlpha(settings) {
  const range = alphaRange[settings.activation];
  return range ? Math.min(settings.alpha, range.max) : undefined;
}

/** The optimiser part of a spec (changeable while training). */
export function trainSettings(settings) {
  const { learningRate, batchSize, momentum, l2 } = settings;
  return { learningRate, batchSize, momentum, l2 };
}

/** {steps, loss} for session.stopCondition (0 = no limit). */
export function stopCondition(settings) {
  return {
    steps: settings.stopMode === 'steps' ? settings.stopSteps : 0,
    loss: settings.stopMode === 'loss' ? settings.stopLoss : 0,
  };
}

/** The engine's trainer spec for these settings (docs/API.md, "Training"). */
export function trainerSpec(settings) {
  const network = {
    hiddenLayers: [...settings.hiddenLayers], activation: settings.activation, head: effectiveHead(settings),
    init: settings.init, seed: settings.weightSeed,
  };
  const alpha = effectiveAlpha(settings);
  if (alpha !== undefined) network.alpha = alpha;
  const split = { trainFraction: settings.trainFraction, splitSeed: settings.dataSeed };
  const data = settings.dataset === 'custom'
    ? { ...pointsFromSettings(settings), classes: classCount(settings), ...split }
    : { kind: settings.dataset, size: settings.points, noise: settings.noise, seed: settings.dataSeed, ...split };
  return { network, data, settings: trainSettings(settings), shuffleSeed: settings.shuffleSeed, statsEvery: 0 };
}

/** What a saved file records as the architecture. */
export function architecture(settings) {
  return {
    inputs: 2, hiddenLayers: [...settings.hiddenLayers], activation: settings.activation, alpha: effectiveAlpha(settings) ?? null,
    head: effectiveHead(settings), outputs: effectiveHead(settings) === 'softmax_cross_entropy' ? classCount(settings) : 1,
  };
}
