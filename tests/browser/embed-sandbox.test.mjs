// Where a sandbox or a host blocks something, the page degrades visibly and helpfully: "Open in
// Activation Lab" in a frame without allow-popups shows the address to copy, formulas whose
// fonts a host blocks switch to the browser's MathML rendering with a notice, and a sandboxed
// frame in a course page opened from disk (file://) says why it cannot load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { useBrowserAndServer } from './harness.mjs';
import { serveDir, courseSite, htmlPage, watch, frameOf, useCourseSite } from './hosting.mjs';

const lab = useBrowserAndServer();
const site = useCourseSite();

test('in a frame without allow-popups, "Open in Activation Lab" shows the address selected, ready to copy', async () => {
  const name = site.page('popups.html', htmlPage({ body: '<iframe id="lab" sandbox="allow-scripts" src="../lab/index.html#embed=race&amp;race.depth=2" style="width: 550px; height: 900px"></iframe>' }));
  const context = await lab.browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${site.url}${name}`);
  const frame = await frameOf(page, '#lab');
  await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  assert.equal(await frame.isVisible('.embed-address'), false, 'expected no address before the click');
  await frame.click('a.embed-open');
  await frame.waitForSelector('.embed-address', { state: 'visible' });
  const field = await frame.$eval('.embed-address', (input) => ({ value: input.value, selected: input.selectionEnd - input.selectionStart, label: input.labels[0].textContent }));
  assert.match(field.value, /\/lab\/index\.html#race&race\.depth=2$/, `expected the full-app address, got ${field.value}`);
  assert.equal(field.selected, field.value.length, 'expected the address selected');
  assert.match(field.label, /Copy this address/, 'expected the reader told what to do');
  assert.equal(context.pages().length, 1, 'expected no tab opened from the sandbox');
  const blocked = (line) => /allow-popups/.test(line);
  assert.deepEqual(problems.filter((line) => !blocked(line)), [], 'expected no errors beyond the browser\'s own note about the blocked tab');
  await context.close();
});

test('where a host blocks the formula fonts, formulas use the browser\'s MathML rendering and a notice says why', async () => {
  const files = courseSite();
  const noCors = await serveDir(files.dir, { headers: { 'Access-Control-Allow-Origin': 'https://nowhere.invalid' } });
  try {
    const name = files.page('fonts.html', htmlPage({ body: '<iframe id="lab" sandbox="allow-scripts" src="../lab/index.html#embed=explorer" style="width: 550px; height: 900px"></iframe>' }));
    const context = await lab.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${noCors.url}${name}`);
    const frame = await frameOf(page, '#lab');
    await frame.waitForSelector('html.formula-fonts-blocked', { state: 'attached', timeout: 30000 });
    assert.match(await frame.textContent('.url-notice'), /formula fonts could not load/, 'expected a notice about the fonts');
    const shown = await frame.$eval('.katex', (node) => {
      const mathml = node.querySelector('.katex-mathml');
      const style = getComputedStyle(mathml);
      return { width: mathml.getBoundingClientRect().width, clip: `${style.clip} ${style.clipPath}`, html: node.querySelector('.katex-html').getClientRects().length };
    });
    assert.deepEqual([shown.width > 10, shown.clip, shown.html], [true, 'auto none', 0], `expected the MathML rendering shown, unclipped, instead of KaTeX's HTML, got ${JSON.stringify(shown)}`);
    await context.close();
  } finally {
    await noCors.close();
    files.remove();
  }
});

test('a sandboxed frame in a course page opened from disk says, in English and Chinese, why it cannot load', async () => {
  const files = courseSite();
  try {
    const name = files.page('disk.html', htmlPage({ body: '<iframe id="lab" sandbox="allow-scripts" src="../lab/index.html#embed=race" style="width: 550px; height: 900px"></iframe>' }));
    const context = await lab.browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(files.dir, name)).href);
    const frame = await frameOf(page, '#lab');
    await frame.waitForSelector('.load-blocked-note', { state: 'visible', timeout: 10000 });
    const notes = await frame.$$eval('.load-blocked-note', (nodes) => nodes.map((node) => node.textContent));
    assert.match(notes[0], /file:\/\/.*web server/s, 'expected the English note to explain and say what to do');
    assert.match(notes[1], /网页服务器/, 'expected the Chinese note');
    await context.close();

    const served = await lab.browser.newContext();
    const app = await served.newPage();
    await app.goto(lab.server.url);
    await app.waitForSelector('html[data-state="ready"]', { state: 'attached' });
    assert.equal(await app.isVisible('.load-blocked-note'), false, 'expected the note hidden wherever the page loads');
    await served.close();
  } finally {
    files.remove();
  }
});
