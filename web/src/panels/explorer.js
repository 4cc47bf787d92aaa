// Function explorer: the chosen activations overlaid on two linked charts sharing one x-axis,
// f(x) above and f'(x) below (hovering either shows the same x in both, with x, f(x) and
// f'(x) in the tooltips), plus each function's KaTeX formulas and explanation. The engine
// evaluates every value on a grid of x; this module only draws.
import { registerStrings, t } from '../i18n.js';
import { field } from '../settings.js';
import { createChart, seriesStyle, lineSample } from '../charts.js';
import { formulas, renderFormula } from '../formulas.js';
import strings from '../i18n/explorer.js';
import { slipBox } from './shared/slips.js';
import { el } from '../dom.js';
import { slider, checkboxGroup, chartBox, activationLabel } from './shared/controls.js';
import { fixed } from './shared/format.js';
import { activationNames } from './shared/engine-facts.js';
import { rebuildOnLanguageChange } from './shared/lifecycle.js';

registerStrings('explorer', strings);

export const id = 'explorer';
export const titleKey = 'explorer.title';
export const schema = {
  functions: field.set(['sigmoid', 'tanh', 'relu'], activationNames),
  xMin: field.number(-5, -20, -0.5),
  xMax: field.number(5, 0.5, 20),
  leakyAlpha: field.number(0.01, 0, 0.5),
  eluAlpha: field.number(1, 0, 3),
};

const gridPoints = 401;
/** The setting that holds alpha for each activation that takes one. */
export const alphaSetting = { leaky_relu: 'leakyAlpha', elu: 'eluAlpha' };

/** gridPoints evenly spaced values from lo to hi, both included. */
function grid(lo, hi) {
  return Float64Array.from({ length: gridPoints }, (_, i) => lo + ((hi - lo) * i) / (gridPoints - 1));
}

const jumpProbes = 17;

/**
 * Grid cells j (from xs[j] to xs[j + 1]) where `values` jumps: a change of more than a fifth of
 * the values' range that, sampled again by `probe` on jumpProbes points inside, still happens in one sub-cell.
 */
function jumpCells(xs, values, probe) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const cells = new Set();
  for (let j = 0; j + 1 < xs.length; j += 1) {
    const change = Math.abs(values[j + 1] - values[j]);
    if (!(change > 0.2 * (hi - lo))) continue;
    const inner = probe(Float64Array.from({ length: jumpProbes }, (_, k) => xs[j] + ((xs[j + 1] - xs[j]) * k) / (jumpProbes - 1)));
    let largest = 0;
    for (let k = 0; k + 1 < inner.length; k += 1) largest = Math.max(largest, Math.abs(inner[k + 1] - inner[k]));
    if (largest > 0.9 * change) cells.add(j);
  }
  return cells;
}

/** Draws a vertical guide at the hovered x, so the two linked charts read as one. */
const crosshair = {
  id: 'explorerCrosshair',
  afterDatasetsDraw(chart) {
    const [active] = chart.getActiveElements();
    if (!active) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = 'rgba(60, 60, 60, 0.45)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(active.element.x, chartArea.top);
    ctx.lineTo(active.element.x, chartArea.bottom);
    ctx.stroke();
    ctx.restore();
  },
};

