// Lessons (issue 15 items 1-3): the built-in chapter lesson checked claim by claim against the
// engine and against independent computations, its texts' numbers against what the engine gives,
// the checking of answers, the compact link encoding, progress storage and hostile documents.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from './load-engine.mjs';
import panels from '../../web/src/panels/index.js';
import { parseLesson, LessonError, lessonLimits } from '../../web/src/lesson/schema.js';
import { checkAnswer, parseAnswer } from '../../web/src/lesson/check.js';
import { checkState, measure, measures, readouts } from '../../web/src/lesson/measures.js';
import { encodeLesson, decodeLessonText, lessonFromValue, maxEncodedLength, builtInLessons } from '../../web/src/lesson/sources.js';
import { lessonProgress } from '../../web/src/lesson/progress.js';
import { lessonStepDocument } from '../../web/src/lesson/app.js';
import { createUrlStore } from '../../web/src/url-state.js';
import { trainerSpec } from '../../web/src/panels/playground/settings.js';
import chapter from '../../web/src/lessons/chapter.js';

let engine;
let lesson;
before(async () => {
  engine = await loadEngine();
  lesson = parseLesson(chapter, panels);
});

const panelOf = (id) => panels.find((panel) => panel.id === id);
const stepTitled = (en) => lesson.steps.find((step) => step.title.en === en);
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** Trains the training panel on `settings` to `steps` and returns a status report as the panel emits it. */
function statusAfter(settings, steps) {
  const trainer = engine.createTrainer(trainerSpec(settings));
  try {
    trainer.train(steps);
    trainer.recordStats();
    const h = trainer.history();
    const r = h.step.length - 1;
    const total = settings.hiddenLayers.reduce((a, b) => a + b, 0);
    return {
      step: h.step[r], dead: h.dead[r], dormant: h.dormant[r], total,
      trainAccuracy: h.trainAccuracy[r], testAccuracy: h.testAccuracy[r], trainLoss: h.trainLoss[r], testLoss: h.testLoss[r],
    };
  } finally {
    trainer.delete();
  }
}

test('chapter lesson: valid, and its steps follow the chapter in order', () => {
  assert.deepEqual(lesson.steps.map((step) => step.panel), [
    'nonlinearity', 'playground', 'race', 'race', 'mean-shift', 'mean-shift', 'race', 'playground', 'playground', 'playground', 'softmax',
  ]);
  assert.ok(lesson.steps.every((step) => step.question), 'expected a question on every step');
});

test('chapter lesson: two linear layers collapse to W2 W1 and a linear network cannot learn the circle', () => {
  const step = stepTitled('Two linear layers are one');
  const { w1, w2 } = step.settings;
  const expected = w2[0] * w1[0] + w2[1] * w1[1];
  assert.equal(checkAnswer(engine, step.question, { settings: step.settings, answer: String(expected) }).outcome, 'correct');
  assert.equal(checkAnswer(engine, step.question, { settings: step.settings, answer: String(expected + 0.1) }).outcome, 'wrong');
  const circle = stepTitled('A bend is what learns the circle');
  const linear = checkAnswer(engine, circle.question, { settings: circle.settings, status: statusAfter(circle.settings, 2000) });
  assert.deepEqual(linear.conditions, [false, true], 'expected a linear network to stay below 95 % on the circle');
  const bent = { ...circle.settings, activation: 'relu' };
  assert.equal(checkAnswer(engine, circle.question, { settings: bent, status: statusAfter(bent, 1000) }).outcome, 'correct', 'expected ReLU with 3 units per layer to reach 95 %');
});

test('chapter lesson: the step stalls, sigmoid needs 67 steps and ReLU 2, checked by an independent descent', () => {
  const step = stepTitled('The step cannot be trained');
  assert.equal(checkAnswer(engine, step.question, { settings: step.settings, answer: 'stalled' }).outcome, 'correct');
  assert.equal(checkAnswer(engine, step.question, { settings: step.settings, answer: 'reached' }).outcome, 'wrong');
  const race = stepTitled('Sigmoid’s long race');
  const { start, learningRate, target } = race.settings;
  let x = Math.log(start / (1 - start));
  let steps = 0;
  while (sigmoid(x) > target) {
    x -= learningRate * sigmoid(x) * (1 - sigmoid(x));
    steps += 1;
  }
  assert.equal(steps, 67);
  assert.equal(checkAnswer(engine, race.question, { settings: race.settings, answer: '67' }).outcome, 'correct');
  const relu = stepTitled('ReLU’s short race');
  assert.equal(Math.ceil((start - target) / learningRate), 2);
  assert.equal(checkAnswer(engine, relu.question, { settings: relu.settings, answer: '2' }).outcome, 'correct');
});

