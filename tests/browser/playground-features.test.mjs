// The training panel's input features and regression data sets: a feature toggle adds its input
// tile (painted from the engine) and a first-layer column of weights; the last feature on cannot
// be turned off; a regression data set trains with a linear output and shows no accuracy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, canvasInk } from './harness.mjs';
import { openPlayground, panel, counters } from './playground-helpers.mjs';

const lab = useBrowserAndServer();

const inputTiles = (page) => page.$$eval(`${panel} .nn-tile[data-kind="input"]`, (tiles) => tiles.map((tile) => ({
  feature: tile.dataset.feature, label: tile.getAttribute('aria-label'),
})));
const featureBox = (name) => `${panel} [data-setting="features"] input[value="${name}"]`;

test('toggling features changes the input tiles; the last one on stays on', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, `${lab.server.url}#playground`);
  assert.deepEqual((await inputTiles(page)).map((tile) => tile.feature), ['x1', 'x2']);
  await page.check(featureBox('x1_squared'));
  await page.waitForFunction((root) => document.querySelectorAll(`${root} .nn-tile[data-kind="input"]`).length === 3, panel, { timeout: 30000 });
  const tiles = await inputTiles(page);
  assert.deepEqual(tiles.map((tile) => tile.feature), ['x1', 'x2', 'x1_squared']);
  assert.equal(tiles[2].label, 'input x₁²: its value across the plane');
  assert.ok(await canvasInk(page, `${panel} .nn-tile[data-feature="x1_squared"] canvas`) > 0.3, 'the x1^2 tile is painted');
  await page.waitForFunction(() => /playground\.features=x1(%2C|,)x2(%2C|,)x1_squared/.test(location.hash), null, { timeout: 5000 });
  await page.uncheck(featureBox('x1'));
  await page.uncheck(featureBox('x2'));
  await page.waitForFunction((root) => document.querySelectorAll(`${root} .nn-tile[data-kind="input"]`).length === 1, panel, { timeout: 30000 });
  assert.equal(await page.isDisabled(featureBox('x1_squared')), true, 'the only feature left on cannot be turned off');
  await page.click(`${panel} button[name="step"]`);
  await page.waitForFunction((root) => document.querySelector(`${root} .pg-step-count`).textContent === '1', panel, { timeout: 30000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the bumps data set trains with a linear output, coloured points and no accuracy', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, `${lab.server.url}#playground&playground.dataset=bumps&playground.activation=tanh&playground.learningRate=0.1&playground.hiddenLayers=8,8`);
  assert.equal(await page.isVisible(`${panel} .pg-train-accuracy`), false, 'no accuracy readout for regression');
  assert.equal(await page.isVisible(`${panel} [data-setting="head"]`), false, 'the head is fixed to a linear output');
  assert.match(await page.textContent(`${panel} .pg-loss-figure figcaption`), /^Loss \(squared error; real-valued targets have no accuracy\)$/);
  const before = await counters(page);
  await page.selectOption(`${panel} [data-setting="stopMode"] select`, 'steps');
  await page.fill(`${panel} [data-setting="stopSteps"] input`, '600');
  await page.press(`${panel} [data-setting="stopSteps"] input`, 'Enter');
  await page.click(`${panel} button[name="play"]`);
  await page.waitForSelector(`${panel} .pg-state[data-state="steps"]`, { state: 'attached', timeout: 60000 });
  const after = await counters(page);
  assert.ok(after.trainLoss < before.trainLoss / 2, `the squared error should halve: ${before.trainLoss} -> ${after.trainLoss}`);
  assert.ok(await canvasInk(page, `${panel} .pg-decision canvas, ${panel} canvas.decision-view`) > 0.3, 'the heatmap shows the real-valued output');
  assert.deepEqual(errors, []);
  await context.close();
});

// A hash of a canvas's pixels, to see that a picture changed.
const pixelsOf = (page, selector) => page.$eval(selector, (canvas) => {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 0;
  for (let i = 0; i < data.length; i += 1) hash = (hash * 31 + data[i]) | 0;
  return hash;
});

test('a click on the output tile reads its bias; setting it while paused changes the output, and is announced', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, `${lab.server.url}#playground`);
  const status = `${panel} .pg-param-status`;
  await page.click(`${panel} .nn-tile[data-kind="output"]`);
  assert.match(await page.textContent(status), /^Output, unit 1, bias: 0 at step 0\.$/);
  const before = await pixelsOf(page, `${panel} .nn-tile[data-kind="output"] canvas`);
  await page.fill(`${panel} input[name="paramValue"]`, '3');
  await page.keyboard.press('Enter');
  await page.waitForFunction((selector) => /bias: 3 at step 0/.test(document.querySelector(selector).textContent), status, { timeout: 30000 });
  assert.notEqual(await pixelsOf(page, `${panel} .nn-tile[data-kind="output"] canvas`), before, 'the output tile is repainted');
  await page.selectOption(`${panel} select[name="paramLayer"]`, '0');
  await page.selectOption(`${panel} select[name="paramInput"]`, '1');
  assert.match(await page.textContent(status), /^Layer 1, unit 1, weight from x₂: -?\d/);
  await page.click(`${panel} button[name="play"]`);
  await page.waitForFunction((selector) => document.querySelector(selector).disabled, `${panel} input[name="paramValue"]`, { timeout: 30000 });
  assert.match(await page.textContent(status), /^Layer 1, unit 1, weight from x₂: pause the training to read and edit it\.$/);
  assert.deepEqual(errors, []);
  await context.close();
});
