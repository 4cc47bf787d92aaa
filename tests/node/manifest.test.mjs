// The manifest the module gives at run time is the one the build wrote for the page
// (build/manifest.json, bundled by web/src/manifest.js), and it agrees with the engine's behaviour.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from './load-engine.mjs';
import { manifest, activationNames, datasetNames, headNames, initNames, unitStates, range, activation, dataset } from '../../web/src/manifest.js';

const engine = await loadEngine();
const runtime = engine.manifest();

test('the runtime manifest deep-equals build/manifest.json and the manifest reader', () => {
  const written = JSON.parse(readFileSync(new URL('../../build/manifest.json', import.meta.url), 'utf8'));
  assert.deepEqual(runtime, written);
  assert.deepEqual(manifest, written);
});

test('the manifest is deep-frozen', () => {
  assert.ok(Object.isFrozen(runtime) && Object.isFrozen(runtime.activations[0]) && Object.isFrozen(runtime.training.learningRate));
  assert.ok(Object.isFrozen(manifest.network.defaults.hiddenLayers));
});

test('the reader lists names in display order', () => {
  assert.deepEqual(activationNames(), engine.activations().map((a) => a.name));
  assert.deepEqual(datasetNames(), ['circle', 'xor', 'gaussians', 'spiral', 'moons', 'three_class', 'plane', 'bumps']);
  assert.deepEqual(headNames(), ['sigmoid_cross_entropy', 'tanh_mse', 'softmax_cross_entropy', 'sigmoid_mse', 'linear_mse']);
  assert.deepEqual(initNames(), ['he', 'xavier', 'small_uniform']);
  assert.deepEqual(unitStates(), ['alive', 'dead', 'dormant']);
  assert.deepEqual(range('training.learningRate'), { min: 1e-4, max: 10, default: 0.03, integer: false });
  assert.equal(activation('elu').alpha.max, 10);
  assert.equal(dataset('three_class').classes, 3);
  assert.throws(() => range('training.learningrate'), /the manifest has no 'training.learningrate'/);
  assert.throws(() => activation('swish'), /unknown activation 'swish' \(known: sigmoid, /);
});

test('network defaults are what a trainer built from an empty spec uses', () => {
  const trainer = engine.createTrainer({});
  try {
    const layers = trainer.parameters();
    assert.deepEqual(layers.slice(0, -1).map((l) => l.outputs), [...runtime.network.defaults.hiddenLayers]);
    assert.equal(layers.at(-1).outputs, 1);
  } finally {
    trainer.delete();
  }
});

test('each activation with an alpha accepts its range ends and refuses just outside', () => {
  for (const entry of runtime.activations.filter((a) => a.usesAlpha)) {
    const { min, max, maxOpen } = entry.alpha;
    assert.equal(engine.evaluate(entry.name, [1], { alpha: min }).length, 1);
    assert.throws(() => engine.evaluate(entry.name, [1], { alpha: min - 1e-9 }), /alpha/);
    if (maxOpen) assert.throws(() => engine.evaluate(entry.name, [1], { alpha: max }), /alpha/);
    else assert.equal(engine.evaluate(entry.name, [1], { alpha: max }).length, 1);
  }
});

test('each dataset kind makes its smallest size with its classes and refuses one point fewer', () => {
  for (const entry of runtime.datasets) {
    const data = engine.makeDataset({ kind: entry.name, size: entry.size.min });
    if (entry.regression) assert.equal(data.target.length, entry.size.min);
    else assert.equal(data.classes, entry.classes);
    assert.throws(() => engine.makeDataset({ kind: entry.name, size: entry.size.min - 1 }), /size/);
  }
});
