// Strict hosts: the exact Content-Security-Policy of issue 5, a sandboxed iframe without
// allow-same-origin (no storage, cookies, clipboard or Workers), a cross-site iframe with
// third-party cookies and storage blocked, and a page where touching storage throws. In each,
// the app loads, a panel draws, training runs, and nothing reaches the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { useBrowserAndServer, serveDist, canvasInk } from './harness.mjs';
import {
  exactCsp, openWatched, watch, useCourseSite, htmlPage, elementsReady, frameOf, trainBriefly,
} from './hosting.mjs';

const lab = useBrowserAndServer();
const site = useCourseSite();

/** Collects securitypolicyviolation events into window.cspViolations (in every frame). */
function recordViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
  });
}

const panelIds = (target) => target.$$eval('[role="tab"]', (tabs) => tabs.map((tab) => tab.id.replace(/^tab-/, '')));

/** Largest ink among the canvases of panel `id` in a page or frame. */
async function panelInk(target, id) {
  const count = await target.locator(`#panel-${id} canvas`).count();
  let ink = 0;
  for (let i = 0; i < count && ink <= 0.005; i += 1) ink = await canvasInk(target, `#panel-${id} canvas >> nth=${i}`);
  return ink;
}

test('under the exact policy of the issue, every panel draws, training runs and the elements work', async () => {
  const strict = await serveDist({ headers: { 'Content-Security-Policy': exactCsp } });
  const context = await lab.browser.newContext();
  await context.addInitScript(recordViolations);
  try {
    const app = await openWatched(context, strict.url);
    for (const id of await panelIds(app.page)) {
      await app.page.click(`#tab-${id}`);
      assert.ok(await panelInk(app.page, id) > 0.005, `expected panel ${id} to draw under the CSP`);
      if (id === 'playground') {
        const run = await trainBriefly(app.page, '#panel-playground');
        assert.equal(run.mode, 'worker', 'expected training in a Worker under the CSP');
      }
    }
    const example = await openWatched(context, `${strict.url}embed-example.html`, { waitFor: null });
    await elementsReady(example.page, 2);
    const frame = await frameOf(example.page, '#race-frame');
    await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
    const violations = [
      ...await app.page.evaluate(() => window.cspViolations),
      ...await example.page.evaluate(() => window.cspViolations),
      ...await frame.evaluate(() => window.cspViolations),
    ];
    assert.deepEqual(violations, [], 'expected no CSP violations');
    assert.deepEqual([...app.problems, ...example.problems], [], 'expected no console errors under the CSP');
  } finally {
    await context.close();
    await strict.close();
  }
});

test('inside a sandboxed iframe (allow-scripts only) the app, embed mode, copying and training work', async () => {
  const page = site.page('sandboxed.html', htmlPage({
    body: `<iframe id="app" sandbox="allow-scripts" src="${lab.server.url}#race&race.depth=2" width="1100" height="800"></iframe>`
      + `<iframe id="embed" sandbox="allow-scripts" src="${lab.server.url}#embed=playground&playground.stopMode=steps&playground.stopSteps=400" width="1100" height="900"></iframe>`,
  }));
  const context = await lab.browser.newContext();
  await context.addInitScript(recordViolations);
  const host = await context.newPage();
  const problems = watch(host);
  await host.goto(`${site.url}${page}`);
  const app = await frameOf(host, '#app');
  await app.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  const sandbox = await app.evaluate(() => {
    const blocked = (touch) => { try { touch(); return false; } catch { return true; } };
    return { origin: self.origin, storage: blocked(() => localStorage.length), cookies: blocked(() => document.cookie) };
  });
  assert.deepEqual(sandbox, { origin: 'null', storage: true, cookies: true }, 'expected an opaque origin without storage or cookies');
  assert.equal(await app.inputValue('#panel-race input[name="depth"]'), '2', 'expected settings from the link inside the sandbox');
  assert.ok(await panelInk(app, 'race') > 0.005, 'expected the race drawn inside the sandbox');
  await app.focus('#panel-race input[name="depth"]');
  await app.press('#panel-race input[name="depth"]', 'ArrowRight');
  await app.click('button.share-copy');
  await app.waitForSelector('.share-status:not(:empty)');
  const embed = await frameOf(host, '#embed');
  await embed.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  const run = await trainBriefly(embed, '#panel-playground');
  assert.equal(run.mode, 'main', 'expected training on the main thread where the sandbox forbids Workers');
  assert.deepEqual([...await app.evaluate(() => window.cspViolations ?? []), ...await embed.evaluate(() => window.cspViolations ?? [])], [],
    'expected no violations');
  assert.deepEqual(problems, [], 'expected no console errors inside the sandbox');
  await context.close();
});

