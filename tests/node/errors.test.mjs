// Bad input throws a JS Error naming the problem, and the module keeps working: 100,000 bad
// calls in a row leave it working with its heap flat.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';

const engine = await loadEngine();
const trainerSpec = (changes) => ({
  network: { hiddenLayers: [4], ...changes.network },
  data: { kind: 'circle', size: 50, ...changes.data },
  settings: { learningRate: 0.1, ...changes.settings },
});

const badCalls = [
  ['unknown activation name', () => engine.evaluate('swishy', [1]), /evaluate: activation must be one of sigmoid, tanh, .*, got 'swishy'/],
  ['empty array', () => engine.evaluate('relu', []), /evaluate: inputs must be an array or typed array of 1 to 1000000 values, got 0 values/],
  ['NaN in an array', () => engine.derivative('tanh', [1, NaN]), /derivative: inputs\[1\] must be a finite number in \[-1e\+308, 1e\+308\], got NaN/],
  ['not an array', () => engine.evaluate('relu', 5), /array/],
  ['learning rate 0', () => engine.createTrainer(trainerSpec({ settings: { learningRate: 0 } })), /createTrainer: spec.settings.learningRate must be a finite number in \[0.0001, 10\], got 0/],
  ['negative learning rate', () => engine.race({ learningRate: -1 }), /race: spec.learningRate must be a finite number in \[0.00001, 100\], got -1/],
  ['NaN learning rate', () => engine.createTrainer(trainerSpec({ settings: { learningRate: NaN } })), /spec.settings.learningRate must be .*, got NaN/],
  ['a layer of 0 units', () => engine.createTrainer(trainerSpec({ network: { hiddenLayers: [0] } })), /spec.network.hiddenLayers\[0\] must be an integer in \[1, 32\], got 0/],
  ['race through 0 layers', () => engine.race({ depth: 0 }), /depth/],
  ['100 layers', () => engine.createTrainer(trainerSpec({ network: { hiddenLayers: new Array(100).fill(4) } })), /spec.network.hiddenLayers must be an array or typed array of 0 to 6 values, got 100 values/],
  ['batch 0', () => engine.createTrainer(trainerSpec({ settings: { batchSize: 0 } })), /batchSize/],
  ['alpha < 0', () => engine.evaluate('leaky_relu', [1], { alpha: -0.1 }), /alpha/],
  ['dataset size 0', () => engine.makeDataset({ kind: 'circle', size: 0 }), /makeDataset: spec.size must be an integer in \[2, 20000\], got 0/],
  ['dataset size 10^9', () => engine.makeDataset({ kind: 'circle', size: 1e9 }), /spec.size must be an integer in \[2, 20000\], got 1000000000/],
  ['unknown dataset', () => engine.makeDataset({ kind: 'donut' }), /makeDataset: spec.kind must be one of circle, xor, gaussians, spiral, moons, three_class, plane, bumps, got 'donut'/],
  ['temperature 0', () => engine.softmax([1, 2], { temperature: 0 }), /temperature/],
  ['unknown head', () => engine.createTrainer(trainerSpec({ network: { head: 'hinge' } })), /head/],
  ['wrong type', () => engine.race({ learningRate: 'fast' }), /race: spec.learningRate must be a finite number in \[0.00001, 100\], got 'fast' \(a string\)/],
];

for (const [what, call, message] of badCalls) {
  test(`bad input (${what}) throws an Error naming the problem`, () => {
    assert.throws(call, (error) => error instanceof Error && message.test(error.message),
      `expected an Error matching ${message}`);
  });
}

test('100,000 bad calls leave the module working with its heap flat', () => {
  const good = () => engine.evaluate('sigmoid', [0])[0];
  assert.equal(good(), 0.5);
  for (let i = 0; i < 1000; i += 1) assert.throws(badCalls[i % badCalls.length][1]);
  const heapBefore = engine.heapBytesInUse();
  const memoryBefore = engine.memoryBytes();
  for (let i = 0; i < 100000; i += 1) {
    try {
      badCalls[i % badCalls.length][1]();
      assert.fail(`bad call ${badCalls[i % badCalls.length][0]} did not throw`);
    } catch (error) {
      if (!(error instanceof Error) || error.name === 'AssertionError') throw error;
    }
  }
  assert.equal(engine.heapBytesInUse(), heapBefore, 'malloc bytes in use after 100,000 bad calls');
  assert.equal(engine.memoryBytes(), memoryBefore, 'WebAssembly memory size after 100,000 bad calls');
  assert.equal(good(), 0.5);
  const trainer = engine.createTrainer(trainerSpec({}));
  assert.equal(trainer.train(5).done, 5);
  trainer.delete();
});

test('creating and deleting 2,000 trainers leaves the heap flat', () => {
  const cycle = () => engine.createTrainer(trainerSpec({})).delete();
  for (let i = 0; i < 50; i += 1) cycle();
  const before = engine.heapBytesInUse();
  for (let i = 0; i < 2000; i += 1) cycle();
  assert.equal(engine.heapBytesInUse(), before);
});
