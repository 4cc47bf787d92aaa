// Hostile calls at every public function of Engine and Trainer: wrong types, NaN, Infinity, -0,
// 1e308, 2^32 + k, non-integers, numeric strings, Symbols, Proxies with throwing traps, unknown
// fields, huge and sparse arrays, over-limit sizes. Each call either is refused with an Error
// naming the argument, or (only where the value really is valid) gives finite results. The C++
// heap is the same to the byte afterwards and no call hangs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';
import { describe } from '../../web/src/engine-checks.js';

const engine = await loadEngine();
const m = engine.manifest();
// A hang guard, not a speed goal (those live in npm run bench): CPU time of this process, so
// that other processes on CI's two shared cores do not count against a call.
const hangGuardMs = 500;

// ---- hostile values ------------------------------------------------------------------------

const throwing = () => { throw new Error('trap'); };
const proxyOf = (target) => new Proxy(target, { get: throwing, ownKeys: throwing, getPrototypeOf: throwing, has: throwing });
const sparse = new Array(1e8);
const tooLong = new Float64Array(m.costs.maxArrayLength + 1);
const oddTypes = [null, true, false, Symbol('x'), 10n, () => 1, {}, [], proxyOf({}), proxyOf([]), new Map(), new Date(0)];

/** Independent check of what the manifest allows: a finite JS number in range (an integer where asked). */
function numberAllowed(value, range) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) return false;
  if ((range.minOpen && value === range.min) || (range.maxOpen && value === range.max)) return false;
  return !range.integer || Number.isSafeInteger(value);
}

/** Hostile candidates for a number slot, each with whether the manifest allows it. */
function numberCases(range) {
  const wrapped = [0, 1, 3, 10, 255].map((k) => 2 ** 32 + k);
  const values = [NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_VALUE, 5e-324, -0, 2 ** 53, 2 ** 31, -(2 ** 31) - 1,
    ...wrapped, range.min - 1, range.max + 1, range.max * 2 + 1, range.min + 0.5, range.max - 0.25,
    String(range.min), String(range.max), ' 1', '1e3', '0x10', new Number(range.min), { valueOf: () => range.min }, [range.min], ...oddTypes];
  return values.map((value) => ({ value, allowed: numberAllowed(value, range) }));
}

const nameCases = (names) => ['nope', '', names[0].toUpperCase(), ` ${names[0]}`, `${names[0]}\0`, new String(names[0]),
  { toString: () => names[0] }, [names[0]], 5, ...oddTypes].map((value) => ({ value, allowed: false }));

const booleanCases = () => ['true', 'no', 'false', 0, 1, new Boolean(false), null, [], Symbol('b'), proxyOf({})]
  .map((value) => ({ value, allowed: false }));

/** Hostile arrays: wrong types, holes, bad items, proxies, and lengths over the limit. */
function arrayCases(item, { minLength = 1, multipleOf = 1, good }) {
  const values = [5, 'abc', '1,2', { length: 2, 0: good, 1: good }, sparse, tooLong, new BigInt64Array(2), new DataView(new ArrayBuffer(8)),
    new ArrayBuffer(16), [good, , good], [good, NaN], [good, '1'], [good, null], [good, Symbol('i')], [good, Infinity],
    [good, 2 ** 32 + 1], [good, 1e308], proxyOf([good]), new Proxy([good, good], { get: (t, k) => (k === 'length' ? 2 : throwing()) }),
    ...oddTypes.filter((v) => !Array.isArray(v))];
  if (minLength > 0) values.push([], new Float64Array(0));
  return values.map((value) => ({ value, allowed: arrayAllowed(value, item, minLength, multipleOf) }));
}

/** Independent check: a dense Array of allowed items with an allowed length. */
function arrayAllowed(value, item, minLength, multipleOf) {
  try {
    return Array.isArray(value) && value.length >= minLength && value.length % multipleOf === 0
      && Object.keys(value).length === value.length && value.every(item);
  } catch {
    return false;
  }
}

/** Hostile objects for an options slot whose known fields are `known`. */
const objectCases = (known) => [{ bogus: 1 }, { [`${known[0]}`.toLowerCase() + 'x']: 1 }, { [known[0]]: 1, extra: true },
  Object.defineProperty({}, known[0], { get: throwing, enumerable: true }), 'options', 7, [], new Date(0), proxyOf({}),
  new Proxy({}, { ownKeys: throwing }), new Proxy({ [known[0]]: 1 }, { get: throwing }), null, Symbol('o')]
  .map((value) => ({ value, allowed: false }));

