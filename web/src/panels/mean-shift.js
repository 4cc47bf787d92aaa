// Zero-centred outputs: N uniform(-1, 1) samples before and after an activation, histogrammed
// by the engine on a shared axis with both means marked.
import { registerStrings, t } from '../i18n.js';
import { field } from '../settings.js';
import { createChart, palette } from '../charts.js';
import strings from '../i18n/mean-shift.js';
import { el } from '../dom.js';
import { numberField, selectField, chartBox, activationLabel } from './shared/controls.js';
import { fixed } from './shared/format.js';
import { activationNames } from './shared/engine-facts.js';
import { rebuildOnLanguageChange } from './shared/lifecycle.js';

registerStrings('mean-shift', strings);

export const id = 'mean-shift';
export const titleKey = 'mean-shift.title';
export const schema = {
  activation: field.choice('sigmoid', activationNames),
  samples: field.integer(10000, 10, 100000),
  seed: field.integer(1, 0, 2147483647),
};

export const bins = 40;
const inputColour = palette[0];
const outputColour = palette[1];
const inputFill = 'rgba(0, 114, 178, 0.25)';
const outputFill = 'rgba(213, 94, 0, 0.25)';

/** Points tracing a histogram's outline as a step line from lo to hi. */
function outline({ lo, hi, counts }) {
  const width = (hi - lo) / counts.length;
  const points = [{ x: lo, y: 0 }];
  counts.forEach((count, i) => points.push({ x: lo + i * width, y: count }));
  points.push({ x: hi, y: counts[counts.length - 1] }, { x: hi, y: 0 });
  return points;
}

export function mount(root, ctx) {
  const { engine } = ctx;
  let settings = { ...ctx.settings };
  let charts = [];
  let view = {};

  /** The histogram outline and a dashed vertical line at the mean, up to `top`. */
  function datasets(histogram, mean, top, colour, fill, label, meanLabel) {
    return [
      {
        label: meanLabel, data: [{ x: mean, y: 0 }, { x: mean, y: top }], borderColor: '#111111', backgroundColor: '#111111',
        borderDash: [6, 4], borderWidth: 2.5, pointRadius: 0, fill: false, order: 0,
      },
      {
        label, data: outline(histogram), stepped: 'after', fill: 'origin', borderColor: colour, backgroundColor: fill,
        borderWidth: 2, pointRadius: 0, order: 1,
      },
    ];
  }

  function render() {
    const result = engine.meanShift({ activation: settings.activation, samples: settings.samples, seed: settings.seed, bins });
    const lo = Math.min(result.inputHistogram.lo, result.outputHistogram.lo);
    const hi = Math.max(result.inputHistogram.hi, result.outputHistogram.hi);
    const pad = 0.04 * (hi - lo || 1);
    const top = Math.max(...result.inputHistogram.counts, ...result.outputHistogram.counts) * 1.1;
    const name = activationLabel(settings.activation);
    charts[0].data.datasets = datasets(result.inputHistogram, result.inputMean, top, inputColour, inputFill, t('mean-shift.inputs'),
      t('mean-shift.inputMean', { value: fixed(result.inputMean, 3) }));
    charts[1].data.datasets = datasets(result.outputHistogram, result.outputMean, top, outputColour, outputFill,
      t('mean-shift.outputs', { name }), t('mean-shift.outputMean', { value: fixed(result.outputMean, 3) }));
    for (const chart of charts) {
      Object.assign(chart.options.scales.x, { min: lo - pad, max: hi + pad });
      Object.assign(chart.options.scales.y, { min: 0, max: top });
      chart.update('none');
    }
    view.outputCaption.textContent = t('mean-shift.afterChart', { name });
    view.meanIn.textContent = fixed(result.inputMean, 4);
    view.meanOut.textContent = fixed(result.outputMean, 4);
    view.shift.textContent = fixed(result.outputMean - result.inputMean, 4);
  }

  function change(next) {
    settings = { ...settings, ...next };
    ctx.saveSettings({ ...settings });
    render();
  }

  function stat(labelKey, value) {
    return el('div', { className: 'stat' }, [el('dt', { text: t(labelKey) }), el('dd', {}, value)]);
  }

  function histogramChart(canvas) {
    return createChart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        parsing: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: t('mean-shift.valueAxis') } },
          y: { beginAtZero: true, title: { display: true, text: t('mean-shift.countAxis') } },
        },
        plugins: {
          legend: { position: 'bottom', reverse: true, labels: { usePointStyle: true, pointStyle: 'line', pointStyleWidth: 30 } },
          tooltip: { enabled: false },
        },
      },
    });
  }

  function build() {
    for (const chart of charts) chart.destroy();
    const before = chartBox(t('mean-shift.beforeLabel'), 'chart-short mean-before', () => ({ panel: 'mean-shift', what: 'inputs', settings }));
    const after = chartBox(t('mean-shift.afterLabel'), 'chart-short mean-after', () => ({ panel: 'mean-shift', what: 'outputs', settings }));
    view = {
      meanIn: el('span'), meanOut: el('span'), shift: el('span'), outputCaption: el('figcaption'),
    };
    const controls = [
      selectField({
        label: t('mean-shift.activation'), value: settings.activation, name: 'activation',
        options: activationNames.map((name) => ({ value: name, label: activationLabel(name) })),
        onChange: (activation) => change({ activation }),
      }).element,
      numberField({ label: t('mean-shift.samples'), value: settings.samples, min: 10, max: 100000, step: 1, integer: true, name: 'samples', onChange: (samples) => change({ samples }) }).element,
      numberField({ label: t('mean-shift.seed'), value: settings.seed, min: 0, max: 2147483647, step: 1, integer: true, name: 'seed', onChange: (seed) => change({ seed }) }).element,
    ];
    root.replaceChildren(el('div', { className: 'chapter-panel mean-shift-panel' }, [
      el('p', { className: 'panel-intro', text: t('mean-shift.intro') }),
      el('div', { className: 'panel-grid' }, [
        el('div', { className: 'panel-side' }, [
          el('fieldset', { className: 'panel-controls' }, [el('legend', { text: t('mean-shift.settings') }), ...controls]),
          el('dl', { className: 'stats' }, [
            stat('mean-shift.meanIn', view.meanIn), stat('mean-shift.meanOut', view.meanOut), stat('mean-shift.shift', view.shift),
          ]),
        ]),
        el('div', { className: 'panel-main' }, [
          el('figure', {}, [el('figcaption', { text: t('mean-shift.beforeChart') }), before.element]),
          el('figure', {}, [view.outputCaption, after.element]),
        ]),
      ]),
      el('section', { className: 'panel-explain' }, [
        el('h3', { text: t('mean-shift.whyTitle') }),
        el('p', { text: t('mean-shift.why1') }),
        el('p', { text: t('mean-shift.why2') }),
      ]),
    ]));
    charts = [histogramChart(before.canvas), histogramChart(after.canvas)];
    render();
  }

  return rebuildOnLanguageChange(root, build, () => {
    for (const chart of charts) chart.destroy();
    charts = [];
  });
}
