// Frame benchmark (not a test): the training panel in Chromium with the default network
// (2-8-8-1 ReLU) on 500 circle points at 20 epochs per frame, every heatmap refreshed every
// frame (one gridActivations call: the output at 100 x 100, each hidden tile on screen at its
// device-pixel size; then every view drawn). The network diagram is scrolled into view first, so
// its tiles are on screen and refreshed. Reports epochs per second and the median per-frame work:
// training, the snapshot (statistics, the grid call, parameters), drawing (the line charts redraw
// at most 10 times a second, so the mean, 90th-percentile and slowest frames are reported too),
// and whether their sum fits in a 16 ms frame, once with the Web Worker and once on the main
// thread (?worker=0). Then the largest network (6 x 32 units, 2,000 points) at 1 epoch per frame,
// ReLU and tanh, in the Worker: whether every frame's work fits in 33 ms (30 frames a second with
// every tile refreshed), and ReLU again from its first step at learning rate 0.3, where most units die
// at once and the life record's search for their steps is settled a few ms per frame. A costly output heatmap comes in row bands over several frames
// (grid-blocks.js), so how often it is refreshed and how many steps it lags are reported too.
// run(browser, url) resolves to the result object; `node bench/frame-bench.mjs` runs it alone on
// the built dist/.
import { openPage, openPanel } from '../tests/browser/harness.mjs';

const panel = '#panel-playground';
const seconds = Number(process.env.FRAME_BENCH_SECONDS ?? 4);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

/** Plays `url` for `seconds` at `speed` after warmUpEpochs and summarises every drawn frame's timing (from the panel's diagnostics attributes). */
export async function measure(browser, url, speed = 'epochs-20', warmUpEpochs = 40, measureSeconds = seconds) {
  const { page, context, errors } = await openPage(browser, url);
  await openPanel(page, 'playground');
  await page.waitForFunction((root) => /^\d+$/.test(document.querySelector(`${root} .pg-step-count`).textContent), panel);
  await page.locator(`${panel} .pg-diagram`).scrollIntoViewIfNeeded();
  await page.selectOption(`${panel} select[name="speed"]`, speed);
  await page.click(`${panel} button[name="play"]`);
  await page.waitForFunction(([root, epochs]) => Number(document.querySelector(`${root} .pg-epoch`).textContent) > epochs,
    [panel, warmUpEpochs], { timeout: 60000 });
  const frames = await page.evaluate(([root, ms]) => new Promise((resolve) => {
    const timing = document.querySelector(`${root} .pg-timing`);
    const epoch = () => Number(document.querySelector(`${root} .pg-epoch`).textContent);
    const step = () => Number(document.querySelector(`${root} .pg-step-count`).textContent.replace(/\D/g, ''));
    const heatmap = document.querySelector(`${root} canvas.pg-decision`);
    const rows = [];
    const observer = new MutationObserver(() => {
      const d = timing.dataset;
      rows.push({
        time: performance.now(), epoch: epoch(), steps: Number(d.steps), trainMs: Number(d.trainMs), lifeMs: Number(d.lifeMs ?? 0), gridMs: Number(d.gridMs), statsMs: Number(d.statsMs),
        snapshotMs: Number(d.snapshotMs), drawMs: Number(d.drawMs), step: step(), outputStep: Number(heatmap.dataset.step),
      });
    });
    observer.observe(timing, { attributes: true, attributeFilter: ['data-draw-ms'] });
    setTimeout(() => {
      observer.disconnect();
      resolve(rows);
    }, ms);
  }), [panel, measureSeconds * 1000]);
  const mode = await page.getAttribute(`${panel} .pg-mode`, 'data-mode');
  await context.close();
  if (errors.length > 0) throw new Error(`frame bench: console errors: ${errors.join('; ')}`);
  if (frames.length < 3) throw new Error(`frame bench: only ${frames.length} frames drawn in ${measureSeconds} s`);
  const first = frames[0];
  const last = frames[frames.length - 1];
  const elapsed = (last.time - first.time) / 1000;
  const totals = frames.map((f) => f.trainMs + f.lifeMs + f.snapshotMs + f.drawMs);
  return {
    mode,
    frames: frames.length,
    framesPerSecond: (frames.length - 1) / elapsed,
    epochsPerSecond: (last.epoch - first.epoch) / elapsed,
    stepsPerFrame: median(frames.map((f) => f.steps)),
    medianMs: {
      train: median(frames.map((f) => f.trainMs)),
      life: median(frames.map((f) => f.lifeMs)),
      grid: median(frames.map((f) => f.gridMs)),
      stats: median(frames.map((f) => f.statsMs)),
      snapshot: median(frames.map((f) => f.snapshotMs)),
      draw: median(frames.map((f) => f.drawMs)),
      total: median(totals),
    },
    p90TotalMs: quantile(totals, 0.9),
    maxTotalMs: Math.max(...totals),
    slowestFrame: frames[totals.indexOf(Math.max(...totals))],
    outputRefreshesPerSecond: frames.filter((f, i) => i > 0 && f.outputStep !== frames[i - 1].outputStep).length / elapsed,
    medianOutputLagSteps: median(frames.map((f) => f.step - f.outputStep)),
    meanTotalMs: totals.reduce((a, b) => a + b, 0) / totals.length,
  };
}

