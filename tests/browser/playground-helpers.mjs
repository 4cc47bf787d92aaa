// Shared steps of the training-panel browser tests: open the panel, read its counters, apply a
// preset and wait for its step limit, and read unit states from the network diagram.
import { openPage, openPanel } from './harness.mjs';

export const panel = '#panel-playground';

/** Opens the page (optionally with ?worker=0 etc. in `query`) on the training panel once its first frame is drawn. */
export async function openPlayground(browser, url, options = {}) {
  const opened = await openPage(browser, url, options);
  await openPanel(opened.page, 'playground');
  await waitForFirstFrame(opened.page);
  return opened;
}

/** Waits until the panel shows a step count and its training engine has started (worker or main thread). */
export function waitForFirstFrame(page) {
  return page.waitForFunction((root) => /^\d+$/.test(document.querySelector(`${root} .pg-step-count`)?.textContent ?? '')
    && document.querySelector(`${root} .pg-mode`)?.dataset.mode !== 'starting', panel, { timeout: 30000 });
}

/** The run bar's numbers: step, epoch, losses, accuracies (fractions), dead and dormant counts. */
export function counters(page) {
  return page.$eval(panel, (root) => {
    const text = (name) => root.querySelector(`.pg-${name}`).textContent;
    const number = (name) => Number(text(name));
    const percent = (name) => Number(text(name).replace('%', '')) / 100;
    const count = (name) => Number(text(name).split('/')[0]);
    return {
      step: number('step-count'), epoch: number('epoch'), trainLoss: number('train-loss'), testLoss: number('test-loss'),
      trainAccuracy: percent('train-accuracy'), testAccuracy: percent('test-accuracy'), dead: count('dead'), dormant: count('dormant'),
      state: root.querySelector('.pg-state').dataset.state,
    };
  });
}

/** Waits until the run reports state `state` ('steps' = stopped at the step limit, 'diverged', 'paused', ...). */
export function waitForState(page, state, timeout = 60000) {
  return page.waitForSelector(`${panel} .pg-state[data-state="${state}"]`, { state: 'attached', timeout });
}

/** Clicks a preset and waits until it stops at its step limit; resolves to the counters. */
export async function runPreset(page, id) {
  await page.click(`${panel} button[data-preset="${id}"]`);
  await waitForState(page, 'running');
  await waitForState(page, 'steps');
  return counters(page);
}

/** After a story that ends on its first death (at an earlier step), returns to the live end; resolves to the counters there. */
export async function storyEndToLiveEnd(page) {
  await page.waitForSelector(`${panel} .tl-timeline[data-earlier="true"]`, { state: 'attached', timeout: 30000 });
  await page.click(`${panel} button[name="timelineLive"]`);
  await page.waitForSelector(`${panel} .tl-timeline[data-earlier="false"]`, { state: 'attached', timeout: 30000 });
  return counters(page);
}

/** How many hidden tiles of the diagram carry each data-state. */
export function tileStates(page) {
  return page.$$eval(`${panel} .nn-tile[data-kind="hidden"]`, (tiles) => {
    const states = { alive: 0, dead: 0, dormant: 0, revived: 0 };
    for (const tile of tiles) states[tile.dataset.state] = (states[tile.dataset.state] ?? 0) + 1;
    return states;
  });
}

/** Selects `value` in the panel's <select name=name> (fires change). */
export function choose(page, name, value) {
  return page.selectOption(`${panel} select[name="${name}"]`, value);
}

/** Grows the network to the largest one, 6 hidden layers of 32 units; resolves to the layer rows' text. */
export async function growToLargestNetwork(page) {
  await page.evaluate((root) => {
    const click = (name) => document.querySelector(`${root} button[name="${name}"]:not([disabled])`)?.click();
    for (let i = 0; i < 4; i += 1) click('layers-plus');
    for (let layer = 0; layer < 6; layer += 1) for (let i = 0; i < 24; i += 1) click(`units-${layer}-plus`);
  }, panel);
  return page.$$eval(`${panel} .pg-layers .pg-stepper-text`, (rows) => rows.map((row) => row.textContent));
}