test('chapter lesson: sigmoid\'s outputs average 0.5, tanh\'s about 0 (the goal is reached by switching to tanh)', () => {
  const shift = stepTitled('Sigmoid shifts the mean');
  assert.equal(checkAnswer(engine, shift.question, { settings: shift.settings, answer: '0.5' }).outcome, 'correct');
  const centred = stepTitled('tanh stays centred');
  assert.equal(checkAnswer(engine, centred.question, { settings: centred.settings }).outcome, 'unmet');
  assert.equal(checkAnswer(engine, centred.question, { settings: { ...centred.settings, activation: 'tanh' } }).outcome, 'correct');
});

test('chapter lesson: at learning rate 3 ReLU loses half its units; leaky ReLU reaches 95 % on seed 12 and stalls on seed 1', () => {
  const dead = stepTitled('Dead units at a high learning rate');
  assert.equal(checkAnswer(engine, dead.question, { settings: dead.settings, status: statusAfter(dead.settings, 50) }).outcome, 'correct');
  assert.equal(checkAnswer(engine, dead.question, { settings: dead.settings, status: null }).outcome, 'unmet');
  const leaky = stepTitled('Leaky ReLU, honestly');
  assert.equal(leaky.settings.weightSeed, 12);
  assert.equal(checkAnswer(engine, leaky.question, { settings: leaky.settings, status: statusAfter(leaky.settings, 600) }).outcome, 'correct');
  const seedOne = { ...leaky.settings, weightSeed: 1 };
  const stalled = statusAfter(seedOne, 1000);
  assert.equal(stalled.dead, 0, 'expected no dead unit with leaky ReLU');
  assert.ok(stalled.testAccuracy < 0.95, `expected seed 1 to stall below 95 %, got ${stalled.testAccuracy}`);
});

test('chapter lesson: the first death is the step where the units\' states first turn dead, seen by seeking the run', () => {
  const step = stepTitled('When did they die? The inspector');
  const first = measure(engine, step.question.measure, step.settings);
  const trainer = engine.createTrainer(trainerSpec(step.settings));
  try {
    trainer.train(step.settings.stopSteps);
    const deadAt = (at) => {
      trainer.seek(at);
      return trainer.units().layers.flatMap((layer) => [...layer.state]).filter((state) => state === 'dead').length;
    };
    assert.equal(deadAt(first - 1), 0, `expected every unit alive at step ${first - 1}`);
    assert.ok(deadAt(first) > 0, `expected a dead unit at step ${first}`);
  } finally {
    trainer.delete();
  }
  assert.equal(checkAnswer(engine, step.question, { settings: step.settings, answer: String(first) }).outcome, 'correct');
  const healthy = { ...step.settings, learningRate: 0.1 };
  assert.match(checkAnswer(engine, step.question, { settings: healthy, answer: '3' }).message ?? '', /no unit dies in the first 1000 steps/);
});

test('chapter lesson: the softmax Jacobian entry is -s1 s2, computed here from exp', () => {
  const step = stepTitled('Softmax and its full Jacobian');
  const exps = step.settings.logits.map((z) => Math.exp(z / step.settings.temperature));
  const s = exps.map((e) => e / exps.reduce((a, b) => a + b, 0));
  const entry = -s[0] * s[1];
  assert.ok(Math.abs(measure(engine, step.question.measure, step.settings) - entry) < 1e-12);
  assert.equal(checkAnswer(engine, step.question, { settings: step.settings, answer: entry.toFixed(3) }).outcome, 'correct');
  assert.equal(checkAnswer(engine, step.question, { settings: step.settings, answer: (s[0] * (1 - s[0])).toFixed(3) }).outcome, 'wrong');
});

