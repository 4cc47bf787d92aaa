// Guided lessons in the page: the built-in chapter lesson walked step by step (answers checked by
// the engine, goals reached by training, progress kept over a reload), then a teacher's lessons
// from a link, a same-origin URL and a file, hostile links, author mode's export, Chinese and a
// 375 px phone. One browser, one server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useBrowserAndServer, openPage, downloadOf } from './harness.mjs';
import { waitForFirstFrame } from './playground-helpers.mjs';
import { encodeLesson } from '../../web/src/lesson/sources.js';

const lab = useBrowserAndServer();
const sidebar = '.lesson';

/** Waits until the feedback line has class `kind`; resolves to its text. */
async function feedback(page, kind = 'correct', timeout = 30000) {
  await page.waitForSelector(`${sidebar} .lesson-feedback.${kind}`, { timeout });
  return page.locator(`${sidebar} .lesson-feedback`).textContent();
}

async function answer(page, text) {
  await page.fill(`${sidebar} .lesson-answer`, text);
  await page.click(`${sidebar} .lesson-check`);
}

async function next(page, expectedStep) {
  await page.click(`${sidebar} .lesson-next`);
  await page.waitForFunction((text) => document.querySelector('.lesson-progress')?.textContent === text, `Step ${expectedStep} of 11`);
}

/** axe-core's WCAG A/AA and best-practice violations inside the lesson bar and the sidebar. */
async function lessonViolations(page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => (await globalThis.axe.run({ include: [['.lesson-bar'], ['.lesson']] }, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  })).violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0].target.join(' ')})`));
}

/** Loads the page afresh at `hash` (a new document, so the link is read again; requests still loading are cut off). */
async function visit(page, hash) {
  await page.goto('about:blank');
  await page.goto(`${lab.server.url}index.html#${hash}`);
  await page.waitForSelector('html[data-state="ready"]', { state: 'attached' });
}

/** Presses Play on the training panel once its first frame is drawn. */
async function play(page) {
  await waitForFirstFrame(page);
  await page.click('#panel-playground .pg-play');
}

test('the chapter lesson: every step checked by the engine, goals reached live, progress kept over a reload', async () => {
  const { page, errors } = await openPage(lab.browser, `${lab.server.url}index.html#lesson=chapter`);
  await page.waitForSelector(sidebar);
  assert.equal(await page.locator('#panel-nonlinearity').isVisible(), true, 'expected step 1 to open the nonlinearity panel');
  await answer(page, '0.5');
  assert.match(await feedback(page, 'wrong'), /Not yet/);
  await answer(page, '-0.5');
  assert.match(await feedback(page), /−0\.5/);
  assert.equal(await page.locator('.lesson-answered').textContent(), '1 of 11 questions answered');

  await next(page, 2);
  assert.equal(await page.locator('#panel-playground select[name="activation"]').inputValue(), 'linear');
  assert.equal(await page.locator('#panel-playground [data-setting="dataset"], #panel-playground select[name="dataset"]').first().isVisible(), false, 'expected the step to hide the data set control');
  await page.selectOption('#panel-playground select[name="activation"]', 'relu');
  await play(page);
  await feedback(page);
  assert.equal(await page.locator('.lesson-goal li.met').count(), 2);

  await next(page, 3);
  assert.equal(await page.locator('.lesson-step-title').evaluate((node) => node === document.activeElement), true, 'expected focus on the step title');
  await page.check(`${sidebar} input[value="reached"]`);
  await page.click(`${sidebar} .lesson-check`);
  await feedback(page, 'wrong');
  await page.check(`${sidebar} input[value="stalled"]`);
  await page.click(`${sidebar} .lesson-check`);
  await feedback(page);
  assert.deepEqual(await lessonViolations(page), [], 'expected the lesson bar and sidebar to pass axe');

  await next(page, 4);
  await page.click(`${sidebar} .lesson-reveal`);
  await page.waitForFunction(() => /67/.test(document.querySelector('.lesson-feedback').textContent));
  await answer(page, '67');
  await feedback(page);

  await next(page, 5);
  await answer(page, '0.5');
  await feedback(page);
  await next(page, 6);
  await page.selectOption('#panel-mean-shift select[name="activation"]', 'tanh');
  await feedback(page);
  await next(page, 7);
  await answer(page, '2');
  await feedback(page);

  await next(page, 8);
  assert.equal(await page.locator('#panel-playground select[name="activation"]').inputValue(), 'relu');
  await play(page);
  await feedback(page);
  await next(page, 9);
  await play(page);
  await page.waitForSelector('#panel-playground .tl-mark:not(.tl-mark-dormant)', { timeout: 30000 });
  const deathSteps = await page.$$eval('#panel-playground .tl-mark:not(.tl-mark-dormant)', (marks) => marks.map((mark) => Number(mark.dataset.step)));
  await answer(page, String(Math.min(...deathSteps)));
  await feedback(page);

  await next(page, 10);
  assert.equal(await page.locator('#panel-playground select[name="activation"]').inputValue(), 'leaky_relu');
  await play(page);
  await feedback(page, 'correct', 60000);

  await next(page, 11);
  const entry = await page.locator('#panel-softmax .jacobian tbody tr:nth-child(1) td:nth-of-type(2)').first().getAttribute('data-value');
  await answer(page, Number(entry).toFixed(4));
  await feedback(page);
  await page.click(`${sidebar} .lesson-next`);
  assert.match(await feedback(page), /Lesson complete: 11 of 11/);

  await page.reload();
  await page.waitForSelector(sidebar);
  assert.equal(await page.locator('.lesson-progress').textContent(), 'Step 11 of 11');
  assert.equal(await page.locator('.lesson-answered').textContent(), '11 of 11 questions answered');
  await page.click(`${sidebar} .lesson-back`);
  await page.waitForFunction(() => document.querySelector('.lesson-progress').textContent === 'Step 10 of 11');
  await page.click(`${sidebar} .lesson-close`);
  await page.waitForSelector(sidebar, { state: 'detached' });
  assert.doesNotMatch(page.url(), /lesson=/, 'expected closing the lesson to drop it from the link');
  assert.deepEqual(errors, []);
  await page.context().close();
});

