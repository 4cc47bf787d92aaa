// Helpers of the sharing, embedding, offline and strict-host tests: static servers for test
// pages, a "course site" that holds dist/ in a sub-folder, and a watcher that fails on anything
// a hostile or strict host would show (console errors, alert dialogs, CSP violations, requests
// that leave the allowed origins).
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, after } from 'node:test';
import { serve } from '../../scripts/serve.mjs';
import { distDir, cancelledWithItsFrame } from './harness.mjs';

/** The Content-Security-Policy of issue 5, word for word. */
export const exactCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";

/** Serves `dir` under `prefix`; resolves to {url, origin, close()}. */
export async function serveDir(dir, { prefix = '/', headers = {}, host = '127.0.0.1' } = {}) {
  const { server, url } = await serve({ dir, prefix, headers, host });
  return { url, origin: new URL(url).origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * A temporary site: dist/ reachable as /lab/ and test pages written with page(name, html) into
 * /course/. Call remove() when done.
 */
export function courseSite() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alab-site-'));
  symlinkSync(distDir, path.join(dir, 'lab'), 'dir');
  mkdirSync(path.join(dir, 'course'));
  return {
    dir,
    page(name, html) {
      writeFileSync(path.join(dir, 'course', name), html);
      return `course/${name}`;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * For one test file: a course site (see courseSite) served on localhost, an origin other than
 * serveDist's 127.0.0.1. Returns {page(name, html), url}, usable once the first test runs.
 */
export function useCourseSite() {
  let files = null;
  let server = null;
  before(async () => {
    files = courseSite();
    server = await serveDir(files.dir, { host: 'localhost' });
  });
  after(async () => {
    await server?.close();
    files?.remove();
  });
  return { page: (name, html) => files.page(name, html), get url() { return server.url; } };
}

/** A minimal HTML page: `head` and `body` are trusted markup written by the test; `icon` is the favicon's URL. */
export function htmlPage({ lang = 'en', head = '', body = '', icon = 'data:,' }) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Course page</title>`
    + `<link rel="icon" href="${icon}">${head}</head><body>${body}</body></html>`;
}

/**
 * Records on `page` (every frame): console errors, page errors, failed or 4xx/5xx requests,
 * alert/confirm/prompt dialogs (dismissed) and requests outside `origins` (when given).
 * Returns the list, which grows as things happen.
 */
export function watch(page, { origins = null } = {}) {
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text().slice(0, 300)}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => { if (!cancelledWithItsFrame(page, request)) problems.push(`request failed: ${request.url().slice(0, 200)} (${request.failure()?.errorText})`); });
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  if (origins) {
    page.on('request', (request) => {
      const url = request.url();
      if (/^(data|blob|about):/.test(url)) return;
      if (!origins.some((origin) => url.startsWith(origin))) problems.push(`request outside ${origins.join(', ')}: ${url}`);
    });
  }
  return problems;
}

/** Opens a fresh page in `context` at `url`, watched; resolves to {page, problems}. */
export async function openWatched(context, url, { waitFor = 'ready', origins = null, frame = null } = {}) {
  const page = await context.newPage();
  const problems = watch(page, { origins });
  await page.goto(url);
  if (waitFor) {
    const target = frame ? await frameOf(page, frame) : page;
    try {
      await target.waitForSelector(`html[data-state="${waitFor}"]`, { state: 'attached', timeout: 30000 });
    } catch (error) {
      const state = await target.evaluate(() => document.documentElement.dataset.state).catch(() => 'unknown');
      throw new Error(`${url.slice(0, 120)} did not reach data-state=${waitFor} (it is ${state}): ${[error.message, ...problems].join('; ')}`);
    }
  }
  return { page, problems };
}

/** The frame of the <iframe> matching `selector` on `page`, once it has a document. */
export async function frameOf(page, selector) {
  const handle = await page.waitForSelector(selector, { state: 'attached' });
  let frame = await handle.contentFrame();
  for (let i = 0; !frame && i < 50; i += 1) {
    await page.waitForTimeout(50);
    frame = await handle.contentFrame();
  }
  if (!frame) throw new Error(`no frame for ${selector}`);
  return frame;
}

/** Waits until every <activation-lab> on `page` (or a frame) says data-state="ready"; resolves to their count. */
export async function elementsReady(target, count) {
  await target.waitForFunction((n) => {
    const all = [...document.querySelectorAll('activation-lab')];
    return all.length >= n && all.every((e) => e.dataset.state === 'ready');
  }, count, { timeout: 30000 });
  return count;
}

/**
 * Starts training in the playground found under `scope` (a selector; locators pierce shadow
 * roots) of a page or frame, waits until it has taken `steps` steps, pauses it; resolves to
 * {step, mode} where mode is 'worker' or 'main' (where the run happened).
 */
export async function trainBriefly(target, scope, { steps = 50, timeout = 30000 } = {}) {
  const count = target.locator(`${scope} .pg-step-count`);
  const playButton = target.locator(`${scope} .pg-play`);
  await playButton.click();
  const started = Date.now();
  let step = 0;
  let clicks = 1;
  while (step < steps) {
    if (Date.now() - started > timeout) throw new Error(`training under ${scope} reached step ${step} of ${steps} in ${timeout} ms (Play clicked ${clicks} times)`);
    await target.waitForTimeout(100);
    step = Number(await count.textContent()) || 0;
    // A click that lands while the panel is still building its first network can be lost (seen
    // once on CI at 375 px in a sandboxed frame): click again if Play did not take it.
    if (step === 0 && Date.now() - started > 5000 * clicks && await playButton.getAttribute('aria-pressed') !== 'true') {
      await playButton.click();
      clicks += 1;
    }
  }
  const play = target.locator(`${scope} .pg-play`);
  if (await play.getAttribute('aria-pressed') === 'true') await play.click();
  return { step, mode: await target.locator(`${scope} .pg-mode`).getAttribute('data-mode') };
}

/** Every id in the document and in every open shadow root, with how often it occurs (duplicates only). */
export function duplicateIds(target) {
  return target.evaluate(() => {
    const counts = new Map();
    const visit = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.id) counts.set(node.id, (counts.get(node.id) ?? 0) + 1);
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    };
    visit(document);
    return [...counts].filter(([, n]) => n > 1);
  });
}
