// The "Fit a curve" panel in Chromium: live training in the worker, the engine's pieces, kinks and
// dead units on screen, kink and slope edits by keyboard and by dragging while paused, the
// one-click ReLU / tanh comparison, drawn points, and a 375 px phone on the main-thread fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, openPanel, canvasInk, chartData, saveScreenshot } from './harness.mjs';
import { assertNoHorizontalScroll, assertKeyboardReachesEveryControl } from './chapter-helpers.mjs';

const lab = useBrowserAndServer(async (l) => {
  l.opened = await openPage(l.browser, l.server.url);
  await openPanel(l.opened.page, 'fit');
});

const stats = '#panel-fit .fit-stats';
const statsOf = (page) => page.$eval(stats, (node) => ({ ...node.dataset, text: node.textContent }));
const unitOf = (page, i) => page.$eval(`#panel-fit .fit-unit:nth-child(${i + 1})`, (node) => ({ ...node.dataset, text: node.textContent }));
const waitForStep = (page, test) => page.waitForFunction(`(${test})(Number(document.querySelector('${stats}')?.dataset.step ?? -1))`);

test('fit: sin with 4 ReLU units trains live, then pauses with the engine\'s pieces, kinks and dead units shown', async () => {
  const { page } = lab.opened;
  await waitForStep(page, (step) => step === 0);
  const start = await statsOf(page);
  assert.equal((await page.$$('#panel-fit .fit-unit')).length, 4, 'expected one row per hidden unit');
  assert.ok(await canvasInk(page, '#panel-fit .fit-chart canvas') > 0.01, 'expected the fit chart drawn');
  await page.click('#panel-fit button[name=play]');
  assert.equal(await page.getAttribute('#panel-fit button[name=play]', 'aria-pressed'), 'true');
  await waitForStep(page, (step) => step >= 1500);
  await page.click('#panel-fit button[name=play]');
  await page.waitForFunction(`document.querySelector('#panel-fit [role=status]').textContent.startsWith('Step')`);
  const paused = await statsOf(page);
  assert.ok(Number(paused.loss) < Number(start.loss) / 5, `expected the loss to fall, ${start.loss} -> ${paused.loss}`);
  assert.match(paused.text, new RegExp(`linear pieces over the data: ${paused.pieces} · dead hidden units: ${paused.dead} of 4`));
  assert.ok(Number(paused.pieces) >= 2 && Number(paused.pieces) <= 5, `expected 2 to 5 pieces from 4 ReLU kinks, got ${paused.pieces}`);
  const kinks = (await chartData(page, '#panel-fit .fit-chart canvas')).find((d) => d.label.startsWith('kinks'));
  assert.equal(kinks.x.length, 4, 'expected a kink marker per unit');
  await page.waitForTimeout(300);
  assert.equal((await statsOf(page)).step, paused.step, 'expected pause to hold the step');
  await saveScreenshot(page.locator('#panel-fit'), 'fit');
});

test('fit: while paused, arrow keys move a kink and a slope through the engine, and a kink can be dragged', async () => {
  const { page } = lab.opened;
  const before = await unitOf(page, 0);
  await page.focus('#panel-fit input[name=kink-0]');
  const shown = Number(await page.inputValue('#panel-fit input[name=kink-0]'));
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((old) => document.querySelector('#panel-fit .fit-unit').dataset.kink !== old, before.kink);
  const moved = await unitOf(page, 0);
  assert.ok(Math.abs(Number(moved.kink) - (shown + 0.05)) < 1e-9, `expected the kink at ${shown + 0.05}, got ${moved.kink}`);
  assert.equal(moved.slope, before.slope, 'expected the slope kept');
  await page.focus('#panel-fit input[name=slope-0]');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((old) => document.querySelector('#panel-fit .fit-unit').dataset.slope !== old, moved.slope);
  const sloped = await unitOf(page, 0);
  assert.ok(Math.abs(Number(sloped.kink) - Number(moved.kink)) < 1e-9, 'expected a slope change to keep the kink');

  await page.locator('#panel-fit .fit-chart canvas').scrollIntoViewIfNeeded();
  const target = await page.$eval('#panel-fit .fit-chart canvas', (canvas) => {
    const chart = window.activationLab.getChart(canvas);
    const kinks = chart.data.datasets.find((d) => d.label.startsWith('kinks'));
    const box = canvas.getBoundingClientRect();
    const p = kinks.data[0];
    return { x: box.left + chart.scales.x.getPixelForValue(p.x), y: box.top + chart.scales.y.getPixelForValue(p.y), to: box.left + chart.scales.x.getPixelForValue(-0.5) };
  });
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  await page.mouse.move((target.x + target.to) / 2, target.y);
  await page.mouse.move(target.to, target.y);
  await page.mouse.up();
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('#panel-fit .fit-unit').dataset.kink) + 0.5) < 0.02);
  assert.match(await page.textContent('#panel-fit [role=status]'), /Kink of unit 1 moved to x = −?0\.5/);

  const kinkBefore = Number((await unitOf(page, 0)).kink);
  const handle = await page.$eval('#panel-fit .fit-chart canvas', (canvas) => {
    const chart = window.activationLab.getChart(canvas);
    const handles = chart.data.datasets.find((d) => d.label === 'slope handles');
    const box = canvas.getBoundingClientRect();
    const p = handles.data[0];
    return { x: box.left + chart.scales.x.getPixelForValue(p.x), y: box.top + chart.scales.y.getPixelForValue(p.y), handleX: p.x, up: box.top + chart.scales.y.getPixelForValue(p.y + 0.3) };
  });
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move(handle.x, handle.up);
  await page.mouse.up();
  await page.waitForFunction(() => /Slope of unit \d set to/.test(document.querySelector('#panel-fit [role=status]').textContent));
  const dragged = await page.$$eval('#panel-fit .fit-unit', (rows) => rows.map((row) => ({ ...row.dataset })));
  assert.ok(Math.abs(Number(dragged[0].kink) - kinkBefore) < 1e-9, 'expected a slope drag to keep the kink');
});

