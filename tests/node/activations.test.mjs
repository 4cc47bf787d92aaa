// The activations through the JS API: values, derivatives against finite differences, stability.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';

const engine = await loadEngine();
const names = engine.activations().map((a) => a.name);
const grid = Float64Array.from({ length: 2001 }, (_, i) => -10 + i * 0.01);

test('the engine lists the 14 activations in display order', () => {
  assert.deepEqual(names, ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'step', 'linear', 'elu', 'selu', 'softplus',
    'gelu', 'silu', 'softsign', 'hard_sigmoid', 'prelu']);
});

for (const name of names) {
  test(`${name}: derivative matches central finite differences on [-10, 10]`, () => {
    const h = 1e-5;
    // The manifest's kinks: where f, f' or f'' jumps, so the central difference is off by h there.
    const { kinks } = engine.manifest().activations.find((a) => a.name === name);
    const points = grid.filter((x) => kinks.every((k) => Math.abs(x - k) > 2 * h));
    const plus = engine.evaluate(name, points.map((x) => x + h));
    const minus = engine.evaluate(name, points.map((x) => x - h));
    const derivative = engine.derivative(name, points);
    let nonZero = 0;
    points.forEach((x, i) => {
      const numeric = (plus[i] - minus[i]) / (2 * h);
      assert.ok(Math.abs(numeric - derivative[i]) <= 1e-6 + 1e-6 * Math.abs(numeric),
        `${name}'(${x}) = ${derivative[i]}, finite differences give ${numeric}`);
      if (derivative[i] !== 0) nonZero += 1;
    });
    if (name === 'step') assert.equal(nonZero, 0, 'the step has derivative 0 everywhere');
    else assert.ok(nonZero > points.length / 4, `${name}' should not be trivially zero`);
  });
}

test('kinks take the left branch: relu\'(0) = 0, leaky_relu\'(0) = alpha', () => {
  assert.deepEqual([...engine.derivative('relu', [0])], [0]);
  assert.deepEqual([...engine.derivative('leaky_relu', [0], { alpha: 0.1 })], [0.1]);
  assert.deepEqual([...engine.evaluate('step', [0])], [0]);
});

test('sigmoid is finite and exactly 0 or 1 at +-1000 and +-1e308; softplus(1000) = 1000', () => {
  assert.deepEqual([...engine.evaluate('sigmoid', [-1e308, -1000, 1000, 1e308])], [0, 0, 1, 1]);
  assert.deepEqual([...engine.evaluate('softplus', [1000])], [1000]);
});

test('no activation gives NaN for extreme finite inputs', () => {
  const extremes = [-1e308, -1000, -1e-300, 0, 5e-324, 1e-300, 1000, 1e308];
  for (const name of names) {
    for (const values of [engine.evaluate(name, extremes), engine.derivative(name, extremes)]) {
      values.forEach((v, i) => assert.ok(!Number.isNaN(v), `${name} at ${extremes[i]} gave NaN`));
    }
  }
});

test('softmax of (3, 1, -3) is (0.8789, 0.1189, 0.0022) and of (1000, 0) is (1, 0)', () => {
  const p = engine.softmax([3, 1, -3]);
  [0.8789, 0.1189, 0.0022].forEach((expected, i) => assert.equal(Number(p[i].toFixed(4)), expected));
  assert.deepEqual([...engine.softmax([1000, 0])], [1, 0]);
});

test('softmax Jacobian is diag(s) - s s^T', () => {
  const s = engine.softmax([3, 1, -3]);
  const jacobian = engine.softmaxJacobian(s);
  for (let i = 0; i < 3; i += 1) {
    for (let j = 0; j < 3; j += 1) {
      const expected = (i === j ? s[i] : 0) - s[i] * s[j];
      assert.ok(Math.abs(jacobian[i * 3 + j] - expected) < 1e-15, `J[${i}][${j}] = ${jacobian[i * 3 + j]}, expected ${expected}`);
    }
  }
  assert.deepEqual([...engine.softmaxCrossEntropyGradient(s, 0)].map((v) => v.toFixed(6)),
    [s[0] - 1, s[1], s[2]].map((v) => v.toFixed(6)));
});

test('two-class softmax equals sigmoid(z1 - z2)', () => {
  const [p] = engine.softmax([2.5, -0.7]);
  const [s] = engine.evaluate('sigmoid', [3.2]);
  assert.ok(Math.abs(p - s) < 1e-15, `softmax gives ${p}, sigmoid ${s}`);
});
