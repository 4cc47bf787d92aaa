// What a newcomer meets in a first hour (issue 14), in Chromium: the chapter's five slips stated
// beside their panels with live numbers, legends that draw each series' own dash, the dead-unit
// chart's line styles, jumps drawn without vertical segments, a racer that cannot start, and
// the training stories at 1280 and 375 px (the run comes into view, the run first on a phone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, openPanel, chartData, saveScreenshot } from './harness.mjs';
import { panel as playground, runPreset } from './playground-helpers.mjs';

const lab = useBrowserAndServer();

const slipsOf = (page, id) => page.$$eval(`#panel-${id} .slip-box`, (boxes) => boxes.map((box) => ({
  slip: box.dataset.slip,
  heading: box.querySelector('h3').textContent,
  labelled: document.getElementById(box.getAttribute('aria-labelledby'))?.textContent === box.querySelector('h3').textContent,
  cells: [...box.querySelectorAll('tbody td')].map((td) => td.textContent),
})));

/** Each dataset's borderDash next to the dash its legend item draws. */
const legendDashes = (page, selector) => page.$eval(selector, (canvas) => {
  const chart = window.activationLab.getChart(canvas);
  return chart.legend.legendItems.map((item) => ({ text: item.text, legend: item.lineDash, line: chart.data.datasets[item.datasetIndex].borderDash ?? [] }));
});

