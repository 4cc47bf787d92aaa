// Input features and regression data sets through the JS API: what the facade refuses, and that
// a trainer with features maps every point the same way in training, predictions and grids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, withTrainer } from './load-engine.mjs';

const engine = await loadEngine();
const allFeatures = engine.manifest().features.names;
const bumps = { kind: 'bumps', size: 200, noise: 0, seed: 2 };

test('the manifest names the features and the panel default, and marks the regression data sets', () => {
  assert.deepEqual(allFeatures, ['x1', 'x2', 'x1_squared', 'x2_squared', 'x1_x2', 'sin_x1', 'sin_x2']);
  assert.deepEqual(engine.manifest().features.default, ['x1', 'x2']);
  const regression = engine.manifest().datasets.filter((d) => d.regression).map((d) => d.name);
  assert.deepEqual(regression, ['plane', 'bumps']);
});

test('createTrainer refuses unknown features, no features, repeats and one-coordinate data', () => {
  assert.throws(() => engine.createTrainer({ network: { features: ['x1', 'cos_x1'] } }),
    /createTrainer: spec\.network\.features\[1\] must be one of x1, x2, x1_squared.*got 'cos_x1'/);
  assert.throws(() => engine.createTrainer({ network: { features: [] } }), /createTrainer: spec\.network\.features/);
  assert.throws(() => engine.createTrainer({ network: { features: ['x1', 'x1'] } }), /input feature 'x1' is named twice/);
  assert.throws(() => engine.createTrainer({ network: { features: ['x1'], head: 'linear_mse' }, data: { curve: 'sin' } }),
    /input features need points with 2 coordinates/);
  assert.throws(() => engine.sweepPoint({ network: { features: ['x1'] } }, 'relu', 0.1, 1), /features/);
});

test('a trainer with features has one first-layer input per feature and keeps the points as given', () => {
  withTrainer(engine, { network: { hiddenLayers: [3], features: ['x1_squared', 'sin_x2', 'x1_x2'] }, data: { kind: 'circle', size: 40 } }, (trainer) => {
    const first = trainer.parameters()[0];
    assert.equal(first.inputs, 3);
    assert.equal(trainer.data().train.x.length, 2 * trainer.data().train.label.length, 'data() gives x1, x2 pairs');
    trainer.train(30);
    const grid = trainer.gridActivations({ resolution: 4 });
    const output = grid.subarray(3 * 16);
    const cells = [];
    for (let row = 0; row < 4; row += 1) for (let col = 0; col < 4; col += 1) cells.push(-1 + (col + 0.5) / 2, 1 - (row + 0.5) / 2);
    assert.deepEqual(Array.from(trainer.predict(cells)), Array.from(output), 'the grid output is the prediction at the cell centres');
  });
});

test('a feature changes what the network can fit: x1^2 + x2^2 separates the circle with no hidden layer', () => {
  const accuracy = (features) => withTrainer(engine, {
    network: { hiddenLayers: [], features }, data: { kind: 'circle', size: 300, noise: 0, seed: 1 }, settings: { learningRate: 0.3 },
  }, (trainer) => {
    trainer.train(3000);
    return trainer.evaluation().trainAccuracy;
  });
  const raw = accuracy(['x1', 'x2']);
  const squares = accuracy(['x1_squared', 'x2_squared']);
  assert.ok(raw < 0.75, `a linear model on x1, x2 cannot separate the circle, got accuracy ${raw}`);
  assert.ok(squares > 0.97, `on x1^2 and x2^2 it can, got accuracy ${squares}`);
});

test('the regression data sets train with a linear output and report loss without accuracy', () => {
  withTrainer(engine, { network: { hiddenLayers: [8], activation: 'tanh', head: 'linear_mse' }, data: bumps, settings: { learningRate: 0.1 } }, (trainer) => {
    const start = trainer.evaluation().trainLoss;
    trainer.train(4000);
    const end = trainer.evaluation();
    assert.ok(end.trainLoss < start / 2, `the loss should halve: ${start} -> ${end.trainLoss}`);
    assert.equal(end.trainAccuracy, 0);
    assert.ok(trainer.data().train.target instanceof Float64Array);
  });
  assert.throws(() => engine.createTrainer({ data: bumps }), /real-valued targets; the head sigmoid_cross_entropy needs class labels/);
});