test('chapter lesson: every number its texts state is a setting, a goal or an engine result, the same in both languages', () => {
  const numbersIn = (text) => (text.match(/(?<![\w.])\d+(?:\.\d+)?(?![\w])/g) ?? []).map(Number).sort((a, b) => a - b);
  for (const step of lesson.steps) {
    const allowed = new Set([0, 1, 2, ...Object.values(step.settings).flat().filter((v) => typeof v === 'number')]);
    for (const c of step.question.conditions ?? []) for (const bound of [c.atLeast, c.atMost]) if (bound !== undefined) [Math.abs(bound), bound * 100].forEach((v) => allowed.add(v));
    if (step.question.tolerance) allowed.add(step.question.tolerance);
    for (const [field, texts] of Object.entries({ title: step.title, prompt: step.prompt })) {
      const [en, zh] = [numbersIn(texts.en), numbersIn(texts.zh)];
      assert.deepEqual(zh, en, `${step.title.en} ${field}: expected the same numbers in English and Chinese`);
      for (const number of en) assert.ok(allowed.has(number), `${step.title.en} ${field}: ${number} is neither a setting, a goal nor a tolerance`);
    }
  }
});

test('docs/LESSONS.md: its worked example opens, every question is answerable as it says, and its tables list every measure and readout', () => {
  const docs = readFileSync(new URL('../../docs/LESSONS.md', import.meta.url), 'utf8');
  const example = parseLesson(docs.match(/```json\n([\s\S]*?)```/)[1], panels);
  const [winner, steps, kill, small] = example.steps;
  assert.equal(checkAnswer(engine, winner.question, { settings: winner.settings, answer: 'relu' }).outcome, 'correct');
  assert.equal(checkAnswer(engine, steps.question, { settings: steps.settings, answer: '2' }).outcome, 'correct');
  assert.equal(checkAnswer(engine, kill.question, { settings: kill.settings, status: statusAfter(kill.settings, 50) }).outcome, 'correct');
  assert.equal(checkAnswer(engine, small.question, { settings: small.settings, status: statusAfter(small.settings, 1000) }).outcome, 'correct');
  for (const name of [...Object.keys(measures), ...Object.keys(readouts)]) assert.ok(docs.includes(`\`${name}\``), `expected docs/LESSONS.md to describe ${name}`);
  for (const panel of panels) assert.ok(docs.includes(`\`${panel.id}\``), `expected docs/LESSONS.md to list panel ${panel.id}`);
});

test('explorer measures: f and f\' at a point, with the panel\'s leaky alpha, against formulas written here', () => {
  const settings = { ...lesson.steps[0].settings, leakyAlpha: 0.1 };
  const ask = (name, activation, x) => measure(engine, { name, activation, x }, settings);
  assert.ok(Math.abs(ask('explorer.derivative', 'sigmoid', 0.3) - sigmoid(0.3) * (1 - sigmoid(0.3))) < 1e-12);
  assert.ok(Math.abs(ask('explorer.value', 'tanh', -1.2) - Math.tanh(-1.2)) < 1e-12);
  assert.equal(ask('explorer.derivative', 'leaky_relu', -2), 0.1);
  assert.equal(ask('explorer.derivative', 'step', 0.5), 0);
  const doc = withStep({ panel: 'explorer', settings: {}, question: { kind: 'number', measure: { name: 'explorer.derivative', activation: 'relu', x: 99 }, tolerance: 0 } });
  assert.throws(() => parseLesson(doc, panels), /x: 99 is not a number -20 to 20/);
});

test('answers: typed numbers are read strictly, with a Unicode minus; choices must match exactly one engine answer', () => {
  assert.equal(parseAnswer(' −0.5 '), -0.5);
  assert.equal(parseAnswer('1e-3'), 0.001);
  for (const text of ['', 'abc', '0x10', '1,5', 'Infinity', '67 steps']) assert.ok(Number.isNaN(parseAnswer(text)), `expected ${text} to be unreadable`);
  const step = lesson.steps[0];
  assert.equal(checkAnswer(engine, step.question, { settings: step.settings, answer: 'minus a half' }).outcome, 'unreadable');
  const race = structuredClone(stepTitled('The step cannot be trained'));
  race.question.choices[0].value = 'stalled';
  assert.equal(checkAnswer(engine, race.question, { settings: race.settings, answer: 'stalled' }).outcome, 'failed');
  const missing = checkState(engine, [{ readout: 'testAccuracy', atLeast: 0.5 }], { settings: {}, status: { testAccuracy: undefined } });
  assert.equal(missing.met, false, 'a readout not reported yet is not met');
});

