// The training panel's settings: the schema, the choices it offers, and the trainer spec a
// set of settings stands for (same settings and seeds give the same run).
import { field, keysWithEffect } from '../../settings.js';
import {
  activationNames, alphaOf, datasetKinds, classesOf as kindClasses, heads, perClassHead, outputsOf, inits, optimizers, network, training, maxSeed,
  regressionKinds, regressionHead, inputFeatures, defaultFeatures,
} from '../shared/engine-facts.js';
import { pointsFromSettings, classesOf, maxPoints, extent } from '../../training/points.js';

/** Training per frame: a choice value -> {unit, amount}. */
export const speeds = {
  'steps-1': { unit: 'steps', amount: 1 },
  'steps-10': { unit: 'steps', amount: 10 },
  'epochs-1': { unit: 'epochs', amount: 1 },
  'epochs-5': { unit: 'epochs', amount: 5 },
  'epochs-20': { unit: 'epochs', amount: 20 },
  'epochs-100': { unit: 'epochs', amount: 100 },
};

/** The heads the training views can colour (outputs in [0, 1], or tanh's [-1, 1]): a page choice among the engine's. */
export const offeredHeads = heads.filter((head) => ['sigmoid_cross_entropy', 'tanh_mse', perClassHead].includes(head));

/** The alpha slider's largest value per activation that takes an alpha (a page choice inside the engine's range). */
export const alphaSliderMax = { leaky_relu: 0.99, elu: 3, prelu: 0.99 };

const seed = (fallback, effect) => field.integer(fallback, 0, maxSeed, { effect });
const { learningRate, batchSize, momentum, l2, l1 } = training;

/** Every setting of the panel, with its effect: 'rebuild', 'live', 'schedule' or 'redraw' (see settings.js). */
export const schema = {
  dataset: field.choice('circle', [...datasetKinds, 'custom'], { effect: 'rebuild' }),
  noise: field.number(0.1, 0, 0.5, { effect: 'rebuild', control: 'slider', step: 0.01 }),
  points: field.integer(500, 20, 2000, { effect: 'rebuild', control: 'slider', step: 10 }),
  trainFraction: field.number(0.8, 0.1, 0.9, { effect: 'rebuild', control: 'slider', step: 0.05 }),
  dataSeed: seed(1, 'rebuild'),
  showTest: field.boolean(true, { effect: 'redraw', className: 'check pg-check' }),
  discretize: field.boolean(false, { effect: 'redraw', className: 'check pg-check' }),
  customX: field.list([], field.number(0, -extent, extent), 0, 2 * maxPoints, { effect: 'rebuild' }),
  customLabels: field.list([], field.integer(0, 0, 2), 0, maxPoints, { effect: 'rebuild' }),
  pointClass: field.integer(0, 0, 2, { effect: 'redraw', control: 'select' }),
  hiddenLayers: field.list(network.hiddenLayers, field.integer(network.units.default, network.units.min, network.units.max), 0, network.maxLayers, {
    effect: 'rebuild',
  }),
  features: field.set([...defaultFeatures], inputFeatures, 1, { effect: 'rebuild' }),
  activation: field.choice(network.activation, activationNames, { effect: 'rebuild' }),
  alpha: field.number(alphaOf('leaky_relu').default, 0, Math.max(...Object.values(alphaSliderMax)), {
    effect: 'rebuild', control: 'slider', step: 0.01, fallbackOf: (settings) => alphaRange(settings.activation)?.fallback,
  }),
  head: field.choice(network.head, offeredHeads, { effect: 'rebuild' }),
  init: field.choice(network.init, inits, { effect: 'rebuild' }),
  initialBias: field.number(network.initialBias.default, network.initialBias.min, network.initialBias.max, { effect: 'rebuild', control: 'slider', step: 0.05 }),
  weightSeed: seed(12, 'rebuild'),
  optimizer: field.choice(training.optimizer.default, optimizers, { effect: 'live' }),
  learningRate: field.number(learningRate.default, learningRate.min, learningRate.max, { effect: 'live', control: 'log' }),
  batchSize: field.integer(batchSize.default, batchSize.min, 500, { effect: 'live' }),
  momentum: field.number(momentum.default, momentum.min, 0.99, { effect: 'live', control: 'slider', step: 0.01 }),
  l2: field.number(l2.default, l2.min, 0.1, { effect: 'live', step: 0.0001 }),
  l1: field.number(l1.default, l1.min, 0.1, { effect: 'live', step: 0.0001 }),
  shuffleSeed: seed(1, 'rebuild'),
  speed: field.choice('epochs-1', Object.keys(speeds), { effect: 'schedule' }),
  stopMode: field.choice('none', ['none', 'steps', 'loss'], { effect: 'schedule' }),
  stopSteps: field.integer(1000, 1, 10000000, { effect: 'schedule', step: 100 }),
  stopLoss: field.number(0.05, 0.0001, 10, { effect: 'schedule', step: 0.01 }),
  logScale: field.boolean(false, { effect: 'redraw' }),
  timelineStep: field.integer(-1, -1, training.steps.max, { effect: 'record' }),
  inspectLayer: field.integer(0, 0, network.maxLayers, { effect: 'record' }),
  inspectUnit: field.integer(0, 0, network.units.max, { effect: 'record' }),
};

