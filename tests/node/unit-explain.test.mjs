// The unit inspector's words and numbers come from the engine's record: the "ReLU at a high
// learning rate" story's first death, explained in English and Chinese, against deaths() itself.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';
import { registerStrings, t, setLanguage } from '../../web/src/i18n.js';
import strings from '../../web/src/i18n/timeline.js';
import { explainUnit, formatValue, formatVector, lifeSpans, startStateOf } from '../../web/src/training/unit-explain.js';

registerStrings('timeline', strings);
const engine = await loadEngine();
const story = {
  network: { hiddenLayers: [8, 8], activation: 'relu', head: 'sigmoid_cross_entropy', init: 'he', seed: 12 },
  data: { kind: 'circle', size: 500, noise: 0.1, seed: 1, trainFraction: 0.8, splitSeed: 1 },
  settings: { learningRate: 3, batchSize: 10, momentum: 0, l2: 0 },
  shuffleSeed: 1,
  statsEvery: 0,
};

const trainer = engine.createTrainer(story);
trainer.train(200);
const [first] = trainer.deaths();
const life = trainer.unitLife(first.layer, first.unit);
const count = trainer.data().train.label.length;
const render = (paragraphs) => paragraphs.map(({ key, values }) => t(`timeline.${key}`, values)).join(' ');
const explain = (step, now) => explainUnit({ layer: first.layer, unit: first.unit, step, life, count, positive: 0, now, origin: 0 });

test('at the death step the text begins "died at step N" and quotes the killing update', () => {
  const { paragraphs, jumpTo } = explain(first.step, 1);
  const text = render(paragraphs);
  assert.ok(text.startsWith(`Unit ${first.unit + 1} of layer ${first.layer + 1} died at step ${first.step}: `), text);
  assert.equal(paragraphs[0].values.biasBefore, formatValue(first.biasBefore));
  assert.equal(paragraphs[0].values.biasAfter, formatValue(first.biasAfter));
  assert.equal(paragraphs[0].values.weightsAfter, formatVector(first.weightsAfter));
  assert.equal(paragraphs[0].values.batch, first.batch.length);
  assert.equal(paragraphs[1].values.gradient, formatVector(first.gradientPart));
  assert.equal(paragraphs[2].values.after, formatValue(first.maxPreAfter));
  assert.ok(first.maxPreAfter <= 0);
  assert.match(text, new RegExp(`all ${count} training points`));
  assert.equal(jumpTo, first.step - 1);
  setLanguage('zh');
  assert.ok(render(paragraphs).startsWith(`第 ${first.layer + 1} 层第 ${first.unit + 1} 个单元在第 ${first.step} 步死亡`));
  setLanguage('en');
});

test('the step before the death says what to do next; earlier steps offer the jump', () => {
  const before = explain(first.step - 1, 0);
  assert.deepEqual(before.paragraphs.map((p) => p.key), ['diesLater', 'beforeDeath']);
  assert.equal(before.jumpTo, null);
  assert.match(render(before.paragraphs), /Press Step once/);
  assert.equal(explain(0, 0).jumpTo, first.step - 1);
});

test('past the end of the life record (while playing) the text says the record is partial instead of stating what it does not hold', () => {
  // The record as it stood when complete only up to the step before the death: no death, no events or samples after it.
  const checked = first.step - 1;
  const kept = (steps) => Array.from(steps).map((s, i) => (s <= checked ? i : -1)).filter((i) => i >= 0);
  const events = kept(life.eventSteps);
  const samples = kept(life.sampleSteps);
  const partial = {
    ...life,
    deaths: life.deaths.filter((d) => d.step <= checked),
    eventSteps: events.map((i) => life.eventSteps[i]), eventStates: events.map((i) => life.eventStates[i]), eventPrevious: events.map((i) => life.eventPrevious[i]),
    sampleSteps: samples.map((i) => life.sampleSteps[i]), activeFraction: samples.map((i) => life.activeFraction[i]),
  };
  const at = first.step + 5;
  const dead = explainUnit({ layer: first.layer, unit: first.unit, step: at, life: partial, count, positive: 0, now: 'dead', origin: 0, checkedTo: checked });
  assert.deepEqual(dead.paragraphs.map((p) => p.key), ['deathPending']);
  assert.equal(render(dead.paragraphs), `Unit ${first.unit + 1} of layer ${first.layer + 1} is dead at step ${at}, but the life record is complete only up to step ${checked}: the step that killed it is still being found. Pause to see it.`);
  setLanguage('zh');
  assert.ok(render(dead.paragraphs).includes(`只完整到第 ${checked} 步`));
  setLanguage('en');
  const alive = explainUnit({ layer: first.layer, unit: first.unit, step: at, life: partial, count, positive: 3, now: 'alive', origin: 0, checkedTo: checked });
  assert.deepEqual(alive.paragraphs.map((p) => p.key), ['aliveNoDeath', 'lifePartial']);
  assert.match(render(alive.paragraphs), new RegExp(`complete up to step ${checked}; changes after it are not shown yet`));
  // With the whole record the same step is explained by its death, with no note.
  assert.equal(explainUnit({ layer: first.layer, unit: first.unit, step: at, life, count, positive: 0, now: 'dead', origin: 0, checkedTo: at }).paragraphs[0].key, 'diedAt');
});

test('formatting: three significant digits and a real minus sign', () => {
  assert.equal(formatValue(-2.57391), '\u22122.57');
  assert.equal(formatValue(0.41), '0.41');
  assert.equal(formatVector([1.5312, -1.8]), '(1.53, \u22121.8)');
});

test('life spans: alive until the step before death, then dead to the end', () => {
  const spans = lifeSpans(life, startStateOf(life, 'dead'), 0, 200);
  assert.deepEqual(spans[0], { state: 'alive', from: 0, to: first.step - 1 });
  assert.deepEqual(spans[1], { state: 'dead', from: first.step, to: spans[1].to });
  assert.equal(spans.at(-1).to, 200);
  trainer.delete();
});
