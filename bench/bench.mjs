// npm run bench (a benchmark, not a test). Installs what is missing first (like npm start and
// npm test), then: training throughput (bench/training-bench.mjs), runs per second of the
// experiments (bench/experiments-bench.mjs), the timeline's memory and seek time
// (bench/timeline-bench.mjs), the largest network's heatmap grids, every unit at 100 x 100
// against tiles at their drawn size (bench/grid-bench.mjs), and on the built page in Chromium the load
// benchmark (bench/load-bench.mjs: first chart on a throttled network), the frame benchmark
// (bench/frame-bench.mjs), the pause benchmark (bench/pause-bench.mjs) and the experiments' worker
// pool against one worker (bench/pool-bench.mjs). Ends with one JSON
// line of every figure and the load average (the machine may be shared).
import { readFileSync } from 'node:fs';
import { ensureTools } from '../scripts/setup.mjs';

ensureTools(['native', 'wasm', 'browser']);
const { buildNative, buildWasm, bundleWeb } = await import('../scripts/build.mjs');
buildNative();
buildWasm();
const { buildReference } = await import('./reference.mjs');
buildReference();
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
const loadBefore = loadAverage();

const { loadEngine } = await import('../tests/node/load-engine.mjs');
const { run: runTrainingBench } = await import('./training-bench.mjs');
const { run: runExperimentsBench } = await import('./experiments-bench.mjs');
const { run: runTimelineBench } = await import('./timeline-bench.mjs');
const { run: runGridBench } = await import('./grid-bench.mjs');
const engine = await loadEngine();
const training = await runTrainingBench(engine);
const experiments = runExperimentsBench(engine);
const timeline = await runTimelineBench(engine);
const grid = runGridBench(engine);

await bundleWeb();
const { launchBrowser, serveDist } = await import('../tests/browser/harness.mjs');
const { run: runLoadBench } = await import('./load-bench.mjs');
const { run: runFrameBench } = await import('./frame-bench.mjs');
const { run: runPauseBench } = await import('./pause-bench.mjs');
const browser = await launchBrowser();
const server = await serveDist();
try {
  const load = await runLoadBench(browser);
  const frame = await runFrameBench(browser, server.url);
  const pause = await runPauseBench(browser, server.url);
  const pool = await (await import('./pool-bench.mjs')).run(browser, server.url);
  const loadAverages = { before: loadBefore, after: loadAverage() };
  console.log(`load average (1, 5, 15 min) before ${loadAverages.before.join(' ')}, after ${loadAverages.after.join(' ')}`);
  console.log(JSON.stringify({ training, experiments, timeline, grid, load, frame, pause, pool, loadAverage: loadAverages }));
} finally {
  await browser.close();
  await server.close();
}
