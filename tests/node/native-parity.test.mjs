// Same seed and config give the same run natively (build/native/alab_trace) and in WASM:
// bit for bit where no libm call is involved (relu family, linear, step, and tanh through
// portableTanh, with a linear head), within a stated tolerance where exp is (glibc and
// Emscripten differ in the last bit).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './load-engine.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const traceBinary = path.join(root, 'build', 'native', 'alab_trace');
const engine = await loadEngine();
const steps = 300;

/** The run alab_trace makes, through the JS API. */
function parityRun(activation, head, optimizer = 'sgd') {
  const trainer = engine.createTrainer({
    network: { hiddenLayers: [8, 8], activation, head, seed: 7, init: 'he' },
    data: { kind: 'circle', size: 200, noise: 0.1, seed: 3, trainFraction: 0.8, splitSeed: 1 },
    settings: { learningRate: 0.05, batchSize: 10, momentum: 0.5, l2: 0.001, optimizer },
    statsEvery: 0,
    shuffleSeed: 1,
  });
  try {
    trainer.train(steps);
    return trainer.parameters().flatMap((layer) => [...layer.weights, ...layer.biases]);
  } finally {
    trainer.delete();
  }
}

function nativeRun(activation, head, optimizer = 'sgd') {
  const out = JSON.parse(execFileSync(traceBinary, [activation, head, String(steps), optimizer], { encoding: 'utf8' }));
  assert.equal(out.step, steps);
  return out.layers.flatMap((layer) => [...layer.weights, ...layer.biases]);
}

const skip = existsSync(traceBinary) ? false : 'build/native/alab_trace is missing: npm test builds it first';

for (const activation of ['relu', 'leaky_relu', 'linear', 'step', 'tanh']) {
  test(`${activation} + linear head: WASM run is bit-identical to the native run`, { skip }, () => {
    const wasm = parityRun(activation, 'linear_mse');
    const native = nativeRun(activation, 'linear_mse');
    assert.equal(wasm.length, native.length);
    wasm.forEach((w, i) => assert.ok(Object.is(w, native[i]), `parameter ${i}: WASM ${w}, native ${native[i]}`));
  });
}

for (const [activation, optimizer] of [['relu', 'adam'], ['prelu', 'adam'], ['leaky_relu', 'rmsprop']]) {
  test(`${activation} + ${optimizer} + linear head: WASM run is bit-identical to the native run`, { skip }, () => {
    const wasm = parityRun(activation, 'linear_mse', optimizer);
    const native = nativeRun(activation, 'linear_mse', optimizer);
    assert.equal(wasm.length, native.length);
    const sgd = parityRun(activation, 'linear_mse');
    assert.ok(wasm.some((w, i) => w !== sgd[i]), `the ${optimizer} run differs from the sgd run`);
    wasm.forEach((w, i) => assert.ok(Object.is(w, native[i]), `parameter ${i}: WASM ${w}, native ${native[i]}`));
  });
}

for (const [activation, head] of [['tanh', 'tanh_mse'], ['sigmoid', 'sigmoid_cross_entropy'], ['relu', 'sigmoid_cross_entropy'], ['gelu', 'softmax_cross_entropy']]) {
  test(`${activation} + ${head}: WASM and native runs agree to 1e-9 relative`, { skip }, () => {
    const wasm = parityRun(activation, head);
    const native = nativeRun(activation, head);
    assert.equal(wasm.length, native.length);
    let worst = 0;
    wasm.forEach((w, i) => {
      worst = Math.max(worst, Math.abs(w - native[i]) / Math.max(1, Math.abs(native[i])));
    });
    assert.ok(worst <= 1e-9, `largest relative difference ${worst} exceeds 1e-9`);
  });
}
