// Every panel as an <activation-lab> element and in an <iframe sandbox="allow-scripts">, side by
// side in a 550 px course column (English) and on a 375 px phone (Chinese), on a course site
// served under the strict policy of issue 10: each one starts, trains where it trains, draws every
// chart it shows with a non-zero size, fits its column, and each frame grows to its content once
// it is in view (Chromium pauses the rendering, and so the resize observer, of offscreen frames).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer } from './harness.mjs';
import { serveDir, courseSite, htmlPage, watch, elementsReady, trainBriefly } from './hosting.mjs';

const strictCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";
const panelIds = ['explorer', 'race', 'mean-shift', 'nonlinearity', 'softmax', 'playground', 'experiments'];

/** Settings that keep the training panels' runs short, as attributes and as link parameters. */
const quick = {
  playground: { 'stop-mode': 'steps', 'stop-steps': '2000' },
  experiments: { 'sweep-points': '40', 'sweep-steps': '20', 'sweep-rates': '2', 'sweep-seeds': '1' },
};
const camel = (name) => name.replace(/-([a-z])/g, (m, letter) => letter.toUpperCase());

let site = null;
let server = null;
const lab = useBrowserAndServer(async () => {
  site = courseSite();
  server = await serveDir(site.dir, { host: 'localhost', headers: { 'Content-Security-Policy': strictCsp } });
});
test.after(async () => {
  await server?.close();
  site?.remove();
});

/** The course page: a column `width` px wide holding every panel as an element and as a sandboxed frame. */
function coursePage(lang) {
  const blocks = panelIds.map((id) => {
    const attributes = Object.entries(quick[id] ?? {}).map(([name, value]) => ` ${name}="${value}"`).join('');
    const params = Object.entries(quick[id] ?? {}).map(([name, value]) => `&amp;${id}.${camel(name)}=${value}`).join('');
    return `<h2>${id}</h2><activation-lab id="el-${id}" panel="${id}"${attributes}></activation-lab>`
      + `<iframe name="frame-${id}" sandbox="allow-scripts" data-activation-lab height="900" title="${id}"`
      + ` src="../lab/index.html#embed=${id}&amp;lang=${lang}${params}"></iframe>`;
  }).join('');
  return htmlPage({
    lang,
    icon: '../lab/favicon.svg',
    head: '<script src="../lab/activation-lab.js" defer></script>'
      + '<style>main { max-width: 550px; margin: 0 auto; padding: 0 8px; } iframe { display: block; width: 100%; border: 0; }</style>',
    body: `<main>${blocks}</main>`,
  });
}

