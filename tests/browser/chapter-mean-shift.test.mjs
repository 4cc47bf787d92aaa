// The zero-centred outputs panel in Chromium: histograms before and after, the means, controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, chartData, saveScreenshot } from './harness.mjs';
import {
  openChapterPanel, assertChartsDrawn, assertKeyboardReachesEveryControl, assertNoHorizontalScroll, shownNumber,
} from './chapter-helpers.mjs';

const lab = useBrowserAndServer();

const open = (options) => openChapterPanel(lab.browser, lab.server.url, 'mean-shift', options);
const before_ = '#panel-mean-shift .mean-before canvas';
const after_ = '#panel-mean-shift .mean-after canvas';
/** x of the dashed mean line (the dataset with two points at the same x). */
const meanLine = (datasets) => datasets.find((d) => d.x.length === 2 && d.x[0] === d.x[1]).x[0];
const stats = (page) => page.$$eval('#panel-mean-shift .stats dd', (dds) => dds.map((dd) => dd.textContent));

test('mean shift: sigmoid moves the mean of uniform(-1, 1) inputs from 0 to 0.5, both marked', async () => {
  const { page, context, errors } = await open();
  await assertChartsDrawn(page, 'mean-shift');
  const [inputMean, outputMean] = (await stats(page)).map(shownNumber);
  assert.ok(Math.abs(inputMean) < 0.02, `expected the input mean near 0, got ${inputMean}`);
  assert.ok(Math.abs(outputMean - 0.5) < 0.01, `expected the sigmoid output mean near 0.5, got ${outputMean}`);
  const inputs = await chartData(page, before_);
  const outputs = await chartData(page, after_);
  assert.ok(Math.abs(meanLine(inputs) - inputMean) < 1e-3, 'expected the input mean line at the input mean');
  assert.ok(Math.abs(meanLine(outputs) - outputMean) < 1e-3, 'expected the output mean line at the output mean');
  const outline = outputs.find((d) => d.x.length > 2);
  const inputOutline = inputs.find((d) => d.x.length > 2);
  assert.deepEqual(outline.x, inputOutline.x, 'expected both histograms on the same bins (one bin width, one range)');
  const filled = outline.x.filter((x, i) => outline.y[i] > 0);
  assert.ok(Math.min(...filled) > 0.2 && Math.max(...filled) < 0.8, `expected sigmoid outputs only in bins inside (0.2, 0.8), got ${Math.min(...filled)} to ${Math.max(...filled)}`);
  const tallest = (d) => Math.max(...d.y);
  assert.ok(tallest(outline) > 2 * tallest(inputOutline), 'expected the squeezed outputs to stand taller on the shared count axis');
  const axes = await page.$$eval('#panel-mean-shift canvas', (canvases) => canvases.map((c) => window.activationLab.getChart(c).scales.y.max));
  assert.equal(axes[0], axes[1], 'expected one count axis for both histograms');
  await saveScreenshot(page.locator('#panel-mean-shift'), 'mean-shift');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('mean shift: choosing tanh keeps the mean at 0; N and the seed change the histogram', async () => {
  const { page, context } = await open();
  const sigmoidOutputs = await chartData(page, after_);
  await page.focus('#panel-mean-shift select[name="activation"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.$eval('#panel-mean-shift select[name="activation"]', (s) => s.value), 'tanh', 'expected tanh after sigmoid');
  const tanhOutputs = await chartData(page, after_);
  assert.notDeepEqual(tanhOutputs, sigmoidOutputs, 'expected the output histogram to change');
  assert.ok(Math.abs(meanLine(tanhOutputs)) < 0.02, `expected the tanh mean near 0, got ${meanLine(tanhOutputs)}`);

  const inputs = await chartData(page, before_);
  await page.fill('#panel-mean-shift input[name="seed"]', '7');
  assert.notDeepEqual(await chartData(page, before_), inputs, 'expected a new seed to draw new samples');
  await page.fill('#panel-mean-shift input[name="samples"]', '100');
  const small = await chartData(page, before_);
  const total = small.find((d) => d.x.length > 2).y.slice(1, -2).reduce((a, b) => a + b, 0);
  assert.equal(total, 100, 'expected the histogram to hold N = 100 samples');
  await page.fill('#panel-mean-shift input[name="samples"]', '5');
  assert.equal(await page.getAttribute('#panel-mean-shift input[name="samples"]', 'aria-invalid'), 'true', 'expected N = 5 flagged invalid');
  assert.deepEqual(await chartData(page, before_), small, 'expected an invalid N to leave the chart alone');
  await context.close();
});

test('mean shift: keyboard reaches every control and types numbers; 375 px has no horizontal scroll', async () => {
  const { page, context, errors } = await open();
  await assertKeyboardReachesEveryControl(page, 'mean-shift');
  const inputs = await chartData(page, before_);
  await page.focus('#panel-mean-shift input[name="seed"]');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue('#panel-mean-shift input[name="seed"]'), '2', 'expected ArrowUp to raise the seed');
  assert.notDeepEqual(await chartData(page, before_), inputs, 'expected the keyboard change to redraw');
  await page.focus('#panel-mean-shift input[name="samples"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2000');
  const outline = (await chartData(page, before_)).find((d) => d.x.length > 2);
  assert.equal(outline.y.slice(1, -2).reduce((a, b) => a + b, 0), 2000, 'expected typing 2000 to draw 2000 samples');
  await page.setViewportSize({ width: 375, height: 800 });
  await assertNoHorizontalScroll(page, 'the mean-shift panel');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
