// npm run bench (a benchmark, not a test): training examples per second for 2-8-8-1 on 500
// circle points, squared error, plain SGD, lr 0.03, batch 10 and 500, ReLU and tanh, in four
// engines run in interleaved rounds; first checks that all reach the same loss after 10 epochs.
// Then, on the built page in Chromium, the frame benchmark (bench/frame-bench.mjs: 20 epochs plus
// a full heatmap refresh per frame) and the pause benchmark (bench/pause-bench.mjs: pause
// latency and frame gaps on the largest network). Ends with one JSON line of every figure.
import { buildNative, buildWasm, bundleWeb } from '../scripts/build.mjs';
import { ensureTools } from '../scripts/setup.mjs';
import { loadEngine } from '../tests/node/load-engine.mjs';
import { launchBrowser, serveDist } from '../tests/browser/harness.mjs';
import { run as runFrameBench } from './frame-bench.mjs';
import { run as runPauseBench } from './pause-bench.mjs';
import { nativeEngine, wasmEngine, convnetEngine, tfjsEngine, startingPoint } from './engines.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const seconds = Number(process.env.BENCH_SECONDS ?? 0.3);

ensureTools(['native', 'wasm', 'browser']);
buildNative();
buildWasm();
const engine = await loadEngine();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const format = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(1)} k`);

const results = {};
for (const activation of ['relu', 'tanh']) {
  for (const batchSize of [10, 500]) {
    const key = `${activation}_batch${batchSize}`;
    const start = startingPoint(engine, activation, batchSize);
    const engines = [
      nativeEngine(activation, batchSize),
      wasmEngine(engine, activation, batchSize),
      convnetEngine(start, activation, batchSize),
      await tfjsEngine(start, activation, batchSize),
    ];
    const losses = Object.fromEntries(engines.map((e) => [e.name, e.lossAfter10Epochs()]));
    const reference = losses.wasm;
    const tolerance = { native: 1e-9, wasm: 0, convnetjs: 1e-9, tfjs: 1e-4 };
    for (const [name, loss] of Object.entries(losses)) {
      const difference = Math.abs(loss - reference) / reference;
      if (!(difference <= tolerance[name])) {
        throw new Error(`${key}: ${name} reached loss ${loss} after 10 epochs, WASM ${reference} (relative difference ${difference})`);
      }
    }
    const samples = Object.fromEntries(engines.map((e) => [e.name, []]));
    for (let round = 0; round < rounds; round += 1) {
      for (const e of engines) samples[e.name].push(e.examplesPerSecond(seconds));
    }
    const medians = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
    results[key] = {
      lossAfter10Epochs: losses,
      examplesPerSecond: medians,
      ratios: {
        wasmOverNative: medians.wasm / medians.native,
        wasmOverConvnetjs: medians.wasm / medians.convnetjs,
        wasmOverTfjs: medians.wasm / medians.tfjs,
      },
    };
    const r = results[key].ratios;
    console.log(`${key}: loss after 10 epochs ${reference.toPrecision(8)} in every engine; examples/s (median of ${rounds}): ` +
      `native ${format(medians.native)}, wasm ${format(medians.wasm)}, convnetjs ${format(medians.convnetjs)}, tfjs ${format(medians.tfjs)}; ` +
      `wasm/native ${r.wasmOverNative.toFixed(2)}x, wasm/convnetjs ${r.wasmOverConvnetjs.toFixed(1)}x, wasm/tfjs ${r.wasmOverTfjs.toFixed(0)}x`);
  }
}
await bundleWeb();
const browser = await launchBrowser();
const server = await serveDist();
try {
  const frame = await runFrameBench(browser, server.url);
  const pause = await runPauseBench(browser, server.url);
  console.log(JSON.stringify({ training: { rounds, secondsPerSample: seconds, results }, frame, pause }));
} finally {
  await browser.close();
  await server.close();
}