/** Collects securitypolicyviolation events in every frame. */
function recordViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`));
}

/** Size and ink of every visible Chart.js canvas under `root` (a document or a shadow root), read in the page. */
function chartsIn(target, rootSelector) {
  return target.evaluate((selector) => {
    const root = selector ? document.querySelector(selector).shadowRoot : document;
    return [...root.querySelectorAll('canvas')].filter((canvas) => window.activationLab.getChart(canvas) && canvas.getClientRects().length > 0)
      .map((canvas) => {
        const { width, height } = canvas;
        const pixels = width && height ? canvas.getContext('2d').getImageData(0, 0, width, height).data : [];
        const counts = new Map();
        for (let i = 0; i < pixels.length; i += 4) {
          const key = (pixels[i] << 24) | (pixels[i + 1] << 16) | (pixels[i + 2] << 8) | pixels[i + 3];
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const ink = pixels.length ? 1 - Math.max(...counts.values()) / (width * height) : 0;
        return { label: canvas.getAttribute('aria-label') ?? canvas.className, width, height, ink };
      });
  }, rootSelector);
}

/** Runs the experiments' sweep under `scope` of a page or frame and waits for it to finish (a scripted click: frames above may still be resizing). */
async function runSweep(target, scope) {
  await target.locator(`${scope} .experiment.sweep .run-button`).evaluate((button) => button.click());
  await target.locator(`${scope} .experiment.sweep .run-bar[data-phase="done"]`).waitFor({ state: 'attached', timeout: 30000 });
}

/** Opens the course page at `viewport` in `lang` and checks every panel both ways; returns the heights. */
async function checkAll(t, { lang, viewport }) {
  const context = await lab.browser.newContext({ viewport });
  await context.addInitScript(recordViolations);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${server.url}${site.page(`all-${lang}.html`, coursePage(lang))}`);
  await elementsReady(page, panelIds.length);
  const frames = Object.fromEntries(panelIds.map((id) => [id, page.frame({ name: `frame-${id}` })]));
  for (const [id, frame] of Object.entries(frames)) {
    assert.ok(frame, `expected the frame of ${id}`);
    await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  }
  const run = await trainBriefly(page, '#el-playground');
  assert.ok(run.step >= 50, `expected the playground element to train (${lang}), got ${run.step} steps`);
  const framed = await trainBriefly(frames.playground, 'body');
  assert.equal(framed.mode, 'main', 'expected a sandboxed frame to train on the main thread');
  await runSweep(page, '#el-experiments');
  await runSweep(frames.experiments, 'body');
  const heights = {};
  for (const id of panelIds) {
    const sources = [['element', page, `#el-${id}`], ['frame', frames[id], null]];
    for (const [kind, target, selector] of sources) {
      const charts = await chartsIn(target, selector);
      assert.ok(charts.length > 0, `expected ${id} as ${kind} (${lang}, ${viewport.width} px) to show a chart`);
      for (const chart of charts) {
        assert.ok(chart.width > 0 && chart.height > 0, `expected ${id} ${kind} chart "${chart.label}" to have a size, got ${chart.width} x ${chart.height}`);
        assert.ok(chart.ink > 0.005, `expected ${id} ${kind} chart "${chart.label}" drawn (${lang}), ink ${chart.ink}`);
      }
    }
    for (const [kind, target, scope] of [['frame', frames[id], '.panel-root'], ['element', page, `#el-${id} .panel-root`]]) {
      const text = (await target.locator(scope).first().textContent()).slice(0, 400);
      assert.equal(/[\u4e00-\u9fff]/.test(text), lang === 'zh', `expected the ${id} ${kind} in ${lang}: ${text.slice(0, 80)}`);
    }
    await page.locator(`iframe[name="frame-${id}"]`).scrollIntoViewIfNeeded();
    await frames[id].evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); }));
    const content = await frames[id].evaluate(() => Math.ceil(document.getElementById('content').getBoundingClientRect().bottom));
    const frameHeight = () => page.$eval(`iframe[name="frame-${id}"]`, (node) => node.getBoundingClientRect().height);
    await page.waitForFunction(([name, height]) => Math.abs(document.querySelector(`iframe[name="${name}"]`).getBoundingClientRect().height - height) <= 2,
      [`frame-${id}`, content], { timeout: 5000 }).catch(async () => assert.fail(`expected the ${id} frame ${await frameHeight()} px tall as its content, ${content} px`));
    const overflow = await frames[id].evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `expected no sideways scroll in the ${id} frame (${viewport.width} px), overflow ${overflow}`);
    const element = await page.$eval(`#el-${id}`, (node) => ({ width: node.getBoundingClientRect().width, height: node.getBoundingClientRect().height, column: node.parentElement.clientWidth }));
    assert.ok(element.width <= element.column, `expected the ${id} element inside its column`);
    heights[id] = { frame: content, element: Math.round(element.height) };
  }
  const violations = [await page.evaluate(() => window.cspViolations), ...await Promise.all(Object.values(frames).map((f) => f.evaluate(() => window.cspViolations)))].flat();
  assert.deepEqual(violations, [], 'expected no CSP violations');
  assert.deepEqual(problems, [], `expected no errors on the course page (${lang})`);
  t.diagnostic(`${lang} at ${viewport.width} px: ${JSON.stringify(heights)}`);
  await context.close();
}

test('every panel, as an element and as a sandboxed frame, in a 550 px course column in English under the strict policy', async (t) => {
  await checkAll(t, { lang: 'en', viewport: { width: 1280, height: 900 } });
});

test('every panel, as an element and as a sandboxed frame, on a 375 px phone in Chinese under the strict policy', async (t) => {
  await checkAll(t, { lang: 'zh', viewport: { width: 375, height: 800 } });
});