for (const locale of ['en-US', 'zh-CN']) {
  test(`the five slips of the chapter, each beside its panel with engine numbers (${locale})`, async () => {
    const { page, context, errors } = await openPage(lab.browser, lab.server.url, { locale });
    const expected = { explorer: ['leakyDerivative', 'kinkConvention', 'cachedGradient'], race: ['reluAlwaysOne'], softmax: ['softmaxDerivative'] };
    const kicker = locale === 'en-US' ? 'What the chapter gets wrong:' : '教材里的错误：';
    for (const [id, slips] of Object.entries(expected)) {
      await openPanel(page, id);
      const boxes = await slipsOf(page, id);
      assert.deepEqual(boxes.map((b) => b.slip), slips, `expected the ${slips.join(', ')} boxes in panel ${id}`);
      for (const box of boxes) {
        assert.ok(box.heading.startsWith(kicker), `expected the heading "${kicker} …", got "${box.heading}"`);
        assert.ok(box.labelled, `expected the ${box.slip} box labelled by its heading`);
        assert.ok(box.cells.length >= 2 && box.cells.every((c) => /^(−?\d+\.\d+|\d|—)$/.test(c)), `expected engine numbers in the ${box.slip} table, got ${box.cells}`);
      }
    }
    const tree = await page.locator('#panel-softmax .slip-box').ariaSnapshot();
    assert.match(tree, /complementary "[^"]+softmax[^"]*"/i, `expected the box read as a named complementary region, got\n${tree}`);
    assert.match(tree, /heading "[^"]+" \[level=3\]/, 'expected its heading in the accessibility tree');
    assert.match(tree, /table "[^"]+"/, 'expected the demonstration read as a table with its caption');
    assert.match(tree, /rowheader/, 'expected row headers in the demonstration table');
    await openPanel(page, 'explorer');
    const cached = (await slipsOf(page, 'explorer')).find((b) => b.slip === 'cachedGradient').cells;
    assert.deepEqual(cached.slice(0, 4), ['0.1966', '0.1580', '0.1966', '0.1966'], 'expected the overwritten cache to go wrong on the second call, the engine not');
    await saveScreenshot(page.locator('#panel-explorer .slip-row'), `slips-explorer-${locale}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('legends draw each series with its own dash; dead is solid and dormant dashed; jumps leave no vertical line', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#explorer&explorer.functions=relu,step,hard_sigmoid`);
  const jumps = await page.$$eval('#panel-explorer canvas', (canvases) => canvases.map((canvas) => {
    const chart = window.activationLab.getChart(canvas);
    return chart.data.datasets.map((d) => {
      const dotted = d.data.map((p, j) => j).filter((j) => d.pointRadius({ dataIndex: j }) > 0);
      return {
        label: d.label,
        jumpDots: dotted.map((j) => d.data[j].x),
        hiddenSegments: dotted.every((j) => d.segment.borderColor({ p0DataIndex: j }) === 'transparent'),
      };
    });
  }));
  const [functionJumps, derivativeJumps] = jumps;
  assert.deepEqual(derivativeJumps.find((d) => d.label === 'ReLU').jumpDots, [0], 'expected one jump of ReLU\' at 0, dotted at the engine\'s value');
  assert.ok([...functionJumps, ...derivativeJumps].every((d) => d.hiddenSegments), 'expected no line drawn across a jump');
  assert.deepEqual(functionJumps.find((d) => d.label === 'ReLU').jumpDots, [], 'expected ReLU itself continuous');
  assert.equal(functionJumps.find((d) => d.label === 'Binary step').jumpDots.length, 1, 'expected the step\'s jump found');
  assert.equal(derivativeJumps.find((d) => d.label === 'Hard sigmoid').jumpDots.length, 2, 'expected the hard sigmoid\'s slope to jump at -3 and 3');
  const all = await openPage(lab.browser, `${lab.server.url}#explorer&explorer.functions=sigmoid,tanh,relu,leaky_relu,step,linear,elu,selu,softplus,gelu,silu,softsign,hard_sigmoid,prelu`);
  const styles = await all.page.$eval('#panel-explorer canvas', (canvas) => window.activationLab.getChart(canvas).data.datasets.map((d) => `${d.borderColor} ${d.borderDash.join(',')}`));
  assert.equal(styles.length, 14);
  assert.equal(new Set(styles).size, 14, `expected 14 different colour and dash pairs, got ${styles}`);
  assert.deepEqual(all.errors, []);
  await all.context.close();
  await openPanel(page, 'nonlinearity');
  for (const item of await legendDashes(page, '#panel-nonlinearity .bent-grid canvas')) {
    assert.deepEqual(item.legend, item.line, `expected the legend of "${item.text}" drawn with its line's dash`);
  }
  await openPanel(page, 'playground');
  await runPreset(page, 'leakyHigh');
  for (const selector of [`${playground} .pg-loss-chart canvas`, `${playground} .pg-dead-chart canvas`]) {
    for (const item of await legendDashes(page, selector)) assert.deepEqual(item.legend, item.line, `expected the legend of "${item.text}" drawn with its line's dash`);
  }
  const dead = await legendDashes(page, `${playground} .pg-dead-chart canvas`);
  assert.ok(dead.filter((d) => /dead/.test(d.text)).every((d) => d.line.length === 0), 'expected dead lines solid, as the hint says');
  assert.ok(dead.filter((d) => /dormant/.test(d.text)).every((d) => d.line.length > 0), 'expected dormant lines dashed');
  assert.match(await page.textContent(`${playground} .pg-dead-hint`), /Solid lines: dead units; dashed lines: dormant units/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the binary step cannot start a race at 0.9 and says so instead of showing 0 steps', async () => {
  const { page, context, errors } = await openPage(lab.browser, `${lab.server.url}#race&race.racers=relu,step`);
  const card = page.locator('#panel-race .race-card[data-racer="step"]');
  assert.equal(await card.locator('.race-steps').textContent(), '—');
  assert.match(await card.locator('.race-status').textContent(), /Binary step never outputs 0\.90/);
  assert.equal(await page.locator('#panel-race .race-card[data-racer="relu"] .race-steps').textContent(), '2');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
  test(`a story brings its charts into view; on a phone the run comes before the setup (${viewport.width} px)`, async () => {
    const { page, context, errors } = await openPage(lab.browser, lab.server.url, { viewport, reducedMotion: 'reduce', locale: 'zh-CN' });
    await openPanel(page, 'playground');
    await page.evaluate(() => scrollTo(0, 0));
    const emptyAxes = await page.$$eval(`${playground} .pg-loss-chart canvas, ${playground} .pg-dead-chart canvas`, (canvases) => canvases.map((c) => window.activationLab.getChart(c).scales.x.min));
    assert.deepEqual(emptyAxes, [0, 0], 'expected the step axes to start at 0 before training');
    await runPreset(page, 'reluHigh');
    const box = await page.locator(`${playground} .pg-view-row`).boundingBox();
    const scrollY = await page.evaluate(() => scrollY);
    assert.ok(scrollY > 0, 'expected the page to scroll to the run');
    const whole = box.y + box.height <= viewport.height + 1;
    assert.ok(box.y >= 0 && (whole || box.y < viewport.height / 3), `expected the charts in view, at y ${box.y} to ${box.y + box.height}`);
    const main = await page.locator(`${playground} .pg-main`).boundingBox();
    const side = await page.locator(`${playground} .pg-side`).boundingBox();
    if (viewport.width < 500) {
      assert.ok(main.y + main.height <= side.y, 'expected Play and the views above the setup on a phone');
      const hint = page.locator(`${playground} .nn-scroll-hint`);
      assert.ok(await hint.isVisible(), 'expected a hint that the diagram scrolls sideways');
      assert.match(await hint.textContent(), /左右滚动/);
    } else {
      assert.ok(side.x + side.width <= main.x, 'expected the setup on the left of the run at 1280 px');
      assert.equal(await page.locator(`${playground} .nn-scroll-hint`).isVisible(), false, 'expected no scroll hint when the diagram fits');
    }
    await saveScreenshot(page, `story-in-view-${viewport.width}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
