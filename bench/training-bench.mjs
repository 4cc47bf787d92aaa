// Training throughput (not a test): 2-8-8-1 on 500 circle points, squared error, plain SGD,
// lr 0.03, batch 1, 10 and 500, ReLU and tanh, in six engines run in interleaved rounds: the
// engine through its public API (WASM) and natively, the hand-written reference loop in WASM and
// natively, convnetjs and TensorFlow.js. First checks that all reach the same loss after 10
// epochs; ratios are medians of the per-round ratios. run(engine) resolves to the results.
import { nativeEngine, wasmEngine, convnetEngine, tfjsEngine, startingPoint } from './engines.mjs';
import { referenceEngine, nativeReferenceEngine } from './reference.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const seconds = Number(process.env.BENCH_SECONDS ?? 0.3);
/** Largest relative difference from the WASM engine's loss after 10 epochs. */
const tolerance = { wasm: 0, native: 1e-9, reference: 1e-9, nativeReference: 1e-9, convnetjs: 1e-9, tfjs: 1e-4 };
/** Each ratio: [numerator, denominator] engine names. */
const ratioPairs = {
  wasmOverReference: ['wasm', 'reference'],
  nativeOverNativeReference: ['native', 'nativeReference'],
  wasmOverNative: ['wasm', 'native'],
  referenceOverNativeReference: ['reference', 'nativeReference'],
  wasmOverConvnetjs: ['wasm', 'convnetjs'],
  wasmOverTfjs: ['wasm', 'tfjs'],
};

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const format = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(1)} k`);

async function measure(engine, activation, batchSize) {
  const key = `${activation}_batch${batchSize}`;
  const start = startingPoint(engine, activation, batchSize);
  const engines = [
    wasmEngine(engine, activation, batchSize),
    await referenceEngine(start, activation, batchSize),
    nativeEngine(activation, batchSize),
    nativeReferenceEngine(activation, batchSize),
    convnetEngine(start, activation, batchSize),
    await tfjsEngine(start, activation, batchSize),
  ];
  const losses = Object.fromEntries(engines.map((e) => [e.name, e.lossAfter10Epochs()]));
  for (const [name, loss] of Object.entries(losses)) {
    const difference = Math.abs(loss - losses.wasm) / losses.wasm;
    if (!(difference <= tolerance[name])) {
      throw new Error(`${key}: ${name} reached loss ${loss} after 10 epochs, WASM ${losses.wasm} (relative difference ${difference})`);
    }
  }
  const samples = Object.fromEntries(engines.map((e) => [e.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const e of engines) samples[e.name].push(e.examplesPerSecond(seconds));
  }
  const medians = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const ratios = Object.fromEntries(Object.entries(ratioPairs).map(([ratio, [a, b]]) => [
    ratio, median(samples[a].map((value, round) => value / samples[b][round]))]));
  const r = ratios;
  console.log(`${key}: loss after 10 epochs ${losses.wasm.toPrecision(8)} in every engine; examples per CPU second (median of ${rounds}): `
    + Object.entries(medians).map(([name, value]) => `${name} ${format(value)}`).join(', ')
    + `; engine/reference ${r.wasmOverReference.toFixed(2)}x (WASM), ${r.nativeOverNativeReference.toFixed(2)}x (native); `
    + `WASM/native ${r.wasmOverNative.toFixed(2)}x (engine), ${r.referenceOverNativeReference.toFixed(2)}x (reference); `
    + `engine/convnetjs ${r.wasmOverConvnetjs.toFixed(1)}x, engine/tfjs ${r.wasmOverTfjs.toFixed(0)}x`);
  return [key, { lossAfter10Epochs: losses, examplesPerSecond: medians, ratios }];
}

/** Measures every activation and batch size; resolves to {rounds, secondsPerSample, results}. */
export async function run(engine) {
  const results = [];
  for (const activation of ['relu', 'tanh']) {
    for (const batchSize of [1, 10, 500]) results.push(await measure(engine, activation, batchSize));
  }
  return { rounds, secondsPerSample: seconds, clock: 'process CPU time', results: Object.fromEntries(results) };
}