export function mount(root, ctx) {
  const { engine } = ctx;
  const available = engine.activations().map((a) => a.name);
  let settings = { ...ctx.settings, functions: [...ctx.settings.functions] };
  let series = [];
  let charts = [];
  let view = {};

  const optionsOf = (name) => (alphaSetting[name] ? { alpha: settings[alphaSetting[name]] } : {});

  function compute() {
    const xs = grid(settings.xMin, settings.xMax);
    series = available.filter((name) => settings.functions.includes(name)).map((name, i) => {
      const style = seriesStyle(i);
      try {
        const f = engine.evaluate(name, xs, optionsOf(name));
        const df = engine.derivative(name, xs, optionsOf(name));
        const jumps = {
          f: jumpCells(xs, f, (probe) => engine.evaluate(name, probe, optionsOf(name))),
          df: jumpCells(xs, df, (probe) => engine.derivative(name, probe, optionsOf(name))),
        };
        return { name, style, xs, f, df, jumps };
      } catch (error) {
        return { name, style, error: error.message };
      }
    });
  }

  const drawn = () => series.filter((s) => !s.error);

  function datasets(key) {
    return drawn().map((s) => ({
      label: activationLabel(s.name),
      data: Array.from(s.xs, (x, j) => ({ x, y: s[key][j] })),
      borderColor: s.style.borderColor, backgroundColor: s.style.borderColor, borderDash: s.style.borderDash,
      borderWidth: 2.25, pointRadius: (c) => (s.jumps[key].has(c.dataIndex) ? 3.5 : 0), pointHoverRadius: 4, pointHitRadius: 0,
      segment: { borderColor: (c) => (s.jumps[key].has(c.p0DataIndex) ? 'transparent' : undefined) },
    }));
  }

  /** Mirrors the hovered x of one chart onto the other (active points and tooltip). */
  const linkHover = {
    id: 'explorerLinkHover',
    afterEvent(chart, args) {
      const other = charts.find((c) => c !== chart);
      if (!other || args.event.type === 'click') return;
      const active = args.event.type === 'mouseout' ? [] : chart.getActiveElements();
      const mapped = active.map(({ datasetIndex, index }) => ({ datasetIndex, index }));
      const before = other.getActiveElements();
      if (before.length === mapped.length && before.every((a, k) => a.index === mapped[k].index && a.datasetIndex === mapped[k].datasetIndex)) return;
      other.setActiveElements(mapped);
      const anchor = mapped[0] ? other.getDatasetMeta(mapped[0].datasetIndex).data[mapped[0].index] : null;
      other.tooltip.setActiveElements(mapped, anchor ? { x: anchor.x, y: anchor.y } : { x: 0, y: 0 });
      other.update('none');
    },
  };

  function tooltipLabel(item) {
    const s = drawn()[item.datasetIndex];
    return t('explorer.tooltipLabel', { name: activationLabel(s.name), f: fixed(s.f[item.dataIndex], 4), df: fixed(s.df[item.dataIndex], 4) });
  }

  function chartOptions(yTitle) {
    const axisGrid = { color: (c) => (c.tick?.value === 0 ? 'rgba(0, 0, 0, 0.45)' : 'rgba(0, 0, 0, 0.08)') };
    return {
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', min: settings.xMin, max: settings.xMax, grid: axisGrid, ticks: { includeBounds: false }, title: { display: true, text: t('explorer.xAxis') } },
        y: { grace: '6%', grid: axisGrid, title: { display: true, text: yTitle } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => t('explorer.tooltipTitle', { x: fixed(items[0].parsed.x, 3) }),
            label: tooltipLabel,
          },
        },
      },
    };
  }

  /** Both charts, each made in one construction with the computed series. */
  function makeCharts() {
    const config = (yTitle, key) => ({ type: 'line', data: { datasets: datasets(key) }, options: chartOptions(yTitle), plugins: [crosshair, linkHover] });
    charts = [
      createChart(view.functionCanvas, config(t('explorer.functionAxis'), 'f')),
      createChart(view.derivativeCanvas, config(t('explorer.derivativeAxis'), 'df')),
    ];
  }

  function card(s) {
    const formula = formulas[s.name];
    const block = (tex, className = 'formula') => {
      const node = el('div', { className });
      renderFormula(node, tex);
      return node;
    };
    const alpha = alphaSetting[s.name] ? el('span', { className: 'fn-alpha', text: t('explorer.alphaValue', { value: fixed(settings[alphaSetting[s.name]], 2) }) }) : null;
    const tex = formula ? [formula.f, formula.df].map((f) => block(f)).concat((formula.where ?? []).map((w) => block(w, 'formula formula-where'))) : [];
    return el('article', { className: 'fn-card', 'data-activation': s.name, style: `--series-colour: ${s.style.borderColor}` }, [
      el('h4', {}, [lineSample(s.style), el('span', { text: activationLabel(s.name) }), alpha]),
      formula ? el('div', { className: 'fn-formulas' }, tex) : null,
      el('p', { text: t(`activations.${s.name}.about`) }),
      s.error ? el('p', { className: 'error', role: 'alert', text: t('explorer.error', { name: activationLabel(s.name), message: s.error }) }) : null,
    ]);
  }

  function renderDetails() {
    view.legend.replaceChildren(...series.map((s) => el('li', {}, [lineSample(s.style), activationLabel(s.name)])));
    view.cards.replaceChildren(...series.map(card));
    view.stepNote.hidden = !settings.functions.includes('step');
    let anyShape = false;
    for (const [name, control] of Object.entries(view.shapeControls)) {
      control.hidden = !settings.functions.includes(name);
      anyShape ||= !control.hidden;
    }
    view.shapeHint.hidden = anyShape;
  }

  /** The charts' labels for the range shown and the note on jumps. */
  function describeCharts() {
    const range = { min: fixed(settings.xMin, 1), max: fixed(settings.xMax, 1) };
    view.functionCanvas.setAttribute('aria-label', t('explorer.functionChartLabel', range));
    view.derivativeCanvas.setAttribute('aria-label', t('explorer.derivativeChartLabel', range));
    view.jumpNote.hidden = !drawn().some((s) => s.jumps.f.size + s.jumps.df.size > 0);
  }

  function renderCharts() {
    describeCharts();
    charts.forEach((chart, k) => {
      chart.setActiveElements([]);
      chart.tooltip.setActiveElements([], { x: 0, y: 0 });
      chart.data.datasets = datasets(k === 0 ? 'f' : 'df');
      Object.assign(chart.options.scales.x, { min: settings.xMin, max: settings.xMax });
      chart.update('none');
    });
  }

  /** Applies a settings change: saves it, recomputes, redraws (details only when they change). */
  function change(next) {
    settings = { ...settings, ...next };
    ctx.saveSettings({ ...settings, functions: [...settings.functions] });
    compute();
    renderCharts();
    if ('functions' in next || 'leakyAlpha' in next || 'eluAlpha' in next) renderDetails();
  }

  function controls() {
    const one = (v) => fixed(v, 1);
    const two = (v) => fixed(v, 2);
    const functions = checkboxGroup({
      legend: t('explorer.functions'), values: settings.functions,
      options: available.map((name) => ({ value: name, label: activationLabel(name) })),
      onChange: (values) => change({ functions: values }),
    });
    functions.element.classList.add('function-picker');
    const xMin = slider({ label: t('explorer.xMin'), min: -20, max: -0.5, step: 0.5, value: settings.xMin, format: one, name: 'xMin', onInput: (v) => change({ xMin: v }) });
    const xMax = slider({ label: t('explorer.xMax'), min: 0.5, max: 20, step: 0.5, value: settings.xMax, format: one, name: 'xMax', onInput: (v) => change({ xMax: v }) });
    const leaky = slider({ label: t('explorer.leakyAlpha'), min: 0, max: 0.5, step: 0.01, value: settings.leakyAlpha, format: two, name: 'leakyAlpha', onInput: (v) => change({ leakyAlpha: v }) });
    const elu = slider({ label: t('explorer.eluAlpha'), min: 0, max: 3, step: 0.05, value: settings.eluAlpha, format: two, name: 'eluAlpha', onInput: (v) => change({ eluAlpha: v }) });
    view.shapeControls = { leaky_relu: leaky.element, elu: elu.element };
    view.shapeHint = el('p', { className: 'note', text: t('explorer.shapeHint') });
    return [
      functions.element,
      el('fieldset', { className: 'panel-controls' }, [el('legend', { text: t('explorer.range') }), xMin.element, xMax.element]),
      el('fieldset', { className: 'panel-controls' }, [el('legend', { text: t('explorer.shape') }), leaky.element, elu.element, view.shapeHint]),
    ];
  }

  function build() {
    for (const chart of charts) chart.destroy();
    const functionBox = chartBox(t('explorer.functionChart'), '', () => ({ panel: 'explorer', what: 'functions', settings }));
    const derivativeBox = chartBox(t('explorer.derivativeChart'), '', () => ({ panel: 'explorer', what: 'derivatives', settings }));
    view = {
      functionCanvas: functionBox.canvas,
      derivativeCanvas: derivativeBox.canvas,
      legend: el('ul', { className: 'series-legend', 'aria-label': t('explorer.legend') }),
      stepNote: el('p', { className: 'note note-callout', text: t('explorer.stepNote') }),
      jumpNote: el('p', { className: 'note', text: t('explorer.jumpNote') }),
      cards: el('div', { className: 'fn-cards' }),
    };
    const side = controls();
    root.replaceChildren(el('div', { className: 'chapter-panel explorer-panel' }, [
      el('p', { className: 'panel-intro', text: t('explorer.intro') }),
      el('div', { className: 'panel-grid' }, [
        el('div', { className: 'panel-side' }, side),
        el('div', { className: 'panel-main' }, [
          view.legend,
          el('figure', { className: 'chart-figure' }, [el('figcaption', { text: t('explorer.functionChart') }), functionBox.element]),
          el('figure', { className: 'chart-figure' }, [el('figcaption', { text: t('explorer.derivativeChart') }), derivativeBox.element]),
          view.jumpNote,
          view.stepNote,
        ]),
      ]),
      el('h3', { className: 'section-heading', text: t('explorer.cards') }),
      view.cards,
      el('div', { className: 'slip-row' }, ['leakyDerivative', 'kinkConvention', 'cachedGradient'].map((id) => slipBox(id, engine))),
    ]));
    compute();
    makeCharts();
    describeCharts();
    renderDetails();
  }

  return rebuildOnLanguageChange(root, build, () => {
    for (const chart of charts) chart.destroy();
    charts = [];
  });
}
