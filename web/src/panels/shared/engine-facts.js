// The panels' one reader of the core's names, limits and defaults: everything here comes from
// the engine's manifest (web/src/manifest.js), shaped the way the panels use it.
import { manifest, activationNames as names, datasetNames, headNames, initNames, optimizerNames, activation } from '../../manifest.js';

/** Every activation of the engine, in its display order. */
export const activationNames = names();

/** The engine's alpha range {min, max, default, maxOpen} of `name`, or null when it takes no alpha. */
export function alphaOf(name) {
  return activation(name).alpha;
}

/** The generated data set kinds (the playground adds its own 'custom'). */
export const datasetKinds = datasetNames();

/** The number of classes data set `kind` draws. */
export function classesOf(kind) {
  return manifest.datasets.find((d) => d.name === kind).classes;
}

/** The kinds with real-valued targets instead of classes (plane, bumps). */
export const regressionKinds = manifest.datasets.filter((d) => d.regression).map((d) => d.name);

/** The head those kinds train with: one unbounded (linear) output and squared error. */
export const regressionHead = manifest.heads.find((h) => h.outputs === 'one' && h.targets && h.targets.min < 0).name;

/** Input features of the training panel's network, in display order, and the default ones. */
export const inputFeatures = manifest.features.names;
export const defaultFeatures = manifest.features.default;

/** The kinds whose data has two classes (what the binary output heads can learn). */
export const binaryDatasetKinds = manifest.datasets.filter((d) => d.classes === 2).map((d) => d.name);

/** Output heads and weight-initialisation schemes, in display order. */
export const heads = headNames();
export const inits = initNames();
/** Optimisers, in display order. */
export const optimizers = optimizerNames();

/** The head with one output per class (the one more than two classes need). */
export const perClassHead = manifest.heads.find((h) => h.outputs === 'perClass').name;

/** How many outputs `head` has for `classes` classes. */
export function outputsOf(head, classes) {
  return manifest.heads.find((h) => h.name === head).outputs === 'perClass' ? classes : 1;
}

/** The largest seed the engine takes. */
export const maxSeed = manifest.network.seed.max;

/** Network limits and defaults: inputs, maxLayers, maxUnits, and defaults {hiddenLayers, activation, head, init}. */
export const network = { ...manifest.network, ...manifest.network.defaults };

/** The range {min, max} of a point's coordinates in student data. */
export const coordinates = manifest.data.coordinate;

/** Optimiser settings' ranges and defaults: learningRate, batchSize, momentum, l2, beta1, beta2, rho, epsilon ({min, max, default}), optimizer {default}. */
export const training = manifest.training;

/** Limits of the experiments: bornDeadMaxDepth. */
export const experimentLimits = { bornDeadMaxDepth: manifest.bornDead.depth.max };
