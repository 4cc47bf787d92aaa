// The timeline and the unit life record through the WASM build: exact replay, branching, and
// killing updates that agree with the parameters the engine shows at the steps around them.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';

const engine = await loadEngine();
const spec = {
  network: { hiddenLayers: [8, 8], activation: 'relu', head: 'sigmoid_cross_entropy', seed: 3 },
  data: { kind: 'xor', size: 400, noise: 0.1, seed: 2, trainFraction: 0.5 },
  settings: { learningRate: 0.1, batchSize: 10 },
  statsEvery: 0,
};

function withTrainer(body) {
  const trainer = engine.createTrainer(spec);
  try {
    return body(trainer);
  } finally {
    trainer.delete();
  }
}

// Trains with a learning-rate change at step 50 up to `steps`.
function scripted(trainer, steps) {
  trainer.train(Math.min(50, steps));
  if (steps < 50) return;
  trainer.setSettings({ learningRate: 2, momentum: 0.5 });
  trainer.train(steps - 50);
}

function sameParameters(a, b) {
  assert.equal(a.length, b.length);
  a.forEach((layer, l) => {
    assert.deepEqual(layer.weights, b[l].weights, `layer ${l} weights`);
    assert.deepEqual(layer.biases, b[l].biases, `layer ${l} biases`);
  });
}

test('seek gives the parameters of a fresh run to that step, bit for bit', () => {
  withTrainer((run) => {
    scripted(run, 400);
    for (const step of [0, 1, 49, 50, 51, 123, 399, 400, 7]) {
      const status = run.seek(step);
      assert.equal(status.step, step);
      withTrainer((fresh) => {
        scripted(fresh, step);
        sameParameters(run.parameters(), fresh.parameters());
      });
    }
    assert.equal(run.timeline().liveEnd, 400);
  });
});

test('changing settings before the live end is refused; branch drops the later steps', () => {
  withTrainer((trainer) => {
    scripted(trainer, 300);
    trainer.seek(100);
    assert.throws(() => trainer.setSettings({ learningRate: 0.01 }), /before its live end 300.*branch/);
    assert.throws(() => trainer.seek(301), /from 0 to 300/);
    assert.throws(() => trainer.seek(2.5), /seek: step must be an integer/);
    const status = trainer.branch({ learningRate: 0.01 });
    assert.equal(status.step, 100);
    assert.equal(trainer.timeline().liveEnd, 100);
    trainer.train(20);
    withTrainer((fresh) => {
      scripted(fresh, 100);
      fresh.setSettings({ learningRate: 0.01 });
      fresh.train(20);
      sameParameters(trainer.parameters(), fresh.parameters());
    });
  });
});

// Largest first-layer pre-activation over the training set, computed here from the parameters.
function largestZ(parameters, train, unit) {
  const { weights, biases } = parameters[0];
  let largest = -Infinity;
  for (let p = 0; p < train.label.length; p += 1) {
    const z = biases[unit] + weights[2 * unit] * train.x[2 * p] + weights[2 * unit + 1] * train.x[2 * p + 1];
    largest = Math.max(largest, z);
  }
  return largest;
}

test('every killing update agrees with the parameters shown at the steps before and after it', () => {
  withTrainer((trainer) => {
    scripted(trainer, 300);
    const deaths = trainer.deaths();
    assert.ok(deaths.length >= 2, `a learning rate of 2 kills units (${deaths.length} deaths)`);
    const train = trainer.data().train;
    for (const death of deaths) {
      const { step, layer, unit } = death;
      const inputs = layer === 0 ? 2 : 8;
      trainer.seek(step - 1);
      const before = trainer.parameters();
      assert.equal(trainer.units().layers[layer].state[unit], 'alive', `unit ${layer}/${unit} alive at step ${step - 1}`);
      trainer.seek(step);
      const after = trainer.parameters();
      assert.equal(trainer.units().layers[layer].state[unit], 'dead', `unit ${layer}/${unit} dead at step ${step}`);
      assert.deepEqual(death.weightsBefore, before[layer].weights.slice(unit * inputs, (unit + 1) * inputs));
      assert.deepEqual(death.weightsAfter, after[layer].weights.slice(unit * inputs, (unit + 1) * inputs));
      assert.equal(death.biasBefore, before[layer].biases[unit]);
      assert.equal(death.biasAfter, after[layer].biases[unit]);
      death.weightsBefore.forEach((w, i) => {
        assert.equal(death.weightsAfter[i], w + (death.momentumPart[i] + death.gradientPart[i]));
      });
      assert.equal(death.biasAfter, death.biasBefore + (death.momentumPart[inputs] + death.gradientPart[inputs]));
      assert.equal(death.batch.length, death.batchSize);
      assert.ok(death.maxPreBefore > 0 && death.maxPreAfter <= 0);
      if (layer === 0) {
        assert.ok(Math.abs(largestZ(before, train, unit) - death.maxPreBefore) < 1e-12);
        assert.ok(Math.abs(largestZ(after, train, unit) - death.maxPreAfter) < 1e-12);
      }
      const histogram = trainer.unitHistogram(layer, unit, 20);
      assert.equal(histogram.positive.reduce((a, b) => a + b, 0), 0, 'a dead unit has no z > 0');
      assert.equal(histogram.nonPositive.reduce((a, b) => a + b, 0), train.label.length);
    }
    const first = deaths[0];
    const life = trainer.unitLife(first.layer, first.unit);
    assert.equal(life.eventSteps[0], first.step);
    assert.equal(life.eventStates[0], 'dead');
    assert.equal(life.deaths[0].step, first.step);
    assert.equal(life.sampleSteps.length, life.activeFraction.length);
  });
});

test('histogram counts match the active fraction; bad units and bins are refused', () => {
  withTrainer((trainer) => {
    trainer.train(30);
    const units = trainer.units();
    const n = trainer.data().train.label.length;
    const h = trainer.unitHistogram(1, 3, 25);
    assert.equal(h.positive.length, 25);
    assert.equal(h.positive.reduce((a, b) => a + b, 0), Math.round(units.layers[1].activeFraction[3] * n));
    assert.ok(h.lo <= 0 && h.hi >= 0);
    assert.throws(() => trainer.unitHistogram(2, 0), /hidden layer 2 does not exist/);
    assert.throws(() => trainer.unitHistogram(0, 8), /unit 8 does not exist/);
    assert.throws(() => trainer.unitHistogram(0, 0, 0), /bins must be an integer in \[1, 200\]/);
    assert.throws(() => trainer.unitLife(0, -1), /unitLife: unit must be an integer in \[0, 31\], got -1/);
    assert.throws(() => trainer.unitLife(0.5, 1), /unitLife: layer must be an integer in \[0, 5\], got 0.5/);
    assert.throws(() => trainer.unitHistogram(0, 1, 2.5), /unitHistogram: bins must be an integer in \[1, 200\]/);
    const info = trainer.timeline();
    assert.equal(info.origin, 0);
    assert.equal(info.liveEnd, 30);
    assert.ok(info.bytes > 0 && info.keyframes >= 1);
  });
});
