// The offline build: dist/ holds everything the app needs (the bundle, the worker, the WASM
// module and its base64 copy for file://, KaTeX with its fonts, the element stylesheet), works
// from any sub-path of a static host and straight from file:// (where Workers cannot start and
// training runs on the main thread).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, serveDist, canvasInk, distDir } from './harness.mjs';
import { openWatched, watch, elementsReady, frameOf, trainBriefly } from './hosting.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const fileUrl = (name) => pathToFileURL(path.join(distDir, name)).href;
const tabIds = (page) => page.$$eval('[role="tab"]', (tabs) => tabs.map((tab) => tab.id.replace(/^tab-/, '')));

/** Opens every panel of the app page and checks each draws something; resolves to the panel ids. */
async function visitEveryPanel(page) {
  const ids = await tabIds(page);
  for (const id of ids) {
    await page.click(`#tab-${id}`);
    await page.locator(`#panel-${id}`).waitFor({ state: 'visible' });
    let ink = 0;
    const canvases = await page.locator(`#panel-${id} canvas`).count();
    for (let i = 0; i < canvases && ink <= 0.005; i += 1) ink = await canvasInk(page, `#panel-${id} canvas >> nth=${i}`);
    assert.ok(ink > 0.005, `expected panel ${id} to draw`);
  }
  return ids;
}

test('dist/ holds the page, its scripts, the WASM module (also gzipped, and as base64 for file://), the element stylesheet and KaTeX with its fonts', () => {
  for (const file of ['index.html', 'embed-example.html', 'activation-lab.js', 'activation-lab.css', 'katex/katex.min.css']) {
    assert.ok(existsSync(path.join(distDir, file)), `expected dist/${file}`);
  }
  const fonts = readdirSync(path.join(distDir, 'katex', 'fonts'));
  assert.ok(fonts.filter((f) => f.endsWith('.woff2')).length >= 19, 'expected KaTeX\'s woff2 fonts');
  assert.deepEqual(readdirSync(distDir).filter((f) => f.endsWith('.js')),
    ['activation-lab-core-fetch.js', 'activation-lab-core-inline.js', 'activation-lab-strings-zh.js', 'activation-lab-worker.js', 'activation-lab.js'],
    'expected the page, worker, early .wasm download, file:// core and Chinese strings scripts');
  assert.deepEqual(readdirSync(distDir).filter((f) => /\.wasm(\.gz)?$/.test(f)), ['activation-lab-core.wasm', 'activation-lab-core.wasm.gz'], 'expected the WASM module for http(s), also gzipped');
  assert.doesNotMatch(readFileSync(path.join(distDir, 'activation-lab.js'), 'utf8'), /base64,AGFzbQ/, 'expected no WASM inside the page bundle');
  assert.match(readFileSync(path.join(distDir, 'activation-lab-core-inline.js'), 'utf8'), /"AGFzbQ/, 'expected the WASM module as base64 for file://');
  for (const file of ['index.html', 'embed-example.html', 'styles.css', 'activation-lab.css', 'katex/katex.min.css']) {
    const text = readFileSync(path.join(distDir, file), 'utf8');
    assert.doesNotMatch(text, /(src|href)="(https?:)?\/\/|url\(\s*["']?(https?:)?\/\//, `expected dist/${file} to load nothing from another host`);
  }
});

test('served under a sub-path, every panel, embed mode and the example page load only from that path', async () => {
  const server = await serveDist({ prefix: '/course/lab/' });
  const allowed = [server.url];
  const context = await browser.newContext();
  try {
    assert.match(server.url, /\/course\/lab\/$/, 'expected the server to serve under /course/lab/');
    const app = await openWatched(context, `${server.url}#race&race.depth=2`, { origins: allowed });
    assert.equal(await app.page.inputValue('#panel-race input[name="depth"]'), '2', 'expected settings from the fragment under a sub-path');
    const ids = await visitEveryPanel(app.page);
    if (ids.includes('playground')) {
      await app.page.click('#tab-playground');
      const run = await trainBriefly(app.page, '#panel-playground');
      assert.equal(run.mode, 'worker', 'expected training in a Worker under a sub-path');
    }
    const embedded = await openWatched(context, `${server.url}index.html#embed=softmax&softmax.temperature=2`, { origins: allowed });
    assert.equal(await embedded.page.inputValue('#panel-softmax input[name="temperature"]'), '2', 'expected embed mode under a sub-path');
    const example = await openWatched(context, `${server.url}embed-example.html`, { waitFor: null, origins: allowed });
    await elementsReady(example.page, 2);
    const frame = await frameOf(example.page, '#race-frame');
    await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
    assert.deepEqual([...app.problems, ...embedded.problems, ...example.problems], [], 'expected no errors and no request outside /course/lab/');
  } finally {
    await context.close();
    await server.close();
  }
});

test('from file:// the app, its settings links, embed mode, the example page and training all work', async () => {
  const context = await browser.newContext();
  const app = await openWatched(context, `${fileUrl('index.html')}#softmax&softmax.logits=3,0`, { origins: ['file://'] });
  assert.equal(await app.page.locator('#panel-softmax input[name^="logit-"]').count(), 2, 'expected the logits from the fragment on file://');
  await app.page.fill('#panel-softmax input[name="logit-1"]', '1');
  await app.page.waitForTimeout(400);
  assert.match(app.page.url(), /^file:.*index\.html#softmax&softmax\.logits=3,1$/, 'expected the URL rewritten on file://');
  const ids = await visitEveryPanel(app.page);
  if (ids.includes('playground')) {
    await app.page.click('#tab-playground');
    const run = await trainBriefly(app.page, '#panel-playground');
    assert.equal(run.mode, 'main', 'expected training on the main thread from file:// (no Workers there)');
  }
  const embedded = await openWatched(context, `${fileUrl('index.html')}#embed=race&race.racers=elu,gelu`, { origins: ['file://'] });
  assert.deepEqual(await embedded.page.$$eval('#panel-race input[type="checkbox"]:checked', (b) => b.map((x) => x.value)), ['elu', 'gelu'],
    'expected embed mode with its settings on file://');
  const example = await context.newPage();
  const exampleProblems = watch(example, { origins: ['file://'] });
  await example.goto(fileUrl('embed-example.html'));
  await elementsReady(example, 2);
  const frame = await frameOf(example, '#race-frame');
  await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  assert.ok(await canvasInk(frame, '#panel-race canvas') > 0.01, 'expected the iframe to draw on file://');
  assert.deepEqual([...app.problems, ...embedded.problems, ...exampleProblems], [], 'expected no errors from file://');
  await context.close();
});
