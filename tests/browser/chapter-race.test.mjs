// The gradient-descent race panel in Chromium: the chapter's numbers, playback, the table and
// keyboard use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, chartData, saveScreenshot } from './harness.mjs';
import { openChapterPanel, assertChartsDrawn, assertKeyboardReachesEveryControl, assertNoHorizontalScroll } from './chapter-helpers.mjs';

const lab = useBrowserAndServer();

const open = (options) => openChapterPanel(lab.browser, lab.server.url, 'race', options);
const stepsOf = (page, name) => page.textContent(`#panel-race [data-racer="${name}"] .race-steps`);
const progressOf = (page, name) => page.textContent(`#panel-race [data-racer="${name}"] .race-progress`);
const tableRows = (page) => page.$$eval('#panel-race .race-table tbody tr', (rows) => rows.map((row) => [...row.cells].map((c) => c.textContent)));

test('race defaults reproduce the chapter: sigmoid 67 steps (first step 0.898368), relu 2 steps', async () => {
  const { page, context, errors } = await open();
  assert.equal(await stepsOf(page, 'sigmoid'), '67', 'expected sigmoid to need 67 steps');
  assert.equal(await stepsOf(page, 'relu'), '2', 'expected relu to need 2 steps');
  assert.match(await page.textContent('#panel-race [data-racer="sigmoid"] .race-status'), /67/, 'expected the stop reason with the step count');
  const rows = await tableRows(page);
  assert.equal(rows.length, 68, 'expected the sigmoid table to list steps 0 to 67');
  assert.deepEqual(rows[1].slice(0, 3), ['1', '2.179225', '0.898368'], 'expected step 1 at f = 0.898368');
  assert.equal(rows[67][2], '0.499091', 'expected f = 0.499091 after step 67');
  await assertChartsDrawn(page, 'race');
  await saveScreenshot(page.locator('#panel-race'), 'race');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('race: the table switches to relu and shows 0.9 -> 0.7 -> 0.5', async () => {
  const { page, context } = await open();
  await page.selectOption('#panel-race .race-picker select', 'relu');
  const rows = await tableRows(page);
  assert.deepEqual(rows.map((r) => r[2]), ['0.900000', '0.700000', '0.500000'], 'expected the relu outputs');
  await context.close();
});

test('race: reset, step and play move the shown step; pause stops it', async () => {
  const { page, context, errors } = await open();
  const curve = '#panel-race .race-curve canvas';
  await page.click('#panel-race button:has-text("Reset")');
  assert.equal(await progressOf(page, 'sigmoid'), 'step 0 of 67', 'expected reset to go back to step 0');
  assert.equal((await tableRows(page)).length, 1, 'expected one table row at step 0');
  const atStart = await chartData(page, curve);
  await page.click('#panel-race button:has-text("Step")');
  assert.equal(await progressOf(page, 'sigmoid'), 'step 1 of 67', 'expected one step');
  assert.equal(await progressOf(page, 'relu'), 'step 1 of 2', 'expected relu to step too');
  assert.notDeepEqual(await chartData(page, curve), atStart, 'expected the trajectory drawn one step further');
  await page.click('#panel-race button:has-text("Play")');
  await page.waitForFunction(() => /step ([3-9]|\d\d) of 67/.test(document.querySelector('#panel-race [data-racer="sigmoid"] .race-progress').textContent));
  await page.click('#panel-race button:has-text("Pause")');
  const paused = await progressOf(page, 'sigmoid');
  await page.waitForTimeout(300);
  assert.equal(await progressOf(page, 'sigmoid'), paused, 'expected pause to hold the step');
  assert.equal(await page.getAttribute('#panel-race button.primary', 'aria-pressed'), 'false', 'expected the play button released');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('race: with reduced motion, play jumps straight to the end', async () => {
  const { page, context } = await open({ reducedMotion: 'reduce' });
  await page.click('#panel-race button:has-text("Reset")');
  await page.click('#panel-race button:has-text("Play")');
  assert.equal(await progressOf(page, 'sigmoid'), 'step 67 of 67', 'expected the whole race at once');
  await context.close();
});

test('race: changing the learning rate and the depth changes the race and the chart data', async () => {
  const { page, context } = await open();
  const output = '#panel-race .race-output canvas';
  const before = await chartData(page, output);
  await page.focus('#panel-race input[name="learningRate"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.textContent('#panel-race input[name="learningRate"] + output'), '0.21', 'expected the rate shown as 0.21');
  assert.ok(Number(await stepsOf(page, 'sigmoid')) < 67, 'expected a larger rate to need fewer sigmoid steps');
  assert.notDeepEqual(await chartData(page, output), before, 'expected the chart data to change');
  await page.keyboard.press('ArrowLeft');
  await page.focus('#panel-race input[name="depth"]');
  await page.keyboard.press('ArrowRight');
  assert.ok(Number(await stepsOf(page, 'sigmoid')) > 67, 'expected two stacked sigmoids to need more steps');
  assert.equal(await stepsOf(page, 'relu'), '2', 'expected stacked relus to still need 2 steps');
  await page.keyboard.press('ArrowRight');
  const long = Number(await stepsOf(page, 'sigmoid'));
  const rows = await tableRows(page);
  assert.ok(long > 1000, `expected depth 3 to need over 1000 sigmoid steps, got ${long}`);
  assert.equal(rows.length, 101, 'expected a long table capped to 50 + 50 rows and a gap row');
  assert.match(rows[50][0], /not shown/, 'expected the gap row to say how many steps are hidden');
  await context.close();
});

test('race: the racer check boxes add and remove racers, keeping at least one', async () => {
  const { page, context } = await open();
  const tanh = page.locator('#panel-race .control-checks input[value="tanh"]');
  await tanh.focus();
  await page.keyboard.press('Space');
  assert.ok(Number(await stepsOf(page, 'tanh')) > 2, 'expected a tanh racer');
  assert.equal(await page.locator('#panel-race .race-card').count(), 3, 'expected three racers');
  for (const name of ['tanh', 'relu']) await page.locator(`#panel-race .control-checks input[value="${name}"]`).uncheck();
  await page.locator('#panel-race .control-checks input[value="sigmoid"]').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#panel-race .control-checks input[value="sigmoid"]').isChecked(), true, 'expected the last racer to stay');
  assert.equal(await page.locator('#panel-race .race-card').count(), 1, 'expected one racer');
  await context.close();
});

test('race: keyboard reaches every control; 375 px has no horizontal scroll; Chinese text renders', async () => {
  const { page, context, errors } = await open();
  const count = await assertKeyboardReachesEveryControl(page, 'race');
  assert.ok(count >= 20, `expected the race controls (sliders, boxes, buttons, table) to be counted, got ${count}`);
  for (const name of ['start', 'learningRate', 'target', 'depth']) {
    const shown = page.locator(`#panel-race input[name="${name}"] + output`);
    const before = await shown.textContent();
    await page.focus(`#panel-race input[name="${name}"]`);
    await page.keyboard.press(name === 'depth' ? 'ArrowRight' : 'ArrowLeft');
    assert.notEqual(await shown.textContent(), before, `expected the arrow key to change ${name}`);
  }
  await page.focus('#panel-race button:has-text("Reset")');
  await page.keyboard.press('Enter');
  assert.match(await progressOf(page, 'sigmoid'), /^step 0 of/, 'expected Enter on Reset to reset');
  await page.focus('#panel-race button:has-text("Step")');
  await page.keyboard.press('Space');
  assert.match(await progressOf(page, 'sigmoid'), /^step 1 of/, 'expected Space on Step to step');
  await page.focus('#panel-race .race-picker select');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.$eval('#panel-race .race-picker select', (s) => s.value), 'relu', 'expected ArrowDown to pick the next racer');
  await page.setViewportSize({ width: 375, height: 800 });
  await assertNoHorizontalScroll(page, 'the race panel');
  await saveScreenshot(page.locator('#panel-race'), 'race-375');
  await page.click('button[data-language="zh"]');
  assert.match(await page.textContent('#panel-race .race-progress'), /^第 1 步/, 'expected the step counter in Chinese');
  await assertNoHorizontalScroll(page, 'the race panel in Chinese');
  await assertChartsDrawn(page, 'race');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
