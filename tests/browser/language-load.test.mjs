// The bundle carries the English strings only: the other languages' tables are in
// dist/activation-lab-strings-<code>.js, run when the page starts in that language (before its
// panels mount) and otherwise once the first panel is up, over http and from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { useBrowserAndServer, openPage, distDir, root } from './harness.mjs';
import { languages, baseLanguage, stringsFile, stringsGlobal } from '../../web/src/i18n.js';

const lab = useBrowserAndServer();
const tableDir = path.join(root, 'web', 'src', 'i18n');
const otherLanguages = languages.map((l) => l.code).filter((code) => code !== baseLanguage);

/** Every source table, {name: table}. */
async function sourceTables() {
  const names = readdirSync(tableDir).filter((file) => file.endsWith('.js'));
  const entries = await Promise.all(names.map(async (file) => [path.basename(file, '.js'), (await import(pathToFileURL(path.join(tableDir, file)))).default]));
  return Object.fromEntries(entries);
}

test('each other language is in its own strings file, word for word, and not in the bundle', async () => {
  const tables = await sourceTables();
  const bundle = readFileSync(path.join(distDir, 'activation-lab.js'), 'utf8');
  for (const code of otherLanguages) {
    const sandbox = { self: {} };
    vm.runInNewContext(readFileSync(path.join(distDir, stringsFile(code)), 'utf8'), sandbox);
    const expected = Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, table[code] ?? {}]));
    assert.deepEqual(JSON.parse(JSON.stringify(sandbox.self[stringsGlobal][code])), expected, `expected ${stringsFile(code)} to hold every table's '${code}' strings`);
    const inBundle = Object.values(expected).flatMap(Object.values).filter((text) => /[\u4e00-\u9fff]/.test(text) && bundle.includes(text));
    assert.deepEqual(inBundle, [], `expected no '${code}' table strings inside activation-lab.js`);
  }
});

/** Resolves to [the strings file's request start, the first panel canvas's appearance] in ms since navigation, in `page`. */
const stringsAndFirstCanvas = (page, file) => page.evaluate((name) => [
  performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(name))?.startTime,
  globalThis.firstCanvasMs,
], file);

function recordFirstCanvas() {
  new MutationObserver((changes, observer) => {
    if (!document.querySelector('#panels canvas')) return;
    globalThis.firstCanvasMs = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

test('an English page fetches the Chinese strings only after its first panel is up, and then switches at once', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}index.html#playground`, { initScript: recordFirstCanvas });
  const [stringsAt, canvasAt] = await stringsAndFirstCanvas(page, stringsFile('zh'));
  assert.ok(canvasAt > 0 && stringsAt >= canvasAt, `expected the Chinese strings requested after the first canvas (${canvasAt} ms), not at ${stringsAt} ms`);
  await page.click('button[data-language="zh"]');
  assert.equal(await page.textContent('h1'), '激活函数实验室', 'expected the Chinese title as soon as the switch is pressed');
  assert.deepEqual(errors, [], 'expected no console errors');
  await context.close();
});

test('a page that starts in Chinese shows its panel in Chinese, over http and from file://', async () => {
  const urls = [`${lab.server.url}index.html#playground&lang=zh`, `${pathToFileURL(path.join(distDir, 'index.html')).href}#race&lang=zh`];
  for (const url of urls) {
    const { page, context, errors } = await openPage(lab.browser, url);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans', `expected <html lang="zh-Hans"> at ${url}`);
    const body = await page.textContent('#panels [role="tabpanel"]:not([hidden]) .panel-root');
    assert.ok((body.match(/[\u4e00-\u9fff]/g) ?? []).length > 20, `expected the panel's text in Chinese at ${url}`);
    assert.deepEqual(errors, [], `expected no console errors at ${url}`);
    await context.close();
  }
});

test('when the Chinese strings cannot load, the page starts in English with a notice saying so, and the switch says it again', async () => {
  const { page, context, errors } = await openPage(lab.browser, 'about:blank', { waitFor: null });
  await context.route(`**/${stringsFile('zh')}`, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${lab.server.url}index.html#race&lang=zh`);
  await page.waitForSelector('html[data-state="ready"]', { state: 'attached' });
  const notice = page.locator('.url-notice[role="status"]');
  assert.match(await notice.textContent(), /The text in the other language could not be loaded \(.+\), so the page stays in this language\./);
  assert.equal(await page.textContent('h1'), 'Activation Lab', 'expected the page in English');
  await page.click('.url-notice button');
  await page.click('button[data-language="zh"]');
  await notice.waitFor();
  await page.click('button[data-language="zh"]');
  await page.waitForTimeout(300);
  assert.equal(await notice.count(), 1, 'expected one notice however often the switch fails');
  assert.equal(await page.textContent('h1'), 'Activation Lab');
  const unexpected = errors.filter((e) => !e.includes(stringsFile('zh')) && !/Failed to load resource|could not load/.test(e));
  assert.deepEqual(unexpected, [], 'expected no errors besides the missing strings file');
  await context.close();
});
