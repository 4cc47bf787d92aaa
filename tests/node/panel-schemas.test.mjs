// The panels' settings schemas against the engine's manifest (their choices and limits are the
// core's), and the training panel's state flow: which effects each change declares, what the
// reducer does with stories, loads, play and pause, and that trainSettings sends only live keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifest, activationNames, datasetNames, headNames, initNames } from '../../web/src/manifest.js';
import { keysWithEffect } from '../../web/src/settings.js';
import * as playground from '../../web/src/panels/playground/settings.js';
import { reduce, initialState, effectsOf } from '../../web/src/panels/playground/state.js';
import panels from '../../web/src/panels/index.js';
import { presets } from '../../web/src/training/presets.js';

const { schema } = playground;
const schemaOf = (id) => panels.find((panel) => panel.id === id).schema;

test('schemas: every activation choice of every panel is the manifest\'s list, in its order', () => {
  const fields = panels.flatMap((panel) => Object.entries(panel.schema).map(([key, spec]) => [`${panel.id}.${key}`, spec]));
  const activationFields = fields.filter(([, spec]) => spec.values?.includes('relu'));
  assert.ok(activationFields.length >= 6, `expected the activation choices of several panels, found ${activationFields.map(([k]) => k)}`);
  for (const [key, spec] of activationFields) assert.deepEqual(spec.values, activationNames(), `expected ${key} to offer the manifest's activations`);
});

test('schemas: the training panel\'s data sets, inits, heads and network limits are the manifest\'s', () => {
  assert.deepEqual(schema.dataset.values, [...datasetNames(), 'custom'], 'expected every engine data set plus the own points');
  assert.deepEqual(schema.init.values, initNames(), 'expected the manifest inits');
  assert.ok(schema.head.values.every((head) => headNames().includes(head)), `expected engine heads only, got ${schema.head.values}`);
  assert.ok(schema.head.values.includes(manifest.heads.find((h) => h.outputs === 'perClass').name), 'expected the per-class head offered');
  assert.equal(schema.hiddenLayers.maxLength, manifest.network.maxLayers, 'expected the layer limit of the core');
  assert.equal(schema.hiddenLayers.item.max, manifest.network.maxUnits, 'expected the unit limit of the core');
  assert.deepEqual(schema.hiddenLayers.fallback, manifest.network.defaults.hiddenLayers, 'expected the core\'s default layers');
  assert.equal(schema.activation.fallback, manifest.network.defaults.activation, 'expected the core\'s default activation');
  const rate = manifest.training.learningRate;
  assert.deepEqual([schema.learningRate.min, schema.learningRate.max, schema.learningRate.fallback], [rate.min, rate.max, rate.default],
    'expected the learning rate range and default of the manifest');
  assert.equal(schema.batchSize.fallback, manifest.training.batchSize.default, 'expected the core\'s default batch');
  for (const key of ['dataSeed', 'weightSeed', 'shuffleSeed']) assert.equal(schema[key].max, manifest.network.seed.max, `expected ${key} up to the core's largest seed`);
  for (const name of ['leaky_relu', 'elu']) {
    const range = playground.alphaRange(name);
    const engine = manifest.activations.find((a) => a.name === name).alpha;
    assert.ok(range.min >= engine.min && range.max <= engine.max && range.fallback === engine.default, `expected ${name}'s alpha slider inside the engine's range`);
  }
  assert.equal(playground.alphaRange('relu'), null, 'expected no alpha for relu');
});

test('schemas: the experiments\' choices and limits are the manifest\'s', () => {
  const ex = schemaOf('experiments');
  assert.deepEqual(ex.sweepDataset.values, manifest.datasets.filter((d) => d.classes === 2).map((d) => d.name), 'expected the two-class data sets');
  assert.deepEqual(ex.histInit.values, initNames(), 'expected the manifest inits');
  assert.equal(ex.bornWidths.item.max, manifest.bornDead.width.max, 'expected born-dead widths up to the core limit');
  assert.equal(ex.bornDepths.item.max, manifest.bornDead.depth.max, 'expected born-dead depths up to the core limit');
  for (const key of ['sweepLayers', 'histLayers']) assert.equal(ex[key].max, manifest.network.maxLayers, `expected ${key} up to the core limit`);
  for (const key of ['sweepUnits', 'histUnits']) assert.equal(ex[key].max, manifest.network.maxUnits, `expected ${key} up to the core limit`);
});

test('state: every training setting declares one of the five effects; trainSettings sends exactly the live ones', () => {
  const effects = new Set(['rebuild', 'live', 'schedule', 'redraw', 'record']);
  for (const [key, spec] of Object.entries(schema)) assert.ok(effects.has(spec.effect), `expected ${key} to declare an effect, got ${spec.effect}`);
  assert.deepEqual(keysWithEffect(schema, 'live'), ['optimizer', 'learningRate', 'batchSize', 'momentum', 'l2', 'l1'], 'expected the optimiser settings live');
  const settings = initialState({}).settings;
  assert.deepEqual(Object.keys(playground.trainSettings(settings)), playground.liveKeys, 'expected trainSettings to pick the live keys');
  assert.ok(playground.liveKeys.every((key) => Object.hasOwn(manifest.training, key)), 'expected every live key to be a training setting of the engine');
  assert.deepEqual(playground.trainerSpec(settings).settings, playground.trainSettings(settings), 'expected the spec to carry the same settings');
});

