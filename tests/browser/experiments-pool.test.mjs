// The experiments' pool of Web Workers on the built page: one worker per core up to the schema's
// cap, the same sweep table as a single worker and the main-thread fallback, the progress and the
// pool size announced, the page answering while it runs, and Cancel terminating every worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer } from './harness.mjs';
import { openChapterPanel } from './chapter-helpers.mjs';

const lab = useBrowserAndServer();

const sweep = '#panel-experiments .sweep';
const small = '#experiments&experiments.sweepPoints=100&experiments.sweepSteps=100&experiments.sweepRates=4&experiments.sweepSeeds=3';

/** Runs the small sweep at `query` + `hash`; resolves to its table rows, mode and member count. */
async function runSmall(query, hash = '') {
  const { page, context, errors } = await openChapterPanel(lab.browser, `${lab.server.url}${query}${small}${hash}`, 'experiments');
  await page.click(`${sweep} .run-button`);
  await page.waitForSelector(`${sweep} .run-bar[data-phase="done"]`, { timeout: 60000 });
  const bar = await page.$(`${sweep} .run-bar`);
  const found = {
    rows: await page.$$eval(`${sweep} tbody tr`, (rows) => rows.map((row) => row.textContent)),
    mode: await bar.getAttribute('data-mode'),
    members: Number(await bar.getAttribute('data-members')),
    cores: await page.evaluate(() => navigator.hardwareConcurrency),
    text: await page.textContent(`${sweep} .run-text`),
  };
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
  return found;
}

test('pool: one worker per core (at most 4) gives the table of one worker and of the main thread', async () => {
  const pooled = await runSmall('');
  const single = await runSmall('', '&experiments.poolWorkers=1');
  const onPage = await runSmall('?worker=0');
  assert.equal(pooled.mode, 'worker', 'expected the sweep in Web Workers');
  assert.equal(pooled.members, Math.min(4, pooled.cores), `expected one worker per core of ${pooled.cores}, at most 4`);
  assert.deepEqual([single.mode, single.members], ['worker', 1], 'expected poolWorkers=1 to use one worker');
  assert.deepEqual([onPage.mode, onPage.members], ['main', 1], 'expected the main-thread fallback with ?worker=0');
  assert.equal(pooled.rows.length, 4, 'expected a row per rate');
  assert.deepEqual(pooled.rows, single.rows, 'expected the pool\'s table to equal one worker\'s');
  assert.deepEqual(pooled.rows, onPage.rows, 'expected the pool\'s table to equal the main thread\'s');
  const where = pooled.members === 1 ? /In one Web Worker\./ : new RegExp(`In ${pooled.members} Web Workers at once\\.`);
  assert.match(pooled.text, where, 'expected the finished line to say where the runs ran');
  assert.match(onPage.text, /On the page's own thread\./, 'expected the fallback announced');
});

test('pool: progress is announced while the page answers, and Cancel terminates every worker', async () => {
  const { page, context, errors } = await openChapterPanel(lab.browser, `${lab.server.url}#experiments&experiments.sweepSeeds=20&experiments.sweepRates=25`, 'experiments');
  const workers = () => page.workers().length;
  const before = workers();
  await page.evaluate(() => {
    globalThis.longestGapMs = 0;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      globalThis.longestGapMs = Math.max(globalThis.longestGapMs, now - last);
      last = now;
      globalThis.gapTimer = setTimeout(tick, 20);
    };
    tick();
  });
  await page.click(`${sweep} .run-button`);
  await page.waitForFunction((selector) => document.querySelector(selector).value >= 20, `${sweep} progress`, { timeout: 30000 });
  const members = Number(await page.getAttribute(`${sweep} .run-bar`, 'data-members'));
  assert.equal(workers() - before, members, `expected ${members} pool workers running`);
  assert.equal(await page.getAttribute(`${sweep} .run-text`, 'aria-live'), 'polite', 'expected the progress announced politely');
  assert.match(await page.textContent(`${sweep} .run-text`), /Running: \d+ of 1000 runs .*In (one|\d) Web Workers?/, 'expected the progress and the pool in words');
  const longestGapMs = await page.evaluate(() => {
    clearTimeout(globalThis.gapTimer);
    return globalThis.longestGapMs;
  });
  assert.ok(longestGapMs < 1500, `expected the page to answer a 20 ms timer within 1.5 s while the pool runs (a hang guard on a shared machine), longest gap ${longestGapMs} ms`);
  await page.click(`${sweep} .cancel-button`);
  await page.waitForSelector(`${sweep} .run-bar[data-phase="cancelled"]`);
  const stopped = await page.$eval(`${sweep} progress`, (p) => p.value);
  for (let wait = 0; wait < 40 && workers() > before; wait += 1) await page.waitForTimeout(50);
  assert.equal(workers(), before, 'expected every pool worker terminated by Cancel');
  await page.waitForTimeout(400);
  assert.equal(await page.$eval(`${sweep} progress`, (p) => p.value), stopped, 'expected no progress after Cancel');
  assert.match(await page.textContent(`${sweep} .run-text`), new RegExp(`Cancelled after ${stopped} of 1000 runs`), 'expected the cancelled state in words');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
