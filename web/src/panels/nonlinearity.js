// Why nonlinearity: two editable linear layers (1 -> 2 -> 1) collapse to one linear layer
// W3 = W2 W1, b3 = W2 b1 + b2 (composed by the engine); an activation between them bends the line.
import { katex } from '../formulas.js';
import { registerStrings, t } from '../i18n.js';
import { field } from '../settings.js';
import { createChart, palette, lineLegendLabels } from '../charts.js';
import strings from '../i18n/nonlinearity.js';
import { el } from '../dom.js';
import { numberField, selectField, chartBox, activationLabel } from './shared/controls.js';
import { fixed } from './shared/format.js';
import { activationNames } from './shared/engine-facts.js';
import { rebuildOnLanguageChange } from './shared/lifecycle.js';

registerStrings('nonlinearity', strings);

export const id = 'nonlinearity';
export const titleKey = 'nonlinearity.title';
const parameter = field.number(0, -10, 10);
export const schema = {
  w1: field.list([1.5, -2], parameter, 2, 2),
  b1: field.list([0.5, 1], parameter, 2, 2),
  w2: field.list([1, 1], parameter, 2, 2),
  b2: field.list([-0.5], parameter, 1, 1),
  between: field.choice('relu', activationNames),
};

const xMin = -3;
const xMax = 3;
const samples = 121;

/** A number for TeX: at most 4 decimals, trailing zeros dropped. */
function tex(value) {
  const text = String(Number(value.toFixed(4)));
  return text === '-0' ? '0' : text;
}

