// Browser-test harness: serves dist/ (build it first with `npm run build`), drives Debian's
// chromium through playwright-core, records console errors, and reads charts and canvases.
// Charts are reached through the page's test hook window.activationLab.getChart(canvas)
// (Chart.getChart on that canvas); <html data-state> says 'loading', 'ready' or 'error'.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = path.join(root, 'dist');
export const screenshotDir = path.join(root, 'build', 'screenshots');

const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Chromium with a fresh temporary profile (playwright creates and removes the user-data dir). */
export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

/** Serves dist/ on a free port; resolves to {url, close()}. `headers` are added to every response. */
export async function serveDist({ headers = {}, prefix = '/' } = {}) {
  if (!existsSync(path.join(distDir, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first');
  const { server, url } = await serve({ dir: distDir, prefix, headers });
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * For one test file: launches Chromium and serves dist/ before its tests, then runs
 * `setUp(lab)` if given, and closes both after. Returns lab = {browser, server}, filled in by the
 * time the first test runs. (Node 20 starts top-level before() hooks at once, side by side, so a
 * step that needs the browser goes in setUp, not in a hook of its own.)
 */
export function useBrowserAndServer(setUp = async () => {}) {
  const lab = {};
  before(async () => {
    lab.browser = await launchBrowser();
    lab.server = await serveDist();
    await setUp(lab);
  });
  after(async () => {
    await lab.browser?.close();
    await lab.server?.close();
  });
  return lab;
}

/**
 * True for a request an inner frame gave up because the frame was replaced or removed (the Embed
 * dialog rebuilds its preview on every change): the browser reports it as net::ERR_ABORTED.
 */
export function cancelledWithItsFrame(page, request) {
  return request.failure()?.errorText === 'net::ERR_ABORTED' && request.frame() !== page.mainFrame();
}

/**
 * Opens `url` in a new context and waits until <html data-state> is `waitFor` (null: do not wait).
 * Options: viewport {width, height}, reducedMotion ('reduce' | 'no-preference'), locale,
 * initScript (a function or source run before any page script).
 * Resolves to {page, context, errors}: errors collects console errors, page errors and failed requests.
 */
export async function openPage(browser, url, {
  viewport = { width: 1280, height: 900 }, reducedMotion = 'no-preference', locale = 'en-US', initScript, waitFor = 'ready',
} = {}) {
  const context = await browser.newContext({ viewport, reducedMotion, locale });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => { if (!cancelledWithItsFrame(page, request)) errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`); });
  page.on('response', (response) => { if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`); });
  if (initScript) await context.addInitScript(initScript);
  await page.goto(url);
  if (waitFor) await page.waitForSelector(`html[data-state="${waitFor}"]`, { state: 'attached', timeout: 30000 });
  return { page, context, errors };
}

/** Shows panel `id` by clicking its tab; resolves to the panel's <section> locator. */
export async function openPanel(page, id) {
  await page.click(`#tab-${id}`);
  const panel = page.locator(`#panel-${id}`);
  await panel.waitFor({ state: 'visible' });
  return panel;
}

/** Fraction of a canvas's pixels that differ from its most common colour (0 for a blank canvas). */
export function canvasInk(page, selector) {
  return page.$eval(selector, (canvas) => {
    const { width, height } = canvas;
    const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    const counts = new Map();
    for (let i = 0; i < pixels.length; i += 4) {
      const key = (pixels[i] << 24) | (pixels[i + 1] << 16) | (pixels[i + 2] << 8) | pixels[i + 3];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return 1 - Math.max(...counts.values()) / (width * height);
  });
}

/** Clicks `selector` and resolves to {name, bytes} of the download it starts. */
export async function downloadOf(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/**
 * A PNG's pixels as the page decodes them: {size: [width, height], corner: the top-left pixel's
 * RGBA, ink: the fraction of pixels that are not white (a channel under 245)}.
 */
export function pngPixels(page, bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'expected a PNG file');
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 245 || pixels[i + 1] < 245 || pixels[i + 2] < 245) coloured += 1;
    return { size: [image.width, image.height], corner: [...pixels.subarray(0, 4)], ink: coloured / (pixels.length / 4) };
  }, bytes.toString('base64'));
}

/**
 * canvasInk once it passes `threshold`, polled for up to `ms` (canvases drawn after the panel's
 * first paint: runs' heatmaps, charts made when the browser is idle); else the last reading.
 */
export async function inkWithin(page, selector, { threshold = 0.005, ms = 5000 } = {}) {
  const end = Date.now() + ms;
  let ink = await canvasInk(page, selector);
  while (ink <= threshold && Date.now() < end) {
    await new Promise((resolve) => { setTimeout(resolve, 100); });
    ink = await canvasInk(page, selector);
  }
  return ink;
}

/** The datasets of the chart drawn on `selector`: [{label, x: [...], y: [...]}]. */
export function chartData(page, selector) {
  return page.$eval(selector, (canvas) => {
    const chart = window.activationLab.getChart(canvas);
    if (!chart) throw new Error('no chart on this canvas');
    return chart.data.datasets.map((d) => ({
      label: d.label,
      x: d.data.map((p) => (typeof p === 'object' && p !== null ? p.x : null)),
      y: d.data.map((p) => (typeof p === 'object' && p !== null ? p.y : p)),
    }));
  });
}

/** Saves a PNG of a page or locator to build/screenshots/<name>.png; returns the path. */
export async function saveScreenshot(target, name, options = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await target.screenshot({ path: file, ...options });
  return file;
}

/** Presses Tab up to `limit` times; resolves to a description of each element that took focus, in order. */
export async function tabThrough(page, limit = 80) {
  const seen = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const node = document.activeElement;
      return node ? { tag: node.tagName.toLowerCase(), id: node.id, type: node.getAttribute('type'), name: node.getAttribute('name') } : null;
    }));
  }
  return seen;
}
