// The function explorer in Chromium: engine values on the charts, controls that change the
// chart data (mouse and keyboard), linked hover tooltips, KaTeX formulas and both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, openPanel, canvasInk, chartData, saveScreenshot, tabThrough } from './harness.mjs';

const lab = useBrowserAndServer();

const functionCanvas = '#panel-explorer figure.chart-figure:nth-of-type(1) canvas';
const derivativeCanvas = '#panel-explorer figure.chart-figure:nth-of-type(2) canvas';

async function openExplorer(options) {
  const opened = await openPage(lab.browser, lab.server.url, options);
  await openPanel(opened.page, 'explorer');
  return opened;
}

const checkbox = (page, label) => page.locator('#panel-explorer .function-picker').getByLabel(label, { exact: true });
const seriesOf = (data, label) => data.find((d) => d.label === label);

test('the explorer draws f and f\' of the default functions from engine values on a 401-point grid', async () => {
  const { page, context, errors } = await openExplorer();
  assert.ok(await canvasInk(page, functionCanvas) > 0.01, 'expected the f(x) chart not to be blank');
  assert.ok(await canvasInk(page, derivativeCanvas) > 0.01, 'expected the f\'(x) chart not to be blank');
  const f = await chartData(page, functionCanvas);
  const df = await chartData(page, derivativeCanvas);
  assert.deepEqual(f.map((d) => d.label), ['Sigmoid', 'tanh', 'ReLU'], 'expected sigmoid, tanh and ReLU by default');
  assert.deepEqual(df.map((d) => d.label), ['Sigmoid', 'tanh', 'ReLU'], 'expected the derivative chart to list the same functions');
  for (const d of [...f, ...df]) {
    assert.equal(d.x.length, 401, `expected 401 points for ${d.label}`);
    assert.equal(d.x[0], -5, 'expected the grid to start at -5');
    assert.equal(d.x[400], 5, 'expected the grid to end at 5');
  }
  assert.equal(f[0].x[200], 0, 'expected the middle grid point at x = 0');
  assert.ok(Math.abs(f[0].y[200] - 0.5) < 1e-15, 'expected sigmoid(0) = 0.5');
  assert.ok(Math.abs(df[0].y[200] - 0.25) < 1e-15, 'expected sigmoid\'(0) = 0.25');
  assert.equal(df[2].y[200], 0, 'expected relu\'(0) = 0 (left branch at the kink)');
  assert.equal(df[2].y[400], 1, 'expected relu\'(5) = 1');
  assert.equal(await page.locator('#panel-explorer .fn-card').count(), 3, 'expected one formula card per selected function');
  assert.deepEqual(errors, [], 'expected no console errors');
  await saveScreenshot(page.locator('#panel-explorer'), 'explorer');
  await context.close();
});

test('choosing activations adds and removes curves, and the binary step has a zero derivative', async () => {
  const { page, context } = await openExplorer();
  await checkbox(page, 'Binary step').check();
  const f = await chartData(page, functionCanvas);
  const df = await chartData(page, derivativeCanvas);
  assert.deepEqual(f.map((d) => d.label), ['Sigmoid', 'tanh', 'ReLU', 'Binary step'], 'expected the step added in display order');
  const step = seriesOf(df, 'Binary step');
  assert.ok(step.y.every((v) => v === 0), 'expected the step\'s derivative to be 0 at every x');
  assert.deepEqual([...new Set(seriesOf(f, 'Binary step').y)].sort(), [0, 1], 'expected the step to take only the values 0 and 1');
  assert.ok(await page.isVisible('#panel-explorer .note-callout'), 'expected the zero-derivative note when the step is shown');
  assert.equal(await page.locator('#panel-explorer .fn-card[data-activation="step"] .katex').count(), 2, 'expected the step\'s f and f\' in KaTeX');
  await checkbox(page, 'Sigmoid').uncheck();
  await checkbox(page, 'tanh').uncheck();
  assert.deepEqual((await chartData(page, functionCanvas)).map((d) => d.label), ['ReLU', 'Binary step'], 'expected unticked functions removed');
  await checkbox(page, 'Binary step').uncheck();
  await checkbox(page, 'ReLU').click();
  assert.equal(await checkbox(page, 'ReLU').isChecked(), true, 'expected the last function to stay selected');
  assert.equal(await page.isVisible('#panel-explorer .note-callout'), false, 'expected the note hidden without the step');
  await context.close();
});