test('encoding: a lesson survives the link encoding, fits the cap, and damaged or oversized links are refused', async () => {
  const encoded = await encodeLesson(chapter);
  assert.ok(encoded.length <= maxEncodedLength, `the chapter lesson encodes to ${encoded.length} characters`);
  assert.deepEqual(await lessonFromValue(encoded, panels), lesson);
  assert.deepEqual(JSON.parse(await decodeLessonText(encoded)), JSON.parse(JSON.stringify(chapter)));
  await assert.rejects(lessonFromValue(`${encoded.slice(0, -8)}AAAAAAAA`, panels), LessonError);
  await assert.rejects(lessonFromValue('z.not base64!', panels), /base64url/);
  await assert.rejects(lessonFromValue(`z.${'A'.repeat(maxEncodedLength)}`, panels), /limit/);
  const bomb = await encodeLesson({ padding: ' '.repeat(5_000_000) });
  assert.ok(bomb.length < maxEncodedLength);
  await assert.rejects(lessonFromValue(bomb, panels), /larger than/);
  await assert.rejects(lessonFromValue('week-3', panels), /neither a built-in lesson/);
  assert.deepEqual(await lessonFromValue('chapter', panels), parseLesson(builtInLessons.chapter, panels));
});

test('links: lesson= and lesson-src= are read, written back with the settings (in a frame too), and dropped when the lesson closes or from the Embed dialog\'s links', async () => {
  const page = (hash) => {
    const location = { hash, href: `https://lab.example/index.html${hash}`, pathname: '/index.html', search: '' };
    const history = { state: null, replaceState: (state, title, url) => { location.hash = url.slice(url.indexOf('#')); } };
    return { location, store: createUrlStore(panels, { location, history }) };
  };
  const { location, store } = page('#race&lesson=chapter&race.depth=2');
  assert.deepEqual(store.lesson(), { key: 'lesson', value: 'chapter' });
  assert.equal(store.problems.unknown, 0);
  assert.match(store.shareLink(), /#race&lesson=chapter&race\.depth=2$/);
  store.setLesson(null);
  assert.equal(location.hash, '#race&race.depth=2');
  const encoded = await encodeLesson(chapter);
  store.setLesson({ key: 'lesson', value: encoded });
  assert.equal(page(location.hash).store.lesson().value, encoded);
  assert.deepEqual(page('#lesson-src=lessons%2Fweek.json').store.lesson(), { key: 'lesson-src', value: 'lessons/week.json' });
  const framed = page('#embed=race&lesson=chapter&race.depth=2');
  const race = panels.find((p) => p.id === 'race');
  framed.store.saveSettings(race, { depth: 3 });
  framed.store.flush();
  assert.equal(framed.location.hash, '#embed=race&lesson=chapter&race.depth=3', 'expected the frame\'s own link to keep the lesson');
  assert.doesNotMatch(page('#race&lesson=chapter').store.embedLink(race), /lesson=/, 'expected the Embed dialog\'s link without the lesson');
});

test('progress: kept per lesson; unreadable or out-of-range storage starts afresh', () => {
  const items = new Map();
  const storage = { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => items.set(key, value) };
  lessonProgress(lesson, storage).save({ step: 3, done: new Set([0, 2]) });
  assert.deepEqual(lessonProgress(lesson, storage).load(), { step: 3, done: new Set([0, 2]) });
  for (const saved of ['{', '{"step": 99, "done": []}', '{"step": 1, "done": "x"}', 'null']) {
    items.set('activation-lab.lesson.chapter', saved);
    assert.deepEqual(lessonProgress(lesson, storage).load(), { step: 0, done: new Set() }, `expected ${saved} to start afresh`);
  }
  const refusing = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); } };
  assert.doesNotThrow(() => lessonProgress(lesson, refusing).save({ step: 1, done: new Set() }));
  assert.deepEqual(lessonProgress(lesson, refusing).load().step, 0);
});

test('author mode: "save this setup as a lesson step" writes a lesson that opens and keeps the changed settings', () => {
  const race = panelOf('race');
  const document = lessonStepDocument(race, { ...lesson.steps[2].settings, learningRate: 0.5 });
  assert.deepEqual(document.steps[0].settings, { racers: ['step', 'sigmoid'], learningRate: 0.5 });
  const opened = parseLesson(JSON.stringify(document), panels);
  assert.equal(opened.steps[0].settings.learningRate, 0.5);
});

const valid = () => structuredClone(chapter);
const withStep = (patch) => {
  const doc = valid();
  doc.steps = [{ ...doc.steps[0], ...patch }];
  return doc;
};

