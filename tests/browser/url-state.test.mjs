// Settings in the URL: every panel's settings round-trip through a link, slider moves rewrite the
// URL without history entries, "Copy link" works with and without a clipboard, and hostile or
// broken links load with safe defaults, a notice naming what was reset, no HTML injected and no
// dialogs or console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, canvasInk } from './harness.mjs';
import { openWatched } from './hosting.mjs';

let panelIds;
const lab = useBrowserAndServer(async ({ browser, server }) => {
  const context = await browser.newContext();
  const { page } = await openWatched(context, server.url);
  panelIds = await page.$$eval('[role="tab"]', (tabs) => tabs.map((tab) => tab.id.replace(/^tab-/, '')));
  await context.close();
});

/** The largest ink of the canvases of panel `id` (some charts stay empty until a run). */
async function mostInk(page, id) {
  const count = await page.locator(`#panel-${id} canvas`).count();
  let most = 0;
  for (let i = 0; i < count && most <= 0.005; i += 1) most = Math.max(most, await canvasInk(page, `#panel-${id} canvas >> nth=${i}`));
  return most;
}

const shownPanel = (page) => page.evaluate(() => document.querySelector('#panels > section:not([hidden])')?.id.replace(/^panel-/, ''));

/** Changes the first setting control of panel `id` that alters the URL; resolves to {name, value}. */
async function changeOneSetting(page, id) {
  const candidates = await page.$$eval(`#panel-${id} :is(input[type="range"], select, input[type="number"])[name]`,
    (nodes) => nodes.filter((n) => !n.disabled && n.offsetParent !== null).map((n) => ({ name: n.name, tag: n.tagName.toLowerCase(), type: n.type })));
  for (const { name, tag, type } of candidates) {
    const selector = `#panel-${id} [name="${name}"]`;
    const before = page.url();
    if (tag === 'select') {
      const options = await page.$$eval(`${selector} option`, (os) => os.map((o) => o.value));
      const current = await page.inputValue(selector);
      await page.selectOption(selector, options.find((o) => o !== current));
    } else if (type === 'range') {
      await page.focus(selector);
      await page.keyboard.press('End');
    } else {
      const min = Number(await page.getAttribute(selector, 'min'));
      const current = Number(await page.inputValue(selector));
      await page.fill(selector, String(current === min + 1 ? min + 2 : min + 1));
    }
    await page.waitForTimeout(400);
    if (page.url() !== before && new URL(page.url()).hash.includes(`&${id}.`)) return { name, value: await page.inputValue(`#panel-${id} [name="${name}"]`) };
  }
  throw new Error(`no control of panel ${id} changed the URL`);
}

test('every panel\'s settings round-trip through the URL, and the chosen panel through the fragment', async () => {
  const context = await lab.browser.newContext();
  for (const id of panelIds) {
    const { page, problems } = await openWatched(context, `${lab.server.url}#${id}`);
    const changed = await changeOneSetting(page, id);
    const link = page.url();
    assert.match(new URL(link).hash, new RegExp(`^#${id}&${id}\\.`), `expected the fragment to name ${id} and its setting`);
    const { page: reopened, problems: reopenedProblems } = await openWatched(context, link);
    assert.equal(await shownPanel(reopened), id, `expected ${link} to reopen panel ${id}`);
    assert.equal(await reopened.inputValue(`#panel-${id} [name="${changed.name}"]`), changed.value,
      `expected ${id}.${changed.name} = ${changed.value} after reopening ${link}`);
    assert.equal(await reopened.locator('.url-notice').count(), 0, `expected no notice for the app's own link ${link}`);
    assert.deepEqual([...problems, ...reopenedProblems], [], `expected no errors on ${id}`);
    await page.close();
    await reopened.close();
  }
  await context.close();
});

