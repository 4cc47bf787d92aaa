// The training panel's exports (issue 15 item 5): the loss, dead-units and gradient charts as PNG and CSV,
// the network diagram and the output heatmap with their legends as PNG, the whole history as CSV, file names that say what
// and with which settings, labels in Chinese, and nothing left over when classroom mode hides a view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, downloadOf, pngPixels } from './harness.mjs';
import { waitForFirstFrame, counters } from './playground-helpers.mjs';

const lab = useBrowserAndServer();
const panel = '#panel-playground';

/** Clicks button `name` of the panel; resolves to {name, bytes} of the download. */
const save = (page, name) => downloadOf(page, `${panel} button[name="${name}"]`);
/** Fraction of a PNG's pixels that are not white. */
/** Width and height of a PNG from its IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'expected a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
const ink = async (page, bytes) => (await pngPixels(page, bytes)).ink;

test('the training panel saves its charts, its diagram and its history, named by what and by the run', async () => {
  const { page, errors } = await openPage(lab.browser, `${lab.server.url}index.html#playground&playground.learningRate=3&playground.stopMode=steps&playground.stopSteps=200&playground.speed=steps-10`);
  await waitForFirstFrame(page);
  await page.click(`${panel} .pg-play`);
  await page.waitForSelector(`${panel} .pg-state[data-state="steps"]`, { state: 'attached', timeout: 30000 });
  const shown = await counters(page);
  const suffix = `activation-relu_lr-3_layers-8+8_step-${shown.step}`;

  const lossPng = await save(page, 'export-loss-accuracy-png');
  assert.equal(lossPng.name, `activation-lab_playground_loss-accuracy_${suffix}.png`);
  const lossBox = await page.locator(`${panel} .pg-loss-chart canvas`).evaluate((canvas) => ({ width: canvas.width, height: canvas.height }));
  assert.deepEqual(pngSize(lossPng.bytes), lossBox);

  const lossCsv = (await save(page, 'export-loss-accuracy-csv')).bytes.toString('utf8').trim().split('\r\n');
  assert.equal(lossCsv[0], 'series,x,y');
  assert.deepEqual([...new Set(lossCsv.slice(1).map((row) => row.split(',')[0]))], ['training loss', 'test loss', 'training accuracy', 'test accuracy']);

  const history = await save(page, 'export-history-csv');
  assert.equal(history.name, `activation-lab_playground_history_${suffix}.csv`);
  const rows = history.bytes.toString('utf8').trim().split('\r\n');
  assert.equal(rows[0], 'step,training loss,test loss,training accuracy,test accuracy,dead units,dormant units');
  const last = rows.at(-1).split(',').map(Number);
  assert.equal(last[0], shown.step, 'expected the history to end at the step shown');
  assert.equal(last[4], shown.testAccuracy, 'expected the last row\'s test accuracy to be the counter\'s');
  assert.equal(last[5], shown.dead, 'expected the last row\'s dead units to be the counter\'s');

  const deadPng = await save(page, 'export-dead-units-png');
  assert.equal(deadPng.name, `activation-lab_playground_dead-units_${suffix}.png`);
  assert.ok(await ink(page, deadPng.bytes) > 0.01, 'expected the dead units chart drawn in the PNG');

  const gradientPng = await save(page, 'export-gradient-sizes-png');
  assert.equal(gradientPng.name, `activation-lab_playground_gradient-sizes_${suffix}.png`);
  assert.ok(await ink(page, gradientPng.bytes) > 0.01, 'expected the gradient chart drawn in the PNG');
  const gradientCsv = (await save(page, 'export-gradient-sizes-csv')).bytes.toString('utf8').trim().split('\r\n');
  assert.equal(gradientCsv[0], 'series,x,y');
  assert.ok(gradientCsv.length > 3, 'expected the gradient sizes as rows');

  const diagram = await save(page, 'export-network-diagram-png');
  assert.equal(diagram.name, `activation-lab_playground_network-diagram_${suffix}.png`);
  const figure = await page.locator(`${panel} .pg-diagram-figure`).evaluate((node) => ({ width: node.scrollWidth, height: node.scrollHeight }));
  const size = pngSize(diagram.bytes);
  assert.equal(size.width, 2 * figure.width, 'expected the whole width of the figure at twice its CSS size');
  assert.ok(size.height > figure.height, `expected the figure's height at twice its size, got ${size.height} for ${figure.height}`);
  assert.ok(await ink(page, diagram.bytes) > 0.05, 'expected tiles, links and the legend drawn in the diagram PNG');

  const heatmap = await save(page, 'export-output-heatmap-png');
  assert.equal(heatmap.name, `activation-lab_playground_output-heatmap_${suffix}.png`);
  assert.ok(await ink(page, heatmap.bytes) > 0.2, 'expected the heatmap and its points in the PNG');

  await page.click('button[data-language="zh"]');
  assert.equal(await page.locator(`${panel} button[name="export-history-csv"]`).getAttribute('aria-label'), '历史 CSV：保存训练历史（每个记录的步）');
  assert.equal(await page.locator(`${panel} .pg-dead-figure .export-bar`).getAttribute('aria-label'), '保存死亡单元图');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('classroom mode: a hidden view takes its export buttons with it', async () => {
  const { page } = await openPage(lab.browser, `${lab.server.url}index.html#playground&playground.views=loss`);
  await waitForFirstFrame(page);
  assert.equal(await page.locator(`${panel} button[name="export-loss-accuracy-png"]`).isVisible(), true);
  for (const name of ['export-network-diagram-png', 'export-dead-units-png', 'export-gradient-sizes-png', 'export-output-heatmap-png']) {
    assert.equal(await page.locator(`${panel} button[name="${name}"]`).isVisible(), false, `expected ${name} hidden with its view`);
  }
  await page.context().close();
});
