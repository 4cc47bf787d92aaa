// The network diagram's tiles come at the resolution they are drawn and only while on screen: a
// step taken with the diagram below the fold refreshes the tiles in view and leaves the others
// at the step before; scrolling them into view refreshes them at the same step, each tile's grid
// its device-pixel size (data-step and data-resolution on every painted tile). The largest
// network's output heatmap, computed in bands while playing, names the step it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, openPanel } from './harness.mjs';

const lab = useBrowserAndServer();
const panel = '#panel-playground';

/** Every hidden tile: {step, resolution, size (device px), onScreen}. */
function hiddenTiles(page) {
  return page.$$eval(`${panel} .nn-tile[data-kind="hidden"]`, (tiles) => tiles.map((tile) => {
    const box = tile.getBoundingClientRect();
    const onScreen = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    return {
      step: tile.dataset.step, resolution: Number(tile.dataset.resolution), onScreen,
      size: Math.round(box.width * Math.min(devicePixelRatio, 2)), farOff: box.top > innerHeight + 200,
    };
  }));
}

test('off-screen tiles wait until they come into view, then show the same step at their own size', async () => {
  const url = `${lab.server.url}#playground&playground.hiddenLayers=32,32,32,32,32,32`;
  const { page, context, errors } = await openPage(lab.browser, url, { viewport: { width: 1280, height: 420 } });
  await openPanel(page, 'playground');
  await page.waitForFunction((root) => document.querySelectorAll(`${root} .nn-tile[data-step]`).length === 192 + 1, panel, { timeout: 30000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click(`${panel} button[name="step"]`);
  await page.waitForFunction((root) => document.querySelector(`${root} .pg-step-count`).textContent === '1', panel, { timeout: 30000 });
  await page.waitForTimeout(300);
  const below = await hiddenTiles(page);
  const far = below.filter((tile) => tile.farOff);
  assert.ok(far.length > 0, 'the diagram should start below the fold at 420 px');
  assert.ok(far.every((tile) => tile.step === '0'), `tiles far off screen should keep step 0, got ${[...new Set(far.map((t) => t.step))]}`);

  await page.locator(`${panel} .pg-diagram`).scrollIntoViewIfNeeded();
  await page.waitForFunction((root) => {
    const tiles = [...document.querySelectorAll(`${root} .nn-tile[data-kind="hidden"]`)];
    return tiles.filter((tile) => {
      const box = tile.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }).every((tile) => tile.dataset.step === '1');
  }, panel, { timeout: 30000 });
  const shown = (await hiddenTiles(page)).filter((tile) => tile.onScreen);
  assert.ok(shown.length > 0, 'some tiles should be on screen after scrolling');
  assert.ok(shown.every((tile) => tile.resolution === tile.size), `each tile's grid should be its device-pixel size: ${JSON.stringify(shown.slice(0, 3))}`);
  assert.ok(shown.every((tile) => tile.resolution < 100), 'small tiles should not get the 100 x 100 grid');
  assert.deepEqual(errors, []);
  await context.close();
});

test('while the largest network plays, its output heatmap and inspected unit name the earlier step they show; paused, the step reached', async () => {
  const url = `${lab.server.url}#playground&playground.hiddenLayers=32,32,32,32,32,32&playground.points=2000&playground.inspectLayer=4&playground.inspectUnit=5`;
  const { page, context, errors } = await openPage(lab.browser, url);
  await openPanel(page, 'playground');
  await page.locator(`${panel} .pg-diagram`).scrollIntoViewIfNeeded();
  await page.waitForFunction((root) => document.querySelector(`${root} canvas.pg-decision`).dataset.step === '0', panel, { timeout: 30000 });
  await page.selectOption(`${panel} select[name="speed"]`, 'epochs-1');
  await page.click(`${panel} button[name="play"]`);
  const seen = await page.evaluate((root) => new Promise((resolve) => {
    const heatmap = document.querySelector(`${root} canvas.pg-decision`);
    const rows = [];
    const observer = new MutationObserver(() => {
      const shown = Number(heatmap.dataset.step);
      const inspector = document.querySelector(`${root} canvas.tl-tile`).dataset.step;
      if (shown > 0) rows.push({ shown, inspector: inspector === undefined ? null : Number(inspector), step: Number(document.querySelector(`${root} .pg-step-count`).textContent.replace(/\D/g, '')) });
      if (rows.length === 2) {
        observer.disconnect();
        resolve(rows);
      }
    });
    observer.observe(heatmap, { attributes: true, attributeFilter: ['data-step'] });
  }), panel);
  assert.ok(seen.every((row) => row.shown <= row.step), `expected each heatmap of an earlier or the same step: ${JSON.stringify(seen)}`);
  assert.ok(seen.every((row) => row.inspector === null || row.inspector <= row.step), `expected the inspected unit of an earlier or the same step: ${JSON.stringify(seen)}`);
  await page.click(`${panel} button[name="play"]`);
  await page.waitForFunction((root) => {
    const step = document.querySelector(`${root} .pg-step-count`).textContent.replace(/\D/g, '');
    const output = document.querySelector(`${root} .nn-tile[data-kind="output"]`);
    return document.querySelector(`${root} canvas.pg-decision`).dataset.step === step && output.dataset.step === step
      && document.querySelector(`${root} canvas.tl-tile`).dataset.step === step;
  }, panel, { timeout: 30000 });
  assert.deepEqual(errors, []);
  await context.close();
});
