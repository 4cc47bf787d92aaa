// The one place web/src reads the core's names, limits and defaults. Until the engine's
// manifest (web/src/manifest.js, generated from cpp/) is merged, `facts` restates today's values
// of cpp/ in the manifest's shape; then this module reads the manifest and these lines go.

const activation = (name, { alpha = null, diesBelowZero = false } = {}) => ({ name, usesAlpha: alpha !== null, alpha, diesBelowZero });

const facts = {
  activations: [
    activation('sigmoid'), activation('tanh'), activation('relu', { diesBelowZero: true }),
    activation('leaky_relu', { alpha: { min: 0, max: 1, default: 0.01 } }), activation('step', { diesBelowZero: true }),
    activation('linear'), activation('elu', { alpha: { min: 0, max: 10, default: 1 } }), activation('selu'),
    activation('softplus'), activation('gelu'), activation('silu'), activation('softsign'), activation('hard_sigmoid'),
  ],
  datasets: [...['circle', 'xor', 'gaussians', 'spiral', 'moons'].map((kind) => ({ kind, classes: 2 })), { kind: 'three_class', classes: 3 }],
  heads: ['sigmoid_cross_entropy', 'tanh_mse', 'softmax_cross_entropy'],
  inits: ['he', 'xavier', 'small_uniform'],
  unitStates: ['alive', 'dead', 'dormant'],
  network: { inputs: 2, maxLayers: 6, maxUnits: 32, hiddenLayers: [8, 8], activation: 'relu', head: 'sigmoid_cross_entropy', init: 'he' },
  training: {
    learningRate: { min: 1e-4, max: 10, default: 0.03 },
    batchSize: { min: 1, default: 10 },
    momentum: { min: 0, max: 0.99, default: 0 },
    l2: { min: 0, default: 0 },
  },
  experiments: { bornDeadMaxDepth: 50 },
  maxSeed: 2147483647,
};

/** Every activation of the engine, in its display order. */
export const activationNames = facts.activations.map((a) => a.name);

/** The engine's alpha range {min, max, default} of `name`, or null when it takes no alpha. */
export function alphaOf(name) {
  return facts.activations.find((a) => a.name === name)?.alpha ?? null;
}

/** The generated data set kinds (the playground adds its own 'custom'). */
export const datasetKinds = facts.datasets.map((d) => d.kind);

/** The number of classes data set `kind` draws. */
export function classesOf(kind) {
  return facts.datasets.find((d) => d.kind === kind).classes;
}

/** The kinds whose data has two classes (what the binary output heads can learn). */
export const binaryDatasetKinds = facts.datasets.filter((d) => d.classes === 2).map((d) => d.kind);

/** Output heads, weight-initialisation schemes, unit state names and the largest seed the page offers. */
export const { heads, inits, unitStates, maxSeed } = facts;

/** Limits of the experiments: bornDeadMaxDepth. */
export const experimentLimits = facts.experiments;

/** Network limits and defaults: inputs, maxLayers, maxUnits, hiddenLayers, activation, head, init. */
export const network = facts.network;

/** Optimiser settings' ranges and defaults: learningRate, batchSize, momentum, l2. */
export const training = facts.training;