test('every activation of the engine can be shown, each with formulas and an explanation', async () => {
  const { page, context, errors } = await openExplorer();
  const boxes = page.locator('#panel-explorer .function-picker input[type="checkbox"]');
  const count = await boxes.count();
  assert.equal(count, 14, 'expected a checkbox for each of the 14 engine activations');
  for (let i = 0; i < count; i += 1) await boxes.nth(i).check();
  const f = await chartData(page, functionCanvas);
  assert.equal(f.length, 14, 'expected 14 curves');
  for (const d of f) assert.ok(d.y.every(Number.isFinite), `expected finite values for ${d.label}`);
  const cards = page.locator('#panel-explorer .fn-card');
  assert.equal(await cards.count(), 14, 'expected 14 formula cards');
  for (let i = 0; i < 14; i += 1) {
    assert.equal(await cards.nth(i).locator('.formula:not(.formula-where) .katex-html').count(), 2, `expected f and f' rendered in card ${i}`);
    assert.ok((await cards.nth(i).locator('p').first().textContent()).length > 200, `expected an explanation paragraph in card ${i}`);
  }
  assert.equal(await page.locator('#panel-explorer .katex-error').count(), 0, 'expected every formula to parse');
  await page.click('button[data-language="zh"]');
  const chinese = await page.$$eval('#panel-explorer .fn-card > p', (ps) => ps.filter((p) => (p.textContent.match(/[\u4e00-\u9fff]/g) ?? []).length > 60).length);
  assert.equal(chinese, 14, 'expected a Chinese explanation for every activation');
  assert.deepEqual(errors, [], 'expected no console errors');
  await saveScreenshot(page.locator('#panel-explorer'), 'explorer-all');
  await context.close();
});

test('the x-range sliders change the grid of the charts', async () => {
  const { page, context } = await openExplorer();
  await page.locator('#panel-explorer input[name="xMin"]').fill('-10');
  await page.locator('#panel-explorer input[name="xMax"]').fill('2.5');
  for (const selector of [functionCanvas, derivativeCanvas]) {
    const [first] = await chartData(page, selector);
    assert.equal(first.x[0], -10, 'expected the grid to start at the new x min');
    assert.equal(first.x[400], 2.5, 'expected the grid to end at the new x max');
  }
  const scale = await page.$eval(functionCanvas, (c) => {
    const { min, max } = window.activationLab.getChart(c).scales.x;
    return [min, max];
  });
  assert.deepEqual(scale, [-10, 2.5], 'expected the x-axis to follow the range');
  assert.match(await page.textContent('#panel-explorer .control-slider output'), /10\.0/, 'expected the shown value to follow the slider');
  await context.close();
});

test('alpha of leaky ReLU and ELU updates their curves live', async () => {
  const { page, context } = await openExplorer();
  assert.equal(await page.isVisible('#panel-explorer input[name="leakyAlpha"]'), false, 'expected the leaky slider hidden until leaky ReLU is chosen');
  await checkbox(page, 'Leaky ReLU').check();
  await checkbox(page, 'ELU').check();
  const at = async (label, selector = functionCanvas) => seriesOf(await chartData(page, selector), label).y[0];
  assert.ok(Math.abs(await at('Leaky ReLU') + 0.05) < 1e-12, 'expected leaky_relu(-5) = -0.05 with the default alpha 0.01');
  await page.locator('#panel-explorer input[name="leakyAlpha"]').fill('0.3');
  assert.ok(Math.abs(await at('Leaky ReLU') + 1.5) < 1e-12, 'expected leaky_relu(-5) = -1.5 with alpha 0.3');
  assert.ok(Math.abs(await at('Leaky ReLU', derivativeCanvas) - 0.3) < 1e-12, 'expected the derivative below 0 to equal alpha');
  const eluBefore = await at('ELU');
  await page.locator('#panel-explorer input[name="eluAlpha"]').fill('2');
  const eluAfter = await at('ELU');
  assert.ok(Math.abs(eluAfter - 2 * eluBefore) < 1e-12, `expected elu(-5) to double with alpha 1 -> 2, got ${eluBefore} -> ${eluAfter}`);
  assert.match(await page.textContent('#panel-explorer .fn-card[data-activation="leaky_relu"] .fn-alpha'), /0\.30/, 'expected the card to show the new alpha');
  await context.close();
});

