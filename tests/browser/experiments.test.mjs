// The experiments panel in Chromium: the learning-rate sweep, the born-dead table and the
// activation histograms at initialisation; progress, Cancel, keyboard, language, 375 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, canvasInk, chartData, saveScreenshot } from './harness.mjs';
import { openChapterPanel, assertNoHorizontalScroll } from './chapter-helpers.mjs';

const lab = useBrowserAndServer();

const panel = '#panel-experiments';
const sweep = `${panel} .sweep`;
const born = `${panel} .born-dead`;
const init = `${panel} .init-histograms`;
const open = (options) => openChapterPanel(lab.browser, lab.server.url, 'experiments', options);

/** Types `value` into the field named `name` inside `scope`, as a user would. */
async function setField(page, scope, name, value) {
  await page.fill(`${scope} [name="${name}"]`, String(value));
}

/** Waits for the run bar of `scope` to reach `phase`. */
function waitForPhase(page, scope, phase, timeout = 30000) {
  return page.waitForSelector(`${scope} .run-bar[data-phase="${phase}"]`, { timeout });
}

/** Small sweep settings: 4 rates from 0.001 to 10, 2 seeds, 200 points, 300 steps (16 runs). */
async function smallSweep(page) {
  await setField(page, sweep, 'sweepPoints', 200);
  await setField(page, sweep, 'sweepSteps', 300);
  await setField(page, sweep, 'sweepRates', 4);
  await setField(page, sweep, 'sweepSeeds', 2);
}

const progressValue = (page, scope) => page.$eval(`${scope} progress`, (p) => p.value);
const bornRow = (page, width) => page.$$eval(`${born} tbody tr`, (rows, w) => {
  const row = rows.find((r) => r.querySelector('th').textContent === String(w));
  return [...row.querySelectorAll('td')].map((td) => Number(td.dataset.value));
}, width);

