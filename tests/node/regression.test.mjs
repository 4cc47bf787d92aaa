// Real-valued targets, one-input data, bias: false and the curve view through the JS facade.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, withTrainer as withEngineTrainer } from './load-engine.mjs';

const engine = await loadEngine();
const m = engine.manifest();

// Runs body(trainer) and frees the trainer.
const withTrainer = (spec, body) => withEngineTrainer(engine, spec, body);

test('the manifest lists curves, input dimensions, target ranges and the bias default', () => {
  assert.deepEqual(m.curve.kinds, ['sin', 'abs', 'step', 'square', 'sawtooth']);
  assert.deepEqual(m.curve.piecewiseLinear, ['relu', 'leaky_relu', 'linear', 'hard_sigmoid']);
  assert.deepEqual([m.data.inputs.min, m.data.inputs.max, m.data.inputs.default], [1, 2, 2]);
  const targets = Object.fromEntries(m.heads.map((h) => [h.name, h.targets]));
  assert.deepEqual([targets.sigmoid_mse.min, targets.sigmoid_mse.max], [0, 1]);
  assert.equal(targets.linear_mse.max, m.data.target.max);
  assert.equal(targets.sigmoid_cross_entropy, null);
  assert.equal(m.network.defaults.bias, true);
});

test('the one-weight neuron takes the hand-computed step', () => {
  // y = w x, w = 0.5, points (0.5, 1) and (1, 1.5): dL/dw = (-0.75 * 0.5 - 1 * 1) / 2 = -0.6875.
  withTrainer({
    network: { hiddenLayers: [], head: 'linear_mse', bias: false },
    data: { x: [0.5, 1], target: [1, 1.5], inputs: 1, trainFraction: 1 },
    settings: { learningRate: 0.1, batchSize: 2 }, shuffle: false,
  }, (trainer) => {
    trainer.setParameters([{ inputs: 1, outputs: 1, weights: [0.5], biases: [0] }]);
    trainer.train(1);
    const [layer] = trainer.parameters();
    assert.ok(Math.abs(layer.weights[0] - 0.56875) < 1e-15, `w = ${layer.weights[0]}, expected 0.56875`);
    assert.equal(layer.biases[0], 0);
    assert.throws(() => trainer.setParameters([{ inputs: 1, outputs: 1, weights: [0.5], biases: [0.2] }]), /bias: false/);
  });
});

test('a curve trains on real targets and its data come back with targets', () => {
  withTrainer({
    network: { hiddenLayers: [8], activation: 'tanh', head: 'linear_mse', seed: 2 },
    data: { curve: 'sin', size: 40, trainFraction: 1 },
    settings: { learningRate: 0.1, batchSize: 10 },
  }, (trainer) => {
    const data = trainer.data();
    assert.equal(data.train.inputs, 1);
    assert.equal(data.train.target.length, 40);
    assert.equal(data.train.label, undefined);
    const first = trainer.history().trainLoss[0];
    trainer.train(2000);
    trainer.recordStats();
    const { trainLoss, trainAccuracy } = trainer.history();
    assert.ok(trainLoss.at(-1) < first / 4, `loss ${trainLoss.at(-1)} after 2000 steps, ${first} at the start`);
    assert.equal(trainAccuracy.at(-1), 0, 'no classes: accuracy is 0, never NaN');
  });
});

test('the curve view reports kinks, pieces and contributions computed in the core', () => {
  withTrainer({
    network: { hiddenLayers: [2], activation: 'relu', head: 'linear_mse' },
    data: { curve: 'abs', size: 21, trainFraction: 1 },
  }, (trainer) => {
    trainer.setParameters([{ inputs: 1, outputs: 2, weights: [1, -1], biases: [0, 0] }, { inputs: 2, outputs: 1, weights: [1, 1], biases: [0] }]);
    const view = trainer.curve([-1, 0, 0.5], { lo: -1, hi: 1 });
    assert.deepEqual([...view.output], [1, 0, 0.5], 'relu(x) + relu(-x) = |x|');
    assert.equal(view.pieces, 2);
    assert.deepEqual([...view.kinks], [0, 0]);
    assert.deepEqual([...view.contributions], [0, 0, 0.5, 1, 0, 0]);
    trainer.placeKink(0, 0.25);
    trainer.setUnitSlope(0, 2);
    const moved = trainer.curve([0], { lo: -1, hi: 1 });
    assert.deepEqual([...moved.slopes], [2, -1]);
    assert.ok(Math.abs(moved.kinks[0] - 0.25) < 1e-15);
    assert.equal(moved.pieces, 3);
  });
});

