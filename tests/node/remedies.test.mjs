// The remedies for dying ReLU through the JS API: optimisers, the initial bias, prelu slopes
// and the per-layer gradient sizes of the history.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, withTrainer as withEngineTrainer } from './load-engine.mjs';

const engine = await loadEngine();
const manifest = engine.manifest();
const base = {
  network: { hiddenLayers: [8, 8], activation: 'relu', seed: 1 },
  data: { kind: 'circle', size: 300, noise: 0.05, seed: 2 },
  settings: { learningRate: 0.01, batchSize: 10 },
  statsEvery: 100,
};

const withTrainer = (spec, body) => withEngineTrainer(engine, spec, body);

test('the manifest lists the optimisers with their ranges and defaults, and the initial bias', () => {
  assert.deepEqual(manifest.optimizers, ['sgd', 'adam', 'rmsprop']);
  assert.equal(manifest.training.optimizer.default, 'sgd');
  assert.deepEqual([manifest.training.beta1.default, manifest.training.beta2.default, manifest.training.rho.default,
    manifest.training.epsilon.default], [0.9, 0.999, 0.9, 1e-8]);
  assert.deepEqual(manifest.network.initialBias, { min: -1, max: 1, default: 0, integer: false });
  assert.equal(manifest.activations.find((a) => a.name === 'prelu').alpha.default, 0.25);
});

test('adam and rmsprop learn the circle at a rate where they are stable', () => {
  for (const optimizer of ['adam', 'rmsprop']) {
    withTrainer({ ...base, settings: { ...base.settings, optimizer } }, (trainer) => {
      trainer.train(1500);
      const h = trainer.history();
      assert.ok(h.testAccuracy.at(-1) > 0.9, `${optimizer}: test accuracy ${h.testAccuracy.at(-1)}`);
    });
  }
});

test('an unknown optimiser and betas outside [0, 1) are refused with the field named', () => {
  assert.throws(() => engine.createTrainer({ ...base, settings: { optimizer: 'adamw' } }),
    /spec\.settings\.optimizer must be one of sgd, adam, rmsprop/);
  assert.throws(() => engine.createTrainer({ ...base, settings: { optimizer: 'adam', beta1: 1 } }), /beta1/);
  withTrainer(base, (trainer) => {
    assert.throws(() => trainer.setSettings({ epsilon: 0 }), /epsilon/);
    trainer.setSettings({ optimizer: 'rmsprop', rho: 0.95 });
    assert.equal(trainer.train(5).done, 5);
  });
});

test('the initial bias starts every hidden bias there and the output bias at 0', () => {
  withTrainer({ ...base, network: { ...base.network, initialBias: 0.1 } }, (trainer) => {
    const layers = trainer.parameters();
    for (const layer of layers.slice(0, -1)) assert.ok(layer.biases.every((b) => b === 0.1));
    assert.ok(layers.at(-1).biases.every((b) => b === 0));
  });
  assert.throws(() => engine.createTrainer({ ...base, network: { ...base.network, initialBias: 3 } }), /initialBias/);
});

test('prelu units report their learnt slopes, which start at alpha', () => {
  withTrainer({ ...base, network: { ...base.network, activation: 'prelu' } }, (trainer) => {
    const before = trainer.units().layers;
    assert.deepEqual(before.map((layer) => [...layer.slopes]), [Array(8).fill(0.25), Array(8).fill(0.25)]);
    trainer.setSettings({ optimizer: 'adam' });
    trainer.train(300);
    const after = trainer.units().layers;
    assert.ok(after[0].slopes.some((slope) => Math.abs(slope - 0.25) > 1e-3), `slopes ${after[0].slopes}`);
  });
  withTrainer(base, (trainer) => assert.equal(trainer.units().layers[0].slopes.length, 0));
});

test('the history holds each dense layer gradient norm and update ratio; deep sigmoid gradients vanish', () => {
  const deep = (activation, init) => withTrainer({ ...base, network: { hiddenLayers: [8, 8, 8, 8, 8, 8], activation, init, seed: 1 } }, (trainer) => {
    trainer.train(100);
    const h = trainer.history();
    assert.equal(h.denseLayers, 7);
    assert.equal(h.gradientNorm.length, 7 * h.step.length);
    assert.ok(h.updateRatio.slice(0, 7).every((r) => r === 0), 'no update before step 1');
    assert.ok(h.updateRatio.slice(7).every((r) => r > 0));
    const last = h.gradientNorm.slice(-7);
    return last[0] / last[6];
  });
  const sigmoid = deep('sigmoid', 'xavier');
  const relu = deep('relu', 'he');
  assert.ok(sigmoid < 1e-2, `sigmoid first / last layer gradient ${sigmoid}`);
  assert.ok(relu > 0.1, `relu first / last layer gradient ${relu}`);
});

