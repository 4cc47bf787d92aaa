// Classroom mode and the host-page protocol: the Embed dialog builds a link that shows only the
// training heatmap and the dead-unit count with the learning rate locked at 3, both snippets
// show exactly that in another site's page, unknown names get a notice, students can reset to
// the teacher's setup, a locked rate stays locked after divergence, the example host page drives
// the app, and hostile messages change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, saveScreenshot } from './harness.mjs';
import { openWatched, watch, useCourseSite, htmlPage, elementsReady, frameOf, trainBriefly } from './hosting.mjs';

const lab = useBrowserAndServer();
const site = useCourseSite();

const teacherLink = /#embed=playground&lang=en&playground\.learningRate=3&playground\.hide=controls,intro,explanations,presets,diagnostics&playground\.lock=learningRate&playground\.views=heatmap$/;

/** What is visible under `scope` (a selector; locators pierce shadow roots): figures, enabled fields, the locked rate, the dead count. */
function visibleParts(target, scope) {
  return target.locator(scope).first().evaluate((root) => {
    const base = root.shadowRoot ?? root;
    const shown = (node) => node.getClientRects().length > 0;
    const rate = base.querySelector('[name="learningRate"]');
    return {
      figures: [...base.querySelectorAll('.pg-views > figure, .pg-views > section, .pg-view-row > figure')].filter(shown).map((node) => node.className),
      enabled: [...base.querySelectorAll('input, select, textarea, button')].filter((node) => shown(node) && !node.disabled)
        .map((node) => node.name || node.className).sort(),
      rate: rate && {
        disabled: rate.disabled, shown: shown(rate),
        // The value shows as text or in the typed rate field beside the slider.
        text: [rate.closest('.control')?.textContent ?? '', ...[...(rate.closest('.control')?.querySelectorAll('input[type="text"], input[type="number"]') ?? [])].map((input) => input.value)].join(' '),
      },
      dead: shown(base.querySelector('.pg-dead')),
      texts: ['.panel-intro', '.pg-explain', '.pg-presets', '.pg-diagnostics'].filter((selector) => [...base.querySelectorAll(selector)].some(shown)),
    };
  });
}

/** Checks that `scope` shows the teacher's trimmed training panel. */
async function assertTrimmed(target, scope, where) {
  const parts = await visibleParts(target, scope);
  assert.deepEqual(parts.figures, ['chart-figure pg-decision-figure'], `expected only the heatmap among the views ${where}`);
  assert.deepEqual(parts.enabled, ['embed-reset', 'export-output-heatmap-png', 'play', 'reset', 'step'], `expected only the run buttons, the reset and the shown heatmap's PNG enabled ${where}`);
  assert.ok(parts.rate.shown && parts.rate.disabled, `expected the learning rate shown and locked ${where}`);
  assert.match(parts.rate.text, /(^|\D)3(\.0+)?(\D|$)/, `expected the locked control to show the rate 3 ${where}: ${parts.rate.text}`);
  assert.ok(parts.dead, `expected the dead-unit count visible ${where}`);
  assert.deepEqual(parts.texts, [], `expected intro, explanations, stories and diagnostics hidden ${where}`);
}