test('twelve quick slider moves rewrite the URL once and add no history entries', async () => {
  const context = await lab.browser.newContext();
  await context.addInitScript(() => {
    window.replaceStateCalls = 0;
    const original = History.prototype.replaceState;
    History.prototype.replaceState = function replaceState(...args) {
      window.replaceStateCalls += 1;
      return original.apply(this, args);
    };
  });
  const { page, problems } = await openWatched(context, `${lab.server.url}#race&race.racers=tanh,relu`);
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => ({ calls: window.replaceStateCalls, length: history.length }));
  await page.$eval('#panel-race input[name="start"]', (input) => {
    for (let i = 1; i <= 12; i += 1) {
      input.value = String(0.9 - i / 100);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await page.waitForTimeout(500);
  const afterDrag = await page.evaluate(() => ({ calls: window.replaceStateCalls, length: history.length, search: location.hash }));
  assert.equal(afterDrag.length, before.length, 'expected no new history entries from moving a slider');
  assert.equal(afterDrag.calls - before.calls, 1, 'expected the URL written once after twelve quick moves (debounced)');
  assert.match(afterDrag.search, /race\.start=0\.78/, `expected race.start=0.78 in ${afterDrag.search}`);
  assert.match(afterDrag.search, /race\.racers=tanh,relu/, 'expected the other race settings kept');
  await page.reload();
  await page.waitForSelector('html[data-state="ready"]', { state: 'attached' });
  assert.equal(await page.inputValue('#panel-race input[name="start"]'), '0.78', 'expected the slider value back after a reload');
  assert.deepEqual(problems, [], 'expected no errors');
  await context.close();
});

test('defaults stay out of the URL, the query is left alone, and a pasted link with new settings applies', async () => {
  const context = await lab.browser.newContext();
  const { page, problems } = await openWatched(context, `${lab.server.url}?utm_source=course#race&race.start=0.9&race.depth=2`);
  await page.waitForTimeout(300);
  const url = new URL(page.url());
  assert.deepEqual([url.search, url.hash], ['?utm_source=course', '#race&race.depth=2'], 'expected a default value dropped and the query kept');
  assert.equal(await page.locator('.url-notice').count(), 0, 'expected no notice for a valid link');
  await page.evaluate(() => { location.hash = '#softmax&softmax.temperature=2.5'; });
  await page.waitForSelector('#panel-softmax:not([hidden])');
  await page.waitForSelector('html[data-state="ready"]', { state: 'attached' });
  assert.equal(await page.inputValue('#panel-softmax input[name="temperature"]'), '2.5', 'expected a pasted link\'s settings applied');
  await page.evaluate(() => { location.hash = '#race'; });
  await page.waitForSelector('#panel-race:not([hidden])');
  assert.equal(await page.inputValue('#panel-softmax input[name="temperature"]'), '2.5', 'expected a bare panel name to switch panels only');
  await page.evaluate(() => { location.hash = '#mean-shift&softmax'; });
  await page.waitForSelector('#panel-mean-shift:not([hidden])');
  assert.equal(await page.isVisible('#panel-softmax'), false, 'expected the first bare name to be the panel to open');
  const reloadAborts = (line) => line.includes('net::ERR_ABORTED');
  assert.deepEqual(problems.filter((line) => !reloadAborts(line)), [], 'expected no errors (requests cut short by the reload aside)');
  await context.close();
});

test('"Copy link" puts the link of the current setup on the clipboard', async () => {
  const context = await lab.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(lab.server.url).origin });
  const { page, problems } = await openWatched(context, `${lab.server.url}#softmax`);
  await page.fill('#panel-softmax input[name="logit-0"]', '5');
  const place = () => page.$$eval('.site-header button, .panel-nav [role="tab"]', (nodes) => nodes.map((node) => {
    const box = node.getBoundingClientRect();
    return `${Math.round(box.x)},${Math.round(box.y)}`;
  }));
  const before = await place();
  await page.click('button.share-copy');
  await page.waitForSelector('.share-status:not(:empty)');
  assert.deepEqual(await place(), before, 'expected the header buttons and tabs not to move when the note appears');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /#softmax&softmax\.logits=5,1,-3$/, `expected the link to hold the new logits, got ${copied}`);
  assert.match(await page.textContent('.share-status'), /Link copied/, 'expected a confirmation');
  await page.waitForSelector('.share-popover', { state: 'hidden', timeout: 8000 });
  assert.equal(await page.textContent('.share-status'), '', 'expected the note to go away by itself');
  const { page: reopened } = await openWatched(context, copied);
  assert.equal(await reopened.inputValue('#panel-softmax input[name="logit-0"]'), '5', 'expected the copied link to reopen the logits');
  assert.deepEqual(problems, [], 'expected no errors');
  await context.close();
});

