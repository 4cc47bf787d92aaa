// Training runs through the JS API: learning, dead units, divergence, parameters, ownership.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, withTrainer as withEngineTrainer } from './load-engine.mjs';

const engine = await loadEngine();
const base = {
  network: { hiddenLayers: [8, 8], activation: 'relu', head: 'sigmoid_cross_entropy', seed: 1 },
  data: { kind: 'circle', size: 400, noise: 0.05, seed: 2, trainFraction: 0.8 },
  settings: { learningRate: 0.1, batchSize: 10 },
  statsEvery: 40,
};

const withTrainer = (spec, body) => withEngineTrainer(engine, spec, body);

test('a relu network learns the circle: loss falls and accuracy passes 90 %', () => {
  withTrainer(base, (trainer) => {
    const before = trainer.history();
    const status = trainer.train(2000);
    assert.equal(status.done, 2000);
    assert.equal(status.step, 2000);
    assert.ok(status.epoch > 60);
    const after = trainer.history();
    const last = after.trainLoss.length - 1;
    assert.ok(after.trainLoss[last] < before.trainLoss[0] / 2, `loss ${before.trainLoss[0]} -> ${after.trainLoss[last]}`);
    assert.ok(after.testAccuracy[last] > 0.9, `test accuracy ${after.testAccuracy[last]}`);
    assert.equal(after.step[last], 2000);
  });
});

test('units report per layer and unit; the history counts dead units per layer', () => {
  withTrainer({ ...base, settings: { learningRate: 3, batchSize: 10 } }, (trainer) => {
    trainer.train(600);
    const units = trainer.units();
    assert.equal(units.layers.length, 2);
    assert.equal(units.total, 16);
    for (const layer of units.layers) {
      assert.equal(layer.state.length, 8);
      assert.equal(layer.activeFraction.length, 8);
      layer.state.forEach((state, i) => {
        if (state === 1) assert.equal(layer.activeFraction[i], 0, 'a dead unit is never active');
      });
    }
    const history = trainer.history();
    assert.equal(history.deadPerLayer.length, history.step.length * 2);
    assert.equal(history.dead[history.dead.length - 1], units.dead);
  });
});

test('a huge learning rate marks the run diverged, never reports NaN and refuses its non-finite state', () => {
  const network = { ...base.network, activation: 'leaky_relu', head: 'linear_mse' };
  withTrainer({ ...base, network, settings: { learningRate: 10 } }, (trainer) => {
    const status = trainer.train(500);
    assert.equal(status.diverged, true);
    assert.ok(status.done < 500);
    assert.equal(trainer.train(10).done, 0, 'a diverged run takes no more steps');
    const history = trainer.history();
    for (const column of [history.trainLoss, history.testLoss]) assert.ok(column.every(Number.isFinite));
    const refused = new RegExp(`the run diverged at step ${status.step}: its parameters are not finite`);
    assert.throws(() => trainer.parameters(), refused);
    assert.throws(() => trainer.predict([0, 0]), refused);
    assert.throws(() => trainer.gridActivations({ resolution: 10 }), refused);
    assert.throws(() => trainer.units(), refused);
  });
});

test('the grid call returns every hidden unit and the output on a resolution^2 grid', () => {
  withTrainer(base, (trainer) => {
    const grid = trainer.gridActivations({ resolution: 50 });
    assert.equal(grid.length, (16 + 1) * 2500);
    const outputs = grid.subarray(16 * 2500);
    assert.ok(outputs.every((p) => p >= 0 && p <= 1), 'sigmoid outputs are probabilities');
  });
});

test('with resolutions, each unit comes on its own grid: blocks of the full grid at that resolution, 0 left out', () => {
  withTrainer(base, (trainer) => {
    trainer.train(200);
    const resolutions = Array.from({ length: 17 }, (_, u) => [12, 0, 30][u % 3]);
    resolutions[16] = 100;
    const grids = trainer.gridActivations({ xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5, resolutions });
    const full = new Map([12, 30, 100].map((r) => [r, trainer.gridActivations({ xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5, resolution: r })]));
    let offset = 0;
    resolutions.forEach((r, u) => {
      if (r === 0) return;
      const cells = r * r;
      assert.deepEqual(grids.subarray(offset, offset + cells), full.get(r).subarray(u * cells, (u + 1) * cells), `unit ${u} at ${r} x ${r}`);
      offset += cells;
    });
    assert.equal(grids.length, offset, 'left-out units take no room');
    assert.throws(() => trainer.gridActivations({ resolutions: [12, 12] }), /gridActivations: resolutions must hold one entry per hidden unit and output \(17\), got 2/);
    assert.throws(() => trainer.gridActivations({ resolutions: [-1] }), /gridActivations: options.resolutions\[0\] must be/);
  });
});

test('row bands of a frozen network join into the grid of the step it was frozen at; bands need resolutions', () => {
  withTrainer(base, (trainer) => {
    trainer.train(100);
    const resolutions = [...new Array(16).fill(0), 100];
    const whole = trainer.gridActivations({ resolutions });
    assert.equal(trainer.freezeGrid(), 100, 'expected freezeGrid to return the step it kept');
    trainer.train(100);
    const bands = [[0, 34], [34, 67], [67, 100]].map(([rowFrom, rowTo]) => trainer.gridActivations({ resolutions, rowFrom, rowTo, frozen: true }));
    assert.deepEqual(bands.map((band) => band.length), [3400, 3300, 3300], 'expected rows x 100 values per band');
    assert.deepEqual(Float64Array.from(bands.flatMap((band) => [...band])), whole, 'expected the bands to join into the step-100 grid');
    assert.notDeepEqual(trainer.gridActivations({ resolutions }), whole, 'expected the current network to have moved on');
    assert.throws(() => trainer.gridActivations({ resolution: 10, rowTo: 5 }), /gridActivations: rowFrom, rowTo and frozen need resolutions/);
  });
});

test('parameters round-trip: a network loaded with saved parameters predicts identically', () => {
  const points = Float64Array.from([0, 0, 0.5, -0.5, 0.9, 0.9]);
  const saved = withTrainer(base, (trainer) => {
    trainer.train(300);
    return { parameters: trainer.parameters(), predictions: trainer.predict(points) };
  });
  withTrainer({ ...base, network: { ...base.network, seed: 99 } }, (trainer) => {
    trainer.setParameters(saved.parameters);
    assert.deepEqual(trainer.predict(points), saved.predictions);
  });
});

test('the softmax head trains on three classes', () => {
  const spec = {
    network: { hiddenLayers: [8], activation: 'tanh', head: 'softmax_cross_entropy', seed: 1 },
    data: { kind: 'three_class', size: 300, noise: 0.1, seed: 1 },
    settings: { learningRate: 0.1, batchSize: 10 },
  };
  withTrainer(spec, (trainer) => {
    trainer.train(1500);
    trainer.recordStats();
    const history = trainer.history();
    assert.ok(history.trainAccuracy[history.trainAccuracy.length - 1] > 0.85);
    assert.equal(trainer.predict([0, 0]).length, 3);
  });
});

test('student points become a dataset', () => {
  const x = [-0.5, -0.5, -0.4, -0.6, 0.5, 0.5, 0.6, 0.4];
  const label = [0, 0, 1, 1];
  withTrainer({ ...base, data: { x, label, classes: 2, trainFraction: 1 } }, (trainer) => {
    assert.equal(trainer.data().train.label.length, 4);
  });
});

test('a deleted trainer says so instead of crashing', () => {
  const trainer = engine.createTrainer(base);
  trainer.delete();
  trainer.delete();
  assert.throws(() => trainer.train(1), /deleted/);
});
