// The browser example of docs/API.md runs as written: a course page loads the bundle, and its
// own script uses the ActivationLab global (loadEngine, manifest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowserAndServer } from './harness.mjs';
import { useCourseSite, openWatched } from './hosting.mjs';

const lab = useBrowserAndServer();
const site = useCourseSite();
const markdown = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
const block = (fence) => markdown.match(new RegExp('```' + fence + '\\n([\\s\\S]*?)```'))?.[1];

test('the docs example finds window.ActivationLab, loads the engine and reads the manifest', async () => {
  const html = block('html');
  const lesson = block('js browser');
  assert.ok(html && lesson, 'docs/API.md has an html block and a js browser block');
  // The course site serves dist/ as /lab/ beside the page's folder.
  site.page('my-lesson.js', lesson);
  const url = site.page('lesson.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lesson</title>`
    + `<link rel="icon" href="data:,"></head><body>${html.replace('src="activation-lab.js"', 'src="../lab/activation-lab.js"')}</body></html>`);
  const context = await lab.browser.newContext();
  try {
    const { page, problems } = await openWatched(context, `${site.url}${url}`, { waitFor: null });
    await page.waitForFunction(() => document.getElementById('answer')?.textContent !== '', null, { timeout: 30000 });
    assert.equal(await page.textContent('#answer'), 'sigmoid(0) = 0.5; learning rates up to 10');
    assert.deepEqual(await page.evaluate(() => Object.keys(window.ActivationLab).sort()), ['WebAssemblyUnavailableError', 'loadEngine', 'manifest']);
    assert.equal(await page.evaluate(() => Object.isFrozen(window.ActivationLab)), true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
