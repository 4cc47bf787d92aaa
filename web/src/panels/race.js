// Gradient-descent race: each chosen activation starts where f(x) = start and steps
// x <- x - rate * d f^depth/dx until f(x) <= target. The engine computes every step; this
// module plays the trajectories back on the curves, as counters and as a table.
import { registerStrings, t } from '../i18n.js';
import { field } from '../settings.js';
import { createChart, seriesStyle, prefersReducedMotion } from '../charts.js';
import strings from '../i18n/race.js';
import { slipBox } from './shared/slips.js';
import { createStepTable } from './race-table.js';
import { createRaceCards } from './race-cards.js';
import { el } from '../dom.js';
import { slider, checkboxGroup, button, chartBox, activationLabel } from './shared/controls.js';
import { tint, markers } from './shared/colour.js';
import { activationNames } from './shared/engine-facts.js';
import { rebuildOnLanguageChange } from './shared/lifecycle.js';

registerStrings('race', strings);

export const id = 'race';
export const titleKey = 'race.title';
export const schema = {
  start: field.number(0.9, 0.05, 0.99),
  learningRate: field.number(0.2, 0.01, 2),
  target: field.number(0.5, 0.01, 0.95),
  racers: field.set(['sigmoid', 'relu'], activationNames),
  depth: field.integer(1, 1, 10),
};

export const maxSteps = 10000;
const maxDrawnPoints = 300;
const curvePoints = 241;

/** Indices 0..last to draw, thinned to about maxDrawnPoints but always keeping the last. */
function drawnIndices(last) {
  const stride = Math.max(1, Math.ceil(last / maxDrawnPoints));
  const indices = [];
  for (let k = 0; k < last; k += stride) indices.push(k);
  indices.push(last);
  return indices;
}

