// The remedies in the training panel: the per-layer gradient chart and its table, the "Deep
// sigmoid: vanishing gradients" and "Adam at a high learning rate" stories, the optimiser choice
// (momentum only for SGD), the initial bias, and the sweep's remedy axis (activation x optimiser x
// initial bias) with its table and findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, chartData, saveScreenshot } from './harness.mjs';
import { panel, openPlayground, runPreset, choose, waitForState } from './playground-helpers.mjs';
import { openChapterPanel } from './chapter-helpers.mjs';

let page;
let errors;
const lab = useBrowserAndServer(async ({ browser, server }) => {
  ({ page, errors } = await openPlayground(browser, server.url));
});

test('story "Deep sigmoid: vanishing gradients": the chart shows layer 1 orders of magnitude below the output', async () => {
  const shown = await runPreset(page, 'sigmoidVanishing');
  assert.equal(shown.step, 500);
  const series = await chartData(page, `${panel} .pg-gradient-chart canvas`);
  assert.deepEqual(series.map((s) => s.label), ['Layer 1', 'Layer 2', 'Layer 3', 'Layer 4', 'Layer 5', 'Layer 6', 'Output']);
  const first = series[0].y.at(-1);
  const output = series[6].y.at(-1);
  assert.ok(first > 0 && first < output / 1000, `expected layer 1 (${first}) at least 1000 times below the output (${output})`);
  assert.equal(series[0].x.at(-1), 500, 'expected the chart to reach the last recorded step');
  // The table redraws at most every 100 ms (with a last redraw for the last data): wait for the final step's.
  await page.waitForFunction((root) => /^At step 500 /.test(document.querySelector(`${root} .pg-gradient-summary`)?.textContent ?? ''), panel, { timeout: 5000 });
  const rows = await page.$$eval(`${panel} .pg-gradient-table tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 7, 'expected one table row per dense layer');
  assert.equal(rows[6][0], 'Output');
  assert.match(await page.textContent(`${panel} .pg-gradient-summary`), /^At step 500 the first layer's gradient is \d\.\de\u2212\d times the output layer's\.$/);
  assert.equal(await page.textContent(`${panel} .pg-story h4`), 'Deep sigmoid: vanishing gradients');
  await saveScreenshot(page.locator(`${panel} .pg-gradient-figure`), 'playground-gradients');
  assert.deepEqual(errors, [], 'expected no console errors');
});

test('story "Adam at a high learning rate": Adam is chosen, momentum is hidden and most units die', async () => {
  const shown = await runPreset(page, 'adamHigh');
  assert.ok(shown.dead >= 14, `expected at least 14 of 16 dead units, got ${shown.dead}`);
  assert.equal(await page.$eval(`${panel} select[name="optimizer"]`, (s) => s.value), 'adam');
  assert.equal(await page.locator(`${panel} [name="momentum"]`).count(), 0, 'expected no momentum control with Adam');
  await choose(page, 'optimizer', 'sgd');
  assert.equal(await page.locator(`${panel} input[name="momentum"]`).count() > 0, true, 'expected the momentum control back with SGD');
  assert.deepEqual(errors, [], 'expected no console errors');
});

test('the initial bias and the optimiser go into the link', async () => {
  await page.$eval(`${panel} input[name="initialBias"]`, (input) => {
    input.value = '0.1';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitForState(page, 'paused');
  await page.waitForFunction(() => /playground\.initialBias=0\.1/.test(window.location.hash), null, { timeout: 10000 });
  await choose(page, 'optimizer', 'rmsprop');
  await page.waitForFunction(() => /playground\.optimizer=rmsprop/.test(window.location.hash), null, { timeout: 10000 });
  assert.deepEqual(errors, [], 'expected no console errors');
});

test('the sweep trains every activation with every ticked optimiser and bias, and its findings quote its table', async () => {
  const opened = await openChapterPanel(lab.browser, lab.server.url, 'experiments');
  const sweep = '#panel-experiments .sweep';
  const p = opened.page;
  for (const [name, value] of [['sweepPoints', 200], ['sweepSteps', 100], ['sweepRates', 2], ['sweepSeeds', 1], ['sweepRateMin', 0.01], ['sweepRateMax', 3]]) {
    await p.fill(`${sweep} [name="${name}"]`, String(value));
  }
  await p.check(`${sweep} input[name="sweepOptimizers"][value="adam"]`);
  await p.check(`${sweep} input[name="sweepBiases"][value="0.1"]`);
  await p.click(`${sweep} .run-button`);
  await p.waitForSelector(`${sweep} .run-bar[data-phase="done"]`, { timeout: 30000 });
  assert.match(await p.textContent(`${sweep} .run-text`), /Finished: 16 runs/, 'expected 2 activations x 2 optimisers x 2 biases x 2 rates');
  const groups = await p.$$eval(`${sweep} thead th[scope="colgroup"]`, (ths) => ths.map((th) => th.textContent));
  assert.equal(groups.length, 8);
  assert.ok(groups.includes('ReLU, Adam, bias 0.1') && groups.includes('ReLU, SGD, bias 0'), `series ${groups}`);
  const findings = await p.$$eval(`${sweep} .findings li`, (items) => items.map((li) => li.textContent));
  const adam = findings.find((line) => line.startsWith('ReLU, Adam, bias 0: '));
  assert.ok(adam, `expected a finding for ReLU with Adam, got ${findings.join(' | ')}`);
  const column = groups.indexOf('ReLU, Adam, bias 0');
  const lastRow = await p.$$eval(`${sweep} tbody tr`, (trs) => [...trs.at(-1).querySelectorAll('td')].map((td) => td.querySelector('.mean')?.textContent ?? td.textContent));
  assert.ok(adam.includes(`${lastRow[3 * column]} of the units dead at rate 3`), `expected "${adam}" to quote the table's ${lastRow[3 * column]}`);
  await saveScreenshot(p.locator(sweep), 'experiments-sweep-remedies');
  assert.deepEqual(opened.errors, [], 'expected no console errors');
  await opened.context.close();
});

test('prelu tiles and the inspector show each unit\'s learnt slope, starting at 0.25', async () => {
  const opened = await openPlayground(lab.browser, `${lab.server.url}#playground&playground.optimizer=adam&playground.learningRate=0.03`);
  const p = opened.page;
  await choose(p, 'activation', 'prelu');
  // 0.25 is prelu's own default, so the link names the activation and leaves the alpha out.
  await p.waitForFunction(() => /playground\.activation=prelu/.test(window.location.hash), null, { timeout: 10000 });
  assert.doesNotMatch(await p.evaluate(() => window.location.hash), /playground\.alpha=/);
  assert.equal(await p.inputValue(`${panel} input[name="alpha"]`), '0.25', 'expected the alpha slider at prelu\'s default');
  await p.waitForSelector(`${panel} .nn-tile[data-kind="hidden"] .nn-slope`, { timeout: 10000 });
  const slopes = () => p.$$eval(`${panel} .nn-tile[data-kind="hidden"] .nn-slope`, (spans) => spans.map((s) => s.textContent));
  assert.deepEqual(await slopes(), Array(16).fill('a 0.25'), 'expected every prelu unit to start at slope 0.25');
  await p.click(`${panel} button[name="play"]`);
  await p.waitForFunction((root) => Number(document.querySelector(`${root} .pg-step-count`).textContent) >= 300, panel, { timeout: 30000 });
  await p.click(`${panel} button[name="play"]`);
  await waitForState(p, 'paused');
  const learnt = await slopes();
  assert.ok(learnt.some((text) => text !== 'a 0.25'), `expected some slopes learnt, got ${learnt}`);
  const tile = `${panel} .nn-tile[data-kind="hidden"][data-layer="1"][data-unit="1"]`;
  assert.match(await p.getAttribute(tile, 'aria-label'), /learnt slope below 0: −?\d\.\d\d$/);
  await p.click(tile);
  await p.waitForSelector(`${panel} .tl-slope:not([hidden])`, { timeout: 10000 });
  const shown = (await p.textContent(`${panel} .tl-slope`)).match(/: (−?\d\.\d\d)\.$/)[1];
  assert.equal(`a ${shown}`, learnt[0], 'expected the inspector to show the tile\'s slope');
  await saveScreenshot(p.locator(`${panel} .pg-diagram`), 'playground-prelu-slopes');
  assert.deepEqual(opened.errors, [], 'expected no console errors');
  await opened.context.close();
});
