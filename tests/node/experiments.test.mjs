// The chapter's experiments through the JS API, with the course's numbers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';

const engine = await loadEngine();

test('race: sigmoid from 0.9 at lr 0.2 first reaches 0.898368 and needs 67 steps to 0.5', () => {
  const race = engine.race({ activation: 'sigmoid', start: 0.9, learningRate: 0.2, target: 0.5 });
  assert.equal(race.steps, 67);
  assert.equal(race.stop, 'reached');
  assert.equal(race.output[1].toFixed(6), '0.898368');
  assert.equal(race.output[67].toFixed(6), '0.499091');
  assert.equal(race.x[0], Math.log(9));
  assert.equal(race.x.length, 68);
});

test('race: relu goes 0.9 -> 0.7 -> 0.5 in 2 steps', () => {
  const race = engine.race({ activation: 'relu' });
  assert.equal(race.steps, 2);
  assert.deepEqual([...race.output].map((v) => v.toFixed(10)), ['0.9000000000', '0.7000000000', '0.5000000000']);
});

test('race: the step count grows with depth for sigmoid, not for relu', () => {
  const sigmoid = [1, 2, 3].map((depth) => engine.race({ activation: 'sigmoid', depth }).steps);
  assert.ok(sigmoid[0] < sigmoid[1] && sigmoid[1] < sigmoid[2], `sigmoid steps by depth: ${sigmoid}`);
  assert.deepEqual([1, 2, 3].map((depth) => engine.race({ activation: 'relu', depth }).steps), [2, 2, 2]);
});

test('mean shift: 10,000 uniform(-1, 1) samples keep mean ~0 through tanh, move to ~0.5 through sigmoid', () => {
  const sigmoid = engine.meanShift({ activation: 'sigmoid', samples: 10000, seed: 1, bins: 20 });
  const tanh = engine.meanShift({ activation: 'tanh', samples: 10000, seed: 1, bins: 20 });
  assert.ok(Math.abs(sigmoid.outputMean - 0.5) < 0.01, `sigmoid mean ${sigmoid.outputMean}`);
  assert.ok(Math.abs(tanh.outputMean) < 0.02, `tanh mean ${tanh.outputMean}`);
  assert.ok(Math.abs(sigmoid.inputMean) < 0.02, `input mean ${sigmoid.inputMean}`);
  assert.equal(sigmoid.outputHistogram.counts.reduce((a, b) => a + b, 0), 10000);
});

test('linear collapse: W3 = W2 W1, b3 = W2 b1 + b2 and both forms give the same outputs', () => {
  const first = { inputs: 1, outputs: 2, weights: [2, -1], biases: [0.5, 1] };
  const second = { inputs: 2, outputs: 1, weights: [1.5, 3], biases: [-2] };
  const inputs = Float64Array.from({ length: 21 }, (_, i) => -1 + i * 0.1);
  const result = engine.linearCollapse({ first, second, inputs, between: 'relu' });
  assert.deepEqual([...result.composed.weights], [1.5 * 2 + 3 * -1]);
  assert.deepEqual([...result.composed.biases], [1.5 * 0.5 + 3 * 1 - 2]);
  assert.ok(result.maxAbsDifference < 1e-12);
  assert.ok(result.bentOutput.some((y, i) => Math.abs(y - result.composedOutput[i]) > 0.1), 'relu between the layers bends the line');
});

test('datasets: every kind makes balanced, seeded points inside [-1.5, 1.5]^2', () => {
  for (const kind of ['circle', 'xor', 'gaussians', 'spiral', 'moons', 'three_class']) {
    const a = engine.makeDataset({ kind, size: 2000, noise: 0.2, seed: 5 });
    const b = engine.makeDataset({ kind, size: 2000, noise: 0.2, seed: 5 });
    assert.equal(a.label.length, 2000);
    assert.deepEqual(a.x, b.x, `${kind} is not reproducible from its seed`);
    assert.ok(a.x.every((v) => Math.abs(v) <= 1.5), `${kind} has points outside [-1.5, 1.5]`);
    const counts = new Array(a.classes).fill(0);
    a.label.forEach((l) => { counts[l] += 1; });
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `${kind} class sizes ${counts}`);
  }
});

test('learning-rate sweep: relu units die at high rates, not at small ones; leaky units are dormant, never dead', () => {
  const spec = { learningRates: [0.001, 3], seeds: [1, 2, 3] };
  const runs = engine.learningRateSweep(spec);
  assert.equal(runs.length, 2 * 2 * 3);
  const mean = (activation, lr, key) => {
    const chosen = runs.filter((r) => r.activation === activation && r.learningRate === lr);
    return chosen.reduce((sum, r) => sum + Number(r[key]), 0) / chosen.length;
  };
  assert.ok(mean('relu', 0.001, 'deadFraction') < 0.15, `relu dead at lr 0.001: ${mean('relu', 0.001, 'deadFraction')}`);
  assert.ok(mean('relu', 3, 'deadFraction') >= 0.4, `relu dead at lr 3: ${mean('relu', 3, 'deadFraction')}`);
  assert.ok(mean('relu', 3, 'trainAccuracy') < 0.65, `relu accuracy at lr 3: ${mean('relu', 3, 'trainAccuracy')}`);
  assert.equal(mean('leaky_relu', 3, 'deadFraction'), 0);
  for (const run of runs) assert.ok(Number.isFinite(run.finalLoss), `finite loss reported for ${JSON.stringify(run)}`);
});

test('a sweep whose network spec has no alpha runs leaky_relu with its default 0.01, unlike relu', () => {
  const spec = { network: { hiddenLayers: [8, 8] }, learningRates: [3], seeds: [1], steps: 300 };
  const [relu, leaky] = engine.learningRateSweep(spec);
  assert.equal(leaky.activation, 'leaky_relu');
  assert.notEqual(relu.finalLoss, leaky.finalLoss);
});

test('born dead: narrow deep relu networks are often constant at birth, wide ones almost never', () => {
  const narrowShallow = engine.bornDead({ width: 2, depth: 2, trials: 400, seed: 1 });
  const narrowDeep = engine.bornDead({ width: 2, depth: 10, trials: 400, seed: 1 });
  const wideDeep = engine.bornDead({ width: 10, depth: 20, trials: 200, seed: 1 });
  assert.ok(narrowShallow < narrowDeep, `width 2: ${narrowShallow} at depth 2, ${narrowDeep} at depth 10`);
  assert.ok(narrowDeep > 0.6, `width 2 depth 10: ${narrowDeep}`);
  assert.ok(wideDeep < 0.1, `width 10 depth 20: ${wideDeep}`);
});