const teacherLesson = {
  format: 'activation-lab-lesson', version: 1, id: 'week-3',
  title: { en: 'Week 3: softmax', zh: '第 3 周：softmax' },
  steps: [{
    panel: 'softmax', settings: { logits: [2, 0] }, classroom: { views: ['jacobian'] },
    title: { en: 'Two logits', zh: '两个 logit' },
    prompt: { en: 'If z1 < z2 & more, which way does s1 move?', zh: '若 z1 < z2，s1 往哪边变？' },
    question: { kind: 'number', measure: { name: 'softmax.probability', index: 0 }, tolerance: 0.001 },
  }],
};

test('teachers\' lessons: from a link, a same-origin URL and a file, in Chinese at 375 px; hostile ones inject nothing', async () => {
  const encoded = await encodeLesson(teacherLesson);
  const { page, errors } = await openPage(lab.browser, `${lab.server.url}index.html#lang=zh&lesson=${encoded}`, { viewport: { width: 375, height: 800 } });
  await page.waitForSelector(sidebar);
  assert.equal(await page.locator('.lesson-title').textContent(), '第 3 周：softmax');
  assert.equal(await page.locator('.lesson-prompt').textContent(), teacherLesson.steps[0].prompt.zh, 'expected the prompt as plain text');
  assert.equal(await page.locator('#panel-softmax .panel-main > figure').isVisible(), false, 'expected the views trim to hide the chart');
  const [aside, panel] = await Promise.all([page.locator(sidebar).boundingBox(), page.locator('#panels').boundingBox()]);
  assert.ok(aside.y + aside.height <= panel.y + 1, 'expected the sidebar stacked above the panel at 375 px');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'expected no sideways scrolling at 375 px');
  await answer(page, '0.881');
  assert.match(await feedback(page), /正确/);

  await page.route('**/lessons/week-3.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...teacherLesson, id: 'from-url' }) }));
  await visit(page, 'lang=zh&lesson-src=lessons/week-3.json');
  await page.waitForSelector(sidebar);
  assert.equal(await page.locator('.lesson-progress').textContent(), '第 1 步，共 1 步');

  await visit(page, `lang=zh&lesson-src=${encodeURIComponent('https://example.com/evil.json')}`);
  await page.waitForSelector('.lesson-note.error');
  assert.match(await page.locator('.lesson-note').textContent(), /无法使用此课程：.*only from this site/);

  const hostile = { ...teacherLesson, steps: [{ ...teacherLesson.steps[0], prompt: { en: '<img src=x onerror="window.injected=1">', zh: '<b>x</b>' } }] };
  await visit(page, `lesson=${await encodeLesson(hostile)}`);
  await page.waitForSelector('.lesson-note.error');
  assert.match(await page.locator('.lesson-note').textContent(), /markup is not allowed/);
  assert.equal(await page.evaluate(() => window.injected ?? null), null);
  assert.equal(await page.locator('#content img').count(), 0, 'expected no injected element');

  await page.setInputFiles('.lesson-file-input', { name: 'week-3.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(teacherLesson)) });
  await page.waitForSelector(sidebar);
  assert.match(page.url(), /lesson=z\./, 'expected the opened file to be carried by the link');
  const leftBehind = (e) => /ERR_ABORTED/.test(e);
  assert.deepEqual(errors.filter((e) => !leftBehind(e)), [], 'expected no errors besides font requests cut off by leaving a page');
  await page.context().close();
});

test('author mode: "save this setup as a lesson step" downloads a lesson step with the panel\'s changed settings', async () => {
  const { page } = await openPage(lab.browser, `${lab.server.url}index.html#race&race.learningRate=0.5`);
  assert.equal(await page.locator('.lesson-save-step').isVisible(), false);
  await page.click('.lesson-author');
  assert.equal(await page.locator('.lesson-author').getAttribute('aria-pressed'), 'true');
  const download = await downloadOf(page, '.lesson-save-step');
  assert.equal(download.name, 'activation-lab_race_lesson-step.json');
  const saved = JSON.parse(download.bytes.toString('utf8'));
  assert.deepEqual(saved.steps[0], { ...saved.steps[0], panel: 'race', settings: { learningRate: 0.5 } });
  await page.context().close();
});

/** Opens a course page whose body is `body` (served beside the app); resolves to {page, errors}. */
async function coursePage(body) {
  const opened = await openPage(lab.browser, 'about:blank', { waitFor: null });
  await opened.page.route('**/course.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,">'
      + `<script src="activation-lab.js" defer></script></head><body>${body}</body></html>`,
  }));
  await opened.page.goto(`${lab.server.url}course.html`);
  return opened;
}