export function mount(root, ctx) {
  const { engine } = ctx;
  let settings = { ...ctx.settings, racers: [...ctx.settings.racers] };
  let results = [];
  let position = 0;
  let playing = false;
  let frame = 0;
  let lastTime = 0;
  let tableRacer = settings.racers[0];
  let charts = [];
  let view = {};

  function compute() {
    results = settings.racers.map((name) => {
      try {
        const race = engine.race({
          activation: name, start: settings.start, learningRate: settings.learningRate, target: settings.target,
          depth: settings.depth, maxSteps,
        });
        return { name, race };
      } catch (error) {
        return { name, error: error.message };
      }
    });
    if (!settings.racers.includes(tableRacer)) tableRacer = settings.racers[0];
  }

  const longest = () => Math.max(0, ...results.map((r) => r.race?.steps ?? 0));
  const shownOf = (race) => Math.min(Math.floor(position), race.steps);

  function ranges() {
    let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, settings.target, settings.target];
    for (const { race } of results) {
      if (!race) continue;
      race.x.forEach((x, k) => {
        if (!Number.isFinite(x) || !Number.isFinite(race.output[k])) return;
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
        yMin = Math.min(yMin, race.output[k]);
        yMax = Math.max(yMax, race.output[k]);
      });
    }
    if (xMin > xMax) [xMin, xMax] = [-3, 3];
    const xPad = Math.max(0.15 * (xMax - xMin), 0.25);
    const yPad = Math.max(0.15 * (yMax - yMin), 0.05);
    return { xMin: xMin - xPad, xMax: xMax + xPad, yMin: yMin - yPad, yMax: yMax + yPad };
  }

  function changeSettings(next) {
    settings = { ...settings, ...next };
    ctx.saveSettings({ ...settings, racers: [...settings.racers] });
    pause();
    compute();
    position = longest();
    refresh();
  }

  function curveDatasets(range) {
    const xs = Float64Array.from({ length: curvePoints }, (_, j) => range.xMin + ((range.xMax - range.xMin) * j) / (curvePoints - 1));
    const datasets = [];
    results.forEach(({ name, race }, i) => {
      const colour = seriesStyle(i).borderColor;
      const ys = engine.evaluate(name, xs);
      datasets.push({
        label: t('race.curve', { name: activationLabel(name) }), data: Array.from(xs, (x, j) => ({ x, y: ys[j] })),
        ...seriesStyle(i), borderWidth: 2,
        pointRadius: 0, pointStyle: 'line', order: 2,
      });
      if (!race) return;
      const indices = drawnIndices(shownOf(race));
      const grade = (k) => tint(colour, 0.8 * (1 - k / Math.max(race.steps, 1)));
      datasets.push({
        label: t('race.path', { name: activationLabel(name) }), showLine: false,
        data: indices.map((k) => ({ x: race.x[k], y: race.output[k] })),
        pointStyle: markers[i % markers.length],
        pointRadius: (c) => (c.chart.width < 500 ? 3 : 5) + (c.dataIndex === indices.length - 1 ? 3 : 0),
        pointBackgroundColor: indices.map(grade), pointBorderColor: colour, borderColor: colour, backgroundColor: colour,
        order: 1,
      });
    });
    datasets.push(targetDataset(range.xMin, range.xMax));
    return datasets;
  }

  function targetDataset(from, to) {
    return {
      label: t('race.targetLine'), data: [{ x: from, y: settings.target }, { x: to, y: settings.target }],
      borderColor: '#555555', backgroundColor: '#555555', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, pointStyle: 'line', order: 3,
    };
  }

  function outputDatasets() {
    const datasets = results.filter((r) => r.race).map(({ name, race }) => {
      const i = results.findIndex((r) => r.name === name);
      const colour = seriesStyle(i).borderColor;
      const indices = drawnIndices(shownOf(race));
      return {
        label: activationLabel(name), data: indices.map((k) => ({ x: k, y: race.output[k] })),
        ...seriesStyle(i), borderWidth: 2,
        pointStyle: markers[i % markers.length], pointRadius: indices.length <= 120 ? 3 : 0,
      };
    });
    datasets.push(targetDataset(0, Math.max(longest(), 1)));
    return datasets;
  }

  /** Options of both charts; refresh() sets the axis ranges. */
  function chartOptions(xTitle) {
    return {
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: xTitle } },
        y: { title: { display: true, text: t('race.yAxis') } },
      },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
    };
  }

  /** Fits the axes to the current results and rebuilds the parts that depend on the racers. */
  function refresh() {
    const range = ranges();
    view.range = range;
    Object.assign(charts[0].options.scales.x, { min: range.xMin, max: range.xMax });
    Object.assign(charts[1].options.scales.x, { min: 0, max: Math.max(longest(), 1) });
    for (const chart of charts) Object.assign(chart.options.scales.y, { min: range.yMin, max: range.yMax });
    view.cards = createRaceCards(results, settings.start);
    view.cardsHost.replaceChildren(view.cards.element);
    view.table.picker(settings.racers, tableRacer, (name) => { tableRacer = name; renderTable(); });
    render();
  }

  function renderCharts() {
    charts[0].data.datasets = curveDatasets(view.range);
    charts[1].data.datasets = outputDatasets();
    for (const chart of charts) chart.update('none');
  }

  function renderTable() {
    const result = results.find((r) => r.name === tableRacer);
    view.table.render(result, result?.race ? shownOf(result.race) : 0, settings.depth);
  }

  function render() {
    renderCharts();
    view.cards.render(shownOf);
    renderTable();
    view.playButton.textContent = playing ? t('race.pause') : t('race.play');
    view.playButton.setAttribute('aria-pressed', String(playing));
  }

  function tick(time) {
    const rate = Math.max(8, longest() / 6);
    position = Math.min(longest(), position + ((time - lastTime) / 1000) * rate);
    lastTime = time;
    if (position >= longest()) playing = false;
    render();
    if (playing) frame = requestAnimationFrame(tick);
  }

  function pause() {
    playing = false;
    cancelAnimationFrame(frame);
  }

  function play() {
    if (playing) {
      pause();
      render();
      return;
    }
    if (position >= longest()) position = 0;
    if (prefersReducedMotion()) {
      position = longest();
      render();
      return;
    }
    playing = true;
    lastTime = performance.now();
    render();
    frame = requestAnimationFrame(tick);
  }

  function stepOnce() {
    pause();
    position = Math.min(longest(), Math.floor(position) + 1);
    render();
  }

  function reset() {
    pause();
    position = 0;
    render();
  }

  function controls() {
    const number2 = (v) => v.toFixed(2);
    const sliders = [
      slider({ label: t('race.start'), min: 0.05, max: 0.99, step: 0.01, value: settings.start, format: number2, name: 'start', onInput: (v) => changeSettings({ start: v }) }),
      slider({ label: t('race.learningRate'), min: 0.01, max: 2, step: 0.01, value: settings.learningRate, format: number2, name: 'learningRate', onInput: (v) => changeSettings({ learningRate: v }) }),
      slider({ label: t('race.target'), min: 0.01, max: 0.95, step: 0.01, value: settings.target, format: number2, name: 'target', onInput: (v) => changeSettings({ target: v }) }),
      slider({ label: t('race.depth'), min: 1, max: 10, step: 1, value: settings.depth, name: 'depth', onInput: (v) => changeSettings({ depth: v }) }),
    ];
    const racers = checkboxGroup({
      legend: t('race.racers'), values: settings.racers,
      options: activationNames.map((name) => ({ value: name, label: activationLabel(name) })),
      onChange: (values) => changeSettings({ racers: values }),
    });
    return [
      el('fieldset', { className: 'panel-controls' }, [el('legend', { text: t('race.settings') }), ...sliders.map((s) => s.element)]),
      racers.element,
    ];
  }

  // The race's file-name parts: the racers and every setting that changes the curves.
  const raceExport = (what) => ({ panel: 'race', what, settings: { racers: settings.racers.join('+'), start: settings.start, lr: settings.learningRate, target: settings.target, depth: settings.depth } });

  function build() {
    for (const chart of charts) chart.destroy();
    const curve = chartBox(t('race.curveChartLabel'), 'race-curve', () => raceExport('curve'));
    const output = chartBox(t('race.outputChartLabel'), 'race-output', () => raceExport('output'));
    view = { cardsHost: el('div'), table: createStepTable() };
    view.playButton = button({ label: t('race.play'), onClick: play, className: 'primary' });
    view.playButton.setAttribute('aria-pressed', 'false');
    const transport = el('div', { className: 'transport', role: 'group', 'aria-label': t('race.playback') }, [
      view.playButton, button({ label: t('race.step'), onClick: stepOnce }), button({ label: t('race.reset'), onClick: reset }),
    ]);
    root.replaceChildren(el('div', { className: 'chapter-panel race-panel' }, [
      el('p', { className: 'panel-intro', text: t('race.intro') }),
      el('div', { className: 'panel-grid' }, [
        el('div', { className: 'panel-side' }, [...controls(), transport,
          prefersReducedMotion() ? el('p', { className: 'note', text: t('race.reducedMotion') }) : null]),
        el('div', { className: 'panel-main' }, [
          view.cardsHost,
          el('figure', {}, [el('figcaption', { text: t('race.curveChart') }), curve.element]),
          el('figure', {}, [el('figcaption', { text: t('race.outputChart') }), output.element]),
        ]),
      ]),
      view.table.element,
      el('p', { className: 'panel-explain', text: t('race.why') }),
      slipBox('reluAlwaysOne', engine),
    ]));
    charts = [
      createChart(curve.canvas, { type: 'line', data: { datasets: [] }, options: chartOptions(t('race.xAxis')) }),
      createChart(output.canvas, { type: 'line', data: { datasets: [] }, options: chartOptions(t('race.stepAxis')) }),
    ];
    refresh();
  }

  compute();
  position = longest();
  return rebuildOnLanguageChange(root, build, () => {
    pause();
    for (const chart of charts) chart.destroy();
    charts = [];
  });
}