test('bad regression input is refused with an Error naming the problem', () => {
  const spec = (data, network = { head: 'linear_mse' }) => () => engine.createTrainer({ network, data }).delete();
  assert.throws(spec({ x: [0.1, 0.2], label: [0, 1], target: [0, 1], inputs: 1 }), /both label \(classes\) and target/);
  assert.throws(spec({ curve: 'sin', kind: 'xor' }), /mixes|both a dataset kind and a curve/);
  assert.throws(spec({ curve: 'cos' }), /curve must be one of sin, abs/);
  assert.throws(spec({ x: [0.1, 0.2, 0.3], target: [0, 1] }), /x must hold 2 values per point/);
  assert.throws(spec({ curve: 'sin' }, { head: 'sigmoid_cross_entropy' }), /needs class labels/);
  assert.throws(spec({ x: [0.1], target: [2], inputs: 1 }, { head: 'sigmoid_mse' }), /target 2; sigmoid_mse needs a number in \[0, 1\]/);
  assert.throws(spec({ curve: 'sin', size: 5000 }), /size must be an integer in \[2, 2000\]/);
  withTrainer({ network: { head: 'linear_mse', hiddenLayers: [2] }, data: { curve: 'sin' } }, (trainer) => {
    assert.throws(() => trainer.curve([0]), /range/);
    assert.throws(() => trainer.setUnitSlope(0, 1e6), /slope must be a finite number in \[-100, 100\]/);
    assert.throws(() => trainer.placeKink(5, 0), /unit must be 0 to 1/);
  });
});

test('sin with 4 ReLU units: 5 pieces when it learns, and every dead unit\'s kink outside the data at a rate of 1', () => {
  const spec = (learningRate) => ({
    network: { hiddenLayers: [4], activation: 'relu', head: 'linear_mse', seed: 1 },
    data: { curve: 'sin', size: 40, trainFraction: 1 }, settings: { learningRate, batchSize: 10 }, statsEvery: 0, shuffleSeed: 1,
  });
  withTrainer(spec(0.05), (trainer) => {
    assert.equal(trainer.curve([0], { lo: -1, hi: 1 }).pieces, 2, 'biases start at 0: every kink at x = 0, two pieces');
    trainer.train(10000);
    trainer.recordStats();
    assert.equal(trainer.curve([0], { lo: -1, hi: 1 }).pieces, 5);
    assert.equal(trainer.units().dead, 0);
    assert.ok(trainer.history().trainLoss.at(-1) < 0.002);
  });
  withTrainer(spec(1), (trainer) => {
    trainer.train(2000);
    const view = trainer.curve([0], { lo: -1, hi: 1 });
    const { state } = trainer.units().layers[0];
    assert.ok(state.includes('dead'), `expected dead units at rate 1, got ${state}`);
    state.forEach((s, j) => {
      if (s === 'dead') assert.ok(Math.abs(view.kinks[j]) > 1, `dead unit ${j} has its kink at ${view.kinks[j]}, inside the data`);
    });
    const bendsInside = state.filter((s, j) => s === 'alive' && Math.abs(view.kinks[j]) < 1).length;
    assert.equal(view.pieces, 1 + bendsInside, 'only live units with a kink inside the data bend the fit there');
  });
});

test('L1 through the facade: the one-weight step gains l1 sign(w), and setSettings takes l1 live', () => {
  withTrainer({
    network: { hiddenLayers: [], head: 'linear_mse', bias: false },
    data: { x: [0.5, 1], target: [1, 1.5], inputs: 1, trainFraction: 1 },
    settings: { learningRate: 0.1, batchSize: 2, l1: 0.1 }, shuffle: false,
  }, (trainer) => {
    trainer.setParameters([{ inputs: 1, outputs: 1, weights: [0.5], biases: [0] }]);
    trainer.train(1);
    assert.ok(Math.abs(trainer.parameters()[0].weights[0] - 0.55875) < 1e-15, 'w = 0.5 - 0.1 (-0.6875 + 0.1)');
    trainer.setSettings({ l1: 0 });
    assert.throws(() => trainer.setSettings({ l1: -1 }), /l1 must be a finite number in \[0, 10\]/);
  });
});

test('two-input targets and one-input labels train too: a plane is fitted exactly by a linear network', () => {
  const x = [];
  const target = [];
  for (let i = 0; i < 25; i += 1) {
    const [a, b] = [(i % 5) / 2 - 1, Math.floor(i / 5) / 2 - 1];
    x.push(a, b);
    target.push(0.5 * a - 0.3 * b + 0.1);
  }
  withTrainer({
    network: { hiddenLayers: [], head: 'linear_mse' }, data: { x, target, inputs: 2, trainFraction: 1 },
    settings: { learningRate: 0.5, batchSize: 25 }, shuffle: false,
  }, (trainer) => {
    trainer.train(500);
    const [layer] = trainer.parameters();
    assert.ok(Math.abs(layer.weights[0] - 0.5) < 1e-6 && Math.abs(layer.weights[1] + 0.3) < 1e-6 && Math.abs(layer.biases[0] - 0.1) < 1e-6,
      `expected w = (0.5, -0.3), b = 0.1, got ${[...layer.weights]}, ${layer.biases[0]}`);
  });
  withTrainer({
    network: { hiddenLayers: [2], head: 'sigmoid_cross_entropy' }, data: { x: [-0.9, -0.4, 0.4, 0.9], label: [0, 0, 1, 1], inputs: 1, trainFraction: 1 },
    settings: { learningRate: 0.5, batchSize: 4 },
  }, (trainer) => {
    trainer.train(300);
    trainer.recordStats();
    assert.equal(trainer.history().trainAccuracy.at(-1), 1, 'expected the 1-D classes separated');
    assert.equal(trainer.data().train.inputs, 1);
  });
});
