// The compare view in Chromium: ReLU against leaky ReLU at learning rate 3 in two Workers, the dead
// counts on screen checked against the engine trained here on the same specs, one Play / Pause /
// Step / Reset for both, refusal of a bad value list, a link that restores the comparison, the
// training panel's button, a 375 px phone in Chinese on the main-thread fallback with reduced
// motion, embed mode; keyboard and axe.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, openPanel, canvasInk, chartData, saveScreenshot, downloadOf } from './harness.mjs';
import { assertNoHorizontalScroll, assertKeyboardReachesEveryControl } from './chapter-helpers.mjs';
import { audit } from './axe.mjs';
import { loadEngine, withTrainer } from '../node/load-engine.mjs';
import { defaults } from '../../web/src/settings.js';
import { schema, runSpecs } from '../../web/src/panels/compare/settings.js';

const lab = useBrowserAndServer(async (l) => {
  l.opened = await openPage(l.browser, `${l.server.url}#compare&compare.learningRate=3`);
  await openPanel(l.opened.page, 'compare');
});
let engine;
before(async () => {
  engine = await loadEngine();
});

const panel = '#panel-compare';
const cardsOf = (page) => page.$$eval(`${panel} .cmp-run`, (cards) => cards.map((card) => ({
  ...card.dataset, title: card.querySelector('h3').textContent, left: card.getBoundingClientRect().left, top: card.getBoundingClientRect().top,
})));
/** Waits until there are `count` cards and every one passes `check(step)` (all at the same step). */
const waitForCards = (page, count, check) => page.waitForFunction(([selector, n, source]) => {
  const steps = [...document.querySelectorAll(selector)].map((card) => Number(card.dataset.step));
  return steps.length === n && new Set(steps).size === 1 && (0, eval)(source)(steps[0]);
}, [`${panel} .cmp-run`, count, String(check)]);

/** The engine's dead and dormant counts of each run of `settings` after `steps` steps, trained here. */
const engineCounts = (settings, steps) => runSpecs(settings).map((spec) => withTrainer(engine, spec, (trainer) => {
  trainer.train(steps);
  const { dead, dormant } = trainer.units();
  return { dead: String(dead), dormant: String(dormant) };
}));

test('compare: ReLU and leaky ReLU at rate 3 train side by side in two Workers with one set of buttons; dead counts are the engine\'s', async () => {
  const { page, errors } = lab.opened;
  await waitForCards(page, 2, (step) => step === 0);
  await page.waitForFunction((s) => document.querySelector(`${s} .cmp-mode`).dataset.modes === 'worker,worker', panel);
  assert.deepEqual((await cardsOf(page)).map((card) => card.title), ['Hidden activation: ReLU', 'Hidden activation: Leaky ReLU']);
  assert.equal(await page.locator(`${panel} .cmp-shared [data-setting=alpha]`).count(), 1, 'expected the alpha slider for the leaky ReLU run');
  const settings = { ...defaults(schema), learningRate: 3 };

  await page.click(`${panel} button[name=step]`);
  await waitForCards(page, 2, (step) => step > 0);
  const stepped = await cardsOf(page);
  const counts = engineCounts(settings, Number(stepped[0].step));
  assert.deepEqual(stepped.map(({ dead, dormant }) => ({ dead, dormant })), counts, 'expected the engine\'s dead and dormant counts on the cards');
  assert.ok(Number(stepped[0].dead) > 0 && stepped[1].dead === '0', `expected dead ReLU units and no dead leaky ones, got ${stepped[0].dead} and ${stepped[1].dead}`);

  await page.click(`${panel} button[name=play]`);
  assert.equal(await page.getAttribute(`${panel} button[name=play]`, 'aria-pressed'), 'true');
  await waitForCards(page, 2, (step) => step >= 400);
  await page.click(`${panel} button[name=play]`);
  await page.waitForFunction((s) => document.querySelector(`${s} .cmp-state`).textContent.startsWith('Paused at step'), panel);
  await page.waitForTimeout(200);
  const paused = await cardsOf(page);
  assert.equal(paused[0].step, paused[1].step, 'expected both runs at the same step');
  await page.waitForTimeout(300);
  assert.deepEqual((await cardsOf(page)).map((card) => card.step), [paused[0].step, paused[0].step], 'expected Pause to hold both runs');
  assert.deepEqual(paused.map(({ dead, dormant }) => ({ dead, dormant })), engineCounts(settings, Number(paused[0].step)));
  const findings = await page.textContent(`${panel} .cmp-findings`);
  assert.match(findings, new RegExp(`At step ${paused[0].step}, dead hidden units \\(of 16\\): ReLU ${paused[0].dead}, Leaky ReLU 0\\.`));
  assert.match(findings, new RegExp(`Test accuracy: ReLU ${(Number(paused[0].accuracy) * 100).toFixed(1)} %, Leaky ReLU ${(Number(paused[1].accuracy) * 100).toFixed(1)} %`));
  assert.ok(await canvasInk(page, `${panel} .cmp-run[data-run="1"] canvas`) > 0.05, 'expected the heatmap drawn');
  const losses = await chartData(page, `${panel} .cmp-loss-chart canvas`);
  assert.deepEqual(losses.map((d) => d.label), ['ReLU', 'Leaky ReLU']);
  assert.deepEqual(losses.map((d) => [d.x.at(-1), d.y.at(-1)]), paused.map((card) => [Number(card.step), Number(card.loss)]), 'expected each run\'s latest loss on the chart');
  const download = await downloadOf(page, `${panel} .cmp-loss-figure button[name=export-csv]`);
  assert.equal(download.name, 'activation-lab_compare_losses_activation-relu+leaky-relu.csv');
  assert.ok(download.bytes.toString('utf8').trimEnd().split('\r\n').length > 2, 'expected the losses in rows');
  await saveScreenshot(page.locator(panel), 'compare');

  await page.click(`${panel} button[name=reset]`);
  await waitForCards(page, 2, (step) => step === 0);
  assert.deepEqual((await cardsOf(page)).map((card) => card.dead), ['0', '0'], 'expected Reset to rebuild both runs');
  await assertKeyboardReachesEveryControl(page, 'compare');
  assert.deepEqual(await audit(page), [], 'expected no accessibility violations');
  assert.deepEqual(errors, []);
});

