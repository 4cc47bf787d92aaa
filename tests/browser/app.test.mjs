// The app shell in Chromium: loading, tabs, language switch, responsiveness, reduced motion,
// the no-WebAssembly message, a strict Content-Security-Policy and the Web Worker entry point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowserAndServer, serveDist, openPage, openPanel, canvasInk, inkWithin, saveScreenshot, distDir } from './harness.mjs';

const lab = useBrowserAndServer();

const panelIds = (page) => page.$$eval('[role="tab"]', (tabs) => tabs.map((tab) => tab.id.replace(/^tab-/, '')));

test('the page loads with no console errors and shows the first panel with a chart', async () => {
  const { page, context, errors } = await openPage(lab.browser, lab.server.url);
  assert.equal(await page.title(), 'Activation Lab', 'expected the English title');
  assert.equal(await page.isVisible('#status'), false, 'expected the loading message to be gone once the core is ready');
  const tabs = await page.$$('[role="tab"]');
  assert.ok(tabs.length >= 1, 'expected at least one tab');
  assert.equal(await tabs[0].getAttribute('aria-selected'), 'true', 'expected the first tab selected');
  const first = (await panelIds(page))[0];
  assert.ok(await page.isVisible(`#panel-${first} canvas`), 'expected the first panel to draw a chart');
  assert.ok(await canvasInk(page, `#panel-${first} canvas`) > 0.01, 'expected the first chart not to be blank');
  await saveScreenshot(page, 'page-1280', { fullPage: true });
  assert.deepEqual(errors, [], 'expected no console errors, page errors or failed requests');
  await context.close();
});

test('every panel mounts from its tab without errors and draws its charts', async () => {
  const { page, context, errors } = await openPage(lab.browser, lab.server.url);
  for (const id of await panelIds(page)) {
    const panel = await openPanel(page, id);
    assert.equal(await page.getAttribute(`#tab-${id}`, 'aria-selected'), 'true', `expected tab ${id} selected`);
    assert.ok(await page.evaluate(() => location.hash), 'expected the chosen panel in the URL hash');
    const canvases = await panel.locator('canvas').count();
    for (let i = 0; i < canvases; i += 1) {
      assert.ok(await inkWithin(page, `#panel-${id} canvas >> nth=${i}`) > 0.005, `expected canvas ${i} of ${id} not to be blank`);
    }
    assert.equal(await panel.locator('.panel-root .error').count(), 0, `expected panel ${id} to mount without an error message`);
  }
  assert.deepEqual(errors, [], 'expected no console errors while visiting every panel');
  await context.close();
});

test('the tab list is operable with arrow keys, Home and End', async () => {
  const { page, context } = await openPage(lab.browser, lab.server.url);
  const ids = await panelIds(page);
  await page.focus(`#tab-${ids[0]}`);
  await page.keyboard.press('ArrowRight');
  const next = ids[1 % ids.length];
  assert.equal(await page.evaluate(() => document.activeElement.id), `tab-${next}`, 'expected ArrowRight to focus the next tab');
  assert.equal(await page.getAttribute(`#tab-${next}`, 'aria-selected'), 'true', 'expected ArrowRight to select the next tab');
  assert.ok(await page.isVisible(`#panel-${next}`), 'expected the next panel shown');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), `tab-${ids.at(-1)}`, 'expected End to focus the last tab');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.id), `tab-${ids[0]}`, 'expected Home to focus the first tab');
  const tabStops = await page.$$eval('[role="tab"]', (tabs) => tabs.filter((tab) => tab.tabIndex === 0).length);
  assert.equal(tabStops, 1, 'expected exactly one tab in the Tab order (roving tabindex)');
  await context.close();
});

test('the language switch changes the text and <html lang>, and the default follows the browser', async () => {
  const { page, context, errors } = await openPage(lab.browser, lab.server.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'expected English for an en-US browser');
  const englishHeading = await page.textContent('h1');
  const englishTab = await page.textContent('[role="tab"]');
  await page.click('button[data-language="zh"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans', 'expected <html lang> to become zh-Hans');
  assert.equal(await page.textContent('h1'), '激活函数实验室', 'expected the Chinese title');
  assert.notEqual(await page.textContent('[role="tab"]'), englishTab, 'expected the tab labels translated');
  assert.equal(await page.getAttribute('button[data-language="zh"]', 'aria-pressed'), 'true', 'expected the Chinese button pressed');
  assert.equal(await page.title(), '激活函数实验室', 'expected the document title translated');
  await page.click('button[data-language="en"]');
  assert.equal(await page.textContent('h1'), englishHeading, 'expected English back');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'expected <html lang> back to en');
  assert.deepEqual(errors, [], 'expected no errors while switching languages');
  await context.close();

  const chinese = await openPage(lab.browser, lab.server.url, { locale: 'zh-CN' });
  assert.equal(await chinese.page.getAttribute('html', 'lang'), 'zh-Hans', 'expected Chinese by default for a zh-CN browser');
  assert.equal(await chinese.page.textContent('h1'), '激活函数实验室', 'expected the Chinese title by default');
  await chinese.context.close();
});