// ---- the calls --------------------------------------------------------------------------

const small = { network: { hiddenLayers: [3], activation: 'relu', head: 'sigmoid_cross_entropy', init: 'he', seed: 1, classes: 2, alpha: 0.01 } };
const data = { kind: 'circle', size: 20, noise: 0.1, seed: 1 };
const trainerSpec = () => ({
  network: { ...small.network }, data: { ...data, trainFraction: 0.8, splitSeed: 1 },
  settings: { learningRate: 0.1, batchSize: 5, momentum: 0, l2: 0 }, statsEvery: 0, shuffleSeed: 1, shuffle: true,
});
const layer = () => ({ inputs: 1, outputs: 1, weights: [2], biases: [0.5] });
const t = m.training;
const num = (range) => ({ kind: 'number', range });
const names = (list) => ({ kind: 'name', list });
const arr = (item, options) => ({ kind: 'array', item, options });
const finiteItem = (v) => typeof v === 'number' && Number.isFinite(v);
const inRange = (range) => (v) => numberAllowed(v, range);
const anyFinite = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE };
const networkSlots = (prefix) => [
  [[...prefix, 'hiddenLayers'], arr(inRange(m.network.units), { minLength: 0, good: 3 })],
  [[...prefix, 'activation'], names(m.activations.map((a) => a.name))], [[...prefix, 'alpha'], num(anyFinite)],
  [[...prefix, 'head'], names(m.heads.map((h) => h.name))], [[...prefix, 'init'], names(m.inits)],
  [[...prefix, 'seed'], num(m.network.seed)], [[...prefix, 'classes'], num(m.network.classes)], [prefix, { kind: 'object' }],
  [[...prefix, 'bias'], { kind: 'boolean' }],
];

