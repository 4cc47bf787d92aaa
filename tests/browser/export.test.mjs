// Export under the race charts in Chromium: PNG on white with the chart's legend drawn, CSV of
// every point the chart shows, file names with panel, chart and settings, labelled buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, chartData, downloadOf, pngPixels } from './harness.mjs';
import { openChapterPanel } from './chapter-helpers.mjs';

const lab = useBrowserAndServer();
const curveBar = '#panel-race .chart-export:has(.race-curve) .export-bar';


test('race curve: PNG on white with the settings in its name, CSV with every drawn point', async () => {
  const { page, context, errors } = await openChapterPanel(lab.browser, lab.server.url, 'race');
  const png = await downloadOf(page, `${curveBar} button[name="export-png"]`);
  assert.equal(png.name, 'activation-lab_race_curve_racers-sigmoid+relu_start-0.9_lr-0.2_target-0.5_depth-1.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'expected a PNG file');
  const corner = await pngPixels(page, png.bytes);
  const shown = await page.$eval('#panel-race .race-curve canvas', (canvas) => [canvas.width, canvas.height]);
  assert.deepEqual(corner.size, shown, 'expected the PNG at the canvas resolution');
  assert.deepEqual(corner.corner, [255, 255, 255, 255], 'expected an opaque white background');
  assert.ok(corner.ink > 0.01, `expected the curves, legend and axes drawn, got ${corner.ink} ink`);

  const csv = await downloadOf(page, `${curveBar} button[name="export-csv"]`);
  assert.equal(csv.name, 'activation-lab_race_curve_racers-sigmoid+relu_start-0.9_lr-0.2_target-0.5_depth-1.csv');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n');
  assert.equal(lines[0], 'series,x,y');
  const datasets = await chartData(page, '#panel-race .race-curve canvas');
  assert.equal(lines.length - 1, datasets.reduce((sum, set) => sum + set.y.length, 0), 'expected one row per drawn point');
  const first = datasets[0];
  assert.equal(lines[1], [first.label, first.x[0], first.y[0]].map(String).join(','));
  assert.match(await page.textContent(`${curveBar} [role="status"]`), /^Saved activation-lab_race_curve_.*\.csv$/);
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('race export: buttons named in English and Chinese, file names follow the settings', async () => {
  const { page, context } = await openChapterPanel(lab.browser, lab.server.url, 'race');
  assert.equal(await page.getAttribute(`${curveBar} button[name="export-png"]`, 'aria-label'), `Save ${await page.getAttribute('#panel-race .race-curve canvas', 'aria-label')} as a PNG image`);
  await page.focus('#panel-race input[name="depth"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const csv = await downloadOf(page, '#panel-race .chart-export:has(.race-output) button[name="export-csv"]');
  assert.equal(csv.name, 'activation-lab_race_output_racers-sigmoid+relu_start-0.9_lr-0.2_target-0.5_depth-3.csv');
  await page.click('button[data-language="zh"]');
  assert.match(await page.getAttribute(`${curveBar} button[name="export-png"]`, 'aria-label'), /PNG 图片/);
  await context.close();
});

const expectedFirst = {
  explorer: 'activation-lab_explorer_functions_functions-sigmoid+tanh+relu_xmin--5_xmax-5_leakyalpha-0.01_elualpha-1.csv',
  'mean-shift': 'activation-lab_mean-shift_inputs_activation-sigmoid_samples-10000_seed-1.csv',
  softmax: 'activation-lab_softmax_probabilities_logits-3+1+-3_temperature-1.csv',
  nonlinearity: 'activation-lab_nonlinearity_linear_w1-1.5+-2_b1-0.5+1_w2-1+1_b2--0.5_between-relu.csv',
};

for (const [panel, name] of Object.entries(expectedFirst)) {
  test(`${panel}: every chart has an export bar; the first chart's CSV is named for its settings`, async () => {
    const { page, context, errors } = await openChapterPanel(lab.browser, lab.server.url, panel);
    const charts = await page.locator(`#panel-${panel} .chart-box`).count();
    assert.ok(charts > 0);
    assert.equal(await page.locator(`#panel-${panel} .chart-export .export-bar`).count(), charts, 'expected one bar per chart');
    const csv = await downloadOf(page, `#panel-${panel} .export-bar button[name="export-csv"] >> nth=0`);
    assert.equal(csv.name, name);
    assert.ok(csv.bytes.toString('utf8').trimEnd().split('\r\n').length > 2, 'expected the chart data in rows');
    assert.deepEqual(errors, [], 'expected no console errors');
    await context.close();
  });
}

test('experiments: the first layer histogram exports with the init settings in its name', async () => {
  const { page, context } = await openChapterPanel(lab.browser, lab.server.url, 'experiments');
  const csv = await downloadOf(page, '#panel-experiments .chart-export:has(.layer-chart) button[name="export-csv"] >> nth=0');
  assert.equal(csv.name, 'activation-lab_experiments_init-layer-1_init-xavier_activation-relu_layers-6x16_seed-1.csv');
  assert.ok(csv.bytes.toString('utf8').trimEnd().split('\r\n').length > 2, 'expected the histogram in rows');
  await context.close();
});
