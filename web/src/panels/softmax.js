// Softmax: editable logits and temperature, the probabilities as bars and a table, the full
// Jacobian diag(s) - s s^T as a heatmap table, and the two-class case next to a sigmoid.
import { registerStrings, t } from '../i18n.js';
import { field } from '../settings.js';
import { createChart, palette } from '../charts.js';
import strings from '../i18n/softmax.js';
import { slipBox } from './shared/slips.js';
import { el } from '../dom.js';
import { slider, numberField, button, chartBox } from './shared/controls.js';
import { fixed } from './shared/format.js';
import { tint, readableTextOn } from './shared/colour.js';
import { rebuildOnLanguageChange } from './shared/lifecycle.js';

registerStrings('softmax', strings);

export const id = 'softmax';
export const titleKey = 'softmax.title';
const maxLogits = 10;
export const schema = {
  logits: field.list([3, 1, -3], field.number(0, -20, 20), 1, maxLogits),
  temperature: field.number(1, 0.1, 5),
};

/** Diverging purple-orange scale (colour-blind safe), symmetric about 0 with |J| <= 1/4. */
const negativeColour = '#5e3c99';
const positiveColour = '#e66101';
const scaleLimit = 0.25;

function cellStyle(value) {
  const intensity = Math.min(Math.abs(value) / scaleLimit, 1);
  const background = tint(value < 0 ? negativeColour : positiveColour, 1 - intensity);
  return `background-color: ${background}; color: ${readableTextOn(background)}`;
}

/** Chart.js plugin writing each bar's value (2 decimals) above it. */
const barValues = {
  id: 'barValues',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    ctx.save();
    ctx.fillStyle = '#222222';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    meta.data.forEach((bar, i) => ctx.fillText(chart.data.datasets[0].data[i].toFixed(2), bar.x, bar.y - 4));
    ctx.restore();
  },
};