/** [name, document (value or JSON text), expected message pattern]. */
const hostile = [
  ['not JSON', '{"format": ', /not JSON/],
  ['an array', '[]', /expected an object/],
  ['steps not a list', { ...valid(), steps: 'all of them' }, /steps: expected a list/],
  ['no steps', { ...valid(), steps: [] }, /expected 1 to 40 entries/],
  ['too many steps', { ...valid(), steps: Array(lessonLimits.steps + 1).fill(valid().steps[0]) }, /expected 1 to 40 entries, got 41/],
  ['a huge document', { ...valid(), padding: 'x'.repeat(lessonLimits.documentLength) }, /the limit is 100000/],
  ['a huge prompt', withStep({ prompt: { en: 'a'.repeat(2001), zh: '好' } }), /prompt\.en: 2001 characters/],
  ['a number for a title', { ...valid(), title: 42 }, /title: expected an object/],
  ['a missing language', withStep({ title: { en: 'Only English' } }), /title: missing "zh"/],
  ['markup in a prompt', withStep({ prompt: { en: '<img src=x onerror=alert(1)>', zh: '好' } }), /markup is not allowed/],
  ['a script in a choice', (() => { const d = valid(); d.steps = [d.steps[2]]; d.steps[0].question.choices[0].label.zh = '</label><script>x</script>'; return d; })(), /markup/],
  ['an unknown panel', withStep({ panel: 'admin' }), /panel: expected one of explorer/],
  ['an unknown setting', withStep({ settings: { between: 'relu', volume: 11 } }), /nonlinearity has no setting "volume"/],
  ['an invalid setting', withStep({ settings: { between: 'magic' } }), /between: "magic" is not a valid nonlinearity setting/],
  ['an unknown classroom name', withStep({ classroom: { hide: ['everything'] } }), /nonlinearity has no hide: everything/],
  ['a classroom list of objects', withStep({ classroom: { lock: [{}] } }), /is not a name/],
  ['a measure of another panel', withStep({ question: { kind: 'number', measure: { name: 'race.steps', activation: 'relu' }, tolerance: 0 } }), /reads the race panel/],
  ['an unknown measure', withStep({ question: { kind: 'number', measure: { name: 'answer', value: 42 }, tolerance: 0 } }), /measure\.name: expected one of/],
  ['a hard-coded answer', withStep({ question: { kind: 'number', answer: -0.5, tolerance: 0 } }), /unknown key "answer"/],
  ['a negative tolerance', withStep({ question: { kind: 'number', measure: { name: 'collapse.weight' }, tolerance: -1 } }), /tolerance: expected a number of at least 0/],
  ['a readout off the training panel', withStep({ question: { kind: 'state', conditions: [{ readout: 'dead', atLeast: 1 }] } }), /readouts come from the playground panel/],
  ['a condition with no bound', withStep({ question: { kind: 'state', conditions: [{ setting: 'between' }] } }), /needs atLeast, atMost or equals/],
  ['__proto__ in the document', `{"__proto__": {"polluted": true}, ${JSON.stringify(valid()).slice(1)}`, /unknown key "__proto__"/],
  ['__proto__ in settings', `{"format":"activation-lab-lesson","version":1,"id":"x","title":{"en":"a","zh":"b"},"steps":[{"panel":"race","title":{"en":"a","zh":"b"},"prompt":{"en":"a","zh":"b"},"settings":{"__proto__":{"start":0.5}}}]}`, /race has no setting "__proto__"/],
  ['constructor in settings', withStep({ settings: { constructor: 'x' } }), /has no setting "constructor"/],
  ['a prototype-changed object', withStep({ settings: Object.create({ between: 'relu' }) }), /expected an object/],
  ['a wrong format', { ...valid(), format: 'scorm' }, /format: expected "activation-lab-lesson"/],
  ['a bad id', { ...valid(), id: '../../etc' }, /id: expected lower-case letters/],
];

for (const [name, document, pattern] of hostile) {
  test(`hostile lesson: ${name} is refused with a message that says so`, () => {
    assert.throws(() => parseLesson(document, panels), (error) => error instanceof LessonError && pattern.test(error.message),
      `expected a LessonError matching ${pattern}`);
    assert.equal({}.polluted, undefined, 'expected Object.prototype untouched');
  });
}

test('hostile lesson: a cyclic value is refused, not looped over', () => {
  const doc = valid();
  doc.self = doc;
  assert.throws(() => parseLesson(doc, panels), /cannot be written as JSON/);
});