test('a 375 px viewport has no horizontal scroll on any panel, nor a 1920 px one', async () => {
  for (const width of [375, 1920]) {
    const { page, context } = await openPage(lab.browser, lab.server.url, { viewport: { width, height: 800 } });
    for (const id of await panelIds(page)) {
      await openPanel(page, id);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `expected no horizontal scroll on ${id} at ${width} px, scrollWidth ${scrollWidth}`);
    }
    if (width === 375) await saveScreenshot(page, 'page-375', { fullPage: true });
    await context.close();
  }
});

test('without WebAssembly the page says so clearly instead of loading forever', async () => {
  const { page, context, errors } = await openPage(lab.browser, lab.server.url, {
    initScript: () => { delete globalThis.WebAssembly; },
    waitFor: 'error',
  });
  const message = await page.textContent('#status');
  assert.match(message, /WebAssembly/, 'expected the message to name WebAssembly');
  assert.match(message, /browser/, 'expected the message to say what to do');
  assert.equal(await page.getAttribute('#status', 'role'), 'alert', 'expected the message announced as an alert');
  assert.equal(await page.locator('[role="tab"]').count(), 0, 'expected no panels without the core');
  assert.deepEqual(errors, [], 'expected no console errors on the no-WebAssembly path');
  await saveScreenshot(page, 'no-webassembly');
  await page.click('button[data-language="zh"]');
  assert.match(await page.textContent('#status'), /WebAssembly 不可用/, 'expected the message translated by the language switch');
  await context.close();
});

test('reduced motion: no transitions or spinner animation, and charts do not animate', async () => {
  const reduced = await openPage(lab.browser, lab.server.url, { reducedMotion: 'reduce' });
  const style = (page) => page.evaluate(() => ({
    spinner: getComputedStyle(document.querySelector('.spinner')).animationName,
    tab: getComputedStyle(document.querySelector('[role="tab"]')).transitionDuration,
    scroll: getComputedStyle(document.documentElement).scrollBehavior,
  }));
  assert.deepEqual(await style(reduced.page), { spinner: 'none', tab: '0s', scroll: 'auto' }, 'expected no motion with prefers-reduced-motion: reduce');
  const animated = await reduced.page.$$eval('canvas', (canvases) => canvases.filter((c) => window.activationLab.getChart(c)?.options.animation !== false).length);
  assert.equal(animated, 0, 'expected every chart to have animation off');
  await reduced.context.close();
  const moving = await openPage(lab.browser, lab.server.url, { reducedMotion: 'no-preference' });
  assert.equal((await style(moving.page)).spinner, 'spin', 'expected the spinner to turn when motion is allowed');
  await moving.context.close();
});

test('the page works under a strict Content-Security-Policy', async () => {
  const strict = await serveDist({
    headers: {
      'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; style-src-attr 'unsafe-inline'; connect-src 'self' data:; img-src 'self' data:; font-src 'self'",
    },
  });
  try {
    const { page, context, errors } = await openPage(lab.browser, strict.url);
    assert.ok(await canvasInk(page, 'canvas') > 0.01, 'expected a chart under the CSP');
    assert.deepEqual(errors, [], 'expected no CSP violations or other errors');
    await context.close();
  } finally {
    await strict.close();
  }
});

test('the built page also works when opened as a file', async () => {
  const { page, context, errors } = await openPage(lab.browser, pathToFileURL(path.join(distDir, 'index.html')).href);
  assert.ok(await canvasInk(page, 'canvas') > 0.01, 'expected a chart from file://');
  assert.deepEqual(errors, [], 'expected no errors from file://');
  await context.close();
});

test('the worker script loads inside a Web Worker without the page\'s bundle and waits for the core', async () => {
  const { page, context } = await openPage(lab.browser, lab.server.url);
  const outcome = await page.evaluate(() => new Promise((resolve) => {
    const bundle = new URL('activation-lab-worker.js', location.href).href;
    const source = `try { importScripts(${JSON.stringify(bundle)}); postMessage('loaded:' + typeof activationLab); } catch (e) { postMessage('failed:' + e.message); }`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    worker.onmessage = (event) => { resolve(event.data); worker.terminate(); };
    worker.onerror = (event) => { resolve(`error:${event.message}`); worker.terminate(); };
  }));
  assert.equal(outcome, 'loaded:undefined', 'expected the worker script to load in a worker and do nothing until it gets the core');
  await context.close();
});
