// Shared steps of the chapter-panel browser tests (race, mean shift, nonlinearity, softmax).
import assert from 'node:assert/strict';
import { openPage, openPanel, canvasInk } from './harness.mjs';

/** Opens the page on panel `id`; resolves to {page, context, errors, panel}. */
export async function openChapterPanel(browser, url, id, options = {}) {
  const opened = await openPage(browser, url, options);
  const panel = await openPanel(opened.page, id);
  return { ...opened, panel };
}

/** Asserts every canvas of panel `id` has ink; resolves to how many canvases it has. */
export async function assertChartsDrawn(page, id) {
  const count = await page.locator(`#panel-${id} canvas`).count();
  assert.ok(count > 0, `expected panel ${id} to have a chart`);
  for (let i = 0; i < count; i += 1) {
    assert.ok(await canvasInk(page, `#panel-${id} canvas >> nth=${i}`) > 0.01, `expected canvas ${i} of ${id} not to be blank`);
  }
  return count;
}

/** A number shown with the app's minus sign (U+2212). */
export function shownNumber(text) {
  return Number(text.trim().replace('\u2212', '-'));
}

/**
 * Tabs from the panel's tab through the panel; asserts every enabled control inside it took focus.
 * Controls are tagged with data-probe so the check does not depend on ids.
 */
export async function assertKeyboardReachesEveryControl(page, id, limit = 120) {
  const total = await page.$$eval(`#panel-${id} :is(input, select, button, [tabindex="0"])`, (nodes) => {
    const enabled = nodes.filter((node) => !node.disabled);
    enabled.forEach((node, i) => { node.dataset.probe = String(i); });
    return enabled.length;
  });
  await page.focus(`#tab-${id}`);
  const reached = new Set();
  for (let i = 0; i < limit && reached.size < total; i += 1) {
    await page.keyboard.press('Tab');
    const probe = await page.evaluate(() => document.activeElement?.dataset.probe ?? null);
    if (probe !== null) reached.add(probe);
  }
  assert.equal(reached.size, total, `expected Tab to reach all ${total} controls of ${id}, reached ${reached.size}`);
  return total;
}

/** Asserts the page has no horizontal scroll at its current width, once charts have followed a resize. */
export async function assertNoHorizontalScroll(page, what) {
  await page.waitForFunction(() => document.documentElement.scrollWidth <= innerWidth, null, { timeout: 2000 }).catch(() => {});
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: innerWidth }));
  assert.ok(scrollWidth <= width, `expected no horizontal scroll on ${what} at ${width} px, scrollWidth ${scrollWidth}`);
}