/** The settings the running trainer takes live (the optimiser's). */
export const liveKeys = keysWithEffect(schema, 'live');

/** The alpha slider's range for `activation`, or null when it takes no alpha. */
export function alphaRange(activation) {
  const engine = alphaOf(activation);
  return engine ? { min: engine.min, max: Math.min(engine.max, alphaSliderMax[activation]), fallback: engine.default } : null;
}

/** Classes of the chosen data set. */
export function classCount(settings) {
  if (settings.dataset === 'custom') return classesOf(pointsFromSettings(settings));
  return kindClasses(settings.dataset);
}

/** True when the data set has real-valued targets (a regression kind). */
export function isRegression(settings) {
  return regressionKinds.includes(settings.dataset);
}

/** The output/loss the run uses: a linear output with squared error for regression, softmax + cross-entropy for more than 2 classes. */
export function effectiveHead(settings) {
  if (isRegression(settings)) return regressionHead;
  return classCount(settings) > 2 ? perClassHead : settings.head;
}

/** The chosen input features in display order (the order of the network's inputs). */
export function featureList(settings) {
  return inputFeatures.filter((name) => settings.features.includes(name));
}

/** Alpha passed to the engine, or undefined for activations without one. */
function effectiveAlpha(settings) {
  const range = alphaRange(settings.activation);
  return range ? Math.min(settings.alpha, range.max) : undefined;
}

/** The optimiser part of a spec (changeable while training). */
export function trainSettings(settings) {
  return Object.fromEntries(liveKeys.map((key) => [key, settings[key]]));
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
  const net = {
    hiddenLayers: [...settings.hiddenLayers], activation: settings.activation, head: effectiveHead(settings),
    init: settings.init, initialBias: settings.initialBias, seed: settings.weightSeed, features: featureList(settings),
  };
  const alpha = effectiveAlpha(settings);
  if (alpha !== undefined) net.alpha = alpha;
  const split = { trainFraction: settings.trainFraction, splitSeed: settings.dataSeed };
  const data = settings.dataset === 'custom'
    ? { ...pointsFromSettings(settings), classes: classCount(settings), ...split }
    : { kind: settings.dataset, size: settings.points, noise: settings.noise, seed: settings.dataSeed, ...split };
  return { network: net, data, settings: trainSettings(settings), shuffleSeed: settings.shuffleSeed, statsEvery: 0 };
}

/** What a saved file records as the architecture. */
export function architecture(settings) {
  return {
    inputs: settings.features.length, features: featureList(settings), hiddenLayers: [...settings.hiddenLayers], activation: settings.activation, alpha: effectiveAlpha(settings) ?? null,
    head: effectiveHead(settings), outputs: outputsOf(effectiveHead(settings), classCount(settings)),
  };
}
