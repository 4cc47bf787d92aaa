// The compare view's pure parts: its schema taken from the training panel's, the refusal of bad
// comparisons with a message naming the problem, the runs' trainer specs (one setting differs),
// the link round trip, and findings that quote the engine's own counts.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, withTrainer } from './load-engine.mjs';
import { createUrlStore } from '../../web/src/url-state.js';
import { defaults } from '../../web/src/settings.js';
import panels from '../../web/src/panels/index.js';
import { schema as trainingSchema } from '../../web/src/panels/playground/settings.js';
import { schema, varyKeys, valuesKey, runLimits, checkComparison, runSpecs, ComparisonError } from '../../web/src/panels/compare/settings.js';
import { findings } from '../../web/src/panels/compare/findings.js';

let engine;
before(async () => {
  engine = await loadEngine();
});

const base = defaults(schema);
const compare = panels.find((panel) => panel.id === 'compare');

test('compare: every setting that can vary and every shared setting is the training panel\'s own field', () => {
  assert.equal(compare.schema, schema);
  for (const key of varyKeys) {
    assert.equal(schema[valuesKey(key)].item, trainingSchema[key], `expected ${valuesKey(key)} to list values of the training panel's ${key}`);
    assert.deepEqual([schema[valuesKey(key)].minLength, schema[valuesKey(key)].maxLength], [runLimits.min, runLimits.max]);
  }
  for (const key of ['noise', 'learningRate', 'weightSeed', 'shuffleSeed', 'hiddenLayers']) assert.equal(schema[key], trainingSchema[key], `expected ${key} shared as is`);
  assert.ok(!schema.dataset.values.includes('custom'), 'expected no custom points in a comparison');
});

test('compare: the starting values of each setting are accepted', () => {
  for (const key of varyKeys) {
    const settings = { ...base, activation: key === 'alpha' ? 'leaky_relu' : base.activation };
    assert.deepEqual(checkComparison(key, schema[valuesKey(key)].fallback, settings), schema[valuesKey(key)].fallback);
  }
  assert.deepEqual(checkComparison('learningRate', ' 0.03, 3 ,0.3', base), [0.03, 3, 0.3], 'expected text to be read as numbers');
});

/** The ComparisonError of checkComparison(...args): its code and message. */
function refusal(...args) {
  try {
    checkComparison(...args);
  } catch (error) {
    assert.ok(error instanceof ComparisonError, `expected a ComparisonError, got ${error}`);
    return { code: error.code, message: error.message };
  }
  return assert.fail(`expected checkComparison(${JSON.stringify(args.slice(0, 2))}) to refuse`);
}

test('compare: bad comparisons are refused with a message that names the problem', () => {
  const cases = [
    [['activation', ['relu'], base], 'count', /Compare 2 to 4 values.*1 given/],
    [['learningRate', '0.1, 0.2, 0.3, 0.4, 0.5', base], 'count', /Compare 2 to 4 values.*5 given/],
    [['momentum', [0, 0.9], base], 'unknownSetting', /no setting "momentum".*activation, learningRate, optimizer, init, initialBias, alpha/],
    [['learningRate', [0.03, 50], base], 'outOfRange', new RegExp(`Learning rate 50 is outside the allowed range ${trainingSchema.learningRate.min} to ${trainingSchema.learningRate.max}`)],
    [['initialBias', [0, -7], base], 'outOfRange', /Initial bias of the hidden units -7 is outside/],
    [['activation', ['relu', 'relu6'], base], 'unknownValue', /"relu6" is not a value of Hidden activation\. Allowed: .*leaky_relu/],
    [['optimizer', ['sgd', 'lion'], base], 'unknownValue', /"lion" is not a value of Optimiser/],
    [['learningRate', ['0.1', 'fast'], base], 'notNumber', /"fast" is not a number \(Learning rate\)/],
    [['init', ['he', 'he'], base], 'repeated', /he is given twice/],
    [['alpha', [0.01, 0.1], { ...base, activation: 'relu' }], 'alphaUnused', /The shared activation relu has no alpha.*leaky_relu/],
    [['alpha', [0.01, 2], { ...base, activation: 'leaky_relu' }], 'outOfRange', /Alpha 2 is outside the allowed range 0 to 0\.99/],
  ];
  for (const [args, code, message] of cases) {
    const refused = refusal(...args);
    assert.equal(refused.code, code, `expected ${JSON.stringify(args.slice(0, 2))} refused as ${code}`);
    assert.match(refused.message, message);
  }
});