test('the Embed dialog builds a link showing only the heatmap and the dead-unit count with the learning rate locked at 3, and both snippets show it', async (t) => {
  const context = await lab.browser.newContext();
  const { page, problems } = await openWatched(context, `${lab.server.url}#playground&playground.learningRate=3`);
  await page.click('button.share-embed');
  for (const name of ['hide:controls', 'hide:intro', 'hide:explanations', 'hide:presets', 'hide:diagnostics', 'lock:learningRate']) await page.check(`input[name="${name}"]`);
  for (const view of ['loss', 'diagram', 'dead', 'gradients']) await page.uncheck(`input[name="view:${view}"]`);
  assert.match(await page.inputValue('#embed-link-code'), teacherLink, 'expected the link of the checklist');
  await page.waitForFunction((source) => {
    const frame = document.querySelector('.embed-preview iframe');
    return frame && new RegExp(source).test(frame.src) && frame.dataset.loaded === 'true';
  }, teacherLink.source, { timeout: 30000 });
  const preview = await frameOf(page, '.embed-preview iframe');
  await preview.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  await assertTrimmed(preview, 'body', 'in the preview');
  await page.waitForFunction(() => /height="(\d+)"/.exec(document.getElementById('embed-iframe-code').value)[1] !== '900');
  const iframeCode = await page.inputValue('#embed-iframe-code');
  const elementCode = await page.inputValue('#embed-element-code');
  assert.match(elementCode, /<activation-lab panel="playground" lang="en" learning-rate="3" hide="controls,intro,explanations,presets,diagnostics" lock="learningRate" views="heatmap"><\/activation-lab>$/,
    `expected the element snippet to carry the classroom options, got ${elementCode}`);
  await page.keyboard.press('Escape');

  const pasted = site.page('teacher.html', htmlPage({
    body: `<main style="max-width: 550px">${iframeCode.replace('<iframe ', '<iframe id="teacher-frame" sandbox="allow-scripts" ')}<div id="element">${elementCode}</div></main>`,
  }));
  const course = await context.newPage();
  const courseProblems = watch(course);
  await course.goto(`${site.url}${pasted}`);
  const frame = await frameOf(course, '#teacher-frame');
  await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  await elementsReady(course, 1);
  await assertTrimmed(frame, 'body', 'in the pasted iframe');
  await assertTrimmed(course, 'activation-lab', 'in the pasted element');
  const run = await trainBriefly(frame, 'body', { steps: 40 });
  assert.ok(run.step >= 40, 'expected the trimmed frame to train');
  assert.match(await frame.textContent('.pg-dead'), /^\d+ \/ 16$/, 'expected the dead-unit count after training');
  const content = await frame.evaluate(() => Math.ceil(document.getElementById('content').getBoundingClientRect().bottom));
  await course.waitForFunction((height) => Math.abs(document.getElementById('teacher-frame').getBoundingClientRect().height - height) <= 2, content);
  assert.ok(content < 2000, `expected the trimmed panel far shorter than the whole one (about 6,900 px), got ${content} px`);
  t.diagnostic(`trimmed training panel in a 550 px column: ${content} px`);
  await saveScreenshot(course, 'embed-classroom-teacher', { fullPage: true });
  assert.deepEqual([...problems, ...courseProblems], [], 'expected no errors');
  await context.close();
});

test('unknown classroom names get a notice, a hidden control keeps the readouts, and students can reset to the teacher\'s setup', async () => {
  const context = await lab.browser.newContext();
  const { page, problems } = await openWatched(context, `${lab.server.url}#embed=race&race.learningRate=0.5&race.hide=nope,start&race.lock=intro&race.views=output,bogus`);
  const notice = await page.textContent('.url-notice');
  for (const name of ['hide: nope', 'lock: intro', 'views: bogus']) assert.ok(notice.includes(name), `expected the notice to name ${name}: ${notice}`);
  assert.equal(await page.isVisible('#panel-race input[name="start"]'), false, 'expected the start control hidden');
  assert.equal(await page.locator('#panel-race .panel-main > figure').evaluateAll((figures) => figures.filter((f) => !f.hidden).length), 1, 'expected one view');
  const rate = page.locator('#panel-race input[name="learningRate"]');
  await rate.focus();
  await page.keyboard.press('End');
  assert.equal(await rate.inputValue(), '2', 'expected the student to move the rate');
  await page.click('.embed-reset');
  assert.equal(await page.inputValue('#panel-race input[name="learningRate"]'), '0.5', 'expected Reset to restore the teacher\'s rate');
  assert.equal(await page.isVisible('#panel-race input[name="start"]'), false, 'expected the classroom options kept after the reset');

  const name = site.page('unknown.html', htmlPage({ head: '<script src="../lab/activation-lab.js" defer></script>', body: '<activation-lab panel="softmax" hide="intro,wings" views="chart" host-origins="not an origin"></activation-lab>' }));
  const course = await context.newPage();
  const courseProblems = watch(course);
  await course.goto(`${site.url}${name}`);
  await elementsReady(course, 1);
  const text = await course.locator('activation-lab .url-notice').textContent();
  assert.ok(text.includes('hide: wings') && text.includes('not an origin'), `expected the element's notice to name the bad options: ${text}`);
  assert.equal(await course.locator('activation-lab .panel-intro').first().isVisible(), false, 'expected the valid part of hide applied');
  assert.deepEqual([...problems, ...courseProblems], [], 'expected no errors');
  await context.close();
});

