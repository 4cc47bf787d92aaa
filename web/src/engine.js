// The JS face of the C++ core: checks every argument of every call against the core's manifest
// (web/src/engine-specs.js), hands the module fresh plain copies only, turns {error} results into
// thrown Errors, and owns the one kind of C++ object JS holds (a Trainer, freed with delete()).
import { deepFreeze, ArgumentError } from './engine-checks.js';
import { argumentSpecs, checkArguments } from './engine-specs.js';

// The value of a {value} / {error} envelope; an error becomes an Error prefixed with the function's name.
function unwrap(result, fn) {
  if (result.error !== undefined) throw new Error(`${fn}: ${result.error}`);
  return result.value;
}

/** A training run inside the C++ core. Call delete() when done: JS garbage collection frees none of it. */
export class Trainer {
  #handle;
  #specs;

  constructor(core, specs, spec) {
    this.#specs = specs;
    const [checked] = checkArguments(specs, 'createTrainer', [spec]);
    this.#handle = new core.TrainerHandle();
    try {
      unwrap(this.#handle.init(checked ?? {}), 'createTrainer');
    } catch (error) {
      this.#handle.delete();
      this.#handle = null;
      throw error;
    }
  }

  // Checks the arguments of `fn`, then calls the handle's method with the checked copies.
  #call(fn, args, toCore = (checked) => checked) {
    const checked = checkArguments(this.#specs, fn, args);
    if (this.#handle === null) throw new Error(`${fn}: this trainer was deleted`);
    return unwrap(this.#handle[fn](...toCore(checked)), fn);
  }

  /** Runs up to `steps` (an integer) mini-batch steps; returns {done, step, epoch, diverged}. */
  train(...args) { return this.#call('train', args); }
  /** Changes learningRate, batchSize, momentum, l2, l1, optimizer ('sgd', 'adam', 'rmsprop'), beta1, beta2, rho or epsilon between steps. */
  setSettings(...args) { this.#call('setSettings', args); }
  /** {done: 0, step, epoch, diverged}. */
  status(...args) { return this.#call('status', args); }
  /**
   * Records losses, accuracies and dead units for the current step into the history; true when it recorded a row (none
   * before the live end, at the last row's step or once diverged). Settles the pending life search first; with
   * {settle: false} the search its check of the units queues stays pending, and history() gives the row (its revivals
   * counted) once the life record reaches its step (settleLife).
   */
  recordStats(...args) { return this.#call('recordStats', args, ([{ settle = true } = {}]) => [settle]); }
  /**
   * Hidden units on the training set: per layer state ('alive', 'dead', 'dormant'), activeFraction, revivals, prelu slopes.
   * Settles the pending life search first (revivals counts its events); with {settle: false}, revivals as far as
   * timeline().lifeCheckedTo. Refused once diverged.
   */
  units(...args) { return this.#call('units', args, ([{ settle = true } = {}]) => [settle]); }
  /**
   * History entries from index `from` (default 0) on, as columns of typed arrays, up to the last one the life record has
   * reached (timeline().lifeCheckedTo); gradientNorm and updateRatio hold denseLayers values per entry.
   */
  history(...args) { return this.#call('history', args, ([from = 0]) => [from]); }
  /**
   * Every hidden unit's then every output's activation on a resolution^2 grid, unit-major, rows from yMax down;
   * with resolutions (one per unit), unit u on its own resolutions[u]^2 grid (0: left out), blocks in unit order; with them also
   * rowFrom, rowTo (rows [rowFrom, rowTo) of each block, clamped to its resolution) and frozen (of the network freezeGrid() kept).
   * Refused once diverged.
   */
  gridActivations(...args) {
    return this.#call('gridActivations', args, ([{
      xMin = -1, xMax = 1, yMin = -1, yMax = 1, resolution = 100, resolutions = null, rowFrom, rowTo, frozen,
    } = {}]) => {
      if (resolutions === null && (rowFrom ?? rowTo ?? frozen) !== undefined) {
        throw new ArgumentError('gridActivations: rowFrom, rowTo and frozen need resolutions (one per unit)');
      }
      return [xMin, xMax, yMin, yMax, resolution, resolutions, rowFrom ?? 0, rowTo ?? Math.max(0, ...(resolutions ?? [])), frozen ?? false];
    });
  }
  /** Keeps a copy of the network now for gridActivations({frozen: true}) (bands of one step over several calls); returns its step. Refused once diverged. */
  freezeGrid(...args) { return this.#call('freezeGrid', args); }
  /** Every network input (each of network.features, or x1 and x2 without them) on a resolution^2 grid, input-major, rows from yMax down. */
  inputGrid(...args) {
    return this.#call('inputGrid', args, ([{ xMin = -1, xMax = 1, yMin = -1, yMax = 1, resolution = 100 } = {}]) => [xMin, xMax, yMin, yMax, resolution]);
  }
  /** Outputs (probabilities for sigmoid and softmax heads) for x, y pairs. Refused once diverged. */
  predict(...args) { return this.#call('predict', args); }
  /** Every dense layer's {inputs, outputs, weights, biases} (and a prelu hidden layer's slopes). Refused once diverged. */
  parameters(...args) { return this.#call('parameters', args); }
  /** Replaces every layer's weights and biases, and prelu slopes where given (same shapes as parameters()). */
  setParameters(...args) { this.#call('setParameters', args); }
  /** A one-input network along xs: {output, contributions (last hidden layer, unit-major), outputBias, kinks, hasKink, kinksPerUnit, slopes, breakpoints, pieces (counted on [lo, hi])}. Refused once diverged. */
  curve(...args) {
    return this.#call('curve', args, ([xs, { lo, hi }]) => {
      if (lo === undefined || hi === undefined) throw new ArgumentError('curve: range needs both lo and hi (the x range where pieces are counted)');
      return [xs, lo, hi];
    });
  }
  /** Moves first-layer unit `unit`'s kink to x (sets its bias to -w x). */
  placeKink(...args) { this.#call('placeKink', args); }
  /** Sets first-layer unit `unit`'s input weight, keeping its kink. */
  setUnitSlope(...args) { this.#call('setUnitSlope', args); }
  /** The training and test sets: {train: {x, label, classes, inputs} or {x, target, inputs}, test: {...}}. */
  data(...args) { return this.#call('data', args); }
  /** Moves the run to `step` (origin to liveEnd) by keyframe and exact replay; returns status(). */
  seek(...args) { this.#call('seek', args); return this.status(); }
  /** Drops every step after the current one and continues from it with new settings; returns status(). */
  branch(...args) { return this.#call('branch', args); }
  /**
   * {step, origin, liveEnd, lifeCheckedTo, keyframeEvery, keyframes, bytes, deaths, lifePending}: the life record as far as it
   * is complete (lifeCheckedTo; no scan). Training checks the units every few epochs and leaves the search for the exact steps
   * of their changes pending (lifePending) for settleLife(); deaths(), unitLife() and recordStats() settle it up to step.
   */
  timeline(...args) { return this.#call('timeline', args); }
  /** Killing updates from index `from` (default 0) on: [{step, layer, unit (0-based), state, batch, weightsBefore, ...}]. */
  deaths(...args) { return this.#call('deaths', args, ([from = 0]) => [from]); }
  /** Searches at most `maxIntervals` (default 1; the manifest's timeline.lifeIntervals) sub-intervals of the pending life search; true when none is left. */
  settleLife(...args) { return this.#call('settleLife', args); }
  /** One hidden unit's state changes (eventSteps, eventStates, eventPrevious by name), sampled activeFraction, deaths (0-based). */
  unitLife(...args) { return this.#call('unitLife', args); }
  /** {trainLoss, testLoss, trainAccuracy, testAccuracy} at the current step (no history entry). Refused once diverged. */
  evaluation(...args) { return this.#call('evaluation', args); }
  /** {lo, hi, nonPositive, positive}: the unit's pre-activation over the training set now, in `bins` bins (default: the manifest's timeline.bins). */
  unitHistogram(...args) { return this.#call('unitHistogram', args); }
  /** Frees the C++ trainer. Safe to call twice. */
  delete(...args) {
    checkArguments(this.#specs, 'delete', args);
    if (this.#handle !== null) this.#handle.delete();
    this.#handle = null;
  }
  get deleted() { return this.#handle === null; }

}

/** Every engine function, with typed arrays in and out. */
export class Engine {
  #core;
  #manifest;
  #specs;

  constructor(core) {
    this.#core = core;
    this.#manifest = deepFreeze(JSON.parse(unwrap(core.manifest(), 'manifest')));
    this.#specs = argumentSpecs(this.#manifest);
  }

  // Checks the arguments of `fn`, then calls the module with the checked copies (undefined -> {}).
  #call(fn, args, toCore = (checked) => checked.map((value) => value ?? {})) {
    return unwrap(this.#core[fn](...toCore(checkArguments(this.#specs, fn, args))), fn);
  }

  /** The core's description of itself (names, ranges, defaults, cost limits), deep-frozen; see docs/API.md. */
  manifest(...args) {
    checkArguments(this.#specs, 'manifest', args);
    return this.#manifest;
  }
  /** [{name, usesAlpha, defaultAlpha, diesBelowZero}] in display order (from the manifest). */
  activations(...args) {
    checkArguments(this.#specs, 'activations', args);
    return this.#manifest.activations.map((a) => ({ name: a.name, usesAlpha: a.usesAlpha, defaultAlpha: a.alpha?.default ?? 0, diesBelowZero: a.diesBelowZero }));
  }
  /** f(x) for every x; options.alpha for leaky_relu and elu. */
  evaluate(...args) { return this.#evaluate('evaluate', args, false); }
  /** f'(x) for every x (kinks take the left branch: relu'(0) = 0). */
  derivative(...args) { return this.#evaluate('derivative', args, true); }
  #evaluate(fn, args, derivative) {
    const [activation, inputs, options = {}] = checkArguments(this.#specs, fn, args);
    return unwrap(this.#core.evaluate(activation, options, inputs, derivative), fn);
  }
  /** softmax(logits / temperature). */
  softmax(...args) { return this.#call('softmax', args, ([logits, { temperature = 1 } = {}]) => [logits, temperature]); }
  /** Full Jacobian diag(s) - s s^T, n x n row-major. */
  softmaxJacobian(...args) { return this.#call('softmaxJacobian', args); }
  /** p - onehot(label). */
  softmaxCrossEntropyGradient(...args) { return this.#call('softmaxCrossEntropyGradient', args); }
  /** Gradient-descent race: {x, output, gradient, steps, stop}. */
  race(...args) { return this.#call('race', args); }
  /** {inputMean, outputMean, inputHistogram, outputHistogram}. */
  meanShift(...args) { return this.#call('meanShift', args); }
  /** Composes two linear layers: {composed, twoLayerOutput, composedOutput, bentOutput, maxAbsDifference}. */
  linearCollapse(...args) { return this.#call('linearCollapse', args); }
  /** {x (n x 2), label, classes}. */
  makeDataset(...args) { return this.#call('makeDataset', args); }
  /** One run of the learning-rate sweep: sweepPoint(spec, activation, learningRate, seed). */
  sweepPoint(...args) { return this.#call('sweepPoint', args); }
  /** Every activation x learning rate x seed of the sweep. */
  learningRateSweep(...args) { return this.#call('learningRateSweep', args); }
  /** count values log-spaced from lo to hi inclusive. */
  logSpaced(...args) { return this.#call('logSpaced', args); }
  /** Probability that a freshly He-initialised ReLU network is constant on its inputs. */
  bornDead(...args) { return this.#call('bornDead', args); }
  /** Per hidden layer activation histogram at initialisation. */
  initialHistograms(...args) { return this.#call('initialHistograms', args); }
  /** A new training run; the caller owns it and calls delete(). */
  createTrainer(...args) {
    if (args.length > 1) checkArguments(this.#specs, 'createTrainer', args);
    return new Trainer(this.#core, this.#specs, args[0]);
  }
  /** Bytes the C++ heap has allocated (malloc in use), for leak checks. */
  heapBytesInUse(...args) {
    checkArguments(this.#specs, 'heapBytesInUse', args);
    return this.#core.heapBytesInUse();
  }
  /** Size of the WebAssembly memory in bytes. */
  memoryBytes(...args) {
    checkArguments(this.#specs, 'memoryBytes', args);
    return this.#core.HEAP8.buffer.byteLength;
  }
}

/** Instantiates the WASM module made by `factory` (createActivationLabCore) and wraps it. */
export async function createEngine(factory) {
  return new Engine(await factory());
}