test('compare: the runs share data, weight and shuffle seeds; only the varied setting differs', () => {
  const settings = { ...base, vary: 'learningRate', learningRateValues: [0.01, 0.3, 3], weightSeed: 7 };
  const specs = runSpecs(settings);
  assert.equal(specs.length, 3);
  assert.deepEqual(specs.map((spec) => spec.settings.learningRate), [0.01, 0.3, 3]);
  for (const spec of specs) {
    assert.deepEqual({ ...spec, settings: { ...spec.settings, learningRate: 0 } }, { ...specs[0], settings: { ...specs[0].settings, learningRate: 0 } });
    assert.equal(spec.network.seed, 7);
  }
  const activations = runSpecs(base);
  assert.deepEqual(activations.map((spec) => spec.network.activation), base.activationValues);
  assert.deepEqual(activations.map((spec) => spec.network.alpha), [undefined, base.alpha], 'expected alpha only where the activation takes one');
});

/** A page on `hash` with a URL store: {location, store}. */
function page(hash) {
  const location = { hash, href: `https://lab.example/index.html${hash}`, pathname: '/index.html', search: '' };
  const history = { state: null, replaceState: (state, title, url) => { location.hash = url.slice(url.indexOf('#')); } };
  return { location, store: createUrlStore(panels, { location, history }) };
}

test('compare: a link restores the comparison, and a link with bad values falls back and says so', () => {
  const { location, store } = page('#compare');
  store.saveSettings(compare, { ...base, vary: 'optimizer', optimizerValues: ['sgd', 'adam', 'rmsprop'], learningRate: 3 });
  store.flush();
  assert.equal(location.hash, '#compare&compare.vary=optimizer&compare.optimizerValues=sgd,adam,rmsprop&compare.learningRate=3');
  const restored = page(location.hash).store;
  assert.deepEqual(restored.settingsOf(compare), { ...base, vary: 'optimizer', optimizerValues: ['sgd', 'adam', 'rmsprop'], learningRate: 3 });
  assert.deepEqual(restored.problems.rejected, []);
  for (const bad of ['compare.learningRateValues=0.03', 'compare.learningRateValues=1,2,3,4,5', 'compare.learningRateValues=0.1,99', 'compare.vary=momentum']) {
    const read = page(`#compare&${bad}`).store;
    const key = bad.slice('compare.'.length, bad.indexOf('='));
    assert.deepEqual(read.problems.rejected.map((r) => r.keys), [[`compare.${key}`]], `expected ${bad} rejected`);
    assert.deepEqual(read.settingsOf(compare)[key], schema[key].fallback);
  }
});

test('compare: findings quote the engine\'s counts: ReLU and leaky ReLU at learning rate 3 after one epoch (40 steps)', () => {
  const settings = { ...base, learningRate: 3 };
  const runs = runSpecs(settings).map((spec, i) => withTrainer(engine, spec, (trainer) => {
    trainer.train(40);
    trainer.recordStats();
    const history = trainer.history(0);
    const units = trainer.units();
    return {
      label: ['ReLU', 'Leaky ReLU'][i], step: trainer.status().step, dead: units.dead, dormant: units.dormant, total: units.total,
      testAccuracy: history.testAccuracy.at(-1), diverged: trainer.status().diverged,
    };
  }));
  assert.deepEqual(runs.map(({ dead, total }) => `${dead} of ${total}`), ['12 of 16', '0 of 16'], 'expected the README\'s figures: 12 of 16 ReLU units dead after one epoch, no leaky ones');
  const text = findings(runs, settings, 'Hidden activation').join('\n');
  assert.match(text, new RegExp(`At step 40, dead hidden units \\(of ${runs[0].total}\\): ReLU ${runs[0].dead}, Leaky ReLU 0\\. The most: ReLU ${runs[0].dead}\\.`));
  assert.match(text, /only the Hidden activation differs/);
  assert.match(text, new RegExp(`Leaky ReLU ${runs[1].dormant}\\.`));
  const untrained = findings(runs.map((run) => ({ ...run, step: 0 })), settings, 'Hidden activation');
  assert.match(untrained.at(-1), /No run has trained yet/);
  const diverged = findings([runs[0], { ...runs[1], diverged: true }], settings, 'Hidden activation').join('\n');
  assert.match(diverged, /Diverged: Leaky ReLU \(at step 40\)/);
});