test('hovering one chart shows x, f(x) and f\'(x) in the tooltips of both', async () => {
  const { page, context } = await openExplorer();
  const box = await page.locator(functionCanvas).boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  const tooltips = await page.$$eval('#panel-explorer canvas', (canvases) => canvases.map((c) => {
    const { tooltip } = window.activationLab.getChart(c);
    return { opacity: tooltip.opacity, title: tooltip.title, lines: tooltip.body.flatMap((b) => b.lines) };
  }));
  assert.equal(tooltips.length, 2, 'expected two charts');
  for (const tip of tooltips) {
    assert.ok(tip.opacity > 0, 'expected both tooltips shown (the charts are linked)');
    assert.match(tip.title.join(' '), /^x = [\d.−-]+$/, 'expected the tooltip title to give x');
    assert.equal(tip.lines.length, 3, 'expected one line per function');
    for (const line of tip.lines) assert.match(line, /f\(x\) = [\d.−-]+, f′\(x\) = [\d.−-]+/, 'expected f(x) and f\'(x) in each line');
  }
  assert.deepEqual(tooltips[0].title, tooltips[1].title, 'expected the same x in both tooltips');
  await page.mouse.move(2, 2);
  const hidden = await page.$$eval('#panel-explorer canvas', (canvases) => canvases.map((c) => window.activationLab.getChart(c).getActiveElements().length));
  assert.deepEqual(hidden, [0, 0], 'expected the hover cleared in both charts when the pointer leaves');
  await context.close();
});

test('keyboard alone reaches and changes every explorer control', async () => {
  const { page, context } = await openExplorer();
  await checkbox(page, 'Leaky ReLU').check();
  await checkbox(page, 'ELU').check();
  const controls = await page.$$eval('#panel-explorer input, #panel-explorer select, #panel-explorer button:not(.export-button)',
    (nodes) => nodes.filter((n) => n.offsetParent !== null).map((n) => ({ id: n.id, type: n.type })));
  assert.equal(controls.length, 14 + 4, 'expected 14 checkboxes and 4 sliders');
  await page.focus('#tab-explorer');
  const reached = new Set((await tabThrough(page, controls.length + 5)).map((f) => f?.id));
  for (const { id } of controls) assert.ok(reached.has(id), `expected Tab to reach #${id}`);

  const snapshot = async () => JSON.stringify([await chartData(page, functionCanvas), await chartData(page, derivativeCanvas)]);
  await page.focus('#tab-explorer');
  for (const { id, type } of controls) {
    for (let presses = 0; presses < 40 && (await page.evaluate(() => document.activeElement.id)) !== id; presses += 1) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), id, `expected to reach #${id} with Tab`);
    const before = await snapshot();
    await page.keyboard.press(type === 'checkbox' ? 'Space' : 'ArrowRight');
    assert.notEqual(await snapshot(), before, `expected the keyboard on #${id} (${type}) to change the chart data`);
    if (type === 'checkbox') {
      await page.keyboard.press('Space');
      assert.equal(await snapshot(), before, `expected a second Space on #${id} to restore the chart`);
    }
  }
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none', 'expected a visible focus ring on the focused control');
  await context.close();
});

test('the language switch translates the explorer and keeps its settings', async () => {
  const { page, context, errors } = await openExplorer();
  await checkbox(page, 'Binary step').check();
  const englishIntro = await page.textContent('#panel-explorer .panel-intro');
  await page.click('button[data-language="zh"]');
  assert.notEqual(await page.textContent('#panel-explorer .panel-intro'), englishIntro, 'expected the intro translated');
  assert.equal(await page.textContent('#panel-explorer .panel-title'), '函数探索', 'expected the panel heading in Chinese');
  assert.match(await page.textContent('#panel-explorer .fn-card[data-activation="step"] p'), /[\u4e00-\u9fff]/, 'expected the explanations in Chinese');
  const labels = (await chartData(page, functionCanvas)).map((d) => d.label);
  assert.deepEqual(labels, ['Sigmoid', 'tanh', 'ReLU', '阶跃函数'], 'expected the selection kept and the names translated');
  assert.ok(await canvasInk(page, functionCanvas) > 0.01, 'expected the chart redrawn after the switch');
  const axis = await page.$eval(derivativeCanvas, (c) => window.activationLab.getChart(c).options.scales.y.title.text);
  assert.equal(axis, 'f′(x)', 'expected the derivative axis title');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('the explorer fits a 375 px screen', async () => {
  const { page, context } = await openExplorer({ viewport: { width: 375, height: 800 } });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'expected no horizontal scroll at 375 px');
  const box = await page.locator(functionCanvas).boundingBox();
  assert.ok(box.width > 250 && box.height > 180, `expected a usable chart at 375 px, got ${box.width} x ${box.height}`);
  await saveScreenshot(page.locator('#panel-explorer'), 'explorer-375');
  const boxes = page.locator('#panel-explorer .function-picker input[type="checkbox"]');
  for (let i = 0; i < await boxes.count(); i += 1) await boxes.nth(i).check();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'expected no horizontal scroll with every card shown');
  const clipped = await page.$$eval('#panel-explorer .formula', (nodes) => nodes.filter((n) => n.scrollWidth > n.clientWidth + 1).length);
  assert.equal(clipped, 0, 'expected every formula to fit its card at 375 px');
  await context.close();
});