test('with third-party cookies and storage blocked, a cross-site iframe and a cross-site element work', async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'alab-profile-'));
  mkdirSync(path.join(profile, 'Default'));
  writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { block_third_party_cookies: true, cookie_controls_mode: 1 } }));
  const page = site.page('third-party.html', htmlPage({
    head: `<script src="${lab.server.url}activation-lab.js" defer></script>`,
    body: `<iframe id="app" src="${lab.server.url}#playground&playground.stopMode=steps&playground.stopSteps=400" width="1100" height="900"></iframe>`
      + '<activation-lab id="element" panel="explorer" functions="elu,selu"></activation-lab>',
  }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-third-party-cookies'],
  });
  try {
    const host = await context.newPage();
    const problems = watch(host);
    await host.goto(`${site.url}${page}`);
    const app = await frameOf(host, '#app');
    await app.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
    const blocked = await app.evaluate(() => {
      const throws = (touch) => { try { touch(); return false; } catch { return true; } };
      document.cookie = 'probe=1; SameSite=None; Secure';
      return { localStorage: throws(() => localStorage.setItem('probe', '1')), sessionStorage: throws(() => sessionStorage.setItem('probe', '1')), cookie: document.cookie };
    });
    assert.deepEqual(blocked, { localStorage: true, sessionStorage: true, cookie: '' }, 'expected third-party storage and cookies blocked in the frame');
    const run = await trainBriefly(app, '#panel-playground');
    assert.ok(run.step >= 50, 'expected training in the cross-site frame');
    await elementsReady(host, 1);
    assert.deepEqual(await host.locator('#element input[type="checkbox"]:checked').evaluateAll((b) => b.map((x) => x.value)), ['elu', 'selu'],
      'expected the cross-site element to take its settings');
    assert.deepEqual(problems, [], 'expected no console errors with third-party storage blocked');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a page where storage, cookies and the clipboard throw still loads, copies by selection and trains', async () => {
  const context = await lab.browser.newContext();
  await context.addInitScript(() => {
    const deny = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches']) Object.defineProperty(window, name, { get: deny, configurable: true });
    Object.defineProperty(Document.prototype, 'cookie', { get: deny, set: deny, configurable: true });
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: deny, configurable: true });
    Document.prototype.execCommand = () => false;
  });
  const { page, problems } = await openWatched(context, `${lab.server.url}#race`);
  for (const id of await panelIds(page)) {
    await page.click(`#tab-${id}`);
    assert.ok(await panelInk(page, id) > 0.005, `expected panel ${id} to draw without storage`);
    if (id === 'playground') assert.ok((await trainBriefly(page, '#panel-playground')).step >= 50, 'expected training without storage');
  }
  await page.click('button.share-copy');
  await page.locator('.share-link-field').waitFor({ state: 'visible' });
  await page.click('button.share-embed');
  await page.locator('dialog.embed-dialog button[data-copy="element"]').click();
  assert.match(await page.textContent('.snippet-element .snippet-status'), /Ctrl\+C/, 'expected the snippet selected for copying by hand');
  assert.deepEqual(problems, [], 'expected no errors when storage, cookies and the clipboard throw');
  await context.close();
});