test('experiments: the sweep plots ReLU dead units rising with the learning rate and fills the table', async () => {
  const { page, context, errors } = await open();
  assert.match(await page.textContent(`${sweep} .run-text`), /Ready/, 'expected the sweep to wait for Run');
  await smallSweep(page);
  await page.click(`${sweep} .run-button`);
  await waitForPhase(page, sweep, 'done');
  assert.match(await page.textContent(`${sweep} .run-text`), /Finished: 16 runs/, 'expected 2 activations x 4 rates x 2 seeds');
  for (const chart of ['sweep-units', 'sweep-accuracy']) {
    assert.ok(await canvasInk(page, `${sweep} .${chart} canvas`) > 0.02, `expected the ${chart} chart drawn`);
  }
  const units = await chartData(page, `${sweep} .sweep-units canvas`);
  const reluDead = units.find((d) => /ReLU: dead \(mean/.test(d.label));
  assert.equal(reluDead.y.length, 4, 'expected a ReLU mean at each of the 4 rates');
  assert.ok(reluDead.y[3] > reluDead.y[0], `expected more dead ReLU units at rate 10 than at 0.001, got ${reluDead.y}`);
  assert.ok(units.some((d) => /Leaky ReLU: dormant \(mean/.test(d.label)), 'expected the leaky ReLU dormant curve');
  assert.ok(Math.abs(reluDead.x[0] - 0.001) < 1e-12 && Math.abs(reluDead.x[3] - 10) < 1e-9, 'expected the rates 0.001 ... 10');
  const rows = await page.$$eval(`${sweep} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, 4, 'expected one table row per rate');
  assert.ok(rows.every((row) => row.length === 7 && !row.includes('…')), 'expected every cell of the table filled');
  assert.match(rows[3][3], /^\d\/2$/, 'expected the diverged count out of 2 seeds');
  const findings = await page.$$eval(`${sweep} .findings li`, (items) => items.map((li) => li.textContent));
  assert.ok(findings.some((f) => /^ReLU: .*best mean test accuracy, \d+%, comes at rate/.test(f)), `expected the ReLU finding with the best rate, got ${findings}`);
  assert.ok(findings.some((f) => /^Leaky ReLU: /.test(f)), 'expected a finding for leaky ReLU');
  assert.ok(findings.some((f) => /^At rate 0\.001 .*300 steps .*slow learning, not dead units/.test(f)), `expected the summary to say rate 0.001 learns slowly in 300 steps, got ${findings}`);
  await saveScreenshot(page.locator(sweep), 'experiments-sweep');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('experiments: progress advances while the sweep runs and Cancel stops it between runs', async () => {
  const { page, context, errors } = await open();
  await setField(page, sweep, 'sweepSteps', 2000);
  await setField(page, sweep, 'sweepRates', 25);
  await setField(page, sweep, 'sweepSeeds', 20);
  await page.click(`${sweep} .run-button`);
  await page.waitForFunction((selector) => document.querySelector(selector).value >= 5, `${sweep} progress`, { timeout: 20000 });
  assert.equal(await page.$eval(`${sweep} progress`, (p) => p.max), 1000, 'expected 1000 runs planned');
  assert.equal(await page.getAttribute(`${sweep} .run-text`, 'aria-live'), 'polite', 'expected the progress text announced politely');
  assert.match(await page.textContent(`${sweep} .run-text`), /Running: \d+ of 1000 runs/, 'expected the progress in words');
  assert.equal(await page.isDisabled(`${sweep} .run-button`), true, 'expected Run disabled while running');
  await page.click(`${sweep} .cancel-button`);
  await waitForPhase(page, sweep, 'cancelled');
  const stopped = await progressValue(page, sweep);
  await page.waitForTimeout(600);
  assert.equal(await progressValue(page, sweep), stopped, 'expected the progress to stop advancing after Cancel');
  assert.ok(stopped < 1000, 'expected the run to stop before the end');
  assert.match(await page.textContent(`${sweep} .run-text`), new RegExp(`Cancelled after ${stopped} of 1000 runs`), 'expected a cancelled state');
  assert.equal(await page.isDisabled(`${sweep} .run-button`), false, 'expected Run enabled again');
  assert.equal(await page.isDisabled(`${sweep} .cancel-button`), true, 'expected Cancel disabled again');
  assert.ok(await page.$$eval(`${sweep} tbody tr`, (rows) => rows.length) >= 1, 'expected the finished runs shown');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('experiments: the born-dead table fills cell by cell and width 2 dies more often with depth', async () => {
  const { page, context, errors } = await open();
  await page.fill(`${born} [name="bornWidths"]`, '2, x');
  assert.equal(await page.getAttribute(`${born} [name="bornWidths"]`, 'aria-invalid'), 'true', 'expected "2, x" flagged invalid');
  await page.fill(`${born} [name="bornWidths"]`, '10, 2');
  await page.fill(`${born} [name="bornDepths"]`, '1, 2, 4, 6, 10');
  assert.equal(await page.$$eval(`${born} tbody td.pending`, (cells) => cells.length), 10, 'expected an empty 2 x 5 table before Run');
  await page.click(`${born} .run-button`);
  await waitForPhase(page, born, 'done');
  assert.match(await page.textContent(`${born} .run-text`), /Finished: 10 cells/, 'expected one engine call per cell');
  const narrow = await bornRow(page, 2);
  for (let i = 1; i < narrow.length; i += 1) {
    assert.ok(narrow[i] >= narrow[i - 1] - 0.05, `expected width 2 to die more often with depth, got ${narrow}`);
  }
  assert.ok(narrow[0] === 0 && narrow[4] > 0.6, `expected width 2: 0 at depth 1 and most networks dead at depth 10, got ${narrow}`);
  const wide = await bornRow(page, 10);
  assert.ok(wide.every((p) => p < 0.05), `expected width 10 almost never born dead, got ${wide}`);
  const colours = await page.$$eval(`${born} tbody td`, (cells) => new Set(cells.map((c) => c.style.backgroundColor)).size);
  assert.ok(colours >= 3, 'expected the cells coloured by their value');
  await saveScreenshot(page.locator(born), 'experiments-born-dead');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('experiments: the histograms show Xavier + ReLU piling up at 0, sigmoid near 0.5 and He wider', async () => {
  const { page, context, errors } = await open();
  const charts = `${init} .layer-chart canvas`;
  assert.equal(await page.locator(charts).count(), 6, 'expected one histogram per hidden layer (6 by default)');
  for (let i = 0; i < 6; i += 1) assert.ok(await canvasInk(page, `${charts} >> nth=${i}`) > 0.01, `expected histogram ${i + 1} drawn`);

  const layerData = async () => {
    const out = [];
    for (let i = 0; i < 6; i += 1) out.push((await chartData(page, `${charts} >> nth=${i}`))[0]);
    return out;
  };
  await page.click(`${init} [data-preset="xavier-relu"]`);
  assert.equal(await page.getAttribute(`${init} [data-preset="xavier-relu"]`, 'aria-pressed'), 'true', 'expected the preset marked');
  const xavierRelu = await layerData();
  for (const [i, layer] of xavierRelu.entries()) {
    assert.ok(layer.x[0] < 0.1, `expected layer ${i + 1}'s lowest bin at 0`);
    assert.ok(layer.y[0] > 40, `expected layer ${i + 1} to pile up at 0, got ${layer.y[0].toFixed(1)}% in the lowest bin`);
  }
  assert.match(await page.textContent(`${init} .look-for`), /tall bar at 0/, 'expected the Xavier + ReLU explanation');
  await saveScreenshot(page.locator(init), 'experiments-init');

  await page.click(`${init} [data-preset="xavier-sigmoid"]`);
  const sigmoid = await layerData();
  for (const layer of sigmoid) assert.ok(layer.x.every((x) => x > 0 && x < 1), 'expected sigmoid values inside (0, 1)');
  assert.ok(sigmoid[0].y[0] < 5, 'expected no pile in the lowest sigmoid bin');

  await page.click(`${init} [data-preset="he-relu"]`);
  const he = await layerData();
  assert.ok(Math.max(...he[5].x) > 2 * Math.max(...xavierRelu[5].x), 'expected He to keep a much wider spread than Xavier with ReLU');
  assert.equal(await page.inputValue(`${init} [name="histInit"]`), 'he', 'expected the preset to set the init select');
  await page.fill(`${init} [name="histLayers"]`, '3');
  assert.equal(await page.locator(charts).count(), 3, 'expected 3 histograms for 3 hidden layers');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('experiments: the keyboard reaches and operates every control', async () => {
  const { page, context, errors } = await open();
  const total = await page.$$eval(`${panel} :is(input, select, button, [tabindex="0"])`, (nodes) => {
    const usable = nodes.filter((node) => !node.disabled && node.checkVisibility());
    usable.forEach((node, i) => { node.dataset.probe = String(i); });
    return usable.length;
  });
  await page.focus('#tab-experiments');
  const reached = new Set();
  for (let i = 0; i < 150 && reached.size < total; i += 1) {
    await page.keyboard.press('Tab');
    const probe = await page.evaluate(() => document.activeElement?.dataset.probe ?? null);
    if (probe !== null) reached.add(probe);
  }
  assert.equal(reached.size, total, `expected Tab to reach all ${total} controls, reached ${reached.size}`);

  await page.focus(`${init} [name="histActivation"]`);
  const before_ = await chartData(page, `${init} .layer-chart canvas >> nth=0`);
  await page.keyboard.press('ArrowUp');
  assert.notDeepEqual(await chartData(page, `${init} .layer-chart canvas >> nth=0`), before_, 'expected a new activation to redraw');
  await page.focus(`${init} [data-preset="he-relu"]`);
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute(`${init} [data-preset="he-relu"]`, 'aria-pressed'), 'true', 'expected Space to choose a preset');

  await page.focus(`${born} [name="bornDepths"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1, 2');
  await page.focus(`${born} [name="bornWidths"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.focus(`${born} [name="bornTrials"]`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue(`${born} [name="bornTrials"]`), '199', 'expected ArrowDown to lower the trials');
  await page.focus(`${born} .run-button`);
  await page.keyboard.press('Enter');
  await waitForPhase(page, born, 'done');
  assert.equal(await page.$$eval(`${born} tbody td[data-value]`, (cells) => cells.length), 2, 'expected Enter on Run to fill the 1 x 2 table');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('run-button')), true, 'expected focus back on Run after the run');

  await smallSweep(page);
  await page.focus(`${sweep} .run-button`);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cancel-button')), true, 'expected focus to move to Cancel');
  await waitForPhase(page, sweep, 'done');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('experiments: a language change relabels the results without running again; 375 px has no horizontal scroll', async () => {
  const { page, context, errors } = await open({ viewport: { width: 375, height: 800 } });
  await page.fill(`${born} [name="bornWidths"]`, '1, 2, 3');
  await page.fill(`${born} [name="bornDepths"]`, '1, 2, 3, 4, 6, 8, 10, 15, 20');
  await page.click(`${born} .run-button`);
  await waitForPhase(page, born, 'done');
  await smallSweep(page);
  await page.click(`${sweep} .run-button`);
  await waitForPhase(page, sweep, 'done');
  const cells = await bornRow(page, 2);
  const seconds = (await page.textContent(`${born} .run-text`)).match(/in ([\d.]+) s/)[1];
  const sweepRows = await page.$$eval(`${sweep} tbody td`, (tds) => tds.map((td) => td.textContent));
  await assertNoHorizontalScroll(page, 'the experiments panel with results');
  await saveScreenshot(page.locator(panel), 'experiments-375');

  await page.click('button[data-language="zh"]');
  assert.equal(await page.textContent('#tab-experiments'), '实验', 'expected the Chinese tab label');
  assert.deepEqual(await bornRow(page, 2), cells, 'expected the same born-dead results after the language change');
  assert.equal(await page.getAttribute(`${born} .run-bar`, 'data-phase'), 'done', 'expected no new run');
  assert.ok((await page.textContent(`${born} .run-text`)).includes(`用时 ${seconds} 秒`), 'expected the same finished run, relabelled');
  assert.deepEqual(await page.$$eval(`${sweep} tbody td`, (tds) => tds.map((td) => td.textContent)), sweepRows, 'expected the same sweep table');
  const units = await chartData(page, `${sweep} .sweep-units canvas`);
  assert.ok(units.some((d) => d.label.includes('死亡')), 'expected the chart legend in Chinese');
  await assertNoHorizontalScroll(page, 'the experiments panel in Chinese');
  await page.setViewportSize({ width: 1920, height: 1000 });
  await assertNoHorizontalScroll(page, 'the experiments panel at 1920 px');
  await saveScreenshot(page.locator(panel), 'experiments-zh-1920');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
