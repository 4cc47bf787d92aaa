// The softmax panel in Chromium: the chapter's 0.88 / 0.12 / 0.00, the full Jacobian, the
// two-class sigmoid, editable logits and temperature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, chartData, saveScreenshot } from './harness.mjs';
import {
  openChapterPanel, assertChartsDrawn, assertKeyboardReachesEveryControl, assertNoHorizontalScroll, shownNumber,
} from './chapter-helpers.mjs';

const lab = useBrowserAndServer();

const open = (options) => openChapterPanel(lab.browser, lab.server.url, 'softmax', options);
const bars = '#panel-softmax .softmax-bars canvas';
const rounded = (page) => page.$$eval('#panel-softmax .probabilities td.probability', (cells) => cells.map((c) => c.textContent));
const full = (page) => page.$$eval('#panel-softmax .probabilities td.full', (cells) => cells.map((c) => Number(c.textContent)));
const jacobian = (page) => page.$$eval('#panel-softmax .heatmap tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')]
  .map((cell) => ({ value: Number(cell.dataset.value), text: cell.textContent, diagonal: cell.classList.contains('diagonal') }))));

test('softmax of (3, 1, −3) shows 0.88 / 0.12 / 0.00, full precision in the table and the bars', async () => {
  const { page, context, errors } = await open();
  await assertChartsDrawn(page, 'softmax');
  assert.deepEqual(await rounded(page), ['0.88', '0.12', '0.00'], 'expected the chapter\'s rounded probabilities');
  const s = await full(page);
  [0.8789, 0.1189, 0.0022].forEach((p, i) => assert.ok(Math.abs(s[i] - p) < 5e-5, `expected s${i + 1} ≈ ${p}, got ${s[i]}`));
  assert.equal(await page.getAttribute('#panel-softmax td.probability >> nth=0', 'title'), String(s[0]), 'expected full precision on hover');
  const [data] = await chartData(page, bars);
  assert.deepEqual(data.y, s, 'expected the bars to show the same probabilities');
  await saveScreenshot(page.locator('#panel-softmax'), 'softmax');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('softmax: the Jacobian heatmap holds diag(s) − s sᵀ in every cell, rows summing to 0', async () => {
  const { page, context } = await open();
  const s = await full(page);
  const cells = await jacobian(page);
  assert.equal(cells.length, 3, 'expected a 3 x 3 Jacobian');
  cells.forEach((row, i) => {
    row.forEach((cell, j) => {
      const expected = (i === j ? s[i] : 0) - s[i] * s[j];
      assert.ok(Math.abs(cell.value - expected) < 1e-15, `expected J[${i}][${j}] = ${expected}, got ${cell.value}`);
      assert.equal(shownNumber(cell.text), Number(expected.toFixed(4)), `expected cell ${i},${j} to show ${expected.toFixed(4)}`);
      assert.equal(cell.diagonal, i === j, `expected only diagonal cells marked, cell ${i},${j}`);
    });
    assert.ok(Math.abs(row.reduce((a, c) => a + c.value, 0)) < 1e-15, `expected row ${i} to sum to 0`);
  });
  assert.ok(cells[0][1].value < -0.1, 'expected an off-diagonal −s1 s2 ≈ −0.1045 that the diagonal-only formula misses');
  const colours = await page.$$eval('#panel-softmax .heatmap tbody td', (tds) => new Set(tds.map((td) => td.style.backgroundColor)).size);
  assert.ok(colours >= 4, 'expected the heatmap to colour cells by value');
  await context.close();
});

test('softmax: two classes equal sigmoid(z1 − z2), also at another temperature', async () => {
  const { page, context } = await open();
  const pair = async () => [await page.textContent('#panel-softmax .two-softmax'), await page.textContent('#panel-softmax .two-sigmoid')];
  const [viaSoftmax, viaSigmoid] = await pair();
  assert.equal(viaSoftmax, viaSigmoid, 'expected softmax([z1, z2])1 = sigmoid(z1 − z2)');
  assert.equal(viaSoftmax, (1 / (1 + Math.exp(-2))).toFixed(6), 'expected sigmoid(2)');
  const beforeT = await chartData(page, bars);
  await page.focus('#panel-softmax input[name="temperature"]');
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await page.textContent('#panel-softmax input[name="temperature"] + output'), '2.0', 'expected T = 2.0');
  assert.notDeepEqual(await chartData(page, bars), beforeT, 'expected the temperature to change the bars');
  const [hotSoftmax, hotSigmoid] = await pair();
  assert.equal(hotSoftmax, hotSigmoid, 'expected equality at T = 2');
  assert.equal(hotSoftmax, (1 / (1 + Math.exp(-1))).toFixed(6), 'expected sigmoid((3 − 1) / 2)');
  await context.close();
});

test('softmax: logits can be added up to 10 and removed down to 1, from the keyboard', async () => {
  const { page, context, errors } = await open();
  const add = page.locator('#panel-softmax button:has-text("Add a logit")');
  await add.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#panel-softmax .logit-list li').count(), 4, 'expected a fourth logit');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'logit-3', 'expected focus on the new logit');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  assert.equal((await rounded(page))[3], '0.87', 'expected the new logit 5 to take most of the probability');
  assert.equal((await jacobian(page)).length, 4, 'expected a 4 x 4 Jacobian');
  for (let i = 4; i < 10; i += 1) await add.click();
  assert.equal(await add.isDisabled(), true, 'expected Add disabled at 10 logits');
  const [data] = await chartData(page, bars);
  assert.equal(data.y.length, 10, 'expected 10 bars');
  for (let n = 10; n > 1; n -= 1) {
    await page.focus('#panel-softmax button[aria-label="Remove logit z1"]');
    await page.keyboard.press('Enter');
  }
  assert.equal(await page.locator('#panel-softmax .logit-list li').count(), 1, 'expected one logit left');
  assert.equal(await page.locator('#panel-softmax button[aria-label="Remove logit z1"]').isDisabled(), true, 'expected the last logit kept');
  assert.deepEqual(await rounded(page), ['1.00'], 'expected a single logit to have probability 1');
  assert.match(await page.textContent('#panel-softmax .two-class'), /second logit/, 'expected a hint instead of the two-class case');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('softmax: keyboard reaches every control; 375 px has no horizontal scroll', async () => {
  const { page, context, errors } = await open();
  await assertKeyboardReachesEveryControl(page, 'softmax');
  await page.focus('#panel-softmax input[name="logit-1"]');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue('#panel-softmax input[name="logit-1"]'), '1.5', 'expected ArrowUp to add 0.5');
  assert.deepEqual(await rounded(page), ['0.82', '0.18', '0.00'], 'expected the probabilities to follow');
  await page.setViewportSize({ width: 375, height: 800 });
  await assertNoHorizontalScroll(page, 'the softmax panel');
  await saveScreenshot(page.locator('#panel-softmax'), 'softmax-375');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
