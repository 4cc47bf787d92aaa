// Every figure the training panel's stories and explanations quote is recomputed here with the
// engine (the same presets, the same default sweep as the Experiments panel) and must appear, as
// computed, in both the English and the Chinese text. Every other number in those strings must be
// a setting or a definition listed here, and every string of every table quotes the same numbers
// in both languages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './load-engine.mjs';
import { presetById } from '../../web/src/training/presets.js';
import { sanitize } from '../../web/src/settings.js';
import { schema as playgroundSchema, trainerSpec } from '../../web/src/panels/playground/settings.js';
import { schema as sweepSchema, sweepSpec } from '../../web/src/panels/experiments/sweep.js';
import strings from '../../web/src/i18n/playground.js';
import { roundSignificant } from '../../web/src/panels/shared/format.js';

let engine;
const runs = {};
let sweep;
const percent = (fraction) => Math.round(fraction * 100);
const numbersIn = (text) => [...new Set(text.replace(/\{\w+\}/g, '').replace(/(\d),(\d{3})/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? [])];

/** Trains preset `id` (optionally changed by `patch`) and records stats at each checkpoint step. */
function runPreset(id, checkpoints, patch = {}) {
  const settings = sanitize(playgroundSchema, { ...presetById(id).settings, ...patch }).settings;
  const trainer = engine.createTrainer(trainerSpec(settings));
  try {
    const at = {};
    for (const step of checkpoints) {
      trainer.train(step - trainer.status().step);
      trainer.recordStats();
      const h = trainer.history();
      const r = h.step.length - 1;
      const layers = h.denseLayers;
      at[step] = {
        trainLoss: h.trainLoss[r], testLoss: h.testLoss[r], trainAccuracy: h.trainAccuracy[r], testAccuracy: h.testAccuracy[r],
        dead: h.dead[r], dormant: h.dormant[r], firstOverLast: h.gradientNorm[r * layers] / h.gradientNorm[r * layers + layers - 1],
      };
    }
    return { at, data: trainer.data(), total: settings.hiddenLayers.reduce((a, b) => a + b, 0) };
  } finally {
    trainer.delete();
  }
}

/** Logistic regression on the raw inputs, solved by Newton's method: the best straight line for the loss. */
function bestLine({ x, label }) {
  let w = [0, 0, 0];
  const n = label.length;
  const det = (m) => m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  for (let iteration = 0; iteration < 30; iteration += 1) {
    const g = [0, 0, 0];
    const h = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    for (let i = 0; i < n; i += 1) {
      const f = [x[2 * i], x[2 * i + 1], 1];
      const p = 1 / (1 + Math.exp(-(w[0] * f[0] + w[1] * f[1] + w[2])));
      for (let a = 0; a < 3; a += 1) {
        g[a] += (p - label[i]) * f[a];
        for (let b = 0; b < 3; b += 1) h[a][b] += p * (1 - p) * f[a] * f[b];
      }
    }
    const d = det(h);
    w = w.map((value, k) => value - det(h.map((row, r) => row.map((cell, c) => (c === k ? g[r] : cell)))) / d);
  }
  let correct = 0;
  for (let i = 0; i < n; i += 1) correct += Number((w[0] * x[2 * i] + w[1] * x[2 * i + 1] + w[2] > 0) === (label[i] === 1));
  return { accuracy: correct / n };
}

before(async () => {
  engine = await loadEngine();
  runs.healthy = runPreset('healthy', [200, 600]);
  runs.reluHigh = runPreset('reluHigh', [50, 1000]);
  runs.leakyHigh = runPreset('leakyHigh', [500, 1000]);
  runs.sigmoidDeep = runPreset('sigmoidDeep', [500, 1000, 2000]);
  runs.deepTanh = runPreset('sigmoidDeep', [500], { activation: 'tanh' });
  runs.linear = runPreset('linear', [1000]);
  runs.vanishing = runPreset('sigmoidVanishing', [0, 500]);
  runs.vanishingRelu = runPreset('sigmoidVanishing', [0], { activation: 'relu', init: 'he' });
  runs.adamHigh = runPreset('adamHigh', [50, 1000]);
  runs.adamLow = runPreset('adamHigh', [1000], { learningRate: 0.01 });
  const s = sanitize(sweepSchema, {}).settings;
  const rates = [...engine.logSpaced(s.sweepRateMin, s.sweepRateMax, s.sweepRates)];
  sweep = rates.map((rate) => {
    const points = Array.from({ length: s.sweepSeeds }, (_, i) => engine.sweepPoint(sweepSpec(s), 'relu', rate, i + 1));
    const mean = (key) => points.reduce((sum, p) => sum + p[key], 0) / points.length;
    return { rate, dead: mean('deadFraction'), accuracy: mean('testAccuracy'), seeds: s.sweepSeeds, steps: s.sweepSteps };
  });
});

/** Asserts that key's text in each language contains its expected pieces. */
function quotes(key, pieces) {
  for (const code of ['en', 'zh']) {
    for (const piece of pieces[code]) assert.ok(strings[code][key].includes(piece), `${code} ${key} should quote "${piece}" (computed by the engine)`);
  }
}

test('Healthy ReLU: no dead unit, test accuracy 100 % by step 200', () => {
  const { at } = runs.healthy;
  assert.equal(at[600].dead, 0);
  assert.equal(percent(at[200].testAccuracy), 100);
  quotes('preset.healthy.text', { en: ['200 steps'], zh: ['200 步'] });
  quotes('preset.healthy.watch', { en: ['100 %'], zh: ['100%'] });
});

test('ReLU at rate 3: 12 of 16 units dead by step 50, loss near 0.69', () => {
  const { at, total } = runs.reluHigh;
  assert.equal(at[50].dead, 12);
  assert.equal(total, 16);
  assert.ok(Math.abs(at[1000].trainLoss - 0.69) < 0.02, `loss at step 1000 is ${at[1000].trainLoss}`);
  quotes('preset.reluHigh.text', { en: ['12 of the 16', '50 steps', '0.69'], zh: ['16 个隐藏单元中有 12 个', '50 步', '0.69'] });
});

test('Leaky ReLU at rate 3: no dead unit, 11 of 16 dormant, test accuracy above 90 % and 99 % at step 1000', () => {
  const { at, total } = runs.leakyHigh;
  assert.equal(at[1000].dead, 0);
  assert.equal(at[1000].dormant, 11);
  assert.equal(total, 16);
  assert.equal(percent(at[1000].testAccuracy), 99);
  quotes('preset.leakyHigh.watch', { en: ['above 90 % by step 1000'], zh: ['第 1000 步测试准确率超过 90%'] });
  quotes('explain.dormant.text', { en: ['11 of the 16', 'step 1000', '99 %', '21 of 48'], zh: ['16 个单元里有 11 个', '第 1000 步', '99%', '48 个单元中有 21 个'] });
});

test('Sigmoid, deep and slow: loss at 0.69 up to step 2000, 21 of 48 dormant; tanh fits within 500 steps', () => {
  const { at, total } = runs.sigmoidDeep;
  for (const step of [500, 1000, 2000]) assert.ok(Math.abs(at[step].trainLoss - Math.LN2) < 0.01, `loss at step ${step} is ${at[step].trainLoss}`);
  assert.equal(at[2000].dormant, 21);
  assert.equal(total, 48);
  assert.ok(runs.deepTanh.at[500].trainLoss < 0.05, `tanh loss at step 500 is ${runs.deepTanh.at[500].trainLoss}`);
  quotes('preset.sigmoidDeep.text', { en: ['0.69 for 2000 steps', 'a few hundred steps'], zh: ['2000 步内损失一直停在 0.69', '几百步内'] });
  quotes('preset.sigmoidDeep.watch', { en: ['The 21 dormant units'], zh: ['那 21 个休眠单元'] });
});

test('No activation: loss 0.693, accuracy 36 % / 26 %, below chance as the exact best line is; 104 vs 91 disc points', () => {
  const { at, data } = runs.linear;
  assert.equal(at[1000].trainLoss.toFixed(3), '0.693');
  assert.equal(percent(at[1000].trainAccuracy), 36);
  assert.equal(percent(at[1000].testAccuracy), 26);
  assert.equal(percent(bestLine(data.train).accuracy), 36, 'the exactly solved best line also scores 36 % on the training points');
  const { x, label } = data.train;
  const disc = (upper) => label.filter((k, i) => k === 1 && (x[2 * i + 1] > 0) === upper).length;
  assert.deepEqual([disc(true), disc(false)], [104, 91]);
  assert.equal(percent(1 - label.reduce((a, b) => a + b, 0) / label.length), 51, 'always answering "ring" (class 0)');
  quotes('preset.linear.text', {
    en: ['0.693', 'step 1000', '36 %', '26 %', '104 against 91', '51 %'], zh: ['0.693', '第 1000 步', '36%', '26%', '104 个', '91 个', '51%'],
  });
});

test('Why a large update kills: the dead shares and accuracies of the default sweep at its own rates', () => {
  const at = (rate) => sweep.find((p) => Math.abs(p.rate - rate) / rate < 0.02);
  const upTo = sweep.filter((p) => p.rate <= 0.33);
  assert.equal(sweep[0].seeds, 6);
  assert.equal(sweep[0].steps, 600);
  assert.ok(Math.max(...upTo.map((p) => percent(p.dead))) <= 3, 'at most 3 % dead up to rate 0.32');
  assert.equal(percent(at(1).dead), 9);
  assert.equal(percent(at(3.16).dead), 70);
  assert.equal(percent(at(10).dead), 93);
  assert.deepEqual([percent(at(3.16).accuracy), percent(at(10).accuracy)], [48, 52]);
  quotes('explain.whyLarge.text', {
    en: ['600 steps, 6 weight seeds', '3 % of the units dead at rates up to 0.32', '9 % at rate 1', '70 % at 3.2', '93 % at 10', '48 % and 52 %'],
    zh: ['600 步，6 个权重种子', '不超过 0.32 时死亡单元至多 3%', '学习率 1 时 9%', '3.2 时 70%', '10 时 93%', '48% 和 52%'],
  });
});

test('Deep sigmoid, vanishing gradients: first layer 61,000 and 27,000 times smaller; ReLU + He 37 %, 13 of 48 dead', () => {
  const { at } = runs.vanishing;
  const smaller = (step) => roundSignificant(1 / at[step].firstOverLast, 2).toLocaleString('en');
  assert.equal(smaller(0), '61,000');
  assert.equal(smaller(500), '27,000');
  assert.equal(percent(runs.vanishingRelu.at[0].firstOverLast), 37);
  assert.equal(runs.vanishingRelu.at[0].dead, 13);
  assert.equal(runs.vanishingRelu.total, 48);
  quotes('preset.sigmoidVanishing.text', {
    en: ['61,000 times smaller', '27,000 times smaller', 'step 500', '37 %', '13 of the 48'],
    zh: ['小 61,000 倍', '仍小 27,000 倍', '第 500 步', '37%', '48 个 ReLU 单元中有 13 个'],
  });
});

test('Adam at rate 3: 14 of 16 dead by step 50, loss 0.76 at step 1000; at rate 0.01 none dead and 100 %', () => {
  const { at, total } = runs.adamHigh;
  assert.equal(at[50].dead, 14);
  assert.equal(total, 16);
  assert.equal(at[1000].trainLoss.toFixed(2), '0.76');
  assert.equal(runs.reluHigh.at[50].dead, 12, 'the same run with SGD');
  assert.equal(runs.adamLow.at[1000].dead, 0);
  assert.equal(percent(runs.adamLow.at[1000].testAccuracy), 100);
  quotes('preset.adamHigh.text', {
    en: ['14 of the 16', 'step 50 (SGD: 12)', '0.76 at step 1000', 'rate 0.01', '100 % test accuracy'],
    zh: ['16 个隐藏单元中有 14 个', '（SGD 是 12 个）', '第 1000 步时损失为 0.76', '学习率取 0.01', '测试准确率达到 100%'],
  });
});

const definitions = {
  'preset.healthy.text': ['2', '8', '1', '0.1'],
  'preset.reluHigh.text': ['3', '2'],
  'preset.leakyHigh.text': ['0.01', '5'],
  'preset.sigmoidDeep.text': ['8', '0.1', '0.25'],
  'preset.linear.text': ['2', '0.5'],
  'preset.sigmoidVanishing.text': ['6', '8', '0.1', '0.25', '1'],
  'preset.sigmoidVanishing.watch': ['1'],
  'preset.adamHigh.text': ['3'],
  'preset.adamHigh.watch': ['0.01'],
  'preset.sigmoidDeep.watch': ['0.5'],
  'explain.whyLarge.text': ['0', '2', '8', '1'],
  'explain.whatDead.text': ['0'],
  'explain.firstLayer.text': ['0'],
  'explain.whatHelps.text': ['0.01', '5', '10', '2'],
  'explain.dormant.text': ['0', '0.5', '0.25'],
};

test('every number in the stories and explanations is a setting, a definition or a figure checked above', () => {
  const checked = ['0', '200', '100', '12', '16', '50', '0.69', '90', '1000', '11', '99', '21', '48', '2000', '0.693', '36', '26', '104', '91', '51',
    '600', '6', '3', '0.32', '9', '1', '70', '3.2', '93', '10', '52', '61000', '27000', '500', '37', '13', '14', '0.76', '0.01'];
  for (const [key, text] of Object.entries(strings.en)) {
    if (!/^(preset|explain)\./.test(key)) continue;
    const allowed = new Set([...checked, ...(definitions[key] ?? [])]);
    for (const number of numbersIn(text)) assert.ok(allowed.has(number), `${key} quotes ${number}: compute it, check it here, or list it as a definition`);
  }
});

test('every string of every table quotes the same numbers in English and Chinese', async () => {
  const folder = new URL('../../web/src/i18n/', import.meta.url);
  for (const file of readdirSync(fileURLToPath(folder)).filter((name) => name.endsWith('.js'))) {
    const { default: table } = await import(new URL(file, folder));
    for (const key of Object.keys(table.en)) {
      assert.deepEqual(numbersIn(table.zh[key]).sort(), numbersIn(table.en[key]).sort(), `${file} ${key}: the two languages quote different numbers`);
    }
  }
});