test('a locked learning rate stays locked after divergence: the banner offers Reset but not a lower rate', async () => {
  const context = await lab.browser.newContext();
  const { page, problems } = await openWatched(context, `${lab.server.url}#embed=playground&playground.activation=leaky_relu&playground.learningRate=10&playground.lock=learningRate`);
  await page.click('#panel-playground button[name="play"]');
  await page.waitForSelector('#panel-playground .pg-state[data-state="diverged"]', { state: 'attached', timeout: 60000 });
  const lower = page.locator('#panel-playground button[name="divergedLower"]');
  await lower.waitFor({ state: 'visible' });
  assert.equal(await lower.isDisabled(), true, 'expected the lower-the-rate button disabled while the rate is locked');
  assert.equal(await page.isDisabled('#panel-playground button[name="divergedReset"]'), false, 'expected Reset still offered');
  assert.equal(await page.inputValue('#panel-playground input[name="learningRateExact"]'), '10');
  assert.equal(await page.isDisabled('#panel-playground input[name="learningRateExact"]'), true);
  assert.deepEqual(problems, [], 'expected no errors');
  await context.close();
});

test('the example host page drives the app through the protocol and logs every message', async () => {
  const context = await lab.browser.newContext();
  const { page, problems } = await openWatched(context, `${lab.server.url}host-example.html`, { waitFor: null });
  const frame = await frameOf(page, '#lab-frame');
  await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  const logged = (type) => page.waitForSelector(`#message-log li[data-type="${type}"]`, { state: 'attached', timeout: 15000 });
  await logged('ready');
  await logged('height');
  await page.click('button[data-command="play"]');
  await logged('event:started');
  await frame.waitForFunction(() => Number(document.querySelector('.pg-step-count').textContent) > 100);
  await page.click('button[data-command="pause"]');
  await logged('event:paused');
  await page.click('button[data-command="set"]');
  await logged('settings');
  await frame.waitForFunction(() => document.querySelector('[name="learningRateExact"]').value === '3');
  await page.click('button[data-command="reset"]');
  await frame.waitForFunction(() => document.querySelector('.pg-step-count').textContent === '0');
  await page.click('button[data-command="step"]');
  await frame.waitForFunction(() => document.querySelector('.pg-step-count').textContent === '10');
  const readyBefore = await page.locator('#message-log li[data-type="ready"]').count();
  await page.click('button[data-command="select"]');
  await page.waitForFunction((n) => document.querySelectorAll('#message-log li[data-type="ready"]').length > n, readyBefore);
  const last = JSON.parse(await page.locator('#message-log li[data-type="ready"]').last().textContent());
  assert.deepEqual([last.protocol, last.version, last.panel], ['activation-lab', 1, 'softmax'], 'expected a ready message from the softmax panel');
  const first = JSON.parse(await page.locator('#message-log li').first().textContent());
  assert.equal(first.protocol, 'activation-lab', 'expected every logged message to carry the protocol name');
  await saveScreenshot(page, 'host-example', { fullPage: true });
  assert.deepEqual(problems.filter((line) => !line.includes('net::ERR_ABORTED')), [], 'expected no errors (requests cut short by the panel switch aside)');
  await context.close();
});

/** Messages (as JSON) a hostile or careless page might post; none may change anything. */
const hostile = [
  '"play"', '42', 'null', '[1, 2]', '{"command": "play"}',
  '{"protocol": "activation-lab", "command": "play"}', '{"protocol": "activation-lab", "version": 2, "command": "play"}',
  '{"protocol": "activation-lab", "version": 1, "command": "launch"}', '{"protocol": "activation-lab", "version": 1, "command": 5}',
  '{"protocol": "activation-lab", "version": 1, "command": "set", "settings": "learningRate=9"}',
  '{"protocol": "activation-lab", "version": 1, "command": "set", "settings": {"learningRate": "fast"}}',
  '{"protocol": "activation-lab", "version": 1, "command": "set", "settings": {"__proto__": {"polluted": true}, "learningRate": 0.1}}',
  '{"protocol": "activation-lab", "version": 1, "command": "set", "settings": {"nope": 1}}',
  `{"protocol": "activation-lab", "version": 1, "command": "set", "settings": {"customX": "${'x'.repeat(1000000)}"}}`,
  '{"protocol": "activation-lab", "version": 1, "command": "step", "steps": 1e12}',
  '{"protocol": "activation-lab", "version": 1, "command": "select", "panel": "<img src=x onerror=alert(1)>"}',
];
/** How many of them are meant for the app (its protocol, a string command) and so get a 'rejected' reply. */
const meantForTheApp = 10;

