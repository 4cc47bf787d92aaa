// The training views inside the "Train a network" panel: every hidden unit's tile carries the
// state the engine reports (checked against the same run in Node), dead and dormant tiles look
// different, the canvases are drawn, the charts follow the run, and a 6 x 32 network scrolls
// inside its own box on a phone. Screenshots: build/screenshots/training-*.png.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, openPanel, canvasInk, chartData, saveScreenshot } from './harness.mjs';
import { loadEngine } from '../node/load-engine.mjs';
import { defaults, sanitize } from '../../web/src/settings.js';
import { schema, trainerSpec } from '../../web/src/panels/playground/settings.js';
import { presetById } from '../../web/src/training/presets.js';
import { storyEndToLiveEnd } from './playground-helpers.mjs';

const lab = useBrowserAndServer();
let engine;

before(async () => {
  engine = await loadEngine();
});


/** Clicks a preset and waits until its run stops at its step limit; resolves to the final step. */
async function runPreset(page, id) {
  await page.click(`button[name="preset-${id}"]`);
  await page.waitForSelector('.pg-state[data-state="steps"]', { timeout: 60000 });
  return Number(await page.textContent('.pg-step-count'));
}

/** Every hidden tile: {layer, unit, state, label, title}, in page order. */
function tiles(page) {
  return page.$$eval('.pg-diagram .nn-tile[data-state]', (nodes) => nodes.map((n) => ({
    layer: Number(n.dataset.layer), unit: Number(n.dataset.unit), state: n.dataset.state,
    label: n.getAttribute('aria-label'), title: n.title,
  })));
}

/** The engine's unit states (alive / dead / dormant) after `steps` steps of a preset, computed in Node. */
function engineStates(id, steps) {
  const settings = sanitize(schema, { ...defaults(schema), ...presetById(id).settings }).settings;
  const trainer = engine.createTrainer(trainerSpec(settings));
  try {
    trainer.train(steps);
    return trainer.units().layers.map((layer) => [...layer.state]);
  } finally {
    trainer.delete();
  }
}

/** Tile states per layer, with 'revived' read as alive (revivals depend on how often stats were taken). */
function statesByLayer(list, layers) {
  return Array.from({ length: layers }, (_, l) => list.filter((tile) => tile.layer === l + 1)
    .map((tile) => (tile.state === 'revived' ? 'alive' : tile.state)));
}