test('state: a change reports the effects its fields declare, and nothing when nothing changed', () => {
  const start = initialState({});
  const cases = [
    [{ learningRate: 3 }, ['live']], [{ activation: 'tanh' }, ['rebuild']], [{ speed: 'steps-1' }, ['schedule']],
    [{ showTest: false }, ['redraw']], [{ learningRate: 0.5, stopMode: 'steps' }, ['live', 'schedule']], [{ learningRate: 0.03 }, []],
    [{ learningRate: 'fast' }, []],
  ];
  for (const [patch, expected] of cases) {
    const { state, effects } = reduce(start, { type: 'set', patch });
    assert.deepEqual([...effects].sort(), expected.sort(), `expected ${JSON.stringify(patch)} to call for ${expected}`);
    if (patch.learningRate === 3) assert.equal(state.settings.learningRate, 3, 'expected the exact typed rate kept');
  }
  assert.deepEqual([...effectsOf(start.settings, start.settings)], [], 'expected no effect without a change');
});

test('state: stories play from a fresh run, loads pause, three classes force the per-class head', () => {
  const start = initialState({ learningRate: 0.5 });
  const story = presets.find((p) => p.id === 'reluHigh');
  const { state, effects } = reduce(start, { type: 'story', preset: story });
  assert.equal(state.story, 'reluHigh', 'expected the story remembered');
  assert.equal(state.playing, true, 'expected a story to play');
  assert.equal(state.settings.learningRate, 3, 'expected the story\'s settings');
  assert.ok(effects.has('rebuild') && effects.has('schedule'), 'expected a story to rebuild the run and its schedule');
  assert.ok(reduce(state, { type: 'story', preset: story }).effects.has('rebuild'), 'expected the same story again to start afresh');
  const loaded = reduce(state, { type: 'load', settings: { ...state.settings, activation: 'tanh' } });
  assert.deepEqual([loaded.state.playing, loaded.state.story, loaded.state.settings.activation], [false, null, 'tanh'], 'expected a load to pause');
  assert.equal(reduce(start, { type: 'play' }).state.playing, true, 'expected play');
  assert.equal(reduce(reduce(start, { type: 'play' }).state, { type: 'pause' }).state.playing, false, 'expected pause');
  const three = reduce(start, { type: 'set', patch: { dataset: 'three_class', head: 'tanh_mse' } }).state.settings;
  assert.equal(three.head, manifest.heads.find((h) => h.outputs === 'perClass').name, 'expected softmax for three classes');
  assert.throws(() => reduce(start, { type: 'jump' }), /unknown training panel action 'jump'/, 'expected an unknown action refused');
});

test("schemas: a link or file that names an activation without alpha gets that activation's default alpha", async () => {
  const { sanitize } = await import('../../web/src/settings.js');
  const { settingParams } = await import('../../web/src/url-state.js');
  const training = panels.find((panel) => panel.id === 'playground');
  const defaultAlpha = (name) => manifest.activations.find((a) => a.name === name).alpha.default;
  assert.equal(sanitize(schema, { activation: 'prelu' }).settings.alpha, defaultAlpha('prelu'));
  assert.equal(sanitize(schema, { activation: 'elu' }).settings.alpha, defaultAlpha('elu'));
  assert.equal(sanitize(schema, { activation: 'leaky_relu' }).settings.alpha, defaultAlpha('leaky_relu'));
  assert.equal(sanitize(schema, { activation: 'prelu', alpha: '0.01' }).settings.alpha, 0.01, 'a given alpha is kept');
  const refused = sanitize(schema, { activation: 'prelu', alpha: 'x' });
  assert.deepEqual([refused.settings.alpha, refused.rejected], [defaultAlpha('prelu'), ['alpha']], 'a refused alpha takes the default of its activation');
  const written = (raw) => Object.fromEntries(settingParams(training, sanitize(schema, raw).settings));
  assert.equal(written({ activation: 'prelu' })['playground.alpha'], undefined, "prelu's own default is left out of the link");
  assert.equal(written({ activation: 'prelu', alpha: 0.01 })['playground.alpha'], '0.01', 'another alpha is written, so the link reads back the same');
  for (const raw of [{ activation: 'prelu', alpha: 0.01 }, { activation: 'elu' }, { activation: 'leaky_relu', alpha: 0.3 }]) {
    const settings = sanitize(schema, raw).settings;
    const params = Object.fromEntries(settingParams(training, settings).map(([name, text]) => [name.slice('playground.'.length), text]));
    assert.equal(sanitize(schema, params).settings.alpha, settings.alpha, `expected ${JSON.stringify(raw)} to read back its alpha`);
  }
});
