// The student's own points in Chromium: clicks on the heatmap add points of the chosen class,
// the keyboard adds one at typed coordinates, training starts once two classes are present,
// and points go out and back in as CSV and JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, saveScreenshot, downloadOf } from './harness.mjs';
import { panel, openPlayground, choose, counters, waitForState } from './playground-helpers.mjs';

const lab = useBrowserAndServer();

const pointCount = async (page) => Number((await page.textContent(`${panel} .pg-point-count`)).split(' ')[0]);

/** Clicks the heatmap at data coordinates (x, y) in [-1.5, 1.5]^2. */
async function clickAt(page, x, y) {
  const canvas = page.locator(`${panel} .pg-decision`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await canvas.click({ position: { x: ((x + 1.5) / 3) * box.width, y: ((1.5 - y) / 3) * box.height } });
}

async function exported(page, name) {
  return (await downloadOf(page, `${panel} button[name="${name}"]`)).bytes.toString('utf8');
}

test('own points: click to add two classes, train, export CSV and JSON, clear, import again', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  await choose(page, 'dataset', 'custom');
  assert.equal(await pointCount(page), 0, 'expected no points yet');
  assert.equal(await page.isDisabled(`${panel} button[name="play"]`), true, 'expected play disabled without points');
  await clickAt(page, -0.8, 0.8);
  await clickAt(page, -0.8, -0.8);
  await choose(page, 'pointClass', '1');
  await clickAt(page, 0.8, 0.8);
  await page.fill(`${panel} input[name="pointX"]`, '0.8');
  await page.fill(`${panel} input[name="pointY"]`, '-0.8');
  await page.focus(`${panel} button[name="addPoint"]`);
  await page.keyboard.press('Enter');
  assert.equal(await pointCount(page), 4, 'expected four points');
  await page.waitForFunction((root) => !document.querySelector(`${root} button[name="play"]`).disabled, panel);
  await page.click(`${panel} button[name="play"]`);
  await page.waitForFunction((root) => Number(document.querySelector(`${root} .pg-step-count`).textContent) > 50, panel);
  await page.click(`${panel} button[name="play"]`);
  await waitForState(page, 'paused');
  assert.ok((await counters(page)).step > 50, 'expected training on the student\'s points');
  await saveScreenshot(page.locator(panel), 'playground-points');

  const csv = await exported(page, 'exportCsv');
  const rows = csv.trim().split('\n');
  assert.equal(rows[0], 'x,y,label', 'expected a CSV header');
  assert.deepEqual(rows.slice(1).map((row) => row.split(',').map(Number)).map(([x, y, label]) => [Math.sign(x), Math.sign(y), label]),
    [[-1, 1, 0], [-1, -1, 0], [1, 1, 1], [1, -1, 1]], 'expected the four points with their classes');
  const json = JSON.parse(await exported(page, 'exportJson'));
  assert.equal(json.points.length, 4, 'expected four points in the JSON');

  await page.click(`${panel} button[name="clearPoints"]`);
  assert.equal(await pointCount(page), 0, 'expected the points cleared');
  await page.setInputFiles(`${panel} input[name="importPoints"]`, { name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}2,0,1\n0.1,0.2,2\n`) });
  await page.waitForFunction((root) => document.querySelector(`${root} .pg-point-count`).textContent.startsWith('5 '), panel);
  assert.match(await page.textContent(`${panel} .pg-points`), /Imported 5 points \(1 rows skipped\)/, 'expected the out-of-range row skipped');
  assert.equal(await page.inputValue(`${panel} select[name="head"]`), 'softmax_cross_entropy', 'expected softmax once a third class appears');
  await page.setInputFiles(`${panel} input[name="importPoints"]`, { name: 'points.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await page.waitForFunction((root) => document.querySelector(`${root} .pg-point-count`).textContent.startsWith('4 '), panel);
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
