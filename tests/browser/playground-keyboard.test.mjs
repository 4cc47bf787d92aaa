// The training panel for keyboard and screen-reader users, and its in-place form: Tab reaches
// the run controls before any setting, focus stays on an activated story button and on a
// stepper button, Play keeps one name and reports aria-pressed, pauses announce the step, loss
// and unit counts, the learning rate takes exact typed values and announces the rate itself,
// and every schema-made control carries data-setting=<key>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, tabThrough } from './harness.mjs';
import { panel, openPlayground, counters, waitForState } from './playground-helpers.mjs';

const lab = useBrowserAndServer();

const focusedName = (page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName);

test('keyboard: Play, Step, Reset and speed come before every setting in the Tab order', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  await page.focus(`${panel} button[data-preset]:last-of-type`);
  const order = (await tabThrough(page, 12)).map((node) => node?.name);
  assert.deepEqual(order.slice(0, 4), ['play', 'step', 'reset', 'speed'], `expected the run controls first after the stories, got ${order}`);
  const firstSetting = order.findIndex((name) => ['dataset', 'noise', 'learningRate'].includes(name));
  assert.ok(firstSetting < 0 || firstSetting > 4, `expected the settings after the run controls, got ${order}`);
  const box = (selector) => page.locator(`${panel} ${selector}`).boundingBox();
  const [setup, run] = [await box('.pg-side'), await box('.pg-run')];
  assert.ok(setup.x < run.x, 'expected the setup still drawn left of the run bar at 1280 px');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('keyboard: a story started with Enter keeps focus on its button; a stepper keeps focus on + and -', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  const story = `${panel} button[data-preset="healthy"]`;
  await page.focus(story);
  await page.keyboard.press('Enter');
  await waitForState(page, 'running');
  assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(s), story), true, 'expected focus on the story button');
  assert.equal(await page.getAttribute(story, 'aria-pressed'), 'true', 'expected the story marked as pressed');
  assert.match(await page.textContent(`${panel} .pg-story`), /\S/, 'expected the story text shown');
  await page.keyboard.press('Enter');
  assert.equal(await focusedName(page), 'preset-healthy', 'expected focus to stay when the same story restarts');
  await page.focus(`${panel} button[name="units-0-plus"]`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal(await focusedName(page), 'units-0-plus', 'expected focus to stay on the + button');
  assert.equal(await page.textContent(`${panel} .pg-layers li:first-child .pg-stepper-text`), 'Layer 1: 10 units', 'expected two units added');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('screen reader: Play keeps its name and uses aria-pressed; a pause announces step, loss and unit counts', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  const play = `${panel} button[name="play"]`;
  assert.deepEqual([await page.textContent(play), await page.getAttribute(play, 'aria-pressed')], ['Play', 'false'], 'expected Play, not pressed');
  await page.click(play);
  await waitForState(page, 'running');
  assert.deepEqual([await page.textContent(play), await page.getAttribute(play, 'aria-pressed')], ['Play', 'true'], 'expected the same name, pressed');
  await page.click(play);
  await waitForState(page, 'paused');
  const shown = await counters(page);
  const status = page.locator(`${panel} .pg-state`);
  assert.equal(await status.getAttribute('aria-live'), 'polite', 'expected a polite live region');
  const said = await status.textContent();
  assert.match(said, new RegExp(`Paused at step ${shown.step}\\.`), 'expected the step announced');
  assert.match(said, new RegExp(`Training loss ${shown.trainLoss.toFixed(4)}; ${shown.dead} of 16 units dead, ${shown.dormant} dormant\\.`),
    `expected the loss and unit counts announced, got "${said}"`);
  assert.equal(await page.locator(`${panel} .pg-state .visually-hidden`).count(), 1, 'expected the counts for screen readers only');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('learning rate: the slider announces the rate; the typed field takes exact values such as 3 and 0.003', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  const range = `${panel} input[name="learningRate"]`;
  const exact = `${panel} input[name="learningRateExact"]`;
  assert.equal(await page.getAttribute(range, 'aria-valuetext'), '0.03', 'expected the rate, not its exponent');
  assert.equal(await page.inputValue(exact), '0.03', 'expected the typed field to show the rate');
  await page.fill(exact, '3');
  assert.equal(await page.getAttribute(range, 'aria-valuetext'), '3', 'expected the slider to follow the typed rate');
  assert.equal(await focusedName(page), 'learningRateExact', 'expected focus to stay in the field');
  await page.waitForFunction(() => globalThis.location.hash.includes('playground.learningRate=3'), null, { timeout: 5000 });
  await page.fill(exact, '0.003');
  await page.waitForFunction(() => globalThis.location.hash.includes('playground.learningRate=0.003'), null, { timeout: 5000 });
  for (const bad of ['abc', '0', '11', '']) {
    await page.fill(exact, bad);
    assert.equal(await page.getAttribute(exact, 'aria-invalid'), 'true', `expected "${bad}" flagged invalid`);
  }
  assert.match(await page.evaluate(() => globalThis.location.hash), /playground\.learningRate=0\.003(&|$)/, 'expected an invalid entry to change nothing');
  await page.focus(range);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.inputValue(exact), '0.0031', 'expected the slider to move in two-digit rates');
  assert.equal(await page.getAttribute(exact, 'aria-invalid'), 'false', 'expected the field valid again after the slider moved');
  const labelled = await page.$eval(exact, (input) => document.getElementById(input.getAttribute('aria-labelledby'))?.textContent);
  assert.equal(labelled, 'Learning rate', 'expected the typed field named by the slider\'s label');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('classroom hooks: every control made from the schema carries data-setting with its key', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  const keys = await page.$$eval(`${panel} [data-setting]`, (nodes) => nodes.map((node) => node.dataset.setting));
  const expected = ['dataset', 'noise', 'points', 'trainFraction', 'dataSeed', 'showTest', 'hiddenLayers', 'activation', 'head', 'init', 'weightSeed',
    'learningRate', 'batchSize', 'momentum', 'l2', 'l1', 'shuffleSeed', 'speed', 'stopMode'];
  for (const key of expected) assert.ok(keys.includes(key), `expected a control with data-setting="${key}", got ${keys}`);
  assert.equal(new Set(keys).size, keys.length, 'expected one wrapper per setting');
  const inside = await page.$$eval(`${panel} [data-setting]:not([data-setting="hiddenLayers"])`,
    (nodes) => nodes.filter((node) => !node.querySelector(`[name="${node.dataset.setting}"]`)).map((node) => node.dataset.setting));
  assert.deepEqual(inside, [], 'expected each wrapper to hold the control named after its key');
  assert.equal(await page.locator(`${panel} [data-setting="hiddenLayers"] button[name="layers-plus"]`).count(), 1, 'expected the layer steppers inside hiddenLayers');
  const views = await page.$$eval(`${panel} [data-view]`, (nodes) => nodes.map((node) => node.dataset.view));
  assert.deepEqual(views, ['stories', 'run', 'diagnostics', 'setup', 'explanations'], 'expected the panel\'s own views named');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