test('without a clipboard, "Copy link" selects the link in a visible field', async () => {
  const context = await lab.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    Document.prototype.execCommand = () => false;
  });
  const { page, problems } = await openWatched(context, `${lab.server.url}#race&race.depth=2`);
  await page.click('button.share-copy');
  const field = page.locator('.share-link-field');
  await field.waitFor({ state: 'visible' });
  const state = await field.evaluate((input) => ({ value: input.value, start: input.selectionStart, end: input.selectionEnd, focused: document.activeElement === input }));
  assert.match(state.value, /#race&race\.depth=2$/, 'expected the link in the field');
  assert.deepEqual([state.start, state.end, state.focused], [0, state.value.length, true], 'expected the whole link selected and focused');
  assert.match(await page.textContent('.share-status'), /Ctrl\+C/, 'expected the reader told how to copy');
  assert.deepEqual(problems, [], 'expected no errors when the clipboard is blocked');
  await context.close();
});

test('the notice is translated and names the reset settings in Chinese', async () => {
  const context = await lab.browser.newContext({ locale: 'en-US' });
  const { page, problems } = await openWatched(context, `${lab.server.url}#race&lang=zh&race.start=abc`);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans', 'expected lang=zh to choose Chinese');
  const notice = page.locator('.url-notice[role="status"]');
  assert.match(await notice.textContent(), /链接中有些设置无效.*race\.start/, 'expected the Chinese notice naming race.start');
  await page.click('button[data-language="en"]');
  assert.match(await notice.textContent(), /not valid and were reset.*race\.start/, 'expected the notice re-translated');
  await page.click('.url-notice button');
  assert.equal(await page.locator('.url-notice').count(), 0, 'expected Dismiss to remove the notice');
  assert.deepEqual(problems, [], 'expected no errors');
  await context.close();
});

/** [URL suffix, panel expected on screen, strings the notice must contain (null: no notice)]. */
function hostileLinks() {
  const script = '<img src=x onerror=alert(1)>';
  const many = (item, n) => Array(n).fill(item).join(',');
  const links = [
    ['#race&race.start=abc', 'race', ['race.start']],
    ['#race&race.start=1e309', 'race', ['race.start']],
    ['#race&race.start=-1e308&race.target=9e99', 'race', ['race.start', 'race.target']],
    ['#race&race.depth=10000', 'race', ['race.depth']],
    ['#race&race.depth=2.5', 'race', ['race.depth']],
    ['#race&race.learningRate=1e-400', 'race', ['race.learningRate']],
    ['#race&race.racers=sigmoid,notanactivation', 'race', ['race.racers']],
    ['#race&race.racers=relu,relu', 'race', ['race.racers']],
    [`#race&race.racers=${encodeURIComponent(script)}`, 'race', ['race.racers']],
    [`#race&race.racers=${script}`, 'race', ['race.racers']],
    [`#race&race.racers=${many('relu', 1500)}`, 'race', ['race.racers']],
    [`#race&race.racers=${many('relu', 10000)}`, 'explorer', ['too long']],
    [`#softmax&softmax.logits=${encodeURIComponent(script)}`, 'softmax', ['softmax.logits']],
    [`#softmax&softmax.logits=${many('1', 3000)}`, 'softmax', ['softmax.logits']],
    ['#softmax&softmax.logits=1,,2&softmax.temperature=', 'softmax', ['softmax.logits', 'softmax.temperature']],
    ['#softmax&softmax.temperature=0x10', 'softmax', ['softmax.temperature']],
    [`#embed=${encodeURIComponent(script)}`, 'explorer', ['does not exist']],
    ['#embed=race&race.start=%3Cscript%3Ealert(1)%3C/script%3E', 'race', ['race.start']],
    [`#embed=race&race.racers=${encodeURIComponent('"><svg onload=alert(1)>')}`, 'race', ['race.racers']],
    [`#${encodeURIComponent(script)}`, 'explorer', ['section that does not exist']],
    [`#${script}`, 'explorer', ['1 setting name']],
    ['#race&race.start=%E0%A4%A', 'race', ['race.start']],
    ['#%E0%A4%A', 'explorer', ['section that does not exist']],
    ['#race&race.start=%', 'race', ['race.start']],
    ['#race&race.start=%00', 'race', ['race.start']],
    ['#race&__proto__[polluted]=1&__proto__.polluted=1&constructor.prototype.polluted=1', 'race', ['3 setting name']],
    ['#race&race.__proto__=1&race.constructor=1&race.prototype=1&race.toString=1', 'race', ['4 setting name']],
    ['#embed=__proto__', 'explorer', ['does not exist']],
    ['#embed=constructor&constructor', 'explorer', ['does not exist']],
    [`#lang=${encodeURIComponent('<b>x</b>')}`, 'explorer', ['language in the link']],
    ['#lang=__proto__', 'explorer', ['language in the link']],
    ['#explorer.functions=toString,valueOf', 'explorer', ['explorer.functions']],
    ['#explorer.xMin=NaN&explorer.xMax=Infinity', 'explorer', ['explorer.xMin', 'explorer.xMax']],
    ['#mean-shift&mean-shift.samples=99999999999999999999999&mean-shift.seed=-1', 'mean-shift', ['mean-shift.samples', 'mean-shift.seed']],
    [`#mean-shift&mean-shift.activation=${'a'.repeat(9000)}`, 'mean-shift', ['mean-shift.activation']],
    ['#nonlinearity&nonlinearity.w1=1,2,3&nonlinearity.between=javascript:alert(1)', 'nonlinearity', ['nonlinearity.w1', 'nonlinearity.between']],
    ['#race&race.start=0.5&race.start=abc', 'race', ['race.start']],
    ['#softmax&softmax.temperature[]=1', 'softmax', ['1 setting name']],
    [`#race&${'a=1&'.repeat(7000)}`, 'explorer', ['too long']],
    [`#race&race.start=${'9'.repeat(30000)}`, 'explorer', ['too long']],
    ['#javascript:alert(1)', 'explorer', ['section that does not exist']],
    ['#race?race.start=abc', 'explorer', ['1 setting name']],
    ['?race.start=abc&embed=%3Cimg%3E#race', 'race', null],
  ];
  if (panelIds.includes('playground')) {
    links.push([`#playground&playground.hiddenLayers=${many('8', 10000)}`, 'playground', ['playground.hiddenLayers']]);
    links.push(['#playground&playground.hiddenLayers=8,8,8,8,8,8,8,8,8,8&playground.learningRate=-1&playground.dataset=%3Cb%3E',
      'playground', ['playground.hiddenLayers', 'playground.learningRate', 'playground.dataset']]);
  }
  if (panelIds.includes('experiments')) {
    links.push([`#experiments&experiments.bornDepths=${many('5', 10000)}&experiments.sweepSteps=1e9`, 'experiments',
      ['experiments.bornDepths', 'experiments.sweepSteps']]);
  }
  return links;
}

