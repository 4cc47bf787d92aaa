// Embedding: a panel alone in embed mode (#embed=<panel>), the Embed dialog's snippets pasted
// into another site's page, the example page, and <activation-lab> elements: several per page
// without interfering, settings from attributes or data-settings, language, hostile attributes,
// and a course page in another folder or on another origin finding the bundle's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, canvasInk, saveScreenshot } from './harness.mjs';
import {
  openWatched, watch, useCourseSite, htmlPage, elementsReady, frameOf, trainBriefly, duplicateIds,
} from './hosting.mjs';

const lab = useBrowserAndServer();
const site = useCourseSite();

/** Ink of the first canvas inside <activation-lab> `selector` (locators pierce its shadow root). */
async function elementInk(page, selector) {
  const canvas = page.locator(`${selector} canvas`).first();
  return canvas.evaluate((node) => {
    const { width, height } = node;
    const pixels = node.getContext('2d').getImageData(0, 0, width, height).data;
    const counts = new Map();
    for (let i = 0; i < pixels.length; i += 4) {
      const key = (pixels[i] << 24) | (pixels[i + 1] << 16) | (pixels[i + 2] << 8) | pixels[i + 3];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return 1 - Math.max(...counts.values()) / (width * height);
  });
}

test('embed mode shows one panel without the app chrome, sized to the frame, with a link to the full app', async () => {
  for (const width of [375, 700]) {
    const context = await lab.browser.newContext({ viewport: { width, height: 800 } });
    const { page, problems } = await openWatched(context, `${lab.server.url}#embed=race&race.depth=3&race.racers=tanh,relu`);
    for (const chrome of ['.site-header', '.site-footer', '[role="tablist"]', '.share-tools']) {
      assert.equal(await page.isVisible(chrome), false, `expected ${chrome} hidden in embed mode at ${width} px`);
    }
    assert.equal(await page.textContent('#panel-race h2'), 'Gradient-descent race', 'expected the panel title');
    assert.equal(await page.inputValue('#panel-race input[name="depth"]'), '3', 'expected the depth from the link');
    assert.ok(await canvasInk(page, '#panel-race canvas') > 0.01, 'expected the race drawn');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `expected no horizontal scroll at ${width} px, scrollWidth ${scrollWidth}`);
    const panelWidth = await page.$eval('#panel-race', (node) => node.getBoundingClientRect().width);
    assert.ok(panelWidth > width - 60, `expected the panel to fill the frame (${panelWidth} of ${width} px)`);
    await page.focus('#panel-race input[name="depth"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    assert.match(new URL(page.url()).hash, /^#embed=race&race\.racers=tanh,relu&race\.depth=4$/, 'expected the frame\'s own URL to follow');
    const full = await page.locator('a.embed-open');
    await full.focus();
    const href = await full.getAttribute('href');
    assert.match(href, /#race&race\.racers=tanh,relu&race\.depth=4$/, `expected the full-app link to carry the settings, got ${href}`);
    assert.equal(await full.getAttribute('target'), '_blank', 'expected the full app to open in a new tab');
    if (width === 375) await saveScreenshot(page, 'embed-race-375', { fullPage: true });
    assert.deepEqual(problems, [], `expected no errors at ${width} px`);
    await context.close();
  }
});

test('the Embed dialog\'s iframe and script-tag snippets, pasted into another site\'s page, show the same setup', async () => {
  const context = await lab.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(lab.server.url).origin });
  const { page, problems } = await openWatched(context, `${lab.server.url}#softmax&softmax.temperature=2.5&softmax.logits=4,1,-2,0.5`);
  await page.click('button.share-embed');
  const dialog = page.locator('dialog.embed-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.locator('h2').textContent(), /Embed “Softmax/, 'expected the dialog named after the panel');
  const iframeCode = await page.inputValue('#embed-iframe-code');
  const elementCode = await page.inputValue('#embed-element-code');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-iframe-code', 'expected focus on the iframe code');
  assert.match(iframeCode, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#embed=softmax&amp;lang=en&amp;softmax\.logits=4,1,-2,0\.5&amp;softmax\.temperature=2\.5" title="Activation Lab: Softmax[^"]*"/,
    `expected an iframe for this setup, got ${iframeCode}`);
  assert.match(elementCode, /^<script src="http:\/\/127\.0\.0\.1:\d+\/activation-lab\.js" defer><\/script>\n<activation-lab panel="softmax" lang="en" logits="4,1,-2,0\.5" temperature="2\.5"><\/activation-lab>$/,
    `expected a script tag and an element for this setup, got ${elementCode}`);
  await dialog.locator('button[data-copy="iframe"]').click();
  await page.waitForSelector('.snippet-iframe .snippet-status:not(:empty)');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), iframeCode, 'expected Copy to put the iframe code on the clipboard');
  await page.keyboard.press('Escape');
  assert.equal(await dialog.isVisible(), false, 'expected Escape to close the dialog');

  const pasted = site.page('pasted.html', htmlPage({ body: `<h1>Pasted</h1>${iframeCode.replace('loading="lazy"', 'id="pasted-frame"')}<div id="element">${elementCode}</div>` }));
  const course = await context.newPage();
  const courseProblems = watch(course);
  await course.goto(`${site.url}${pasted}`);
  const frame = await frameOf(course, '#pasted-frame');
  await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  assert.equal(await frame.inputValue('#panel-softmax input[name="temperature"]'), '2.5', 'expected the iframe to show the temperature');
  const content = await frame.evaluate(() => Math.ceil(document.getElementById('content').getBoundingClientRect().bottom));
  await course.waitForFunction((height) => Math.abs(document.getElementById('pasted-frame').getBoundingClientRect().height - height) <= 2, content);
  assert.ok(content > 1000, `expected the softmax content taller than the fallback height, got ${content} px`);
  assert.equal(await frame.inputValue('#panel-softmax input[name="logit-3"]'), '0.5', 'expected the iframe to show the logits');
  await elementsReady(course, 1);
  assert.equal(await course.locator('activation-lab input[name="temperature"]').inputValue(), '2.5', 'expected the element to show the temperature');
  assert.equal(await course.locator('activation-lab input[name="logit-3"]').inputValue(), '0.5', 'expected the element to show the logits');
  assert.ok(await elementInk(course, 'activation-lab') > 0.01, 'expected the element to draw its chart on another origin');
  await saveScreenshot(course, 'embed-pasted', { fullPage: true });
  assert.deepEqual([...problems, ...courseProblems], [], 'expected no errors in the app or the other site\'s page');
  await context.close();
});

