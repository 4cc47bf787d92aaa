// The training panel in Chromium: training moves the counters and charts, the largest network
// at the highest speed is drawn frame by frame and stops on pause (worker and main thread; how
// fast is measured by `npm run bench`, not here), a learning rate of 10 shows the diverged
// state, the keyboard reaches every control and 375 px has no horizontal scroll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, chartData, canvasInk, saveScreenshot } from './harness.mjs';
import { assertKeyboardReachesEveryControl, assertNoHorizontalScroll } from './chapter-helpers.mjs';
import { panel, openPlayground, counters, waitForState, choose, growToLargestNetwork } from './playground-helpers.mjs';

const lab = useBrowserAndServer();

test('playground: play trains in a worker; step count, epoch and loss change; every view is drawn', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  assert.equal(await page.getAttribute(`${panel} .pg-mode`, 'data-mode'), 'worker', 'expected training in a Web Worker');
  const first = await counters(page);
  assert.equal(first.step, 0, 'expected a fresh run at step 0');
  await page.click(`${panel} button[name="play"]`);
  await page.waitForFunction((root) => Number(document.querySelector(`${root} .pg-step-count`).textContent) > 400, panel);
  await page.click(`${panel} button[name="play"]`);
  await waitForState(page, 'paused');
  const later = await counters(page);
  assert.ok(later.step > 400 && later.epoch > 10, `expected hundreds of steps, got step ${later.step}, epoch ${later.epoch}`);
  assert.ok(later.trainLoss < first.trainLoss, `expected the loss to fall: ${first.trainLoss} -> ${later.trainLoss}`);
  const losses = await chartData(page, `${panel} .pg-loss-chart canvas`);
  assert.ok(losses[0].y.length > 2, 'expected loss points in the chart');
  assert.ok(losses.every((series) => series.y.every(Number.isFinite)), 'expected finite chart values');
  for (const canvas of ['.pg-decision', '.pg-loss-chart canvas', '.pg-dead-chart canvas']) {
    assert.ok(await canvasInk(page, `${panel} ${canvas}`) > 0.01, `expected ${canvas} to be drawn`);
  }
  assert.equal(await page.locator(`${panel} .nn-tile[data-kind="hidden"]`).count(), 16, 'expected a tile per hidden unit (2-8-8-1)');
  await page.click(`${panel} button[name="step"]`);
  await page.waitForFunction(([root, step]) => Number(document.querySelector(`${root} .pg-step-count`).textContent) === step + 1, [panel, later.step]);
  await saveScreenshot(page.locator(panel), 'playground');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

for (const [name, query] of [['worker', ''], ['main thread', '?worker=0']]) {
  test(`playground: on 6 x 32 units at 100 epochs per frame, training is drawn frame by frame and pause stops it (${name})`, async () => {
    const { page, context, errors } = await openPlayground(lab.browser, `${lab.server.url}${query}`);
    assert.deepEqual(await growToLargestNetwork(page), [1, 2, 3, 4, 5, 6].map((l) => `Layer ${l}: 32 units`),
      'expected the largest network, 6 layers of 32 units');
    await choose(page, 'speed', 'epochs-100');
    await page.click(`${panel} button[name="play"]`);
    const shown = await page.evaluate((root) => new Promise((resolve) => {
      const counter = document.querySelector(`${root} .pg-step-count`);
      const values = new Set([counter.textContent]);
      const finish = () => {
        observer.disconnect();
        resolve([...values].map(Number));
      };
      const observer = new MutationObserver(() => {
        values.add(counter.textContent);
        if (values.size >= 6) finish();
      });
      observer.observe(counter, { childList: true, characterData: true, subtree: true });
      setTimeout(finish, 30000);
    }), panel);
    assert.ok(shown.length >= 6 && shown.every((step, i) => i === 0 || step > shown[i - 1]),
      `expected the step counter to rise over at least 5 drawn frames: ${shown.join(', ')}`);
    await page.click(`${panel} button[name="play"]`);
    await waitForState(page, 'paused');
    const { step } = await counters(page);
    await page.waitForTimeout(300);
    assert.equal((await counters(page)).step, step, 'expected no more steps after the engine reported the pause');
    assert.equal((await counters(page)).state, 'paused', 'expected the paused state');
    assert.deepEqual(errors, [], 'expected no console errors');
    await context.close();
  });
}

test('playground: learning rate 10 with leaky ReLU diverges: banner, hint, no NaN drawn, one-click reset', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  await choose(page, 'activation', 'leaky_relu');
  await page.focus(`${panel} input[name="learningRate"]`);
  await page.keyboard.press('End');
  assert.equal(await page.inputValue(`${panel} input[name="learningRateExact"]`), '10', 'expected the slider to show 10');
  await page.click(`${panel} button[name="play"]`);
  await waitForState(page, 'diverged');
  const banner = page.locator(`${panel} .pg-diverged`);
  assert.equal(await banner.isVisible(), true, 'expected the diverged banner');
  assert.match(await banner.textContent(), /diverged at step \d+/, 'expected the banner to say diverged');
  assert.match(await banner.textContent(), /lower the learning rate/, 'expected the hint to lower the learning rate');
  const shown = await counters(page);
  assert.ok(Number.isFinite(shown.trainLoss), 'expected a finite loss on show, not NaN');
  const losses = await chartData(page, `${panel} .pg-loss-chart canvas`);
  assert.ok(losses.every((series) => series.y.every(Number.isFinite)), 'expected no NaN or infinity in the loss chart');
  assert.equal(await page.isDisabled(`${panel} button[name="play"]`), true, 'expected play disabled after divergence');
  await saveScreenshot(page.locator(panel), 'playground-diverged');
  await page.focus(`${panel} button[name="divergedLower"]`);
  await page.keyboard.press('Enter');
  await waitForState(page, 'paused');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), 'reset', 'expected focus on Reset once the banner is gone');
  assert.equal(await banner.isVisible(), false, 'expected the banner gone after reset');
  assert.equal(await page.inputValue(`${panel} input[name="learningRateExact"]`), '1', 'expected the rate lowered to 1');
  assert.equal((await counters(page)).step, 0, 'expected a fresh run');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('playground: keyboard reaches every control (also the own-points tools); 375 px has no horizontal scroll', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  await page.click(`${panel} .pg-diagnostics summary`);
  await assertKeyboardReachesEveryControl(page, 'playground', 200);
  await choose(page, 'dataset', 'custom');
  await assertKeyboardReachesEveryControl(page, 'playground', 200);
  await choose(page, 'dataset', 'circle');
  await page.setViewportSize({ width: 375, height: 800 });
  await waitForState(page, 'paused');
  await assertNoHorizontalScroll(page, 'the training panel');
  await saveScreenshot(page, 'playground-375', { fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await assertNoHorizontalScroll(page, 'the training panel');
  await saveScreenshot(page, 'playground-1920');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});
