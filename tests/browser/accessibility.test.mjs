// An automated accessibility audit (axe-core, WCAG 2.1 A and AA rules) of every panel in both
// languages and of the states a student meets: dead and diverged training runs, finished
// experiments, the Embed dialog, a notice about a broken link, embed mode and the example page.
// It complements the hand-written keyboard and 375 px tests of each panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, openPanel } from './harness.mjs';
import { panel as playground, runPreset, waitForState } from './playground-helpers.mjs';
import { elementsReady, frameOf } from './hosting.mjs';
import { audit } from './axe.mjs';

const lab = useBrowserAndServer();

/** Waits two animation frames, so charts and tiles drawn after a change are on the page. */
const settle = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

for (const locale of ['en-US', 'zh-CN']) {
  test(`every panel passes the audit (${locale})`, async () => {
    const { page, context, errors } = await openPage(lab.browser, lab.server.url, { locale });
    const ids = await page.$$eval('[role="tab"]', (tabs) => tabs.map((tab) => tab.id.replace(/^tab-/, '')));
    assert.ok(ids.length >= 7, `expected every panel's tab, found ${ids.join(', ')}`);
    for (const id of ids) {
      await openPanel(page, id);
      await settle(page);
      assert.deepEqual(await audit(page), [], `expected no accessibility violations on panel ${id} (${locale})`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('training states pass the audit: dead units, dormant units, diverged', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#playground`);
  await openPanel(page, 'playground');
  for (const preset of ['reluHigh', 'leakyHigh']) {
    await runPreset(page, preset);
    assert.deepEqual(await audit(page), [], `expected no violations after the ${preset} preset`);
  }
  assert.deepEqual(errors, []);
  await context.close();
  const diverging = await openPage(lab.browser, `${lab.server.url}#playground&playground.activation=leaky_relu&playground.learningRate=10`);
  await openPanel(diverging.page, 'playground');
  await diverging.page.click(`${playground} button[name="play"]`);
  await waitForState(diverging.page, 'diverged');
  assert.deepEqual(await audit(diverging.page), [], 'expected no violations with the diverged banner');
  assert.deepEqual(diverging.errors, []);
  await diverging.context.close();
});

test('finished experiments, the Embed dialog, a link notice and mid-strength Jacobian cells pass the audit', async () => {
  const logits = 'softmax.logits=1,0.75,0.2'; // off-diagonal cells near -0.16: half-strength purple
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#experiments&experiments.sweepSeeds=1&experiments.sweepRates=3&race.depth=99&${logits}`);
  await openPanel(page, 'experiments');
  for (const scope of ['.sweep', '.born-dead']) {
    await page.click(`#panel-experiments ${scope} .run-button`);
    await page.waitForSelector(`#panel-experiments ${scope} .run-bar[data-phase="done"]`, { timeout: 60000 });
  }
  assert.ok(await page.locator('.url-notice').isVisible(), 'expected the notice about race.depth=99');
  assert.deepEqual(await audit(page), [], 'expected no violations with results and the notice shown');
  await page.click('button.share-embed');
  await page.locator('dialog.embed-dialog').waitFor({ state: 'visible' });
  assert.deepEqual(await audit(page), [], 'expected no violations with the Embed dialog open');
  // Closing the dialog while its preview still loads would cancel the preview's requests.
  const preview = await frameOf(page, '.embed-preview iframe');
  await preview.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 30000 });
  await page.keyboard.press('Escape');
  await openPanel(page, 'softmax');
  assert.deepEqual(await audit(page), [], `expected readable values on the Jacobian cells (${logits})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed mode and the example page with its <activation-lab> elements pass the audit', async () => {
  for (const id of ['softmax', 'playground']) {
    const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#embed=${id}`);
    await settle(page);
    assert.deepEqual(await audit(page), [], `expected no accessibility violations in embed mode (${id})`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}embed-example.html`, { waitFor: null });
  await elementsReady(page, 2);
  await settle(page);
  assert.deepEqual(await audit(page), [], 'expected no accessibility violations on the example page');
  assert.deepEqual(errors, []);
  await context.close();
});
