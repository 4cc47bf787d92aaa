// The training runtime in Chromium: the WASM heap of the training engine stays flat across 20
// resets, a file:// page trains on the main thread, and a saved network loads back into a fresh
// page with identical predictions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowserAndServer, openPage, openPanel, distDir, downloadOf } from './harness.mjs';
import { panel, openPlayground, waitForFirstFrame, counters, waitForState, runPreset } from './playground-helpers.mjs';

const lab = useBrowserAndServer();

/** Asks the training engine for its memory; resolves to {heapBytesInUse, memoryBytes}. */
async function memory(page) {
  await page.$eval(`${panel} .pg-memory`, (node) => { node.dataset.pending = 'true'; });
  await page.click(`${panel} button[name="measureMemory"]`);
  await page.waitForSelector(`${panel} .pg-memory[data-pending="false"]`, { state: 'attached' });
  return page.$eval(`${panel} .pg-memory`, (node) => ({ heapBytesInUse: Number(node.dataset.heapBytesInUse), memoryBytes: Number(node.dataset.memoryBytes) }));
}

/** The decision heatmap's pixels as one string (identical pixels = identical predictions on the grid). */
function decisionPixels(page) {
  return page.$eval(`${panel} .pg-decision`, (canvas) => canvas.toDataURL());
}

test('playground: the training engine\'s heap does not grow across 20 resets and 20 new networks', async (t) => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  await page.click(`${panel} .pg-diagnostics summary`);
  await page.click(`${panel} button[name="play"]`);
  await page.waitForFunction((root) => Number(document.querySelector(`${root} .pg-step-count`).textContent) > 200, panel);
  await page.click(`${panel} button[name="reset"]`);
  await waitForState(page, 'paused');
  const before = await memory(page);
  assert.ok(before.heapBytesInUse > 0, 'expected the engine to report its heap');
  await page.evaluate((root) => {
    const steps = () => document.querySelector(`${root} .pg-step-count`).textContent;
    const click = (name) => document.querySelector(`${root} button[name="${name}"]`).click();
    const until = (done) => new Promise((resolve) => {
      const poll = () => (done() ? resolve() : requestAnimationFrame(poll));
      poll();
    });
    return (async () => {
      for (let i = 0; i < 20; i += 1) {
        click('play');
        await until(() => Number(steps()) > 0);
        click('reset');
        await until(() => steps() === '0');
        click('regenerate');
      }
    })();
  }, panel);
  await page.fill(`${panel} input[name="dataSeed"]`, '1');
  await waitForState(page, 'paused');
  await page.waitForFunction((root) => document.querySelector(`${root} .pg-step-count`).textContent === '0', panel);
  const afterResets = await memory(page);
  t.diagnostic(`heap in use ${before.heapBytesInUse} -> ${afterResets.heapBytesInUse} bytes, WebAssembly memory ${before.memoryBytes} -> ${afterResets.memoryBytes} bytes`);
  assert.equal(afterResets.heapBytesInUse, before.heapBytesInUse, `expected the same heap after 20 resets: ${before.heapBytesInUse} -> ${afterResets.heapBytesInUse} bytes`);
  assert.equal(afterResets.memoryBytes, before.memoryBytes, 'expected the WebAssembly memory not to grow');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('playground: from file:// the worker cannot start, so training runs on the main thread', async () => {
  const url = `${pathToFileURL(path.join(distDir, 'index.html')).href}#playground`;
  const { page, context, errors } = await openPage(lab.browser, url);
  await openPanel(page, 'playground');
  await waitForFirstFrame(page);
  await page.waitForSelector(`${panel} .pg-mode[data-mode="main"]`, { state: 'attached' });
  await page.click(`${panel} button[name="play"]`);
  await page.waitForFunction((root) => Number(document.querySelector(`${root} .pg-step-count`).textContent) > 300, panel);
  await page.click(`${panel} button[name="play"]`);
  await waitForState(page, 'paused');
  const shown = await counters(page);
  assert.ok(shown.step > 300 && shown.trainLoss < 0.6, `expected training on the main thread, got step ${shown.step}, loss ${shown.trainLoss}`);
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('playground: a saved network loads into a fresh page with identical predictions', async () => {
  const { page, context, errors } = await openPlayground(lab.browser, lab.server.url);
  await runPreset(page, 'healthy');
  const trained = await decisionPixels(page);
  const text = (await downloadOf(page, `${panel} button[name="saveNetwork"]`)).bytes.toString('utf8');
  const file = JSON.parse(text);
  assert.equal(file.format, 'activation-lab-network');
  assert.equal(file.step, 600, 'expected the step the network was saved at');
  assert.deepEqual(file.architecture.hiddenLayers, [8, 8]);
  assert.equal(file.parameters.length, 3, 'expected three dense layers for 2-8-8-1');
  assert.equal(file.settings.learningRate, 0.1, 'expected the settings in the file');
  await context.close();

  const fresh = await openPlayground(lab.browser, `${lab.server.url}?worker=0`);
  assert.notEqual(await decisionPixels(fresh.page), trained, 'expected an untrained network to predict differently');
  await fresh.page.setInputFiles(`${panel} input[name="loadNetwork"]`, { name: 'network.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await fresh.page.waitForSelector(`${panel} .pg-file-message[data-result="loaded"]`, { state: 'attached' });
  await fresh.page.waitForFunction(([root, pixels]) => document.querySelector(`${root} .pg-decision`).toDataURL() === pixels, [panel, trained], { timeout: 5000 });
  assert.equal(await fresh.page.inputValue(`${panel} input[name="learningRateExact"]`), '0.1', 'expected the saved learning rate restored');
  assert.equal(await fresh.page.inputValue(`${panel} input[name="stopSteps"]`), '600', 'expected the saved stop condition restored');
  await fresh.page.setInputFiles(`${panel} input[name="loadNetwork"]`, { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "x"}') });
  await fresh.page.waitForSelector(`${panel} .pg-file-message[data-result="loadFailed"]`, { state: 'attached' });
  assert.deepEqual([...errors, ...fresh.errors], [], 'expected no console errors');
  await fresh.context.close();
});
