// Load benchmark (not a test): index.html#playground in Chromium with CDP throttling (4x CPU
// slowdown; Fast 3G: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip; cache disabled), from a
// gzip host and from a host without compression (scripts/serve.mjs), plus once unthrottled.
// Reports the median time to the first chart (a Chart.js chart in the training panel) and the
// bytes on the wire before it, with the files requested before it and after it (the Worker's too). run(browser) resolves to the results.
import { serve } from '../scripts/serve.mjs';
import { distDir } from '../scripts/build.mjs';
import { median } from './training-bench.mjs';
import { fileURLToPath } from 'node:url';

const rounds = Number(process.env.LOAD_BENCH_ROUNDS ?? 3);
const fast3g = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
export const goals = { gzipMs: 1500, plainMs: 2500, gzipBytes: 200 * 1024 };

/** Records, in the page, when the first Chart.js chart exists in the training panel. */
function watchFirstChart() {
  const check = () => {
    const canvases = document.querySelectorAll('#panel-playground canvas');
    const drawn = [...canvases].some((canvas) => globalThis.activationLab?.getChart(canvas));
    if (drawn) globalThis.firstChartMs = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** One load; throttled: CPU and network throttling on. Resolves to {firstChartMs, bytes, files}. */
export async function loadOnce(browser, url, throttled) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', fast3g);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const requests = new Map();
  const finished = [];
  let wallOffset = 0;  // CDP timestamps are monotonic seconds; wallTime - timestamp converts them
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, e.request.url);
    wallOffset = e.wallTime - e.timestamp;
  });
  cdp.on('Network.loadingFinished', (e) => finished.push({ url: requests.get(e.requestId), bytes: e.encodedDataLength, at: e.timestamp }));
  const everyRequest = [];  // also the Worker's (which the page's CDP session does not see)
  context.on('requestfinished', (request) => everyRequest.push(request));
  await context.addInitScript(watchFirstChart);
  await page.goto(`${url}index.html#playground`);
  await page.waitForFunction(() => globalThis.firstChartMs !== undefined, null, { timeout: 120000, polling: 500 });
  const firstChartMs = await page.evaluate(() => globalThis.firstChartMs);
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  const chartAt = (timeOrigin + firstChartMs) / 1000;
  await page.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 120000 });
  const before = finished.filter((f) => f.at + wallOffset <= chartAt + 0.05);
  const later = everyRequest.filter((r) => !before.some((f) => f.url === r.url()));
  const laterFiles = later.map((r) => new URL(r.url()).pathname.split('/').pop());
  await context.close();
  const files = before.map((f) => `${new URL(f.url).pathname.split('/').pop()} ${(f.bytes / 1024).toFixed(1)} KB at ${Math.round((f.at + wallOffset - timeOrigin / 1000) * 1000)} ms`);
  return { firstChartMs, bytes: before.reduce((sum, f) => sum + f.bytes, 0), files, laterFiles };
}

/** Median over rounds for one host and throttling. */
async function measure(browser, url, throttled) {
  const loads = [];
  for (let round = 0; round < rounds; round += 1) loads.push(await loadOnce(browser, url, throttled));
  return { firstChartMs: median(loads.map((l) => l.firstChartMs)), bytes: median(loads.map((l) => l.bytes)), files: loads[0].files, laterFiles: loads[0].laterFiles };
}

/** Measures the gzip and the plain host serving `dir`; prints one line and resolves to the results. */
export async function run(browser, dir = distDir) {
  const result = { benchmark: 'load', rounds, network: 'Fast 3G (1.6 Mbit/s, 150 ms RTT) + 4x CPU', goals };
  for (const compress of [true, false]) {
    const { server, url } = await serve({ dir, compress });
    try {
      result[compress ? 'gzip' : 'plain'] = await measure(browser, url, true);
      if (compress) result.unthrottled = await measure(browser, url, false);
    } finally {
      server.close();
    }
  }
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`load bench, index.html#playground, first chart (median of ${rounds}): unthrottled ${result.unthrottled.firstChartMs.toFixed(0)} ms; `
    + `Fast 3G + 4x CPU: gzip host ${result.gzip.firstChartMs.toFixed(0)} ms (goal ${goals.gzipMs}), ${kb(result.gzip.bytes)} on the wire before it `
    + `(goal ${kb(goals.gzipBytes)}), plain host ${result.plain.firstChartMs.toFixed(0)} ms (goal ${goals.plainMs}), ${kb(result.plain.bytes)}; `
    + `files before the first chart (gzip): ${result.gzip.files.join(', ')}; after it, until the page is ready (the Worker's too): ${result.gzip.laterFiles.join(', ') || 'none'}`);
  return result;
}

// `node bench/load-bench.mjs` runs this section alone on the built dist/ (npm run build first).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { launchBrowser } = await import('../tests/browser/harness.mjs');
  const browser = await launchBrowser();
  try {
    console.log(JSON.stringify(await run(browser)));
  } finally {
    await browser.close();
  }
}