test('ReLU at a high learning rate: each tile shows the engine\'s unit state, and the dead chart counts them', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#playground`);
  await openPanel(page, 'playground');
  const { step: steps } = await runPreset(page, 'reluHigh').then(() => storyEndToLiveEnd(page));
  const expected = engineStates('reluHigh', steps);
  const shown = await tiles(page);
  assert.equal(shown.length, 16, `expected a tile for each of the 16 hidden units, found ${shown.length}`);
  assert.deepEqual(statesByLayer(shown, 2), expected, `tile states should equal the engine's states at step ${steps}`);
  const deadTiles = shown.filter((tile) => tile.state === 'dead');
  assert.ok(deadTiles.length >= 8, `expected most units dead at a learning rate of 3, got ${deadTiles.length}`);
  assert.match(deadTiles[0].label, /dead — never active on the training data/);
  assert.match(deadTiles[0].title, /active on 0% of the training points/);

  const deadLook = await page.$eval('.pg-diagram .nn-tile[data-state="dead"]', (tile) => ({
    filter: getComputedStyle(tile.querySelector('canvas')).filter, cross: getComputedStyle(tile, '::after').backgroundImage,
  }));
  assert.match(deadLook.filter, /grayscale/, 'a dead tile should be greyed');
  assert.match(deadLook.cross, /linear-gradient.*linear-gradient/, 'a dead tile should carry a cross');

  const heads = await page.$$eval('.pg-diagram .nn-column-count', (nodes) => nodes.map((n) => n.textContent));
  for (let l = 0; l < 2; l += 1) {
    const dead = expected[l].filter((s) => s === 'dead').length;
    if (dead > 0) assert.ok(heads.includes(`${dead} dead`), `layer ${l + 1} header should read "${dead} dead", headers: ${heads}`);
  }

  const series = await chartData(page, '.pg-dead-chart canvas');
  for (let l = 0; l < 2; l += 1) {
    const line = series.find((s) => s.label === `layer ${l + 1}: dead`);
    assert.ok(line, `the dead chart should have a series for layer ${l + 1}`);
    assert.equal(line.x.at(-1), steps, 'the dead chart should end at the last step');
    assert.equal(line.y.at(-1), expected[l].filter((s) => s === 'dead').length, `layer ${l + 1}'s last dead count should match the engine`);
  }
  assert.ok(await canvasInk(page, '.pg-dead-chart canvas') > 0.01, 'the dead chart should be drawn');
  await saveScreenshot(page.locator('.pg-views'), 'training-relu-high');

  await page.click('button[data-language="zh"]');
  const label = await page.$eval('.pg-diagram .nn-tile[data-state="dead"]', (tile) => tile.getAttribute('aria-label'));
  assert.match(label, /第 \d 层第 \d+ 个单元：已死亡/, `tile labels should follow the language, got ${label}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('leaky ReLU at the same rate: never-positive units are dormant tiles, marked apart from dead ones', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#playground`);
  await openPanel(page, 'playground');
  const steps = await runPreset(page, 'leakyHigh');
  const expected = engineStates('leakyHigh', steps);
  const shown = await tiles(page);
  assert.deepEqual(statesByLayer(shown, 2), expected, `tile states should equal the engine's states at step ${steps}`);
  assert.equal(shown.filter((tile) => tile.state === 'dead').length, 0, 'leaky ReLU units never die');
  const dormant = shown.filter((tile) => tile.state === 'dormant');
  assert.ok(dormant.length > 0, 'the leaky preset should show dormant units');
  assert.match(dormant[0].label, /dormant — never positive on the training data, but it still learns/);

  const looks = await page.$$eval('.pg-diagram .nn-tile[data-state]', (nodes) => nodes.map((tile) => ({
    state: tile.dataset.state, outline: getComputedStyle(tile).outlineStyle,
    dots: getComputedStyle(tile, '::after').backgroundImage, filter: getComputedStyle(tile.querySelector('canvas')).filter,
  })));
  for (const look of looks.filter((l) => l.state === 'dormant')) {
    assert.equal(look.outline, 'dotted', 'a dormant tile should have a dotted outline');
    assert.match(look.dots, /radial-gradient/, 'a dormant tile should carry half-tone dots');
    assert.doesNotMatch(look.filter, /grayscale/, 'a dormant tile should keep its colours: it still learns');
  }

  const series = await chartData(page, '.pg-dead-chart canvas');
  const dormantLines = series.filter((s) => /dormant/.test(s.label));
  assert.ok(dormantLines.length > 0, `the dead chart should add dormant series, has ${series.map((s) => s.label)}`);
  const lastDormant = dormantLines.reduce((sum, s) => sum + s.y.at(-1), 0);
  assert.equal(lastDormant, dormant.length, 'the dormant series should end at the number of dormant tiles');
  await saveScreenshot(page.locator('.pg-views'), 'training-leaky');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a healthy run: the heatmap, tiles and links are drawn and the loss chart grows while training', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#playground`);
  await openPanel(page, 'playground');
  await page.click('button[name="preset-healthy"]');
  await page.waitForFunction(() => {
    const chart = window.activationLab.getChart(document.querySelector('.pg-loss-chart canvas'));
    return chart && chart.data.datasets[0].data.length >= 3;
  }, null, { timeout: 30000 });
  const early = (await chartData(page, '.pg-loss-chart canvas'))[0].x.length;
  await page.waitForSelector('.pg-state[data-state="steps"]', { timeout: 60000 });
  const series = await chartData(page, '.pg-loss-chart canvas');
  assert.ok(series[0].x.length > early, `the loss chart should grow while training (${early} -> ${series[0].x.length} points)`);
  assert.deepEqual(series.map((s) => s.label), ['training loss', 'test loss', 'training accuracy', 'test accuracy']);
  assert.ok(series[0].y.at(-1) < series[0].y[0], 'the healthy run\'s training loss should fall');

  assert.ok(await canvasInk(page, 'canvas.pg-decision') > 0.1, 'the output heatmap should be drawn');
  assert.ok(await canvasInk(page, '.pg-diagram .nn-links') > 0.01, 'the links should be drawn');
  const inks = await page.$$eval('.pg-diagram .nn-tile canvas', (canvases) => canvases.map((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const min = [255, 255, 255];
    const max = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) {
      for (let c = 0; c < 3; c += 1) {
        min[c] = Math.min(min[c], data[i + c]);
        max[c] = Math.max(max[c], data[i + c]);
      }
    }
    return Math.max(...max.map((m, c) => m - min[c]));
  }));
  assert.equal(inks.length, 2 + 16 + 1, 'input, hidden and output tiles should each have a canvas');
  assert.ok(inks.filter((range) => range > 40).length >= inks.length / 2, `most tiles should show a pattern, colour ranges ${inks}`);
  assert.ok((await tiles(page)).every((tile) => tile.state !== 'dead'), 'the healthy preset should keep every unit alive');
  await saveScreenshot(page.locator('.pg-views'), 'training-healthy');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 6 x 32 network fits: tiles shrink, and at 375 px the diagram scrolls inside its own box', async () => {
  const layers = '32,32,32,32,32,32';
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#playground&playground.hiddenLayers=${layers}`);
  await openPanel(page, 'playground');
  await page.waitForFunction(() => document.querySelectorAll('.pg-diagram .nn-tile[data-state]').length === 192, null, { timeout: 30000 });
  const desktop = await page.$eval('.pg-diagram', (box) => ({
    tile: box.querySelector('.nn-tile[data-state]').getBoundingClientRect().width,
    stage: box.querySelector('.nn-stage').getBoundingClientRect().height,
  }));
  assert.ok(desktop.tile >= 12 && desktop.tile <= 16, `tiles of 32-unit layers should shrink to 12-16 px, got ${desktop.tile}`);
  assert.ok(desktop.stage < 560, `the diagram should stay under 560 px tall, got ${desktop.stage}`);
  await saveScreenshot(page.locator('.pg-diagram'), 'training-6x32');

  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForFunction(() => {
    const box = document.querySelector('.pg-diagram');
    return box.clientWidth > 0 && box.scrollWidth > box.clientWidth;
  }, null, { timeout: 5000 }).catch(() => {});
  const phone = await page.$eval('.pg-diagram', (box) => ({
    client: box.clientWidth, scroll: box.scrollWidth, right: box.getBoundingClientRect().right,
    overflow: getComputedStyle(box).overflowX, page: document.documentElement.scrollWidth,
  }));
  assert.equal(phone.overflow, 'auto');
  assert.ok(phone.client > 200, `the diagram box should span the phone's width, got ${phone.client} px`);
  assert.ok(phone.scroll > phone.client, `the diagram should scroll inside its box (${phone.scroll} > ${phone.client})`);
  assert.ok(phone.right <= 375, `the diagram box should end inside the screen, ends at ${phone.right}`);
  assert.ok(phone.page <= 375, `the page should not scroll sideways at 375 px, scrollWidth ${phone.page}`);
  await saveScreenshot(page, 'training-375', { fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