test('a sweep point trains with the spec optimiser and initial bias and reports them', () => {
  const spec = { data: { kind: 'circle', size: 200, seed: 1 }, network: { hiddenLayers: [8, 8], initialBias: 0.1 }, optimizer: 'adam', steps: 100 };
  const run = engine.sweepPoint(spec, 'relu', 0.03, 2);
  assert.equal(run.optimizer, 'adam');
  assert.equal(run.initialBias, 0.1);
  const plain = engine.sweepPoint({ ...spec, optimizer: 'sgd', network: { hiddenLayers: [8, 8] } }, 'relu', 0.03, 2);
  assert.deepEqual([plain.optimizer, plain.initialBias], ['sgd', 0]);
  assert.throws(() => engine.sweepPoint({ ...spec, optimizer: 'lion' }, 'relu', 0.03, 2), /optimizer must be one of sgd, adam, rmsprop/);
});

test('a death under Adam is explained as one Adam step whose change is its whole update', async () => {
  const { registerStrings, t } = await import('../../web/src/i18n.js');
  const { default: strings } = await import('../../web/src/i18n/timeline.js');
  const { explainUnit, formatVector } = await import('../../web/src/training/unit-explain.js');
  registerStrings('timeline', strings);
  withTrainer({
    network: { hiddenLayers: [8, 8], seed: 12 }, data: { kind: 'circle', size: 500, noise: 0.1, seed: 1 },
    settings: { optimizer: 'adam', learningRate: 3, momentum: 0.9 }, statsEvery: 0, shuffleSeed: 1,
  }, (trainer) => {
    trainer.train(200);
    const death = trainer.deaths().find((d) => d.layer === 0);
    assert.ok(death, 'a first-layer unit dies under Adam at rate 3');
    assert.equal(death.optimizer, 'adam');
    assert.equal(death.momentum, 0, 'momentum is sgd\'s; adam ignores it');
    death.gradientPart.forEach((part, i) => {
      const [before, after] = i < death.weightsBefore.length ? [death.weightsBefore[i], death.weightsAfter[i]] : [death.biasBefore, death.biasAfter];
      assert.equal(part, after - before);
    });
    const life = trainer.unitLife(death.layer, death.unit);
    const { paragraphs } = explainUnit({ layer: death.layer, unit: death.unit, step: death.step, life, count: 400, positive: 0, now: 'dead', origin: 0 });
    assert.equal(paragraphs[1].key, 'splitAdaptive');
    assert.match(t(`timeline.${paragraphs[1].key}`, paragraphs[1].values), new RegExp(`^The change ${formatVector(death.gradientPart).replace(/[()[\]]/g, '\\$&')} is one Adam step`));
    assert.equal(paragraphs.at(-1).key, 'deadMomentum', 'adam\'s first moment keeps moving a unit the data no longer moves');
  });
});

test('prelu slopes travel with parameters() and a saved file, so a reloaded network predicts the same', async () => {
  const { serializeNetwork, parseNetwork } = await import('../../web/src/training/save-load.js');
  const { schema } = await import('../../web/src/panels/playground/settings.js');
  const spec = { ...base, network: { ...base.network, activation: 'prelu' }, settings: { optimizer: 'adam', learningRate: 0.03 } };
  const probe = { points: new Float64Array([0.1, 0.2, -0.7, 0.4, 0.9, -0.9]) };
  const saved = withTrainer(spec, (trainer) => {
    trainer.train(300);
    const parameters = trainer.parameters();
    assert.equal(parameters[0].slopes.length, 8);
    assert.equal(parameters.at(-1).slopes, undefined, 'the output layer has no slopes');
    return { parameters, outputs: trainer.predict(probe.points) };
  });
  const text = serializeNetwork({ settings: {}, architecture: {}, exported: { step: 300, parameters: saved.parameters, probe: { ...probe, outputs: saved.outputs } } });
  const loaded = parseNetwork(text, schema);
  withTrainer(spec, (fresh) => {
    assert.notDeepEqual([...fresh.predict(probe.points)], [...saved.outputs], 'a fresh network differs');
    fresh.setParameters(loaded.parameters);
    assert.deepEqual([...fresh.predict(probe.points)], [...saved.outputs]);
    assert.deepEqual([...fresh.units().layers[0].slopes], [...saved.parameters[0].slopes]);
  });
  withTrainer(base, (relu) => assert.throws(() => relu.setParameters(saved.parameters), /takes 0 slopes/));
});