test('fit: one click compares ReLU (straight pieces) with tanh (smooth)', async () => {
  const { page } = lab.opened;
  await page.click('#panel-fit button[name=compare]');
  const rows = await page.$$eval('#panel-fit .fit-compare-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.activation, ...[...tr.cells].map((c) => c.textContent)]));
  assert.deepEqual(rows.map((r) => r[0]), ['relu', 'tanh']);
  assert.ok(Number(rows[0][3]) >= 2, `expected ReLU's pieces, got ${rows[0][3]}`);
  assert.equal(rows[1][3], 'none (smooth)');
  assert.ok(rows.every((r) => Number(r[2]) < 0.1), `expected both fits to learn sin, losses ${rows.map((r) => r[2])}`);
  assert.ok(await canvasInk(page, '#panel-fit .fit-compare-chart canvas') > 0.01, 'expected the comparison drawn');
});

test('fit: the student draws points by clicking and by keyboard, and the fit trains on them', async () => {
  const { page, errors } = lab.opened;
  await page.selectOption('#panel-fit select[name=target]', 'drawn');
  assert.match(await page.textContent(stats), /add at least 2 points/);
  const box = await page.locator('#panel-fit .fit-chart canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.fill('#panel-fit input[name=draw-x]', '0.5');
  await page.fill('#panel-fit input[name=draw-y]', '-0.5');
  await page.click('#panel-fit button[name=draw-add]');
  assert.equal(await page.textContent('#panel-fit .fit-draw-count'), 'Points: 2');
  await waitForStep(page, (step) => step === 0);
  const targets = (await chartData(page, '#panel-fit .fit-chart canvas')).find((d) => d.label === 'targets');
  assert.deepEqual(targets.x.at(-1), 0.5);
  assert.deepEqual(targets.y.at(-1), -0.5);
  await page.click('#panel-fit button[name=step]');
  await waitForStep(page, (step) => step === 1);
  assert.deepEqual(errors, [], 'expected no console errors');
});

test('fit: at 375 px on the main-thread fallback, drawn points from the link fit without horizontal scroll and Tab reaches every control', async () => {
  const link = `${lab.server.url}?worker=0#fit&fit.activation=leaky_relu&fit.target=drawn&fit.drawn=-0.8,0.2,0,0.9,0.7,-0.4`;
  const { page, context, errors } = await openPage(lab.browser, link, { viewport: { width: 375, height: 800 } });
  await openPanel(page, 'fit');
  await waitForStep(page, (step) => step === 0);
  await assertNoHorizontalScroll(page, 'fit');
  assert.equal(await page.inputValue('#panel-fit select[name=activation]'), 'leaky_relu');
  assert.equal(await page.textContent('#panel-fit .fit-draw-count'), 'Points: 3');
  assert.match(await page.textContent('#panel-fit .fit-unit'), /kink at x = /, 'expected leaky ReLU kinks listed');
  await page.click('#panel-fit button[name=play]');
  await waitForStep(page, (step) => step >= 200);
  await page.click('#panel-fit button[name=play]');
  await assertKeyboardReachesEveryControl(page, 'fit', 200);
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('fit: embedded alone at 375 px it trains and fits the frame', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#embed=fit&fit.target=abs&fit.units=3`, { viewport: { width: 375, height: 800 } });
  await waitForStep(page, (step) => step === 0);
  assert.equal((await page.$$('#panel-fit .fit-unit')).length, 3);
  await assertNoHorizontalScroll(page, 'embedded fit');
  await page.click('#panel-fit button[name=play]');
  await waitForStep(page, (step) => step >= 100);
  await page.click('#panel-fit button[name=play]');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