export function mount(root, ctx) {
  const { engine } = ctx;
  let settings = structuredClone(ctx.settings);
  let chart = null;
  let view = {};

  const labelOf = (i) => `z${i + 1}`;

  function save() {
    ctx.saveSettings(structuredClone(settings));
  }

  function renderProbabilities(s) {
    chart.data.labels = settings.logits.map((z, i) => `${labelOf(i)} = ${fixed(z, 2)}`);
    chart.data.datasets = [{ label: t('softmax.barChart'), data: Array.from(s), backgroundColor: palette[0], borderColor: palette[0] }];
    chart.update('none');
    view.probabilityBody.replaceChildren(...settings.logits.map((z, i) => el('tr', {}, [
      el('th', { scope: 'row', text: String(i + 1) }),
      el('td', { text: fixed(z, 2) }),
      el('td', { className: 'probability', title: String(s[i]), text: fixed(s[i], 2) }),
      el('td', { className: 'full', text: String(s[i]) }),
    ])));
  }

  function renderJacobian(s) {
    const jacobian = engine.softmaxJacobian(s);
    const n = s.length;
    const head = el('tr', {}, [el('td'), ...settings.logits.map((z, j) => el('th', { scope: 'col', text: `∂/∂${labelOf(j)}` }))]);
    const rows = Array.from({ length: n }, (_, i) => el('tr', {}, [
      el('th', { scope: 'row', text: `s${i + 1}` }),
      ...Array.from({ length: n }, (__, j) => {
        const value = jacobian[i * n + j];
        return el('td', {
          className: i === j ? 'diagonal' : undefined, style: cellStyle(value), title: String(value), 'data-value': String(value),
          text: fixed(value, 4),
        });
      }),
    ]));
    view.jacobianTable.replaceChildren(el('caption', { text: t('softmax.jacobianCaption') }), el('thead', {}, head), el('tbody', {}, rows));
  }

  function renderTwoClass() {
    if (settings.logits.length < 2) {
      view.twoClass.replaceChildren(el('p', { className: 'note', text: t('softmax.twoClassNeedTwo') }));
      return;
    }
    const [z1, z2] = settings.logits;
    const viaSoftmax = engine.softmax([z1, z2], { temperature: settings.temperature })[0];
    const viaSigmoid = engine.evaluate('sigmoid', [(z1 - z2) / settings.temperature])[0];
    view.twoClass.replaceChildren(el('dl', { className: 'stats' }, [
      el('div', { className: 'stat' }, [el('dt', { text: t('softmax.twoClassSoftmax') }), el('dd', { className: 'two-softmax', text: fixed(viaSoftmax, 6) })]),
      el('div', { className: 'stat' }, [el('dt', { text: t('softmax.twoClassSigmoid') }), el('dd', { className: 'two-sigmoid', text: fixed(viaSigmoid, 6) })]),
    ]));
  }

  function render() {
    const s = engine.softmax(settings.logits, { temperature: settings.temperature });
    renderProbabilities(s);
    renderJacobian(s);
    renderTwoClass();
  }

  function editor(focusIndex) {
    const rows = settings.logits.map((z, i) => {
      const input = numberField({
        label: t('softmax.logit', { index: i + 1 }), value: z, min: -20, max: 20, step: 0.5, name: `logit-${i}`,
        onChange: (value) => {
          settings.logits[i] = value;
          save();
          render();
        },
      });
      const remove = button({
        label: t('softmax.remove'), ariaLabel: t('softmax.removeLabel', { index: i + 1 }), className: 'small',
        onClick: () => {
          settings.logits.splice(i, 1);
          save();
          view.editorHost.replaceChildren(editor(Math.min(i, settings.logits.length - 1)));
          render();
        },
      });
      remove.disabled = settings.logits.length <= 1;
      return { element: el('li', { className: 'logit-row' }, [input.element, remove]), input: input.input };
    });
    const add = button({
      label: t('softmax.add'),
      onClick: () => {
        settings.logits.push(0);
        save();
        view.editorHost.replaceChildren(editor(settings.logits.length - 1));
        render();
      },
    });
    add.disabled = settings.logits.length >= maxLogits;
    const list = el('fieldset', { className: 'panel-controls' }, [
      el('legend', { text: t('softmax.logits') }),
      el('ol', { className: 'logit-list' }, rows.map((r) => r.element)),
      add,
      el('p', { className: 'note', text: t('softmax.limit', { max: maxLogits }) }),
    ]);
    if (focusIndex !== undefined) queueMicrotask(() => rows[focusIndex]?.input.focus());
    return list;
  }

  function build() {
    chart?.destroy();
    const bars = chartBox(t('softmax.barChartLabel'), 'softmax-bars', () => ({ panel: 'softmax', what: 'probabilities', settings }));
    view = {
      editorHost: el('div'),
      probabilityBody: el('tbody'),
      jacobianTable: el('table', { className: 'heatmap' }),
      twoClass: el('div'),
    };
    view.editorHost.append(editor());
    const temperature = slider({
      label: t('softmax.temperature'), min: 0.1, max: 5, step: 0.1, value: settings.temperature, name: 'temperature',
      format: (v) => v.toFixed(1),
      onInput: (value) => {
        settings.temperature = value;
        save();
        render();
      },
    });
    const legend = el('div', { className: 'scale-legend', role: 'img', 'aria-label': `${t('softmax.scaleLabel')}: −0.25 … 0 … +0.25` }, [
      el('span', { text: '−0.25' }),
      el('span', { className: 'scale-bar', style: `background: linear-gradient(to right, ${negativeColour}, #ffffff, ${positiveColour})` }),
      el('span', { text: '+0.25' }),
    ]);
    const probabilityTable = el('div', { className: 'table-scroll probability-table' }, el('table', { className: 'data-table probabilities' }, [
      el('caption', { text: t('softmax.tableCaption') }),
      el('thead', {}, el('tr', {}, ['colIndex', 'colLogit', 'colProbability', 'colFull'].map((k) => el('th', { scope: 'col', text: t(`softmax.${k}`) })))),
      view.probabilityBody,
    ]));
    root.replaceChildren(el('div', { className: 'chapter-panel softmax-panel' }, [
      el('p', { className: 'panel-intro', text: t('softmax.intro') }),
      el('div', { className: 'panel-grid' }, [
        el('div', { className: 'panel-side' }, [
          view.editorHost,
          el('div', { className: 'control-box' }, [temperature.element, el('p', { className: 'note', text: t('softmax.temperatureNote') })]),
        ]),
        el('div', { className: 'panel-main' }, [
          el('figure', {}, [el('figcaption', { text: t('softmax.barChart') }), bars.element]),
          probabilityTable,
        ]),
      ]),
      el('section', { className: 'jacobian' }, [
        el('h3', { text: t('softmax.jacobianTitle') }),
        el('div', { className: 'heatmap-scroll' }, view.jacobianTable),
        legend,
        el('div', { className: 'panel-explain' }, [el('p', { text: t('softmax.jacobian1') }), el('p', { text: t('softmax.jacobian2') })]),
        slipBox('softmaxDerivative', engine),
      ]),
      el('section', { className: 'two-class' }, [
        el('h3', { text: t('softmax.twoClassTitle') }),
        el('p', { className: 'panel-intro', text: t('softmax.twoClassText') }),
        view.twoClass,
      ]),
    ]));
    chart = createChart(bars.canvas, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        layout: { padding: { top: 22 } },
        scales: { y: { min: 0, max: 1, title: { display: true, text: t('softmax.probabilityAxis') } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => `s${item.dataIndex + 1} = ${item.raw}` } },
        },
      },
      plugins: [barValues],
    });
    render();
  }

  return rebuildOnLanguageChange(root, build, () => {
    chart?.destroy();
    chart = null;
  });
}
