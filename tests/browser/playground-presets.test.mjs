// Each preset of the training panel keeps the promise its text makes, with its fixed seeds:
// healthy ReLU learns with no dead units; ReLU at rate 3 loses most units and stalls; leaky ReLU
// at rate 3 has dormant (not dead) units that come back and learns; deep sigmoid stays flat
// while tanh learns; the linear network cannot fit the circle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, chartData, saveScreenshot } from './harness.mjs';
import {
  panel, openPlayground, runPreset, storyEndToLiveEnd, tileStates, choose, waitForState, counters,
} from './playground-helpers.mjs';

let page;
let errors;
useBrowserAndServer(async ({ browser, server }) => {
  ({ page, errors } = await openPlayground(browser, server.url));
});

/** The dead-unit chart's series, by label. */
async function deadSeries() {
  const series = await chartData(page, `${panel} .pg-dead-chart canvas`);
  return Object.fromEntries(series.map((s) => [s.label, s]));
}

test('preset "healthy ReLU": no dead units, the circle learnt by step 600', async () => {
  const shown = await runPreset(page, 'healthy');
  assert.equal(shown.step, 600, 'expected the preset to stop at step 600');
  assert.equal(shown.dead, 0, 'expected no dead units');
  assert.ok(shown.testAccuracy >= 0.95, `expected test accuracy >= 95 %, got ${shown.testAccuracy}`);
  assert.equal((await tileStates(page)).dead, 0, 'expected no dead tiles');
  assert.deepEqual(errors, [], 'expected no console errors');
});

test('preset "ReLU at a high learning rate": 12 of 16 units dead within 50 steps, in the diagram and the chart; the loss stalls', async () => {
  await runPreset(page, 'reluHigh');
  const shown = await storyEndToLiveEnd(page);
  assert.ok(shown.dead >= 12, `expected at least 12 of 16 dead units, got ${shown.dead}`);
  assert.ok(shown.trainLoss > 0.65 && shown.testAccuracy <= 0.6, `expected a stalled run (loss ~0.69, chance accuracy), got ${shown.trainLoss}, ${shown.testAccuracy}`);
  const tiles = await tileStates(page);
  assert.equal(tiles.dead, shown.dead, 'expected every dead unit marked data-state="dead" in the diagram');
  const deadTile = page.locator(`${panel} .nn-tile[data-state="dead"]`).first();
  assert.match(await deadTile.getAttribute('aria-label'), /dead/, 'expected the tile label to say dead');
  const series = await deadSeries();
  const layer1 = series['layer 1: dead'];
  const layer2 = series['layer 2: dead'];
  const at50 = layer1.x.findIndex((x) => x >= 50);
  assert.ok(layer1.y[at50] + layer2.y[at50] >= 12, `expected 12 dead units in the chart by step ${layer1.x[at50]}`);
  assert.equal(layer1.y.at(-1) + layer2.y.at(-1), shown.dead, 'expected the chart to end at the dead count');
  await saveScreenshot(page.locator(panel), 'playground-relu-high');
  assert.deepEqual(errors, [], 'expected no console errors');
});

test('preset "same, with leaky ReLU": dormant not dead, units come back, accuracy above 90 % by step 1000', async () => {
  const deadStyle = await page.$eval(`${panel} .nn-tile[data-state="dead"]`, (tile) => getComputedStyle(tile.querySelector('canvas')).filter);
  const shown = await runPreset(page, 'leakyHigh');
  assert.equal(shown.dead, 0, 'expected no dead units with leaky ReLU');
  assert.ok(shown.dormant >= 8, `expected most units dormant, got ${shown.dormant}`);
  assert.ok(shown.testAccuracy >= 0.9, `expected the network to recover and learn, got test accuracy ${shown.testAccuracy}`);
  const tiles = await tileStates(page);
  assert.equal(tiles.dead, 0, 'expected no tile marked dead');
  assert.equal(tiles.dormant, shown.dormant, 'expected every dormant unit marked data-state="dormant"');
  assert.ok(tiles.revived >= 1, 'expected at least one unit marked as revived');
  const dormantStyle = await page.$eval(`${panel} .nn-tile[data-state="dormant"]`, (tile) => getComputedStyle(tile.querySelector('canvas')).filter);
  assert.notEqual(dormantStyle, deadStyle, 'expected dormant tiles drawn differently from dead ones');
  const series = await deadSeries();
  assert.ok(series['layer 1: dormant'] && series['layer 2: dormant'], 'expected dormant series in the chart');
  await saveScreenshot(page.locator(panel), 'playground-leaky-high');
  assert.deepEqual(errors, [], 'expected no console errors');
});

test('preset "sigmoid, deep and slow": the loss stays at 0.69 for 2000 steps; tanh in the same network learns', async () => {
  const shown = await runPreset(page, 'sigmoidDeep');
  assert.equal(shown.step, 2000);
  assert.ok(shown.trainLoss >= 0.68, `expected the loss to stay near ln 2, got ${shown.trainLoss}`);
  assert.ok(shown.testAccuracy <= 0.6, `expected chance accuracy, got ${shown.testAccuracy}`);
  await choose(page, 'activation', 'tanh');
  await waitForState(page, 'paused');
  await page.click(`${panel} button[name="play"]`);
  await waitForState(page, 'steps');
  const tanh = await counters(page);
  assert.ok(tanh.trainLoss < 0.05, `expected tanh to fit the circle in 2000 steps, got loss ${tanh.trainLoss}`);
  assert.deepEqual(errors, [], 'expected no console errors');
});

test('preset "no activation": the linear network cannot fit the circle', async () => {
  const shown = await runPreset(page, 'linear');
  assert.equal(shown.step, 1000);
  assert.ok(shown.trainLoss >= 0.68, `expected the loss to stay near ln 2, got ${shown.trainLoss}`);
  assert.ok(shown.trainAccuracy <= 0.6, `expected no better than chance, got ${shown.trainAccuracy}`);
  assert.equal(await page.textContent(`${panel} .pg-story h4`), 'No activation', 'expected the preset story shown');
  assert.deepEqual(errors, [], 'expected no console errors');
});
