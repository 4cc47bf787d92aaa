// Timeline benchmark (not a test): the record's memory and the time to scrub, in the WASM build
// under Node. The default network (2-8-8-1) and the largest (6 x 32) train 100,000 steps on the
// page's default data; then 200 seeks to random steps are timed, alone and with the reads a
// scrubbed view makes (units and a 50 x 50 heatmap of every unit). The native alab_timeline_bench
// (when built) adds training speed with and without the record. Goals (issue 11): record
// under 64 MB for 6 x 32 over 100,000 steps; a seek under 50 ms (default) and 200 ms (6 x 32),
// judged on the processor time of each seek (wall-clock times are reported too; on a loaded
// machine they include other processes' turns).
// run(engine) resolves to the result object; `node bench/timeline-bench.mjs` prints it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nativeDir } from '../scripts/build.mjs';
import { loadEngine } from '../tests/node/load-engine.mjs';

export const goals = { recordBytes: 64 * 2 ** 20, seekMsDefault: 50, seekMsLargest: 200 };
const steps = 100000;
const seeks = 200;

const networks = {
  default: [8, 8],
  largest: [32, 32, 32, 32, 32, 32],
};

function spec(hiddenLayers) {
  return {
    network: { hiddenLayers, activation: 'relu', head: 'sigmoid_cross_entropy', init: 'he', seed: 12 },
    data: { kind: 'circle', size: 500, noise: 0.1, seed: 1, trainFraction: 0.8 },
    settings: { learningRate: 0.03, batchSize: 10 },
    shuffleSeed: 1,
    statsEvery: 0,
  };
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

// A seeded stream of steps in [0, steps] (mulberry32), so every run scrubs to the same places.
function randomSteps(count, seed) {
  let a = seed;
  return Array.from({ length: count }, () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (steps + 1));
  });
}

function measure(engine, hiddenLayers) {
  const heapBefore = engine.heapBytesInUse();
  const trainer = engine.createTrainer(spec(hiddenLayers));
  try {
    const started = performance.now();
    for (let done = 0; done < steps; done += 1000) {
      trainer.train(1000);
      trainer.recordStats();
    }
    const trainSeconds = (performance.now() - started) / 1000;
    const info = trainer.timeline();
    const heapGrowth = engine.heapBytesInUse() - heapBefore;
    const seekMs = [];
    const seekCpuMs = [];
    const viewMs = [];
    for (const step of randomSteps(seeks, 7)) {
      const t0 = performance.now();
      const cpu = process.cpuUsage();
      trainer.seek(step);
      const cpuSpent = process.cpuUsage(cpu);
      const t1 = performance.now();
      trainer.units();
      trainer.gridActivations({ xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2, resolution: 50 });
      viewMs.push(performance.now() - t0);
      seekMs.push(t1 - t0);
      seekCpuMs.push((cpuSpent.user + cpuSpent.system) / 1000);
    }
    const mb = (bytes) => Number((bytes / 2 ** 20).toFixed(2));
    return {
      network: `2-${hiddenLayers.join('-')}-1`,
      steps,
      trainStepsPerSecond: Math.round(steps / trainSeconds),
      keyframeEvery: info.keyframeEvery,
      keyframes: info.keyframes,
      recordMB: mb(info.bytes),
      heapGrowthMB: mb(heapGrowth),
      deaths: trainer.deaths().length,
      seekMsMedian: Number(quantile(seekMs, 0.5).toFixed(2)),
      seekMsMax: Number(Math.max(...seekMs).toFixed(2)),
      seekCpuMsMedian: Number(quantile(seekCpuMs, 0.5).toFixed(2)),
      seekCpuMsMax: Number(Math.max(...seekCpuMs).toFixed(2)),
      seekAndViewMsMedian: Number(quantile(viewMs, 0.5).toFixed(2)),
      seekAndViewMsMax: Number(Math.max(...viewMs).toFixed(2)),
    };
  } finally {
    trainer.delete();
  }
}

// Native steps per second with and without the record, or null when alab_timeline_bench is not built.
function recordCost() {
  const binary = path.join(nativeDir, 'alab_timeline_bench');
  return existsSync(binary) ? JSON.parse(execFileSync(binary, { encoding: 'utf8' })) : null;
}

/** Both networks' figures, the record's cost on training, and whether each goal is met. */
export async function run(engine) {
  const defaultNet = measure(engine, networks.default);
  const largest = measure(engine, networks.largest);
  return {
    default: defaultNet,
    largest,
    recordCost: recordCost(),
    goalsMet: {
      recordBytes: largest.recordMB * 2 ** 20 < goals.recordBytes,
      seekMsDefault: defaultNet.seekCpuMsMax < goals.seekMsDefault,
      seekMsLargest: largest.seekCpuMsMax < goals.seekMsLargest,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run(await loadEngine());
  for (const figures of [result.default, result.largest, result.recordCost]) console.log(figures);
  console.log(JSON.stringify({ timeline: result }));
}