test('hostile and broken links load with defaults, a notice, no injected HTML, no dialogs and no errors', async () => {
  const links = hostileLinks();
  assert.ok(links.length >= 30, `expected at least 30 hostile links, have ${links.length}`);
  const context = await lab.browser.newContext();
  for (const [suffix, panel, expected] of links) {
    const url = `${lab.server.url}${suffix}`;
    const label = suffix.length > 90 ? `${suffix.slice(0, 90)}… (${suffix.length} characters)` : suffix;
    if (process.env.DEBUG_LINKS) console.log(`# ${label}`);
    const started = Date.now();
    const { page, problems } = await openWatched(context, url);
    assert.ok(Date.now() - started < 15000, `expected ${label} to load promptly`);
    assert.equal(await shownPanel(page), panel, `expected panel ${panel} for ${label}`);
    const notice = page.locator('.url-notice[role="status"]');
    if (expected === null) {
      assert.equal(await notice.count(), 0, `expected no notice for ${label}`);
    } else {
      assert.ok(await notice.isVisible(), `expected a visible notice for ${label}`);
      const text = await notice.textContent();
      for (const part of expected) assert.ok(text.includes(part), `expected the notice for ${label} to mention "${part}", got: ${text}`);
    }
    const injected = await page.evaluate(() => ({
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: document.querySelectorAll('img').length,
      scripts: [...document.scripts].filter((s) => !/\/(activation-lab(-core-fetch|-strings-[a-z]+)?|katex\/katex\.min)\.js$/.test(s.src)).length,
      polluted: ({}).polluted !== undefined || Object.prototype.polluted !== undefined,
    }));
    assert.deepEqual(injected, { handlers: 0, images: 0, scripts: 0, polluted: false }, `expected nothing injected by ${label}`);
    assert.ok(await mostInk(page, panel) > 0.005, `expected panel ${panel} to draw for ${label}`);
    assert.equal(await page.locator(`#panel-${panel} .panel-root .error:visible`).count(), 0, `expected panel ${panel} to mount for ${label}`);
    assert.deepEqual(problems, [], `expected no errors or dialogs for ${label}`);
    await page.close();
  }
  await context.close();
});
