// The experiments' engine calls run in a Web Worker, and on the main thread where none may start
// (?worker=0, and file:// pages): same results to the last digit either way, and Cancel works
// in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowserAndServer, distDir } from './harness.mjs';
import { openChapterPanel } from './chapter-helpers.mjs';

const lab = useBrowserAndServer();

const panel = '#panel-experiments';
const sweep = `${panel} .sweep`;
const born = `${panel} .born-dead`;
const small = '#experiments&experiments.sweepPoints=100&experiments.sweepSteps=100&experiments.sweepRates=3&experiments.sweepSeeds=2'
  + '&experiments.bornWidths=2,6&experiments.bornDepths=1,4,10&experiments.bornTrials=100';

/** Runs both experiments on the page at `base` and resolves to where they ran and what they found. */
async function runBoth(query, base = lab.server.url) {
  const { page, context, errors } = await openChapterPanel(lab.browser, `${base}${query}${small}`, 'experiments');
  const found = {};
  for (const [name, scope] of [['sweep', sweep], ['born', born]]) {
    await page.click(`${scope} .run-button`);
    await page.waitForSelector(`${scope} .run-bar[data-phase="done"]`, { timeout: 60000 });
    found[`${name}Mode`] = await page.getAttribute(`${scope} .run-bar`, 'data-mode');
  }
  found.sweepRows = await page.$$eval(`${sweep} tbody tr`, (rows) => rows.map((row) => row.textContent));
  found.bornCells = await page.$$eval(`${born} tbody td`, (cells) => cells.map((cell) => cell.dataset.value));
  found.chart = await page.evaluate((selector) => globalThis.activationLab.getChart(document.querySelector(selector)).data.datasets
    .map((d) => d.data.map((p) => p.y)), `${sweep} .sweep-units canvas`);
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
  return found;
}

test('experiments: the sweep and born-dead run in a worker and give the main thread\'s results exactly', async () => {
  const inWorker = await runBoth('');
  const onPage = await runBoth('?worker=0');
  assert.deepEqual([inWorker.sweepMode, inWorker.bornMode], ['worker', 'worker'], 'expected both experiments in a Web Worker');
  assert.deepEqual([onPage.sweepMode, onPage.bornMode], ['main', 'main'], 'expected the main-thread fallback with ?worker=0');
  assert.equal(inWorker.sweepRows.length, 3, 'expected a row per rate');
  assert.equal(inWorker.bornCells.length, 6, 'expected 2 x 3 born-dead cells');
  assert.ok(inWorker.bornCells.every((value) => Number.isFinite(Number(value))), 'expected every cell computed');
  assert.deepEqual(inWorker.sweepRows, onPage.sweepRows, 'expected the same sweep table');
  assert.deepEqual(inWorker.bornCells, onPage.bornCells, 'expected the same born-dead probabilities');
  assert.deepEqual(inWorker.chart, onPage.chart, 'expected the same plotted values');
  const offline = await runBoth('', pathToFileURL(path.join(distDir, 'index.html')).href);
  assert.deepEqual([offline.sweepMode, offline.bornMode], ['main', 'main'], 'expected a file:// page to fall back to the main thread');
  assert.deepEqual(offline.bornCells, inWorker.bornCells, 'expected the same results from file://');
});

test('experiments: Cancel stops a main-thread sweep between calls too', async () => {
  const { page, context, errors } = await openChapterPanel(lab.browser, `${lab.server.url}?worker=0#experiments&experiments.sweepSeeds=20&experiments.sweepRates=25`, 'experiments');
  await page.click(`${sweep} .run-button`);
  await page.waitForFunction((selector) => document.querySelector(selector).value >= 3, `${sweep} progress`, { timeout: 20000 });
  await page.click(`${sweep} .cancel-button`);
  await page.waitForSelector(`${sweep} .run-bar[data-phase="cancelled"]`);
  const stopped = await page.$eval(`${sweep} progress`, (p) => p.value);
  await page.waitForTimeout(500);
  assert.equal(await page.$eval(`${sweep} progress`, (p) => p.value), stopped, 'expected no progress after Cancel');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
