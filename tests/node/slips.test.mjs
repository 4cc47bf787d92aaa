// The "What the chapter gets wrong" demonstrations: every number they show comes from the engine
// and agrees with an independent computation here; the overwriting cache really gives a wrong
// second answer while the engine does not.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';
import { registerStrings } from '../../web/src/i18n.js';
import activationStrings from '../../web/src/i18n/activations.js';
import slipStrings from '../../web/src/i18n/slips.js';
import { demonstrations, overwritingCache } from '../../web/src/panels/shared/slips.js';

registerStrings('activations', activationStrings);
let engine;
before(async () => { engine = await loadEngine(); });

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const cells = (demo) => demo.rows.map((r) => r.values.map((v) => Number(v.replace('\u2212', '-'))));

test('there are five slips, each with a title, what the chapter says and the correction in both languages', () => {
  assert.deepEqual(Object.keys(demonstrations).sort(), ['cachedGradient', 'kinkConvention', 'leakyDerivative', 'reluAlwaysOne', 'softmaxDerivative']);
  for (const id of Object.keys(demonstrations)) {
    for (const part of ['title', 'says', 'correct']) {
      for (const code of ['en', 'zh']) assert.ok(slipStrings[code][`${id}.${part}`], `missing ${code} string ${id}.${part}`);
    }
  }
});

test('ReLU slope is 0 for negative and 1 for positive inputs; leaky ReLU has alpha below zero', () => {
  assert.deepEqual(cells(demonstrations.reluAlwaysOne(engine)), [[0], [0], [1], [1]]);
  assert.deepEqual(cells(demonstrations.leakyDerivative(engine)), [[0.01], [0.01], [1], [1]]);
});

test('every kink the core lists takes the left-hand slope, with each activation at its default alpha', () => {
  const demo = demonstrations.kinkConvention(engine);
  const selu = { alpha: 1.6732632423543772, scale: 1.0507009873554805 };
  // [value, left-hand slope] worked out by hand at each kink, in the core's activation order.
  const expected = {
    'ReLU, z = 0': [0, 0], 'Leaky ReLU (α = 0.01), z = 0': [0, 0.01], 'Binary step, z = 0': [0, 0],
    'ELU (α = 1), z = 0': [0, 1], 'SELU, z = 0': [0, selu.scale * selu.alpha], 'Softsign, z = 0': [0, 1],
    'Hard sigmoid, z = −3': [0, 0], 'Hard sigmoid, z = 3': [1, 1 / 6], 'PReLU (α = 0.25), z = 0': [0, 0.25],
  };
  assert.deepEqual(demo.rows.map((r) => r.label), Object.keys(expected));
  assert.deepEqual(cells(demo), Object.values(expected).map((pair) => pair.map((v) => Number(v.toFixed(4)))));
});

test('a gradient that overwrites its cache is right once and wrong the second time; the engine is right twice', () => {
  const z = 1;
  const exact = sigmoid(z) * (1 - sigmoid(z));
  const buggy = overwritingCache(engine, 'sigmoid');
  buggy.forward(z);
  assert.ok(Math.abs(buggy.gradient() - exact) < 1e-12, 'the first call gives sigma(1)(1 - sigma(1))');
  assert.ok(Math.abs(buggy.gradient() - exact * (1 - exact)) < 1e-12, 'the second call applies the formula to its own answer');
  const twice = engine.derivative('sigmoid', [z, z]);
  assert.ok(Math.abs(twice[0] - exact) < 1e-12 && twice[1] === twice[0], 'the engine answers the same both times');
  const tanhRows = cells(demonstrations.cachedGradient(engine)).slice(2);
  const tanhSlope = 1 - Math.tanh(1) ** 2;
  assert.deepEqual(tanhRows, [[tanhSlope, 1 - tanhSlope ** 2].map((v) => Number(v.toFixed(4))), [tanhSlope, tanhSlope].map((v) => Number(v.toFixed(4)))]);
  assert.throws(() => overwritingCache(engine, 'relu'), /no cached-gradient form for 'relu'/);
});

test('the softmax Jacobian row sums to 0 and its diagonal is the chapter formula; the chapter row does not sum to 0', () => {
  const logits = [3, 1, -3];
  const total = logits.reduce((sum, z) => sum + Math.exp(z), 0);
  const s = logits.map((z) => Math.exp(z) / total);
  const demo = demonstrations.softmaxDerivative(engine);
  const [jacobianRow] = cells(demo);
  const expected = [s[0] * (1 - s[0]), -s[0] * s[1], -s[0] * s[2], 0].map((v) => Number(v.toFixed(4)));
  assert.deepEqual(jacobianRow.map((v) => (Object.is(v, -0) ? 0 : v)), expected);
  assert.deepEqual(demo.rows[1].values.slice(1, 3), ['—', '—'], 'the chapter gives no off-diagonal terms');
  assert.match(demo.note, /0\.8789, 0\.1189, 0\.0022/, 'the chapter\'s own example values');
});