/** [name, () => base arguments, slots ([path, kind]), receiver] for every public function. */
const calls = [
  ['evaluate', () => ['tanh', [0.5, -1], { alpha: 0.1 }], [[[0], names(['tanh'])], [[1], arr(inRange(m.evaluate.input), { good: 0.5 })], [[2, 'alpha'], num(anyFinite)], [[2], { kind: 'object' }]]],
  ['derivative', () => ['leaky_relu', [0.5, -1], { alpha: 0.1 }], [[[0], names(['leaky_relu'])], [[1], arr(inRange(m.evaluate.input), { good: 0.5 })], [[2, 'alpha'], num(m.activations[3].alpha)], [[2], { kind: 'object' }]]],
  ['softmax', () => [[1, 2], { temperature: 1 }], [[[0], arr(finiteItem, { good: 1 })], [[1, 'temperature'], num(m.softmax.temperature)], [[1], { kind: 'object' }]]],
  ['softmaxJacobian', () => [[0.25, 0.75]], [[[0], arr(inRange({ min: 0, max: 1 }), { good: 0.5 })]]],
  ['softmaxCrossEntropyGradient', () => [[0.25, 0.75], 1], [[[0], arr(inRange({ min: 0, max: 1 }), { good: 0.5 })], [[1], num({ min: 0, max: m.softmax.maxLogits - 1, integer: true })]]],
  ['race', () => [{ activation: 'sigmoid', alpha: 0, start: 0.9, learningRate: 0.2, target: 0.5, depth: 1, maxSteps: 100 }],
    [[[0, 'activation'], names(['sigmoid'])], [[0, 'start'], num(m.race.start)], [[0, 'learningRate'], num(m.race.learningRate)],
      [[0, 'target'], num(m.race.target)], [[0, 'depth'], num(m.race.depth)], [[0, 'maxSteps'], num(m.race.maxSteps)], [[0], { kind: 'object' }]]],
  ['meanShift', () => [{ activation: 'tanh', samples: 100, seed: 1, bins: 10 }],
    [[[0, 'samples'], num(m.meanShift.samples)], [[0, 'seed'], num(m.network.seed)], [[0, 'bins'], num(m.meanShift.bins)], [[0], { kind: 'object' }]]],
  ['linearCollapse', () => [{ first: layer(), second: layer(), inputs: [0.5, -0.5], between: 'relu' }],
    [[[0, 'first', 'weights'], arr(inRange(m.linearCollapse.value), { good: 1 })], [[0, 'second', 'inputs'], num(m.linearCollapse.units)],
      [[0, 'inputs'], arr(inRange(m.linearCollapse.value), { good: 0.5 })], [[0, 'between'], names(['relu'])], [[0, 'first'], { kind: 'object' }], [[0], { kind: 'object' }]]],
  ['makeDataset', () => [{ ...data }], [[[0, 'kind'], names(['circle'])], [[0, 'size'], num(m.datasets[0].size)],
    [[0, 'noise'], num(m.datasets[0].noise)], [[0, 'seed'], num(m.network.seed)], [[0, 'x'], arr(inRange(m.data.coordinate), { good: 0.5, multipleOf: 2 })], [[0], { kind: 'object' }],
    [[0, 'curve'], names(m.curve.kinds)], [[0, 'inputs'], num(m.data.inputs)], [[0, 'target'], arr(inRange(m.data.target), { good: 0.5 })]]],
  ['sweepPoint', () => [{ data: { kind: 'circle', size: 20 }, network: { hiddenLayers: [2] }, batchSize: 5, steps: 5 }, 'relu', 0.1, 1],
    [[[0, 'steps'], num(m.sweep.steps)], [[0, 'batchSize'], num(t.batchSize)], [[0, 'data', 'size'], num(m.sweep.points)],
      [[1], names(['relu'])], [[2], num(m.sweep.learningRate)], [[3], num(m.network.seed)], [[0], { kind: 'object' }], ...networkSlots([0, 'network']).slice(1, 7)]],
  ['learningRateSweep', () => [{ data: { kind: 'circle', size: 20 }, network: { hiddenLayers: [2] }, steps: 5, learningRates: [0.1], seeds: [1], activations: ['relu'] }],
    [[[0, 'learningRates'], arr(inRange(m.sweep.learningRate), { good: 0.1 })], [[0, 'seeds'], arr(inRange(m.network.seed), { good: 1 })], [[0, 'activations'], { kind: 'object' }], [[0], { kind: 'object' }]]],
  ['logSpaced', () => [0.001, 3, 5], [[[0], num(m.logSpaced.bound)], [[1], num(m.logSpaced.bound)], [[2], num(m.logSpaced.count)]]],
  ['bornDead', () => [{ width: 2, depth: 2, trials: 5, seed: 1, probePoints: 10 }],
    [[[0, 'width'], num(m.bornDead.width)], [[0, 'depth'], num(m.bornDead.depth)], [[0, 'trials'], num(m.bornDead.trials)],
      [[0, 'probePoints'], num(m.bornDead.probePoints)], [[0, 'seed'], num(m.network.seed)], [[0], { kind: 'object' }]]],
  ['initialHistograms', () => [{ network: { hiddenLayers: [3] }, samples: 50, seed: 1, bins: 5 }],
    [[[0, 'samples'], num(m.initialHistograms.samples)], [[0, 'bins'], num(m.initialHistograms.bins)], ...networkSlots([0, 'network'])]],
  ['createTrainer', () => [trainerSpec()], [...networkSlots([0, 'network']), [[0, 'data', 'size'], num(m.datasets[0].size)],
    [[0, 'data', 'trainFraction'], num(m.data.trainFraction)], [[0, 'settings', 'learningRate'], num(t.learningRate)], [[0, 'settings', 'batchSize'], num(t.batchSize)],
    [[0, 'settings', 'momentum'], num(t.momentum)], [[0, 'settings', 'l2'], num(t.l2)], [[0, 'settings', 'l1'], num(t.l1)], [[0, 'statsEvery'], num(t.statsEvery)],
    [[0, 'shuffle'], { kind: 'boolean' }], [[0, 'settings'], { kind: 'object' }], [[0, 'data'], { kind: 'object' }], [[0], { kind: 'object' }]]],
  ['manifest', () => [], []], ['activations', () => [], []], ['heapBytesInUse', () => [], []], ['memoryBytes', () => [], []],
];
const index = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };
const hiddenUnitSlots = [[[0], num({ min: 0, max: m.network.maxLayers - 1, integer: true })], [[1], num({ min: 0, max: m.network.units.max - 1, integer: true })]];
const trainerCalls = [
  ['train', () => [1], [[[0], num(t.steps)]]],
  ['setSettings', () => [{ learningRate: 0.1 }], [[[0, 'learningRate'], num(t.learningRate)], [[0, 'batchSize'], num(t.batchSize)], [[0, 'momentum'], num(t.momentum)], [[0], { kind: 'object' }]]],
  ['history', () => [0], [[[0], num(index)]]],
  ['gridActivations', () => [{ xMin: -1, xMax: 1, yMin: -1, yMax: 1, resolution: 4 }], [[[0, 'xMin'], num(m.grid.coordinate)], [[0, 'yMax'], num(m.grid.coordinate)], [[0, 'resolution'], num(m.grid.resolution)], [[0], { kind: 'object' }]]],
  ['inputGrid', () => [{ xMin: -1, xMax: 1, yMin: -1, yMax: 1, resolution: 4 }], [[[0, 'xMin'], num(m.grid.coordinate)], [[0, 'yMax'], num(m.grid.coordinate)], [[0, 'resolution'], num(m.grid.resolution)], [[0], { kind: 'object' }]]],
  ['predict', () => [[0.5, -0.5]], [[[0], arr(inRange(m.predict.coordinate), { good: 0.5, multipleOf: 2 })]]],
  ['setParameters', () => [null], [[[0], { kind: 'object' }]]],
  ['status', () => [], []], ['recordStats', () => [{ settle: false }], [[[0, 'settle'], { kind: 'boolean' }], [[0], { kind: 'object' }]]], ['units', () => [{ settle: false }], [[[0, 'settle'], { kind: 'boolean' }], [[0], { kind: 'object' }]]], ['parameters', () => [], []], ['data', () => [], []],
  ['seek', () => [0], [[[0], num(index)]]],
  ['branch', () => [{ learningRate: 0.1 }], [[[0, 'learningRate'], num(t.learningRate)], [[0, 'batchSize'], num(t.batchSize)], [[0], { kind: 'object' }]]],
  ['deaths', () => [0], [[[0], num(index)]]],
  ['settleLife', () => [1], [[[0], num(m.timeline.lifeIntervals)]]],
  ['unitLife', () => [0, 0], hiddenUnitSlots],
  ['unitHistogram', () => [0, 0, 10], [...hiddenUnitSlots, [[2], num(m.timeline.bins)]]],
  ['timeline', () => [], []], ['evaluation', () => [], []], ['freezeGrid', () => [], []],
];
const unit = num({ min: 0, max: m.network.maxUnits - 1, integer: true });
const curveCalls = [
  ['curve', () => [[0.5, -0.5], { lo: -1, hi: 1 }], [[[0], arr(inRange(m.predict.coordinate), { good: 0.5 })], [[1, 'lo'], num(m.predict.coordinate)], [[1, 'hi'], num(m.predict.coordinate)], [[1], { kind: 'object' }]]],
  ['placeKink', () => [0, 0.5], [[[0], unit], [[1], num(m.predict.coordinate)]]],
  ['setUnitSlope', () => [0, 2], [[[0], unit], [[1], num(m.curve.slope)]]],
];

