// Pause benchmark (not a test): the largest network (6 x 32 ReLU units) trained at 100 epochs
// per frame in Chromium, with the Web Worker and on the main thread (?worker=0). Reports how
// long after the pause click the step counter last moved (goal: 500 ms) and the longest gap
// between two animation frames during one second of training (goal: under 250 ms, i.e. the
// page keeps drawing). run(browser, url) resolves to the result object.
import { openPlayground, growToLargestNetwork, choose, panel } from '../tests/browser/playground-helpers.mjs';

export const goals = { pauseMs: 500, worstFrameGapMs: 250 };

/** Measures one mode; `url` is the page's address with its query. */
async function measure(browser, url) {
  const { page, context, errors } = await openPlayground(browser, url);
  await growToLargestNetwork(page);
  await choose(page, 'speed', 'epochs-100');
  await page.click(`${panel} button[name="play"]`);
  await page.waitForFunction((root) => Number(document.querySelector(`${root} .pg-step-count`).textContent) > 2000, panel, { timeout: 60000 });
  const worstFrameGapMs = await page.evaluate(() => new Promise((resolve) => {
    let last = performance.now();
    let worst = 0;
    const started = last;
    const tick = (now) => {
      worst = Math.max(worst, now - last);
      last = now;
      if (now - started < 1000) requestAnimationFrame(tick);
      else resolve(worst);
    };
    requestAnimationFrame(tick);
  }));
  const pauseMs = await page.evaluate((root) => new Promise((resolve) => {
    const counter = document.querySelector(`${root} .pg-step-count`);
    const clicked = performance.now();
    let lastChange = clicked;
    const observer = new MutationObserver(() => { lastChange = performance.now(); });
    observer.observe(counter, { childList: true, characterData: true, subtree: true });
    document.querySelector(`${root} button[name="play"]`).click();
    setTimeout(() => {
      observer.disconnect();
      resolve(lastChange - clicked);
    }, 1500);
  }), panel);
  const mode = await page.getAttribute(`${panel} .pg-mode`, 'data-mode');
  await context.close();
  if (errors.length > 0) throw new Error(`pause bench: console errors: ${errors.join('; ')}`);
  return { mode, pauseMs, worstFrameGapMs, meetsGoals: pauseMs <= goals.pauseMs && worstFrameGapMs < goals.worstFrameGapMs };
}

/** Measures with the worker and on the main thread; prints one line and resolves to the results. */
export async function run(browser, url) {
  const worker = await measure(browser, url);
  const mainThread = await measure(browser, `${url}?worker=0`);
  const line = (r) => `${r.mode}: pause took effect after ${r.pauseMs.toFixed(0)} ms, worst gap between frames ` +
    `${r.worstFrameGapMs.toFixed(0)} ms (${r.meetsGoals ? 'meets' : 'misses'} the goals)`;
  console.log(`pause bench, 6 x 32 units at 100 epochs per frame (goals: pause within ${goals.pauseMs} ms, ` +
    `frame gaps under ${goals.worstFrameGapMs} ms): ${line(worker)}; ${line(mainThread)}`);
  return { benchmark: 'pause', network: '2-32x6-1 relu, sigmoid cross-entropy', epochsPerFrame: 100, goals, worker, mainThread };
}