test('the example page shows an iframe and two elements, each with its own settings, none touching the page URL', async () => {
  const context = await lab.browser.newContext();
  const { page, problems } = await openWatched(context, `${lab.server.url}embed-example.html`, { waitFor: null });
  await elementsReady(page, 2);
  const frame = await frameOf(page, '#race-frame');
  await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  assert.ok(await canvasInk(frame, '#panel-race canvas') > 0.01, 'expected the iframe to draw the race');
  const softmax = page.locator('#softmax-lab');
  const explorer = page.locator('#explorer-lab');
  assert.deepEqual(await softmax.locator('input[name^="logit-"]').evaluateAll((inputs) => inputs.map((i) => i.value)), ['2', '1', '0.1'],
    'expected the softmax element to take its logits attribute');
  const checked = await explorer.locator('input[type="checkbox"]:checked').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual(checked, ['relu', 'gelu', 'silu'], 'expected the explorer element to take data-settings');
  const before = await page.evaluate(() => ({ href: location.href, length: history.length }));
  await softmax.locator('button:has-text("Add a logit")').click();
  await softmax.locator('input[name="temperature"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(400);
  assert.equal(await softmax.locator('input[name^="logit-"]').count(), 4, 'expected a fourth logit in the softmax element');
  assert.deepEqual(await explorer.locator('input[type="checkbox"]:checked').evaluateAll((boxes) => boxes.map((b) => b.value)), checked,
    'expected the explorer element untouched');
  assert.deepEqual(await page.evaluate(() => ({ href: location.href, length: history.length })), before, 'expected the page URL and history untouched');
  const settings = await page.$eval('#softmax-lab', (element) => element.settings);
  assert.deepEqual(settings, { panel: 'softmax', logits: [2, 1, 0.1, 0], temperature: 1.6 }, 'expected element.settings to follow the changes');
  assert.deepEqual(await duplicateIds(page), [], 'expected every id unique across the page and the elements');
  const orphanLabels = await page.evaluate(() => [...document.querySelectorAll('activation-lab')].flatMap((element) => [...element.shadowRoot.querySelectorAll('label[for]')]
    .filter((label) => !element.shadowRoot.getElementById(label.htmlFor)).map((label) => label.htmlFor)));
  assert.deepEqual(orphanLabels, [], 'expected every label inside an element to find its control');
  const fonts = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')));
  assert.ok(fonts.some((href) => href.endsWith('/katex/katex.min.css')), 'expected KaTeX\'s stylesheet added to the page for its fonts');
  await saveScreenshot(page, 'embed-example', { fullPage: true });
  assert.deepEqual(problems, [], 'expected no errors on the example page');
  await context.close();
});

test('elements on a course page in another folder: attributes, changes, removal, a hostile element and training', async () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const name = site.page('week3.html', htmlPage({
    head: '<script src="../lab/activation-lab.js" defer></script>',
    body: '<h1>Week 3</h1>'
      + '<activation-lab id="fast" panel="race" racers="tanh,relu" learning-rate="0.5"></activation-lab>'
      + '<activation-lab id="plain" panel="race"></activation-lab>'
      + `<activation-lab id="hostile" panel="${hostile.replace(/</g, '&lt;').replace(/>/g, '&gt;')}" xmin="1e999"`
      + ` data-settings='{"functions": "${hostile.replace(/</g, '&lt;').replace(/>/g, '&gt;')}", "__proto__": {"polluted": 1}, "xMax": "huge", "nope": 1}'></activation-lab>`
      + '<activation-lab id="training" panel="playground" stop-mode="steps" stop-steps="300"></activation-lab>',
  }));
  const context = await lab.browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${site.url}${name}`);
  await elementsReady(page, 4);
  const fast = page.locator('#fast');
  const plain = page.locator('#plain');
  assert.equal(await fast.locator('input[name="learningRate"]').inputValue(), '0.5', 'expected learning-rate="0.5" applied');
  assert.deepEqual(await fast.locator('input[type="checkbox"]:checked').evaluateAll((b) => b.map((x) => x.value)), ['tanh', 'relu'], 'expected racers applied');
  assert.equal(await plain.locator('input[name="learningRate"]').inputValue(), '0.2', 'expected the second element on its defaults');
  await fast.locator('input[name="start"]').focus();
  await page.keyboard.press('End');
  assert.equal(await plain.locator('input[name="start"]').inputValue(), '0.9', 'expected the other element unchanged by a slider move');
  await page.$eval('#plain', (element) => element.setAttribute('depth', '4'));
  await page.waitForFunction(() => document.querySelector('#plain').shadowRoot.querySelector('input[name="depth"]')?.value === '4');
  assert.equal(await page.$eval('#plain', (element) => element.settings.depth), 4, 'expected an attribute change to remount with it');

  const hostileElement = page.locator('#hostile');
  const notice = hostileElement.locator('.url-notice[role="status"]');
  assert.ok(await notice.isVisible(), 'expected a notice inside the hostile element');
  const text = await notice.textContent();
  for (const part of ['There is no section called “<img src=x onerror=alert(1)>”', 'functions', 'x-max', '2 setting name']) {
    assert.ok(text.includes(part), `expected the notice to mention ${part}, got ${text}`);
  }
  const injected = await page.evaluate(() => ({
    polluted: ({}).polluted !== undefined,
    handlers: [document, ...[...document.querySelectorAll('activation-lab')].map((e) => e.shadowRoot)]
      .reduce((sum, root) => sum + root.querySelectorAll('img, [onerror]').length, 0),
  }));
  assert.deepEqual(injected, { polluted: false, handlers: 0 }, 'expected nothing injected by hostile attributes');
  assert.ok(await elementInk(page, '#hostile') > 0.01, 'expected the hostile element to fall back to a working panel');

  const run = await trainBriefly(page, '#training');
  assert.ok(run.step >= 50, `expected the element's playground to train, got ${run.step} steps`);
  assert.equal(run.mode, 'worker', 'expected a same-origin course page to train in a Worker started from the bundle\'s own URL');

  const links = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((node) => new URL(node.href).pathname));
  assert.deepEqual(links, ['/lab/katex/katex.min.css'], 'expected KaTeX\'s CSS found next to the bundle, not next to the page');
  const buttonStyle = await fast.locator('button').first().evaluate((node) => getComputedStyle(node).borderRadius);
  assert.equal(buttonStyle, '8px', 'expected the app\'s styles inside the element');
  const pageStyle = await page.$eval('h1', (node) => getComputedStyle(node).fontFamily);
  assert.doesNotMatch(pageStyle, /system-ui/, 'expected the app\'s styles not to leak into the course page');
  await page.$eval('#fast', (element) => element.remove());
  await page.waitForTimeout(200);
  assert.deepEqual(problems, [], 'expected no errors on the course page');
  await context.close();
});

test('an element follows its lang attribute, else the page\'s <html lang>', async () => {
  const cases = [
    { lang: 'zh-CN', attribute: '', expect: /[\u4e00-\u9fff]/ },
    { lang: 'en', attribute: ' lang="zh-Hans"', expect: /[\u4e00-\u9fff]/ },
    { lang: 'fr', attribute: ' lang="en"', expect: /^[^\u4e00-\u9fff]+$/ },
  ];
  for (const [i, { lang, attribute, expect }] of cases.entries()) {
    const name = site.page(`lang-${i}.html`, htmlPage({ lang, head: '<script src="../lab/activation-lab.js" defer></script>', body: `<activation-lab panel="softmax"${attribute}></activation-lab>` }));
    const context = await lab.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}${name}`);
    await elementsReady(page, 1);
    const intro = await page.locator('activation-lab .panel-intro').first().textContent();
    assert.match(intro, expect, `expected the language of <html lang="${lang}"> with${attribute || ' no lang attribute'}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang, 'expected the element not to change the page\'s own lang');
    assert.deepEqual(problems, [], 'expected no errors');
    await context.close();
  }
});
