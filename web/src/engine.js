// The JS face of the C++ core: checks argument types, turns {error} results into thrown
// Errors, and owns the one kind of C++ object JS holds (a Trainer, freed with delete()).
import { deepFreeze } from './engine-checks.js';

function unwrap(result) {
  if (result.error !== undefined) throw new Error(result.error);
  return result.value;
}

function options(value, what) {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${what} must be an options object`);
  }
  return value;
}

function numbers(value, what) {
  if (value instanceof Float64Array) return value;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Float64Array.from(value);
  throw new TypeError(`${what} must be an array or typed array of numbers`);
}

function labels(value, what) {
  if (value instanceof Int32Array) return value;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Int32Array.from(value);
  throw new TypeError(`${what} must be an array or typed array of class labels`);
}

function name(value, what) {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

/** Copies a data spec, converting student points to typed arrays. */
function dataSpec(data) {
  const spec = { ...options(data, 'data') };
  if (spec.x !== undefined) {
    spec.x = numbers(spec.x, 'data.x');
    spec.label = labels(spec.label, 'data.label');
  }
  return spec;
}

/** A training run inside the C++ core. Call delete() when done: JS garbage collection frees none of it. */
export class Trainer {
  #handle;

  constructor(core, spec) {
    const s = { ...options(spec, 'trainer spec') };
    if (s.data !== undefined) s.data = dataSpec(s.data);
    this.#handle = new core.TrainerHandle();
    try {
      unwrap(this.#handle.init(s));
    } catch (error) {
      this.#handle.delete();
      this.#handle = null;
      throw error;
    }
  }

  #live() {
    if (this.#handle === null) throw new Error('this trainer was deleted');
    return this.#handle;
  }

  /** Runs up to `steps` mini-batch steps; returns {done, step, epoch, diverged}. */
  train(steps) { return unwrap(this.#live().train(steps)); }
  /** Changes learningRate, batchSize, momentum or l2 between steps. */
  setSettings(settings) { unwrap(this.#live().setSettings(options(settings, 'settings'))); }
  /** {done: 0, step, epoch, diverged}. */
  status() { return unwrap(this.#live().status()); }
  /** Records losses, accuracies and dead units for the current step into the history. */
  recordStats() { unwrap(this.#live().recordStats()); }
  /** Hidden units on the training set: per layer state (0 alive, 1 dead, 2 dormant), activeFraction, revivals. */
  units() { return unwrap(this.#live().units()); }
  /** History entries from index `from` on, as columns of typed arrays. */
  history(from = 0) { return unwrap(this.#live().history(from)); }
  /** Every hidden unit's then every output's activation on a resolution^2 grid, unit-major, rows from yMax down. */
  gridActivations({ xMin = -1, xMax = 1, yMin = -1, yMax = 1, resolution = 100 } = {}) {
    return unwrap(this.#live().gridActivations(xMin, xMax, yMin, yMax, resolution));
  }
  /** Outputs (probabilities for sigmoid and softmax heads) for x, y pairs. */
  predict(points) { return unwrap(this.#live().predict(numbers(points, 'points'))); }
  /** Every dense layer's {inputs, outputs, weights, biases}. */
  parameters() { return unwrap(this.#live().parameters()); }
  /** Replaces every layer's weights and biases (same shapes as parameters()). */
  setParameters(layers) {
    if (!Array.isArray(layers)) throw new TypeError('parameters must be an array of layers');
    const converted = layers.map((layer, i) => ({
      weights: numbers(options(layer, `layer ${i}`).weights, `layer ${i} weights`),
      biases: numbers(layer.biases, `layer ${i} biases`),
    }));
    unwrap(this.#live().setParameters(converted));
  }
  /** The training and test sets: {train: {x, label, classes}, test: {...}}. */
  data() { return unwrap(this.#live().data()); }
  /** Frees the C++ trainer. Safe to call twice. */
  delete() {
    if (this.#handle !== null) this.#handle.delete();
    this.#handle = null;
  }
  get deleted() { return this.#handle === null; }

  /** Moves the run to `step` (origin to liveEnd) by keyframe and exact replay; returns status(). */
  seek(step) { return unwrap(this.#live().seek(step)); }
  /** Drops every step after the current one and continues from it with new settings; returns status(). */
  branch(settings) { return unwrap(this.#live().branch(options(settings, 'settings'))); }
  /** {step, origin, liveEnd, lifeCheckedTo, keyframeEvery, keyframes, bytes, deaths} (unit life checked up to step). */
  timeline() { return unwrap(this.#live().timeline()); }
  /** The furthest step trained. */
  get liveEnd() { return this.timeline().liveEnd; }
  /** Killing updates (unit life checked up to the current step) from index `from` on: [{step, layer, unit (0-based), state, batch, weightsBefore, ...}]. */
  deaths(from = 0) { return unwrap(this.#live().deaths(from)); }
  /** One hidden unit's state changes (eventSteps, eventStates, eventPrevious), sampled activeFraction, deaths (0-based). */
  unitLife(layer, unit) { return unwrap(this.#live().unitLife(layer, unit)); }
  /** {trainLoss, testLoss, trainAccuracy, testAccuracy} at the current step (no history entry). */
  evaluation() { return unwrap(this.#live().evaluation()); }
  /** {lo, hi, nonPositive, positive}: the unit's pre-activation over the training set now, in `bins` bins. */
  unitHistogram(layer, unit, bins = 30) { return unwrap(this.#live().unitHistogram(layer, unit, bins)); }
}

/** Every engine function, with typed arrays in and out. */
export class Engine {
  #core;
  #manifest;

  constructor(core) {
    this.#core = core;
    this.#manifest = deepFreeze(JSON.parse(unwrap(core.manifest())));
  }

  /** The core's description of itself (names, ranges, defaults, cost limits), deep-frozen; see docs/API.md. */
  manifest() { return this.#manifest; }

  /** [{name, usesAlpha, defaultAlpha, diesBelowZero}] in display order. */
  activations() { return unwrap(this.#core.activations()); }
  /** f(x) for every x; options.alpha for leaky_relu and elu. */
  evaluate(activation, xs, opts) {
    return unwrap(this.#core.evaluate(name(activation, 'activation'), options(opts, 'options'), numbers(xs, 'inputs'), false));
  }
  /** f'(x) for every x (kinks take the left branch: relu'(0) = 0). */
  derivative(activation, xs, opts) {
    return unwrap(this.#core.evaluate(name(activation, 'activation'), options(opts, 'options'), numbers(xs, 'inputs'), true));
  }
  softmax(logits, { temperature = 1 } = {}) { return unwrap(this.#core.softmax(numbers(logits, 'logits'), temperature)); }
  /** Full Jacobian diag(s) - s s^T, n x n row-major. */
  softmaxJacobian(probabilities) { return unwrap(this.#core.softmaxJacobian(numbers(probabilities, 'probabilities'))); }
  /** p - onehot(label). */
  softmaxCrossEntropyGradient(probabilities, label) {
    if (!Number.isInteger(label)) throw new TypeError('label must be an integer');
    return unwrap(this.#core.softmaxCrossEntropyGradient(numbers(probabilities, 'probabilities'), label));
  }
  /** Gradient-descent race: {x, output, gradient, steps, stop}. */
  race(spec) { return unwrap(this.#core.race(options(spec, 'race spec'))); }
  /** {inputMean, outputMean, inputHistogram, outputHistogram}. */
  meanShift(spec) { return unwrap(this.#core.meanShift(options(spec, 'mean shift spec'))); }
  /** Composes two linear layers: {composed, twoLayerOutput, composedOutput, bentOutput, maxAbsDifference}. */
  linearCollapse(spec) {
    const s = { ...options(spec, 'linear collapse spec') };
    for (const key of ['first', 'second']) {
      const layer = options(s[key], key);
      s[key] = { ...layer, weights: numbers(layer.weights, `${key}.weights`), biases: numbers(layer.biases, `${key}.biases`) };
    }
    s.inputs = numbers(s.inputs, 'inputs');
    return unwrap(this.#core.linearCollapse(s));
  }
  /** {x (n x 2), label, classes}. */
  makeDataset(spec) { return unwrap(this.#core.makeDataset(dataSpec(spec))); }
  /** One run of the learning-rate sweep. */
  sweepPoint(spec, activation, learningRate, seed) {
    return unwrap(this.#core.sweepPoint(options(spec, 'sweep spec'), name(activation, 'activation'), learningRate, seed));
  }
  /** Every activation x learning rate x seed of the sweep. */
  learningRateSweep(spec) { return unwrap(this.#core.learningRateSweep(options(spec, 'sweep spec'))); }
  logSpaced(lo, hi, count) { return unwrap(this.#core.logSpaced(lo, hi, count)); }
  /** Probability that a freshly He-initialised ReLU network is constant on its inputs. */
  bornDead(spec) { return unwrap(this.#core.bornDead(options(spec, 'born-dead spec'))); }
  /** Per hidden layer activation histogram at initialisation. */
  initialHistograms(spec) { return unwrap(this.#core.initialHistograms(options(spec, 'histogram spec'))); }
  /** A new training run; the caller owns it and calls delete(). */
  createTrainer(spec) { return new Trainer(this.#core, spec); }
  /** Bytes the C++ heap has allocated (malloc in use), for leak checks. */
  heapBytesInUse() { return this.#core.heapBytesInUse(); }
  /** Size of the WebAssembly memory in bytes. */
  memoryBytes() { return this.#core.HEAP8.buffer.byteLength; }
}

/** Instantiates the WASM module made by `factory` (createActivationLabCore) and wraps it. */
export async function createEngine(factory) {
  return new Engine(await factory());
}
