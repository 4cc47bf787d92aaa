// Gradient-descent race: each chosen activation starts where f(x) = start and steps
// x <- x - rate * d f^depth/dx until f(x) <= target. The engine computes every step; this
// module plays the trajectories back on the curves, as counters and as a table.
import { registerStrings, t } from '../i18n.js';
import { field } from '../settings.js';
import { createChart, palette, dashes, prefersReducedMotion } from '../charts.js';
import strings from '../i18n/race.js';
import { el } from '../dom.js';
import { slider, checkboxGroup, button, chartBox, selectField, activationLabel } from './shared/controls.js';
import { fixed } from './shared/format.js';
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

const maxSteps = 10000;
const tableEdge = 50;
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
      const colour = palette[i % palette.length];
      const ys = engine.evaluate(name, xs);
      datasets.push({
        label: t('race.curve', { name: activationLabel(name) }), data: Array.from(xs, (x, j) => ({ x, y: ys[j] })),
        borderColor: colour, backgroundColor: colour, borderDash: dashes[i % dashes.length], borderWidth: 2,
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
      const colour = palette[i % palette.length];
      const indices = drawnIndices(shownOf(race));
      return {
        label: activationLabel(name), data: indices.map((k) => ({ x: k, y: race.output[k] })),
        borderColor: colour, backgroundColor: colour, borderDash: dashes[i % dashes.length], borderWidth: 2,
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
    view.cardsHost.replaceChildren(summaryCards());
    view.pickerHost.replaceChildren(...[tablePicker()].filter(Boolean));
    view.tableShown = '';
    render();
  }

  function renderCharts() {
    charts[0].data.datasets = curveDatasets(view.range);
    charts[1].data.datasets = outputDatasets();
    for (const chart of charts) chart.update('none');
  }

  function renderSummary() {
    results.forEach(({ name, race, error }, i) => {
      const card = view.cards[i];
      if (error) {
        card.status.textContent = t('race.error', { message: error });
        return;
      }
      const shown = shownOf(race);
      card.progress.textContent = t('race.progress', { shown, steps: race.steps });
      card.current.textContent = t('race.current', { value: fixed(race.output[shown], 6) });
      card.status.textContent = shown >= race.steps ? t(`race.${race.stop}`, { steps: race.steps }) : '';
    });
  }

  function row(cells) {
    return el('tr', {}, cells.map((text, j) => el(j === 0 ? 'th' : 'td', { scope: j === 0 ? 'row' : undefined, text })));
  }

  function renderTable() {
    const result = results.find((r) => r.name === tableRacer);
    const body = view.tableBody;
    if (!result?.race) {
      body.replaceChildren();
      return;
    }
    const { race } = result;
    const shown = shownOf(race);
    if (view.tableShown === `${tableRacer}:${shown}`) return;
    view.tableShown = `${tableRacer}:${shown}`;
    const rows = [];
    const line = (k) => row([String(k), fixed(race.x[k], 6), fixed(race.output[k], 6), fixed(race.gradient[k], 6)]);
    if (shown + 1 <= 2 * tableEdge) {
      for (let k = 0; k <= shown; k += 1) rows.push(line(k));
    } else {
      for (let k = 0; k < tableEdge; k += 1) rows.push(line(k));
      const gap = el('tr', { className: 'race-gap' }, [el('td', { colspan: 4, text: t('race.hiddenRows', { count: shown + 1 - 2 * tableEdge }) })]);
      rows.push(gap);
      for (let k = shown + 1 - tableEdge; k <= shown; k += 1) rows.push(line(k));
    }
    body.replaceChildren(...rows);
    view.caption.textContent = t(settings.depth > 1 ? 'race.tableCaptionDeep' : 'race.tableCaption', { name: activationLabel(tableRacer), depth: settings.depth });
  }

  function render() {
    renderCharts();
    renderSummary();
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

  function summaryCards() {
    view.cards = results.map(({ name }, i) => {
      const card = {
        progress: el('span', { className: 'race-progress' }),
        current: el('span', { className: 'race-current' }),
        status: el('p', { className: 'race-status' }),
      };
      const race = results[i].race;
      card.element = el('li', { className: 'race-card', 'data-racer': name, style: `border-color: ${palette[i % palette.length]}` }, [
        el('h3', {}, [
          el('span', { className: `race-marker race-marker-${markers[i % markers.length]}`, 'aria-hidden': 'true', style: `background: ${palette[i % palette.length]}` }),
          activationLabel(name),
        ]),
        race ? el('p', { className: 'race-total' }, [el('strong', { className: 'race-steps', text: String(race.steps) }), ` ${t('race.totalSteps')}`]) : null,
        el('p', {}, [card.progress, ' · ', card.current]),
        card.status,
      ]);
      return card;
    });
    return el('ul', { className: 'race-cards' }, view.cards.map((c) => c.element));
  }

  function tablePicker() {
    if (settings.racers.length < 2) return null;
    return selectField({
      label: t('race.tableFor'), value: tableRacer, name: 'tableRacer',
      options: settings.racers.map((name) => ({ value: name, label: activationLabel(name) })),
      onChange: (name) => { tableRacer = name; renderTable(); },
    }).element;
  }

  function table() {
    view.caption = el('caption');
    view.tableBody = el('tbody');
    view.pickerHost = el('div', { className: 'race-picker' });
    const head = el('thead', {}, el('tr', {}, ['colStep', 'colX', 'colOutput', 'colGradient'].map((k) => el('th', { scope: 'col', text: t(`race.${k}`) }))));
    return el('div', { className: 'race-table' }, [
      view.pickerHost,
      el('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('race.tableFor') }, [
        el('table', { className: 'data-table' }, [view.caption, head, view.tableBody]),
      ]),
    ]);
  }

  // The race's file-name parts: the racers and every setting that changes the curves.
  const raceExport = (what) => ({ panel: 'race', what, settings: { racers: settings.racers.join('+'), start: settings.start, lr: settings.learningRate, target: settings.target, depth: settings.depth } });

  function build() {
    for (const chart of charts) chart.destroy();
    const curve = chartBox(t('race.curveChartLabel'), 'race-curve', () => raceExport('curve'));
    const output = chartBox(t('race.outputChartLabel'), 'race-output', () => raceExport('output'));
    view = { cardsHost: el('div') };
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
      table(),
      el('p', { className: 'panel-explain', text: t('race.why') }),
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