/** Answers the chapter lesson's first step inside `scope` (a page or a frame) and goes on to step 2, in the training panel. */
async function firstChapterStep(scope, prefix = '') {
  await scope.waitForSelector(`${prefix}.lesson`);
  assert.equal(await scope.locator(`${prefix}.lesson-progress`).textContent(), 'Step 1 of 11');
  await scope.waitForSelector(`${prefix}.nonlinearity-panel`);
  await scope.fill(`${prefix}.lesson-answer`, '-0.5');
  await scope.click(`${prefix}.lesson-check`);
  await scope.waitForSelector(`${prefix}.lesson-feedback.correct`);
  await scope.click(`${prefix}.lesson-next`);
  await scope.waitForSelector(`${prefix}.playground-panel`);
  assert.equal(await scope.locator(`${prefix}select[name="activation"]`).inputValue(), 'linear');
}

test('an <activation-lab> element with lesson="chapter" shows the lesson above its panel and checks answers', async () => {
  const { page, errors } = await coursePage('<activation-lab panel="race" lesson="chapter"></activation-lab>');
  await firstChapterStep(page, 'activation-lab ');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('an iframe embed with a lesson in its link (#embed=race&lesson=chapter) runs the lesson in the frame', async () => {
  const { page, errors } = await coursePage('<iframe title="Lesson" src="index.html#embed=race&amp;lesson=chapter" width="900" height="900"></iframe>');
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await firstChapterStep(frame);
  assert.equal(await frame.locator('.embed-bar .panel-title').textContent(), 'Train a network', 'expected the frame titled after the step\'s panel');
  assert.match(frame.url(), /#embed=race&lesson=chapter/, 'expected the frame\'s link to keep the lesson');
  assert.deepEqual(errors, []);
  await page.context().close();
});