/** Measures with the worker and on the main thread of the page at `url`; prints one line and resolves to the results. */
export async function run(browser, url) {
  const worker = await measure(browser, url);
  const mainThread = await measure(browser, `${url}?worker=0`);
  const largestNetwork = {};
  for (const activation of ['relu', 'tanh']) {
    const fragment = `#playground&playground.hiddenLayers=${Array(6).fill(32).join(',')}&playground.points=2000&playground.activation=${activation}`;
    largestNetwork[activation] = await measure(browser, `${url}${fragment}`, 'epochs-1', 3);
  }
  // From the first step at learning rate 0.3, where most ReLU units die within the first check (7 epochs): the life search.
  const dying = `#playground&playground.hiddenLayers=${Array(6).fill(32).join(',')}&playground.points=2000&playground.activation=relu&playground.learningRate=0.3`;
  largestNetwork.reluDying = await measure(browser, `${url}${dying}`, 'epochs-1', -1, 2 * seconds);
  const result = {
    benchmark: 'frame',
    network: '2-8-8-1 relu, sigmoid cross-entropy',
    points: 500,
    epochsPerFrame: 20,
    gridResolution: { output: 100, hiddenTiles: 'their device-pixel size, none off screen' },
    secondsMeasured: seconds,
    worker,
    mainThread,
    fitsIn16ms: worker.medianMs.total <= 16 && mainThread.medianMs.total <= 16,
    largestNetwork: { network: '2-32x6-1, 2,000 points, batch 10', epochsPerFrame: 1, ...largestNetwork },
    largestFitsIn33ms: Object.values(largestNetwork).every((r) => r.medianMs.total <= 33),
  };
  const line = (r) => `${r.mode}: ${r.epochsPerSecond.toFixed(0)} epochs/s at ${r.framesPerSecond.toFixed(0)} frames/s; median frame ` +
    `${r.medianMs.total.toFixed(1)} ms (train ${r.medianMs.train.toFixed(1)}, life record ${r.medianMs.life.toFixed(1)}, stats + grid ${r.medianMs.snapshot.toFixed(1)} ` +
    `of which statistics ${r.medianMs.stats.toFixed(1)} and grid ${r.medianMs.grid.toFixed(1)}, draw ${r.medianMs.draw.toFixed(1)}; mean frame ${r.meanTotalMs.toFixed(1)} ms, `
    + `90th percentile ${r.p90TotalMs.toFixed(1)} ms, slowest ${r.maxTotalMs.toFixed(1)} ms; output heatmap ${r.outputRefreshesPerSecond.toFixed(0)} `
    + `times a second, ${r.medianOutputLagSteps} steps behind)`;
  console.log(`frame bench, 20 epochs + full heatmap refresh per frame: ${line(worker)}; ${line(mainThread)}; ` +
    `fits in 16 ms: ${result.fitsIn16ms ? 'yes' : 'no'}`);
  console.log(`frame bench, largest network (6 x 32, 2,000 points) at 1 epoch + every tile per frame: relu ${line(largestNetwork.relu)}; `
    + `tanh ${line(largestNetwork.tanh)}; relu at learning rate 0.3 from step 0 (units dying) ${line(largestNetwork.reluDying)}; `
    + `fits in 33 ms: ${result.largestFitsIn33ms ? 'yes' : 'no'}`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { launchBrowser, serveDist } = await import('../tests/browser/harness.mjs');
  const browser = await launchBrowser();
  const server = await serveDist();
  try {
    console.log(JSON.stringify(await run(browser, server.url)));
  } finally {
    await browser.close();
    await server.close();
  }
}
