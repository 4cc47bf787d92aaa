// How pages get the WebAssembly core over http(s) (web/src/core-file.js): they download
// activation-lab-core.wasm.gz and unpack it as it streams, so a host without compression sends
// it small too; a host that sends the .gz with Content-Encoding: gzip, and one without the .gz,
// work as well; the training Worker downloads neither the core nor the page's script again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, distDir } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const gzFile = 'activation-lab-core.wasm.gz';

/**
 * Opens index.html#playground from a host serving dist/ with `options` (scripts/serve.mjs) and
 * resolves, once it is ready, to {files (every request's file name, the Worker's included),
 * errors, worker (whether the training Worker started), compiledBy (the page's globalThis.compiledBy, which
 * `route` may set)}. `route(page)` may intercept requests or add init scripts first.
 */
async function load(options, route = async () => {}) {
  const { server, url } = await serve({ dir: distDir, ...options });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const files = [];
    const errors = [];
    context.on('request', (request) => files.push(new URL(request.url()).pathname.split('/').pop()));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await route(page);
    await page.goto(`${url}index.html#playground`);
    await page.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
    const charted = await page.evaluate(() => [...document.querySelectorAll('#panel-playground canvas')].some((c) => globalThis.activationLab.getChart(c)));
    assert.ok(charted, 'expected a chart in the training panel');
    const worker = page.workers().length > 0 || await page.waitForEvent('worker', { timeout: 10000 }).then(() => true, () => false);
    const compiledBy = await page.evaluate(() => globalThis.compiledBy ?? null);
    await context.close();
    return { files, errors, worker, compiledBy };
  } finally {
    await browser.close();
    server.close();
  }
}

const count = (files, name) => files.filter((file) => file === name).length;

test('dist/ holds the core also gzipped, smaller than half the .wasm', () => {
  const wasm = statSync(path.join(distDir, 'activation-lab-core.wasm')).size;
  const gz = statSync(path.join(distDir, gzFile)).size;
  assert.ok(gz < wasm / 2, `expected ${gzFile} (${gz} bytes) under half of the .wasm (${wasm} bytes)`);
});

test('from a host without compression the page downloads the .wasm.gz once and never the .wasm; the Worker downloads neither, nor the page script', async () => {
  const { files, errors, worker } = await load({ compress: false });
  assert.deepEqual(errors, [], 'expected no console errors');
  assert.equal(count(files, gzFile), 1, `expected one download of ${gzFile}, got ${files.join(', ')}`);
  assert.equal(count(files, 'activation-lab-core.wasm'), 0, `expected no download of the .wasm, got ${files.join(', ')}`);
  assert.equal(count(files, 'activation-lab.js'), 1, `expected activation-lab.js downloaded once, got ${files.join(', ')}`);
  assert.equal(count(files, 'activation-lab-core-inline.js'), 0, 'expected no base64 core over http');
  assert.ok(worker, 'expected the training Worker to run');
  assert.equal(count(files, 'activation-lab-worker.js'), 1, 'expected the Worker script once');
});

test('index.html\'s early script (activation-lab-core-fetch.js), when it runs before the page script (as on a slow network), compiles the core as it streams in; the page compiles it that once', async () => {
  const { errors, compiledBy } = await load({ compress: true }, async (page) => {
    // The page script arrives 0.5 s late, as the small early script outruns it on a slow network.
    await page.route('**/activation-lab.js', (route) => new Promise((resolve) => setTimeout(resolve, 500)).then(() => route.continue()));
    await page.addInitScript(() => {
      const compileStreaming = WebAssembly.compileStreaming.bind(WebAssembly);
      globalThis.compiledBy = [];
      WebAssembly.compileStreaming = (source) => {
        globalThis.compiledBy.push(document.currentScript?.src.split('/').pop() ?? '(no script running)');
        return compileStreaming(source);
      };
    });
  });
  assert.deepEqual(errors, [], 'expected no console errors');
  assert.deepEqual(compiledBy, ['activation-lab-core-fetch.js'], 'expected one streaming compilation, started by activation-lab-core-fetch.js');
});

test('a host that sends the .wasm.gz with Content-Encoding: gzip (the browser unpacks it) still gives the core', async () => {
  const headers = (file) => (file.endsWith('.gz') ? { 'Content-Encoding': 'gzip' } : {});
  const { files, errors } = await load({ compress: false, headers });
  assert.deepEqual(errors, [], 'expected no console errors');
  assert.equal(count(files, 'activation-lab-core.wasm'), 0, `expected no fallback to the .wasm, got ${files.join(', ')}`);
});

test('a host without the .wasm.gz (a folder copied without it) falls back to the .wasm', async () => {
  const missing = (page) => page.route(`**/${gzFile}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const { files, errors } = await load({ compress: false }, missing);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), [], 'expected no console errors but the 404');
  assert.equal(count(files, 'activation-lab-core.wasm'), 1, `expected the .wasm downloaded once, got ${files.join(', ')}`);
});
