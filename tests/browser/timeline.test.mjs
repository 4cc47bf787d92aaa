// The training timeline and the unit inspector in the page: the ReLU-high story ends on its first
// death, Step shows the killing update in words whose numbers are the engine's, the slider goes
// back to earlier counters and tiles, the inspector opens by keyboard from the diagram, a death
// mark moves the timeline, a link restores step and unit, and it all fits a 375 px phone.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, openPanel, chartData } from './harness.mjs';
import { panel, openPlayground, runPreset, counters, tileStates, waitForFirstFrame } from './playground-helpers.mjs';
import { loadEngine } from '../node/load-engine.mjs';
import { sanitize } from '../../web/src/settings.js';
import { schema, trainerSpec } from '../../web/src/panels/playground/settings.js';
import { presetById } from '../../web/src/training/presets.js';
import { formatValue } from '../../web/src/training/unit-explain.js';

const lab = useBrowserAndServer();
let firstDeath;

before(async () => {
  const engine = await loadEngine();
  const settings = sanitize(schema, presetById('reluHigh').settings).settings;
  const trainer = engine.createTrainer(trainerSpec(settings));
  trainer.train(20);
  [firstDeath] = trainer.deaths();
  trainer.delete();
});

const text = (page, selector) => page.$eval(`${panel} ${selector}`, (node) => node.textContent);
const atStep = (page, step) => page.waitForFunction(([root, n]) => document.querySelector(`${root} .pg-step-count`)?.textContent === String(n)
  && document.querySelector(`${root} .tl-position`)?.textContent.startsWith(`Step ${n}`), [panel, step], { timeout: 20000 });
const inspectorShows = (page, pattern) => page.waitForFunction(([root, source]) => {
  const body = document.querySelector(`${root} .tl-inspector-body`);
  return body && new RegExp(source).test(body.textContent);
}, [panel, pattern.source], { timeout: 20000 });