export function mount(root, ctx) {
  const { engine } = ctx;
  let settings = structuredClone(ctx.settings);
  let charts = [];
  let view = {};
  const xs = Float64Array.from({ length: samples }, (_, i) => xMin + ((xMax - xMin) * i) / (samples - 1));

  function collapse(second = { weights: settings.w2, biases: settings.b2 }) {
    return engine.linearCollapse({
      first: { inputs: 1, outputs: 2, weights: settings.w1, biases: settings.b1 },
      second: { inputs: 2, outputs: 1, ...second },
      inputs: xs,
      between: settings.between,
    });
  }

  /** Hidden unit j's share of the bent output, w2_j f(h_j(x)): the same network with the other weight and the bias at 0. */
  function piece(j) {
    return collapse({ weights: settings.w2.map((w, k) => (k === j ? w : 0)), biases: [0] }).bentOutput;
  }

  const line = (ys, style) => ({ data: Array.from(xs, (x, i) => ({ x, y: ys[i] })), pointRadius: 0, pointStyle: 'line', ...style });

  function renderFormula(result) {
    const [w3] = result.composed.weights;
    const [b3] = result.composed.biases;
    const { w1, b1, w2, b2 } = settings;
    const row = (v) => `\\begin{pmatrix}${v.map(tex).join(' & ')}\\end{pmatrix}`;
    const column = (v) => `\\begin{pmatrix}${v.map(tex).join(' \\\\ ')}\\end{pmatrix}`;
    katex.render(`W_3 = W_2 W_1 = ${row(w2)} ${column(w1)} = ${tex(w3)}`, view.weightFormula, { throwOnError: false });
    const plus = b2[0] < 0 ? `- ${tex(-b2[0])}` : `+ ${tex(b2[0])}`;
    katex.render(`b_3 = W_2 b_1 + b_2 = ${row(w2)} ${column(b1)} ${plus} = ${tex(b3)}`, view.biasFormula, { throwOnError: false });
    view.oneLine.textContent = t('nonlinearity.oneLine', { w: fixed(w3, 4), b: fixed(b3, 4) });
    view.difference.textContent = t('nonlinearity.difference', {
      value: result.maxAbsDifference === 0 ? '0' : result.maxAbsDifference.toExponential(1),
    });
  }

  function render() {
    const result = collapse();
    const name = activationLabel(settings.between);
    renderFormula(result);
    charts[0].data.datasets = [
      line(result.twoLayerOutput, { label: t('nonlinearity.twoLayers'), borderColor: palette[0], backgroundColor: palette[0], borderWidth: 7, order: 1 }),
      line(result.composedOutput, { label: t('nonlinearity.composed'), borderColor: palette[4], backgroundColor: palette[4], borderWidth: 2.5, borderDash: [8, 5], order: 0 }),
    ];
    charts[1].data.datasets = [
      line(result.bentOutput, { label: t('nonlinearity.bent', { name }), borderColor: palette[2], backgroundColor: palette[2], borderWidth: 3, order: 0 }),
      line(result.composedOutput, { label: t('nonlinearity.straight'), borderColor: '#666666', backgroundColor: '#666666', borderWidth: 1.5, borderDash: [2, 3], order: 1 }),
      ...[0, 1].map((j) => line(piece(j), {
        label: t('nonlinearity.piece', { unit: j + 1 }), borderColor: palette[j === 0 ? 5 : 3], backgroundColor: palette[j === 0 ? 5 : 3],
        borderWidth: 1.5, borderDash: j === 0 ? [8, 4] : [10, 3, 2, 3], order: 2 + j,
      })),
    ];
    view.bentCaption.textContent = t('nonlinearity.bentChart', { name });
    for (const chart of charts) chart.update('none');
  }

  function change(key, index, value) {
    settings[key][index] = value;
    ctx.saveSettings(structuredClone(settings));
    render();
  }

  function parameterField(key, index, labelKey, unit) {
    return numberField({
      label: t(labelKey, { unit }), value: settings[key][index], min: -10, max: 10, step: 0.1, name: `${key}-${index}`,
      onChange: (value) => change(key, index, value),
    }).element;
  }

  function chartOptions(reverse) {
    return {
      parsing: false,
      scales: {
        x: { type: 'linear', min: xMin, max: xMax, title: { display: true, text: t('nonlinearity.xAxis') } },
        y: { title: { display: true, text: t('nonlinearity.yAxis') } },
      },
      plugins: { legend: { position: 'bottom', reverse, labels: lineLegendLabels }, tooltip: { enabled: false } },
    };
  }

  function build() {
    for (const chart of charts) chart.destroy();
    const linear = chartBox(t('nonlinearity.linearChartLabel'), 'collapse-linear', () => ({ panel: 'nonlinearity', what: 'linear', settings }));
    const bent = chartBox(t('nonlinearity.bentChartLabel'), 'collapse-bent', () => ({ panel: 'nonlinearity', what: 'bent', settings }));
    view = {
      weightFormula: el('div', { className: 'formula' }),
      biasFormula: el('div', { className: 'formula' }),
      oneLine: el('p', { className: 'one-line' }),
      difference: el('p', { className: 'note' }),
      bentCaption: el('figcaption'),
    };
    const layer1 = el('fieldset', { className: 'panel-controls layer-grid' }, [
      el('legend', { text: t('nonlinearity.layer1') }),
      parameterField('w1', 0, 'nonlinearity.weightTo', 1), parameterField('b1', 0, 'nonlinearity.biasOf', 1),
      parameterField('w1', 1, 'nonlinearity.weightTo', 2), parameterField('b1', 1, 'nonlinearity.biasOf', 2),
    ]);
    const layer2 = el('fieldset', { className: 'panel-controls layer-grid' }, [
      el('legend', { text: t('nonlinearity.layer2') }),
      parameterField('w2', 0, 'nonlinearity.weightFrom', 1), parameterField('w2', 1, 'nonlinearity.weightFrom', 2),
      parameterField('b2', 0, 'nonlinearity.bias', 0),
    ]);
    const between = selectField({
      label: t('nonlinearity.between'), value: settings.between, name: 'between',
      options: activationNames.map((name) => ({ value: name, label: activationLabel(name) })),
      onChange: (value) => {
        settings.between = value;
        ctx.saveSettings(structuredClone(settings));
        render();
      },
    });
    root.replaceChildren(el('div', { className: 'chapter-panel nonlinearity-panel' }, [
      el('p', { className: 'panel-intro', text: t('nonlinearity.intro') }),
      el('div', { className: 'panel-grid' }, [
        el('div', { className: 'panel-side' }, [layer1, layer2]),
        el('div', { className: 'panel-main' }, [
          el('section', { className: 'composed' }, [
            el('h3', { text: t('nonlinearity.composedTitle') }), view.weightFormula, view.biasFormula, view.oneLine, view.difference,
          ]),
          el('figure', {}, [el('figcaption', { text: t('nonlinearity.linearChart') }), linear.element]),
        ]),
      ]),
      el('p', { className: 'panel-explain', text: t('nonlinearity.explain1') }),
      el('div', { className: 'panel-grid bent-grid' }, [
        el('div', { className: 'panel-side' }, [between.element]),
        el('div', { className: 'panel-main' }, [el('figure', {}, [view.bentCaption, bent.element])]),
      ]),
      el('p', { className: 'panel-explain', text: t('nonlinearity.explain2') }),
    ]));
    charts = [
      createChart(linear.canvas, { type: 'line', data: { datasets: [] }, options: chartOptions(true) }),
      createChart(bent.canvas, { type: 'line', data: { datasets: [] }, options: chartOptions(false) }),
    ];
    render();
  }

  return rebuildOnLanguageChange(root, build, () => {
    for (const chart of charts) chart.destroy();
    charts = [];
  });
}
