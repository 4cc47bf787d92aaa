// What every public engine function accepts, built from the core's manifest: one spec per
// argument (see engine-checks.js). The facade checks every call against these before the module
// sees it.
import { number, name, boolean, numbers, object, fail, checked, ArgumentError } from './engine-checks.js';

const finite = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw fail(path, 'a finite number', value);
  return value;
};

/** Every argument spec of Engine and Trainer for manifest `m`: {function: [[argument, check, optional, fallback]]}. */
export function argumentSpecs(m) {
  const maxLength = m.costs.maxArrayLength;
  const values = (item, options = {}) => numbers(item, { maxLength, ...options });
  const activationNames = m.activations.map((a) => a.name);
  const activation = name(activationNames);
  const seed = number(m.network.seed);
  // alpha is any finite number here: the core checks it against the activation's own range.
  const alpha = finite;
  const smallest = Math.min(...m.datasets.map((d) => d.size.min));
  const generated = { kind: name(m.datasets.map((d) => d.name)), size: number({ ...m.datasets[0].size, min: smallest }), noise: number(m.datasets[0].noise), seed };
  const classes = number(m.network.classes);
  const custom = {
    x: values(number(m.data.coordinate), { maxLength: m.data.inputs.max * m.data.points.max }),
    label: values(number({ min: 0, max: m.network.classes.max - 1, integer: true }), { Out: Int32Array, maxLength: m.data.points.max }),
    classes, target: values(number(m.data.target), { maxLength: m.data.points.max }), inputs: number(m.data.inputs),
  };
  const dataFields = (extra) => (value, path) => {
    const out = object({ ...generated, curve: name(m.curve.kinds), ...custom, ...extra })(value, path);
    checkDataChoice(out, path, Object.keys(custom), [...Object.keys(generated), 'curve']);
    if (out.curve !== undefined) {
      if (out.size !== undefined) number(m.curve.size)(out.size, `${path}.size`);
      if (out.noise !== undefined) number(m.curve.noise)(out.noise, `${path}.noise`);
    }
    return out;
  };
  const split = { trainFraction: number(m.data.trainFraction), splitSeed: seed };
  const hiddenLayers = numbers(number(m.network.units), { minLength: 0, maxLength: m.network.maxLayers, Out: Array });
  const networkFields = {
    hiddenLayers, activation, alpha, head: name(m.heads.map((h) => h.name)), classes, init: name(m.inits),
    initialBias: number(m.network.initialBias), seed, bias: boolean(),
  };
  const network = object(networkFields);
  const featureNames = m.features.names;
  const trainerNetwork = object({ ...networkFields, features: values(name(featureNames), { maxLength: featureNames.length, Out: Array }) });
  const t = m.training;
  const settingsFields = {
    learningRate: number(t.learningRate), batchSize: number(t.batchSize), momentum: number(t.momentum), l2: number(t.l2), l1: number(t.l1),
    optimizer: name(m.optimizers), beta1: number(t.beta1), beta2: number(t.beta2), rho: number(t.rho), epsilon: number(t.epsilon),
  };
  const sweepFields = {
    data: object({ ...generated, size: number(m.sweep.points), trainFraction: split.trainFraction }),
    network, optimizer: settingsFields.optimizer, batchSize: settingsFields.batchSize, steps: number(m.sweep.steps),
    learningRates: values(number(m.sweep.learningRate), { maxLength: m.sweep.maxRuns }),
    seeds: values(seed, { maxLength: m.sweep.maxRuns }),
    activations: values(activation, { maxLength: activationNames.length, Out: Array }),
  };
  const collapseValue = values(number(m.linearCollapse.value));
  const layer = object({ inputs: number(m.linearCollapse.units), outputs: number(m.linearCollapse.units), weights: collapseValue, biases: collapseValue }, { optional: false });
  const parameterLayer = object({
    inputs: number(m.network.units), outputs: number(m.network.units), weights: values(finite), biases: values(finite), slopes: values(finite),
  }, { optional: false });
  const probabilities = values(number({ min: 0, max: 1 }), { maxLength: m.softmax.maxLogits });
  const index = number({ min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
  const hiddenUnit = [['layer', number({ min: 0, max: m.network.maxLayers - 1, integer: true })], ['unit', number({ min: 0, max: m.network.units.max - 1, integer: true })]];
  const r = m.race;
  const g = m.grid;
  const evaluate = [['activation', activation], ['inputs', values(number(m.evaluate.input))], ['options', object({ alpha }), true]];
  return {
    evaluate, derivative: evaluate, manifest: [], activations: [], heapBytesInUse: [], memoryBytes: [],
    softmax: [['logits', values(finite, { maxLength: m.softmax.maxLogits })], ['options', object({ temperature: number(m.softmax.temperature) }), true]],
    softmaxJacobian: [['probabilities', probabilities]],
    softmaxCrossEntropyGradient: [['probabilities', probabilities], ['label', number({ min: 0, max: m.softmax.maxLogits - 1, integer: true })]],
    race: [['spec', object({ activation, alpha, start: number(r.start), learningRate: number(r.learningRate), target: number(r.target), depth: number(r.depth), maxSteps: number(r.maxSteps) }), true]],
    meanShift: [['spec', object({ activation, alpha, samples: number(m.meanShift.samples), seed, bins: number(m.meanShift.bins) }), true]],
    linearCollapse: [['spec', object({ first: layer, second: layer, inputs: collapseValue, between: activation, alpha }, { optional: false })]],
    makeDataset: [['spec', dataFields({}), true]],
    sweepPoint: [['spec', object(sweepFields), true], ['activation', activation], ['learningRate', number(m.sweep.learningRate)], ['seed', seed]],
    learningRateSweep: [['spec', object(sweepFields), true]],
    logSpaced: [['lo', number(m.logSpaced.bound)], ['hi', number(m.logSpaced.bound)], ['count', number(m.logSpaced.count)]],
    bornDead: [['spec', object({ width: number(m.bornDead.width), depth: number(m.bornDead.depth), trials: number(m.bornDead.trials), seed, probePoints: number(m.bornDead.probePoints) }), true]],
    initialHistograms: [['spec', object({ network, samples: number(m.initialHistograms.samples), seed, bins: number(m.initialHistograms.bins) }), true]],
    createTrainer: [['spec', object({
      network: trainerNetwork, data: dataFields(split), settings: object(settingsFields), statsEvery: number(t.statsEvery), shuffleSeed: seed, shuffle: boolean(),
    }), true]],
    train: [['steps', number(t.steps)]],
    setSettings: [['settings', object(settingsFields)]],
    status: [], parameters: [], data: [], delete: [],
    units: [['options', object({ settle: boolean() }), true]],
    recordStats: [['options', object({ settle: boolean() }), true]],
    history: [['from', index, true]],
    gridActivations: [['options', object({ xMin: number(g.coordinate), xMax: number(g.coordinate), yMin: number(g.coordinate), yMax: number(g.coordinate), resolution: number(g.resolution), resolutions: values(number({ min: 0, max: g.resolution.max, integer: true }), { Out: Array, maxLength: m.network.maxLayers * m.network.maxUnits + m.network.classes.max }), rowFrom: number({ min: 0, max: g.resolution.max, integer: true }), rowTo: number({ min: 0, max: g.resolution.max, integer: true }), frozen: boolean() }), true]],
    freezeGrid: [],
    inputGrid: [['options', object({ xMin: number(g.coordinate), xMax: number(g.coordinate), yMin: number(g.coordinate), yMax: number(g.coordinate), resolution: number(g.resolution) }), true]],
    predict: [['points', values(number(m.predict.coordinate), { multipleOf: 2 })]],
    curve: [['xs', values(number(m.predict.coordinate), { maxLength: m.curve.points.max })], ['range', object({ lo: number(m.predict.coordinate), hi: number(m.predict.coordinate) }, { optional: false })]],
    placeKink: [['unit', number({ min: 0, max: m.network.maxUnits - 1, integer: true })], ['x', number(m.predict.coordinate)]],
    setUnitSlope: [['unit', number({ min: 0, max: m.network.maxUnits - 1, integer: true })], ['slope', number(m.curve.slope)]],
    setParameters: [['layers', numbers(parameterLayer, { maxLength: m.network.maxLayers + 1, Out: Array })]],
    seek: [['step', index]],
    branch: [['settings', object(settingsFields)]],
    timeline: [], evaluation: [],
    deaths: [['from', index, true]],
    settleLife: [['maxIntervals', number(m.timeline.lifeIntervals), true, m.timeline.lifeIntervals.default]],
    unitLife: hiddenUnit,
    unitHistogram: [...hiddenUnit, ['bins', number(m.timeline.bins), true, m.timeline.bins.default]],
  };
}

// Refuses a data spec that mixes own points with a generated set or curve, labels with targets,
// a dataset kind with a curve, or x values that do not split into points of `inputs` values.
function checkDataChoice(out, path, ownKeys, generatedKeys) {
  const own = ownKeys.filter((key) => out[key] !== undefined);
  const kinds = generatedKeys.filter((key) => out[key] !== undefined);
  if (own.length > 0 && kinds.length > 0) throw new ArgumentError(`${path} mixes your own points (${own.join(', ')}) with a generated set (${kinds.join(', ')}): give one or the other`);
  if (out.kind !== undefined && out.curve !== undefined) throw new ArgumentError(`${path} gives both a dataset kind and a curve: give one or the other`);
  if (out.label !== undefined && out.target !== undefined) throw new ArgumentError(`${path} gives both label (classes) and target (real values): give one or the other`);
  if (out.target !== undefined && out.classes !== undefined) throw new ArgumentError(`${path}.classes belongs to labelled points, not to targets`);
  if (own.length > 0 && (out.x === undefined || (out.label === undefined && out.target === undefined))) throw new ArgumentError(`${path} needs x and label (or target) for your own points`);
  const inputs = out.inputs ?? 2;
  if (out.x !== undefined && out.x.length % inputs !== 0) throw new ArgumentError(`${path}.x must hold ${inputs} values per point (inputs: ${inputs}), got ${out.x.length} values`);
}

/** Checks `args` of `fn` against its spec and returns the checked copies; unknown extra arguments are refused. */
export function checkArguments(specs, fn, args) {
  const spec = specs[fn];
  if (args.length > spec.length) {
    throw new ArgumentError(`${fn} takes ${spec.length === 0 ? 'no arguments' : `at most ${spec.length} (${spec.map(([n]) => n).join(', ')})`}, got ${args.length}`);
  }
  return spec.map(([argument, check, optional, fallback], i) => {
    const path = `${fn}: ${argument}`;
    if (args[i] === undefined) {
      if (optional) return fallback;
      throw new ArgumentError(`${path} is required`);
    }
    return checked(check, args[i], path);
  });
}