test('compare: a bad value list is refused in place; three learning rates run, their link restores them, and the training panel opens them with its settings', async () => {
  const { page, errors } = lab.opened;
  await page.selectOption(`${panel} select[name=vary]`, 'learningRate');
  await waitForCards(page, 2, (step) => step === 0);
  assert.equal(await page.inputValue(`${panel} input[name=values]`), '0.03, 3');
  await page.fill(`${panel} input[name=values]`, '0.1');
  await page.press(`${panel} input[name=values]`, 'Enter');
  assert.match(await page.textContent(`${panel} .cmp-values-error`), /Compare 2 to 4 values, separated by commas: 1 given/);
  assert.equal(await page.getAttribute(`${panel} input[name=values]`, 'aria-invalid'), 'true');
  await page.fill(`${panel} input[name=values]`, '0.01, 0.3, 30');
  await page.click(`${panel} button[name=apply]`);
  assert.match(await page.textContent(`${panel} .cmp-values-error`), /Learning rate 30 is outside the allowed range 0\.0001 to 10/);
  await page.fill(`${panel} input[name=values]`, '0.01, 0.3, 3');
  await page.press(`${panel} input[name=values]`, 'Enter');
  await waitForCards(page, 3, (step) => step === 0);
  assert.equal(await page.textContent(`${panel} .cmp-values-error`), '');
  await page.waitForFunction(() => location.hash.includes('compare.learningRateValues=0.01,0.3,3'));
  const link = await page.evaluate(() => location.href);
  assert.match(link, /#compare&compare\.vary=learningRate&compare\.learningRateValues=0\.01,0\.3,3&compare\.learningRate=3/);

  const restored = await openPage(lab.browser, link);
  await waitForCards(restored.page, 3, (step) => step === 0);
  assert.deepEqual((await cardsOf(restored.page)).map((card) => card.title), ['Learning rate: 0.01', 'Learning rate: 0.3', 'Learning rate: 3']);
  assert.equal(await restored.page.inputValue(`${panel} input[name=values]`), '0.01, 0.3, 3');
  await restored.context.close();

  await openPanel(page, 'playground');
  await page.fill('#panel-playground input[name=weightSeed]', '5');
  await page.click('#panel-playground button[name=openCompare]');
  await waitForCards(page, 3, (step) => step === 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-compare', 'expected focus on the compare tab');
  assert.equal(await page.inputValue(`${panel} input[name=weightSeed]`), '5', 'expected the training panel\'s weight seed shared');
  assert.match(await page.textContent(`${panel} .cmp-findings`), /same starting weights \(seed 5\)/);
  assert.equal(await page.inputValue(`${panel} input[name=values]`), '0.01, 0.3, 3', 'expected the comparison itself kept');
  assert.deepEqual([...errors, ...restored.errors], []);
});

test('compare: on a 375 px phone in Chinese, on the main thread with reduced motion, the runs stack and train', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}?worker=0#compare&compare.learningRate=3&lang=zh`, {
    viewport: { width: 375, height: 800 }, reducedMotion: 'reduce', locale: 'zh-CN',
  });
  await waitForCards(page, 2, (step) => step === 0);
  assert.equal(await page.$eval(`${panel} .cmp-mode`, (node) => node.dataset.modes), 'main,main');
  const cards = await cardsOf(page);
  assert.deepEqual(cards.map((card) => card.title), ['隐藏层激活函数：ReLU', '隐藏层激活函数：Leaky ReLU']);
  assert.ok(cards[0].left === cards[1].left && cards[1].top > cards[0].top, 'expected the runs stacked on a phone');
  await assertNoHorizontalScroll(page, 'the compare view');
  await page.click(`${panel} button[name=play]`);
  await waitForCards(page, 2, (step) => step >= 120);
  await page.click(`${panel} button[name=play]`);
  await page.waitForFunction((s) => document.querySelector(`${s} .cmp-state`).textContent.startsWith('暂停于第'), panel);
  assert.match(await page.textContent(`${panel} .cmp-findings`), /只有隐藏层激活函数不同/);
  assert.deepEqual(await audit(page), [], 'expected no accessibility violations in Chinese at 375 px');
  assert.deepEqual(errors, []);
  await context.close();
});

test('compare: embedded alone (#embed=compare) with a teacher\'s views, it runs the comparison of its link', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#embed=compare&compare.vary=init&compare.views=runs`);
  await waitForCards(page, 2, (step) => step === 0);
  assert.deepEqual((await cardsOf(page)).map((card) => card.title), ['Weight initialisation: He (variance 2 / fan-in)', 'Weight initialisation: Xavier (variance 2 / (fan-in + fan-out))']);
  assert.equal(await page.locator(`${panel} .cmp-findings`).isVisible(), false, 'expected the findings hidden by the teacher\'s views');
  await page.click(`${panel} button[name=step]`);
  await waitForCards(page, 2, (step) => step === 40);
  assert.deepEqual(errors, []);
  await context.close();
});
