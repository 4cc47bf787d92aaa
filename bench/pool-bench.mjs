// Pool benchmark (not a test): the Experiments panel's learning-rate sweep on the built page in
// Chromium, 2 activations x 25 rates x 10 seeds = 500 runs of the default network, once in a
// single Web Worker (experiments.poolWorkers=1) and once in the pool (one worker per core, at most
// the schema's cap), interleaved over `rounds`. Checks first that both give the same table, then
// reports the pool size, runs per second of each and the speed-up (median over rounds).
import { openPage, openPanel } from '../tests/browser/harness.mjs';
import { median } from './training-bench.mjs';

const rounds = Number(process.env.BENCH_POOL_ROUNDS ?? 3);
const sweep = '#panel-experiments .sweep';
const runs = { rates: 25, seeds: 10, series: 2 };
const sweepHash = `#experiments&experiments.sweepRates=${runs.rates}&experiments.sweepSeeds=${runs.seeds}`;

/** Runs the sweep once on a fresh page; resolves to {ms, members, mode, rows}. */
async function timedSweep(browser, url) {
  const { page, context } = await openPage(browser, url);
  try {
    await openPanel(page, 'experiments');
    const ms = await page.evaluate((scope) => new Promise((resolve) => {
      const bar = document.querySelector(`${scope} .run-bar`);
      const start = performance.now();
      new MutationObserver(() => {
        if (bar.dataset.phase === 'done') resolve(performance.now() - start);
      }).observe(bar, { attributes: true });
      bar.querySelector('.run-button').click();
    }), sweep);
    const bar = await page.$(`${sweep} .run-bar`);
    const rows = await page.$$eval(`${sweep} tbody tr`, (trs) => trs.map((tr) => tr.textContent));
    return { ms, members: Number(await bar.getAttribute('data-members')), mode: await bar.getAttribute('data-mode'), rows };
  } finally {
    await context.close();
  }
}

/** Measures the pool against one worker on the page at `baseUrl`; prints one line and resolves to the results. */
export async function run(browser, baseUrl) {
  const total = runs.rates * runs.seeds * runs.series;
  const single = [];
  const pooled = [];
  for (let round = 0; round < rounds; round += 1) {
    single.push(await timedSweep(browser, `${baseUrl}${sweepHash}&experiments.poolWorkers=1`));
    pooled.push(await timedSweep(browser, `${baseUrl}${sweepHash}`));
  }
  for (const result of [...single, ...pooled]) {
    if (result.mode !== 'worker' || result.rows.length !== runs.rates) throw new Error(`pool bench: expected ${runs.rates} rows from workers, got ${result.rows.length} (${result.mode})`);
    if (JSON.stringify(result.rows) !== JSON.stringify(single[0].rows)) throw new Error('pool bench: the pool\'s table differs from one worker\'s');
  }
  const perSecond = (results) => median(results.map((r) => (total * 1000) / r.ms));
  const result = {
    benchmark: 'pool', runs: total, poolSize: pooled[0].members, singleWorkers: single[0].members,
    runsPerSecond: { oneWorker: perSecond(single), pool: perSecond(pooled) },
    speedUp: median(single.map((s, i) => s.ms / pooled[i].ms)),
  };
  console.log(`pool bench (${total}-run sweep on the built page, median of ${rounds}): one worker ${result.runsPerSecond.oneWorker.toFixed(1)} runs/s, `
    + `pool of ${result.poolSize} ${result.runsPerSecond.pool.toFixed(1)} runs/s, speed-up ${result.speedUp.toFixed(2)}x (same table)`);
  return result;
}