test('inputGrid gives each feature on the grid, input-major, rows from the top', () => {
  withTrainer(engine, { network: { features: ['x1', 'x2_squared', 'sin_x1'] } }, (trainer) => {
    const grid = trainer.inputGrid({ resolution: 2 });
    const cells = [[-0.5, 0.5], [0.5, 0.5], [-0.5, -0.5], [0.5, -0.5]];
    assert.deepEqual(Array.from(grid.subarray(0, 4)), cells.map(([x1]) => x1));
    assert.deepEqual(Array.from(grid.subarray(4, 8)), cells.map(([, x2]) => x2 * x2));
    grid.subarray(8).forEach((value, i) => assert.ok(Math.abs(value - Math.sin(cells[i][0])) < 1e-15));
  });
  withTrainer(engine, {}, (trainer) => assert.equal(trainer.inputGrid({ resolution: 3 }).length, 18, 'x1 and x2 without features'));
});

test('a network with features saved to a file and loaded into a fresh trainer predicts the same, bit for bit', async () => {
  const { serializeNetwork, parseNetwork, predictionProbe } = await import('../../web/src/training/save-load.js');
  const { schema, trainerSpec } = await import('../../web/src/panels/playground/settings.js');
  const { defaults } = await import('../../web/src/settings.js');
  const settings = { ...defaults(schema), dataset: 'plane', features: ['x1', 'x2_squared', 'sin_x2'], hiddenLayers: [4] };
  const probe = predictionProbe();
  const text = withTrainer(engine, trainerSpec(settings), (trainer) => {
    trainer.train(200);
    const exported = { step: 200, parameters: trainer.parameters(), probe: { points: probe, outputs: trainer.predict(probe) } };
    return serializeNetwork({ settings, architecture: {}, exported });
  });
  const file = parseNetwork(text, schema);
  assert.deepEqual(file.settings.features, ['x1', 'x2_squared', 'sin_x2']);
  withTrainer(engine, trainerSpec(file.settings), (trainer) => {
    trainer.setParameters(file.parameters);
    assert.deepEqual(Array.from(trainer.predict(file.probe.points)), Array.from(file.probe.outputs));
  });
});

test('one bias set through setParameters changes the output by exactly that much, and the timeline restarts there', async () => {
  const { withParameter, parameterValue } = await import('../../web/src/training/parameter-edit.js');
  withTrainer(engine, { network: { hiddenLayers: [3], head: 'linear_mse' }, data: { kind: 'plane', size: 50 } }, (trainer) => {
    trainer.train(40);
    const layers = trainer.parameters();
    const before = trainer.predict([0.2, -0.4])[0];
    const old = parameterValue(layers, { layer: 1, unit: 0, input: -1 });
    trainer.setParameters(withParameter(layers, { layer: 1, unit: 0, input: -1, value: old + 0.5 }));
    assert.ok(Math.abs(trainer.predict([0.2, -0.4])[0] - (before + 0.5)) < 1e-12, 'a linear output moves with its bias');
    assert.equal(trainer.timeline().origin, 40, 'the timeline starts again at the edited step');
    assert.throws(() => withParameter(layers, { layer: 2, unit: 0, input: -1, value: 1 }), /layer must be 0 to 1, got 2/);
    assert.throws(() => withParameter(layers, { layer: 0, unit: 0, input: 2, value: 1 }), /input must be -1 \(the bias\) to 1, got 2/);
    assert.throws(() => withParameter(layers, { layer: 0, unit: 0, input: 0, value: NaN }), /the new value must be a finite number/);
  });
});