test('the ReLU-high story ends on the step before the first death; Step shows the killing update in the engine\'s numbers', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  await runPreset(page, 'reluHigh');
  const unit = firstDeath.unit + 1;
  await atStep(page, firstDeath.step - 1);
  await inspectorShows(page, new RegExp(`Unit ${unit} of layer 1 is alive at step ${firstDeath.step - 1}.*Press Step once`));
  assert.match(await text(page, '.tl-position'), /an earlier step/);
  await page.click(`${panel} button[name="step"]`);
  await atStep(page, firstDeath.step);
  await inspectorShows(page, new RegExp(`Unit ${unit} of layer 1 died at step ${firstDeath.step}:`));
  const words = await text(page, '.tl-explanation');
  assert.ok(words.startsWith(`Unit ${unit} of layer 1 died at step ${firstDeath.step}: that step’s batch of 10 points`), words);
  for (const value of [firstDeath.biasBefore, firstDeath.biasAfter, firstDeath.maxPreBefore, firstDeath.maxPreAfter]) {
    assert.ok(words.includes(formatValue(value)), `expected ${formatValue(value)} from the engine in: ${words}`);
  }
  assert.match(words, /all 400 training points/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('scrubbing back shows the earlier counters and tiles; the slider works by keyboard; a new setting there branches', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  await runPreset(page, 'reluHigh');
  await atStep(page, firstDeath.step - 1);
  await page.click(`${panel} button[name="timelineLive"]`);
  await atStep(page, 1000);
  const end = await counters(page);
  assert.ok(end.dead >= 12, `expected most units dead at the live end, got ${end.dead}`);
  const firstLayerDead = await page.$$eval(`${panel} .nn-tile[data-kind="hidden"][data-layer="1"]`, (tiles) => tiles.filter((tile) => tile.dataset.state !== 'alive').length);
  assert.ok(firstLayerDead > 0);
  assert.match(await text(page, '.tl-overlay-note'), new RegExp(`8 first-layer lines, ${firstLayerDead} of them dead`));
  await page.focus(`${panel} input[name="timelineStep"]`);
  await page.keyboard.press('Home');
  await atStep(page, 0);
  assert.equal((await counters(page)).dead, 0, 'no unit is dead at step 0');
  assert.equal((await tileStates(page)).dead, 0, 'no tile is dead at step 0');
  assert.match(await text(page, '.tl-overlay-note'), /8 first-layer lines, 0 of them dead/);
  for (let i = 0; i < firstDeath.step; i += 1) await page.keyboard.press('ArrowRight');
  await atStep(page, firstDeath.step);
  assert.ok((await counters(page)).dead >= 1, 'the first death shows at its step');
  await page.click(`${panel} button[name="timelineBack"]`);
  await atStep(page, firstDeath.step - 1);
  assert.equal((await counters(page)).dead, 0);
  await page.fill(`${panel} input[name="batchSize"]`, '20');
  await page.keyboard.press('Tab');
  const before = firstDeath.step - 1;
  await page.waitForFunction(([root, note]) => document.querySelector(`${root} .tl-branched`)?.textContent === note,
    [panel, `New branch: steps ${before + 1} to 1000 were dropped; training continues from step ${before} with the new settings.`]);
  assert.match(await text(page, '.tl-position'), new RegExp(`^Step ${before}: the live end`));
  const [loss] = await chartData(page, `${panel} .pg-loss-chart canvas`);
  assert.ok(loss.x.at(-1) <= before, `the loss chart drops the old future: it ends at step ${loss.x.at(-1)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the inspector opens by keyboard from the diagram; a death mark moves the timeline', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, `${lab.server.url}#playground&playground.learningRate=3`);
  await page.click(`${panel} button[name="step"]`);
  await atStep(page, 1);
  const tile = `${panel} .nn-tile[data-kind="hidden"][data-layer="1"][data-unit="${firstDeath.unit + 1}"]`;
  await page.focus(tile);
  await page.keyboard.press('Enter');
  await inspectorShows(page, new RegExp(`Unit ${firstDeath.unit + 1} of layer 1 at step 1`));
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'tl-inspector-title', 'focus moves to the inspector');
  for (let i = 0; i < 3; i += 1) await page.click(`${panel} button[name="step"]`);
  await page.locator(`${panel} .tl-mark`).first().waitFor({ timeout: 20000 });
  await page.locator(`${panel} .tl-mark`).first().focus();
  await page.keyboard.press('Enter');
  await atStep(page, firstDeath.step);
  await inspectorShows(page, new RegExp(`died at step ${firstDeath.step}`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link restores the step and the unit; an invalid unit is refused', async () => {
  const url = `${lab.server.url}#playground&playground.learningRate=3&playground.timelineStep=${firstDeath.step}`
    + `&playground.inspectLayer=1&playground.inspectUnit=${firstDeath.unit + 1}`;
  const { page, context, errors } = await openPage(lab.browser, url);
  await openPanel(page, 'playground');
  await waitForFirstFrame(page);
  await atStep(page, firstDeath.step);
  await inspectorShows(page, new RegExp(`died at step ${firstDeath.step}`));
  assert.deepEqual(errors, []);
  await context.close();
  const bad = await openPage(lab.browser, `${lab.server.url}#playground&playground.inspectLayer=9`);
  await openPanel(bad.page, 'playground');
  await waitForFirstFrame(bad.page);
  assert.equal(await bad.page.$eval(`${panel} select[name="inspectUnit"]`, (s) => s.value), '', 'no unit is inspected');
  await bad.context.close();
});

test('timeline and inspector fit a 375 px phone', async () => {
  const { page, context, errors } = await openPage(lab.browser, lab.server.url, { viewport: { width: 375, height: 800 } });
  await openPanel(page, 'playground');
  await waitForFirstFrame(page);
  await runPreset(page, 'reluHigh');
  await inspectorShows(page, /Press Step once/);
  const widths = await page.evaluate((root) => ({
    page: document.scrollingElement.scrollWidth,
    parts: [...document.querySelectorAll(`${root} .tl-timeline, ${root} .tl-inspector, ${root} .tl-decision-wrap`)]
      .map((node) => node.getBoundingClientRect().right),
  }), panel);
  assert.ok(widths.page <= 375, `the page scrolls sideways: ${widths.page} px`);
  for (const right of widths.parts) assert.ok(right <= 375, `a timeline part ends at ${right} px`);
  assert.deepEqual(errors, []);
  await context.close();
});
