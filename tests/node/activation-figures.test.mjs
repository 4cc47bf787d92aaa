// The figures quoted in the activation cards (web/src/i18n/activations.js) and the race's
// explanation, recomputed with the engine: each must hold, and each must be in the text
// (story-figures.test.mjs checks that the Chinese text quotes the same numbers).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';
import activations from '../../web/src/i18n/activations.js';
import race from '../../web/src/i18n/race.js';

let engine;
before(async () => { engine = await loadEngine(); });

const f = (name, x) => engine.evaluate(name, [x])[0];
const df = (name, x) => engine.derivative(name, [x])[0];
/** The lowest value of f on a fine grid over [lo, hi] and where it is. */
function lowest(name, lo, hi) {
  const xs = Float64Array.from({ length: 20001 }, (_, i) => lo + ((hi - lo) * i) / 20000);
  const ys = engine.evaluate(name, xs);
  let best = 0;
  for (let i = 1; i < ys.length; i += 1) if (ys[i] < ys[best]) best = i;
  return { x: xs[best], y: ys[best] };
}

const quotes = (table, key, pieces) => {
  for (const piece of pieces) assert.ok(table.en[key].includes(piece), `${key} should quote "${piece}"`);
};

test('sigmoid: slope below 0.02 beyond |x| = 4, 0.25 at 0', () => {
  assert.ok(df('sigmoid', 4) < 0.02 && df('sigmoid', -4) < 0.02);
  assert.equal(df('sigmoid', 0), 0.25);
  quotes(activations, 'sigmoid.about', ['|x| ≈ 4', 'below 0.02', 'only 0.25']);
});

test('tanh: slope 1 at 0, below 0.01 once |x| passes 3', () => {
  assert.equal(df('tanh', 0), 1);
  assert.ok(df('tanh', 3) < 0.01);
  quotes(activations, 'tanh.about', ['about 3', 'below 0.01']);
});

test('SELU: lambda 1.0507, alpha 1.6733, negative plateau -1.758', () => {
  assert.equal(df('selu', 1).toFixed(4), '1.0507');
  assert.equal(f('selu', -50).toFixed(3), '-1.758');
  assert.equal((f('selu', -50) / -df('selu', 1)).toFixed(4), '1.6733');
  quotes(activations, 'selu.about', ['1.0507', '1.6733', '1.758']);
});

test('GELU dips to about -0.17 near -0.75; SiLU to -0.28 near -1.28 with a slope up to 1.1 near 2.4', () => {
  const gelu = lowest('gelu', -3, 0);
  assert.equal(gelu.y.toFixed(2), '-0.17');
  assert.equal(gelu.x.toFixed(2), '-0.75');
  const silu = lowest('silu', -3, 0);
  assert.equal(silu.y.toFixed(2), '-0.28');
  assert.equal(silu.x.toFixed(2), '-1.28');
  const xs = Float64Array.from({ length: 4001 }, (_, i) => (4 * i) / 4000);
  const slopes = engine.derivative('silu', xs);
  const top = slopes.indexOf(Math.max(...slopes));
  assert.equal(slopes[top].toFixed(1), '1.1');
  assert.equal(xs[top].toFixed(1), '2.4');
  quotes(activations, 'gelu.about', ['−0.17', '−0.75']);
  quotes(activations, 'silu.about', ['−0.28', '−1.28', '1.1', '2.4']);
});

test('softsign at 5: slope 1/36 = 0.028, where tanh is about 0.0002; slope 1 at 0', () => {
  assert.equal(df('softsign', 5), 1 / 36);
  assert.equal(df('softsign', 5).toFixed(3), '0.028');
  assert.equal(df('tanh', 5).toFixed(4), '0.0002');
  assert.equal(df('softsign', 0), 1);
  quotes(activations, 'softsign.about', ['1/36 ≈ 0.028', '0.0002']);
});

test('hard sigmoid: 0 below -3, 1 above 3, slope 1/6 inside', () => {
  assert.deepEqual([f('hard_sigmoid', -3.5), f('hard_sigmoid', 3.5), df('hard_sigmoid', 1)], [0, 1, 1 / 6]);
  quotes(activations, 'hard_sigmoid.about', ['0 below −3', '1 above 3', '1/6']);
});

test('the race: the sigmoid\'s slope at an output of 0.9 is about 0.09', () => {
  const start = Math.log(9);
  assert.equal(f('sigmoid', start).toFixed(6), '0.900000');
  assert.equal(df('sigmoid', start).toFixed(2), '0.09');
  quotes(race, 'why', ['0.9', 'about 0.09']);
});