function casesFor(kind, path) {
  switch (kind.kind) {
    case 'number': return numberCases(kind.range);
    case 'name': return nameCases(kind.list);
    case 'boolean': return booleanCases();
    case 'array': return arrayCases(kind.item, kind.options);
    default: return objectCases([String(path.at(-1) ?? 'x')]);
  }
}

function withValue(args, path, value) {
  if (path.length === 1) args[path[0]] = value;
  else path.slice(0, -1).reduce((node, key) => (node[key] ??= {}), args)[path.at(-1)] = value;
  return args;
}

/** True when every number reachable from `value` is finite. */
function allFinite(value) {
  if (typeof value === 'number') return Number.isFinite(value);
  if (ArrayBuffer.isView(value)) return Array.prototype.every.call(value, (v) => Number.isFinite(v));
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

function hostileCalls(receiver, list) {
  const out = [];
  for (const [fn, base, slots] of list) {
    out.push({ fn, argument: fn, run: () => receiver()[fn](...base(), 'extra', 1), allowed: false });
    for (const [path, kind] of slots) {
      const argument = typeof path.at(-1) === 'string' ? path.at(-1) : null;
      for (const { value, allowed } of casesFor(kind, path)) {
        out.push({ fn, argument, value, run: () => receiver()[fn](...withValue(base(), path, value)), allowed });
      }
    }
  }
  return out;
}

test('at least 10,000 hostile calls at every public function are refused by name, coerce nothing and leak nothing', () => {
  const trainer = engine.createTrainer(trainerSpec());
  trainerCalls.find(([fn]) => fn === 'setParameters')[1] = () => [trainer.parameters()];
  const curveTrainer = engine.createTrainer({ network: { hiddenLayers: [3], head: 'linear_mse' }, data: { curve: 'sin', size: 20 } });
  const all = [...hostileCalls(() => engine, calls), ...hostileCalls(() => trainer, trainerCalls), ...hostileCalls(() => curveTrainer, curveCalls)];
  const rounds = Math.ceil(10000 / all.length);
  const covered = new Set(all.map((call) => call.fn));
  for (const fn of [...Object.getOwnPropertyNames(Object.getPrototypeOf(engine)), ...Object.getOwnPropertyNames(Object.getPrototypeOf(trainer))]) {
    if (!['constructor', 'deleted', 'delete'].includes(fn)) assert.ok(covered.has(fn), `no hostile calls at ${fn}`);
  }
  let heapBefore = 0;
  let count = 0;
  let slowest = { ms: 0 };
  // Round 0 also builds the core's function-local tables (first use allocates them once).
  for (let round = 0; round <= rounds; round += 1) {
    if (round === 1) heapBefore = engine.heapBytesInUse();
    for (const call of all) {
      const start = process.cpuUsage();
      let result;
      let error = null;
      try {
        result = call.run();
      } catch (caught) {
        error = caught;
      }
      const used = process.cpuUsage(start);
      const ms = (used.user + used.system) / 1000;
      if (ms > slowest.ms) slowest = { ms, fn: call.fn, argument: call.argument };
      count += 1;
      if (error === null) {
        assert.ok(call.allowed, `${call.fn} accepted a hostile ${call.argument} (${describe(call.value)}) instead of refusing it`);
        assert.ok(allFinite(result), `${call.fn} gave a non-finite result`);
        if (call.fn === 'createTrainer') result.delete();
      } else {
        assert.ok(error instanceof Error, `${call.fn} threw a non-Error: ${String(error)}`);
        assert.ok(error.message.startsWith(`${call.fn}`), `${call.fn}: the message '${error.message}' does not name the function`);
        // A value the manifest allows may still be refused by the core (e.g. a start outside f's range).
        if (call.argument && !call.allowed) {
          assert.ok(error.message.includes(call.argument), `${call.fn}: the message '${error.message}' does not name ${call.argument}`);
        }
      }
    }
  }
  assert.equal(engine.heapBytesInUse(), heapBefore, 'C++ heap in use after the hostile calls');
  trainer.delete();
  curveTrainer.delete();
  assert.ok(count >= 10000, `only ${count} hostile calls`);
  assert.ok(slowest.ms < hangGuardMs, `${slowest.fn} (${slowest.argument}) took ${slowest.ms.toFixed(0)} ms`);
});

test('over-limit work is refused at once, naming the limit', () => {
  const overLimit = [
    [() => engine.bornDead({ width: 32, depth: 50, trials: 1e5, probePoints: 1e4 }), /costs.maxBornDeadProbes/],
    [() => engine.bornDead({ width: 32, depth: 50, trials: 5000 }), /costs.maxWorkPerCall/],
    [() => engine.sweepPoint({ network: { hiddenLayers: [32, 32, 32, 32, 32, 32] }, data: { size: 2000 }, batchSize: 200, steps: 1e5 }, 'relu', 0.1, 1), /costs.maxWorkPerCall/],
    [() => engine.learningRateSweep({ seeds: Array.from({ length: 1000 }, (_, i) => i) }), /sweep.maxRuns/],
    [() => engine.race({ depth: 50, maxSteps: 1e6 }), /costs.maxRaceWork/],
    [() => engine.logSpaced(5e-324, 8.2, 29), /logSpaced: lo must be a finite number in \[1e-12, 1000000000000\], got 5e-324/],
    [() => engine.logSpaced(0.0017, 1e308, 10), /logSpaced: hi must be/],
    [() => engine.logSpaced(1, 2, 1e8), /logSpaced: count must be an integer in \[1, 1000\]/],
    [() => engine.evaluate('relu', sparse), /evaluate: inputs must be an array or typed array of 1 to 1000000 values, got 100000000 values/],
  ];
  const trainer = engine.createTrainer({ network: { hiddenLayers: [32, 32, 32, 32, 32, 32] }, data: { size: 2000 }, settings: { batchSize: 500 } });
  overLimit.push([() => trainer.train(1e7), /train\(10000000\) costs .* over the limit of 500000000 per call \(costs.maxWorkPerCall\)/]);
  overLimit.push([() => trainer.predict([1e308, -1e308]), /predict: points\[0\] must be a finite number in \[-1000, 1000\]/]);
  overLimit.push([() => trainer.gridActivations({ xMin: -1e308 }), /gridActivations: options.xMin must be/]);
  for (const [call, message] of overLimit) {
    const start = performance.now();
    assert.throws(call, message);
    assert.ok(performance.now() - start < hangGuardMs, `refusing ${message} took too long`);
  }
  trainer.delete();
});