test('hostile messages, from the page or from another origin, change nothing and throw nothing; element methods name bad input', async () => {
  const attacker = '<iframe sandbox="allow-scripts" srcdoc="&lt;script&gt;parent.frames.lab.postMessage({protocol: \'activation-lab\', version: 1, command: \'play\'}, \'*\'); parent.postMessage({protocol: \'activation-lab\', version: 1, command: \'play\'}, \'*\');&lt;/script&gt;"></iframe>';
  const name = site.page('hostile.html', htmlPage({
    head: '<script src="../lab/activation-lab.js" defer></script>',
    body: '<iframe name="lab" sandbox="allow-scripts" src="../lab/index.html#embed=playground"></iframe>'
      + '<iframe name="locked" sandbox="allow-scripts" src="../lab/index.html#embed=playground&amp;origins=https://teacher.example"></iframe>'
      + '<activation-lab id="element" panel="playground"></activation-lab><div id="attacker"></div>',
  }));
  const context = await lab.browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${site.url}${name}`);
  await elementsReady(page, 1);
  const frames = { lab: page.frame({ name: 'lab' }), locked: page.frame({ name: 'locked' }) };
  for (const frame of Object.values(frames)) await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  const state = (target, scope) => target.locator(`${scope} [name="learningRate"]`).evaluate((input) => {
    const root = input.getRootNode();
    return { rate: input.value, step: root.querySelector('.pg-step-count').textContent, running: root.querySelector('.pg-play').getAttribute('aria-pressed') };
  });
  const before = { lab: await state(frames.lab, 'body'), element: await state(page, '#element') };
  const replies = await page.evaluate(async (messages) => {
    const seen = [];
    addEventListener('message', (event) => { if (event.data?.type === 'rejected') seen.push(event.data.reason); });
    for (const data of messages.map((text) => JSON.parse(text))) {
      for (const name of ['lab', 'locked']) frames[name].postMessage(data, '*');
      postMessage(data, '*');
    }
    frames.locked.postMessage({ protocol: 'activation-lab', version: 1, command: 'play' }, '*');
    await new Promise((resolve) => { setTimeout(resolve, 600); });
    return seen;
  }, hostile);
  await page.$eval('#attacker', (node, html) => { node.innerHTML = html; }, attacker);
  await page.waitForTimeout(600);
  assert.equal(replies.length, meantForTheApp, `expected the lab frame to explain the ${meantForTheApp} messages meant for it that it could not use, got ${JSON.stringify(replies)}`);
  assert.deepEqual({ lab: await state(frames.lab, 'body'), element: await state(page, '#element') }, before, 'expected nothing changed by hostile messages');
  assert.equal(await state(frames.locked, 'body').then((s) => s.running), 'false', 'expected a frame that allows only https://teacher.example to ignore this page');
  const errors = await page.$eval('#element', (element) => {
    const attempt = (call) => {
      try {
        call();
        return 'no error';
      } catch (error) {
        return error.message;
      }
    };
    return [
      attempt(() => element.setSettings({ learningRate: 'fast' })), attempt(() => element.setSettings({ nope: 1 })),
      attempt(() => element.selectPanel('x')), attempt(() => element.step(-1)),
    ];
  });
  for (const [i, pattern] of [/learningRate/, /nope/, /unknown panel/, /steps must be/].entries()) assert.match(errors[i], pattern, `expected a clear Error: ${errors[i]}`);
  const heard = await page.$eval('#element', (element) => new Promise((resolve, reject) => {
    const names = [];
    setTimeout(() => reject(new Error(`no pause heard, only ${names.join(', ')}`)), 10000);
    element.addEventListener('activation-lab:event', (event) => {
      names.push(event.detail.name);
      if (event.detail.name === 'started') element.pause();
      if (event.detail.name === 'paused') resolve(names);
    });
    element.addEventListener('activation-lab:settings', (event) => names.push(`settings ${event.detail.settings.learningRate}`), { once: true });
    element.setSettings({ learningRate: 0.3 });
    element.addEventListener('activation-lab:ready', () => element.play(), { once: true });
  }));
  assert.deepEqual(heard.filter((name) => !name.startsWith('unit-')), ['settings 0.3', 'started', 'paused'], 'expected the element\'s DOM events for set, play and pause');
  const polluted = await page.evaluate(() => ({}).polluted !== undefined);
  assert.equal(polluted, false, 'expected no prototype pollution');
  assert.deepEqual(problems, [], 'expected no errors or dialogs');
  await context.close();
});
