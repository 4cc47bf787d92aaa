// The why-nonlinearity panel in Chromium: two linear layers equal their composition; an
// activation between them bends the line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, chartData, saveScreenshot } from './harness.mjs';
import { openChapterPanel, assertChartsDrawn, assertKeyboardReachesEveryControl, assertNoHorizontalScroll } from './chapter-helpers.mjs';

const lab = useBrowserAndServer();

const open = (options) => openChapterPanel(lab.browser, lab.server.url, 'nonlinearity', options);
const linear = '#panel-nonlinearity .collapse-linear canvas';
const bent = '#panel-nonlinearity .collapse-bent canvas';
const maxGap = (a, b) => Math.max(...a.map((y, i) => Math.abs(y - b[i])));

test('nonlinearity: the two linear layers and the composed layer draw the same line', async () => {
  const { page, context, errors } = await open();
  await assertChartsDrawn(page, 'nonlinearity');
  assert.equal(await page.textContent('#panel-nonlinearity .one-line'), 'a single linear layer: y = \u22120.5000 · x + 1.0000',
    'expected W3 = 1·1.5 + 1·(−2) = −0.5 and b3 = 1·0.5 + 1·1 − 0.5 = 1');
  const [twoLayers, composed] = await chartData(page, linear);
  assert.equal(twoLayers.y.length, 121, 'expected 121 samples over x');
  assert.ok(maxGap(twoLayers.y, composed.y) < 1e-12, 'expected the two forms to coincide');
  const slopes = twoLayers.y.slice(1).map((y, i) => (y - twoLayers.y[i]) / (twoLayers.x[i + 1] - twoLayers.x[i]));
  assert.ok(slopes.every((s) => Math.abs(s + 0.5) < 1e-9), 'expected one straight line of slope −0.5');
  const [relu, straight] = await chartData(page, bent);
  assert.ok(maxGap(relu.y, straight.y) > 1, 'expected relu between the layers to bend away from the line');
  await saveScreenshot(page.locator('#panel-nonlinearity'), 'nonlinearity');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('nonlinearity: editing a weight recomposes W3 = W2 W1 and b3 = W2 b1 + b2 and redraws', async () => {
  const { page, context } = await open();
  const beforeEdit = await chartData(page, linear);
  await page.fill('#panel-nonlinearity input[name="w2-1"]', '3');
  assert.equal(await page.textContent('#panel-nonlinearity .one-line'), 'a single linear layer: y = \u22124.5000 · x + 3.0000',
    'expected W3 = 1·1.5 + 3·(−2) = −4.5 and b3 = 1·0.5 + 3·1 − 0.5 = 3');
  const [twoLayers, composed] = await chartData(page, linear);
  assert.notDeepEqual(twoLayers.y, beforeEdit[0].y, 'expected the chart data to change');
  assert.ok(maxGap(twoLayers.y, composed.y) < 1e-12, 'expected the two forms still to coincide');
  await page.fill('#panel-nonlinearity input[name="b1-0"]', '25');
  assert.equal(await page.getAttribute('#panel-nonlinearity input[name="b1-0"]', 'aria-invalid'), 'true', 'expected a bias outside [−10, 10] flagged');
  assert.deepEqual((await chartData(page, linear))[0].y, twoLayers.y, 'expected an invalid bias to leave the line alone');
  await context.close();
});

test('nonlinearity: a linear "activation" does not bend; the pieces add up to the bent output', async () => {
  const { page, context } = await open();
  const [relu, , piece1, piece2] = await chartData(page, bent);
  const sum = piece1.y.map((y, i) => y + piece2.y[i] - 0.5);
  assert.ok(maxGap(sum, relu.y) < 1e-12, 'expected w2·f(h1) + w2·f(h2) + b2 to be the bent output');
  await page.selectOption('#panel-nonlinearity select[name="between"]', 'linear');
  const [identity, line] = await chartData(page, bent);
  assert.ok(maxGap(identity.y, line.y) < 1e-12, 'expected the identity between the layers to leave the line straight');
  await context.close();
});

test('nonlinearity: keyboard reaches and changes every control; 375 px has no horizontal scroll', async () => {
  const { page, context, errors } = await open();
  const count = await assertKeyboardReachesEveryControl(page, 'nonlinearity');
  assert.equal(count, 12, 'expected 7 number fields, 1 select and the PNG and CSV buttons of both charts');
  for (const name of ['w1-0', 'w1-1', 'b1-0', 'b1-1', 'w2-0', 'w2-1', 'b2-0']) {
    const beforeKey = await chartData(page, linear);
    await page.focus(`#panel-nonlinearity input[name="${name}"]`);
    await page.keyboard.press('ArrowUp');
    assert.notDeepEqual(await chartData(page, linear), beforeKey, `expected ArrowUp on ${name} to change the line`);
  }
  const beforeSelect = await chartData(page, bent);
  await page.focus('#panel-nonlinearity select[name="between"]');
  await page.keyboard.press('ArrowUp');
  assert.notDeepEqual(await chartData(page, bent), beforeSelect, 'expected another activation from the keyboard');
  await page.setViewportSize({ width: 375, height: 800 });
  await assertNoHorizontalScroll(page, 'the nonlinearity panel');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
