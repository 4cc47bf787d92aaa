// Born dead: the engine's probability that a freshly He-initialised ReLU network is constant on
// its inputs, one bornDead call per (width, depth) cell, shown as a heatmap table.
import { t } from '../../i18n.js';
import { field } from '../../settings.js';
import { el } from '../../dom.js';
import { uniqueId } from '../shared/controls.js';
import { controlFor } from '../shared/schema-controls.js';
import { readableTextOn } from '../shared/colour.js';
import { network, experimentLimits, maxSeed } from '../shared/engine-facts.js';
import { ExperimentRun, runBar } from './runner.js';
import { experimentSection } from './section.js';

export const schema = {
  bornWidths: field.list([1, 2, 3, 4, 6, 10], field.integer(1, 1, network.maxUnits), 1, 12),
  bornDepths: field.list([1, 2, 3, 4, 6, 8, 10, 15, 20], field.integer(1, 1, experimentLimits.bornDeadMaxDepth), 1, 15),
  bornTrials: field.integer(200, 10, 5000),
  bornSeed: field.integer(1, 0, maxSeed),
};

const heat = [163, 63, 0];

/** Sorted distinct whole numbers in [min, max] from text like "1, 2, 4"; null if any entry is not one. */
function parseList(text, { min, max, maxLength }) {
  const parts = text.split(/[\s,，、;]+/).filter((part) => part !== '');
  const numbers = parts.map(Number);
  if (numbers.length === 0 || !numbers.every((n) => Number.isInteger(n) && n >= min && n <= max)) return null;
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  return sorted.length <= maxLength ? sorted : null;
}

/** Background and text colour of a cell holding probability p. */
function cellColours(p) {
  const background = `rgb(${heat.map((c) => Math.round(c + (255 - c) * (1 - p))).join(', ')})`;
  return { background, color: readableTextOn(background) };
}

/** A probability as a whole percentage without the sign ('<1' for a small non-zero one). */
const cellText = (p) => (p === 0 ? '0' : p < 0.005 ? '<1' : String(Math.round(p * 100)));
const shown = (p) => `${cellText(p)}%`;

/** The born-dead experiment; get() and save(next) read and write the panel settings. */
export function createBornDead({ pool, get, save }) {
  let results = null;
  let view = {};
  const runner = new ExperimentRun(pool, () => {
    view.bar?.update();
    drawTable();
  });

  function start() {
    const s = get();
    results = { widths: [...s.bornWidths], depths: [...s.bornDepths], trials: s.bornTrials, values: new Map() };
    const steps = [];
    for (const width of results.widths) {
      for (const depth of results.depths) {
        steps.push({
          method: 'bornDead', args: [{ width, depth, trials: s.bornTrials, seed: s.bornSeed }],
          store: (p) => results.values.set(`${width}x${depth}`, p),
        });
      }
    }
    runner.run(steps);
  }

  function drawTable() {
    if (!view.table) return;
    const s = get();
    const { widths, depths, values } = results ?? { widths: s.bornWidths, depths: s.bornDepths, values: new Map() };
    const head = el('thead', {}, [
      el('tr', {}, [
        el('td', { className: 'corner' }),
        el('th', { scope: 'colgroup', colspan: depths.length, className: 'axis-title', text: t('experiments.born.depthHeader') }),
      ]),
      el('tr', {}, [
        el('th', { scope: 'col', className: 'corner', text: t('experiments.born.widthHeader') }),
        ...depths.map((depth) => el('th', { scope: 'col', text: String(depth) })),
      ]),
    ]);
    const body = el('tbody', {}, widths.map((width) => el('tr', {}, [
      el('th', { scope: 'row', text: String(width) }),
      ...depths.map((depth) => {
        const p = values.get(`${width}x${depth}`);
        if (p === undefined) return el('td', { className: 'pending', text: '·' });
        const { background, color } = cellColours(p);
        return el('td', { style: `background: ${background}; color: ${color}`, 'data-value': String(p), text: cellText(p) });
      }),
    ])));
    view.table.replaceChildren(el('caption', { text: t('experiments.born.caption', { trials: results?.trials ?? s.bornTrials }) }), head, body);
    drawFindings();
  }

  function drawFindings() {
    const lines = [];
    if (results && runner.phase === 'done') {
      const { widths, depths, values } = results;
      const [narrow, wide] = [widths[0], widths[widths.length - 1]];
      const [shallow, deep] = [depths[0], depths[depths.length - 1]];
      const at = (w, d) => shown(values.get(`${w}x${d}`));
      lines.push(t('experiments.born.findNarrow', { width: narrow, shallow, deep, low: at(narrow, shallow), high: at(narrow, deep) }));
      if (wide !== narrow) lines.push(t('experiments.born.findWide', { width: wide, deep, value: at(wide, deep) }));
    }
    view.findings.replaceChildren(...lines.map((line) => el('li', { text: line })));
    view.findings.hidden = lines.length === 0;
  }

  function listControl(key, labelKey, item, maxLength) {
    const id = uniqueId('list');
    const input = el('input', { type: 'text', id, name: key, autocomplete: 'off', spellcheck: 'false' });
    input.value = get()[key].join(', ');
    input.addEventListener('input', () => {
      const list = parseList(input.value, { min: item.min, max: item.max, maxLength });
      input.setAttribute('aria-invalid', String(list === null));
      if (list === null) return;
      save({ [key]: list });
      if (!results) drawTable();
    });
    return el('div', { className: 'control control-number', 'data-setting': key }, [el('label', { for: id, text: t(labelKey) }), input]);
  }

  function numberControl(key, labelKey) {
    return controlFor(schema, key, {
      label: t(labelKey), value: get()[key],
      onChange: (value) => {
        save({ [key]: value });
        if (!results) drawTable();
      },
    }).element;
  }

  /** Appends the experiment's section to `container`, drawn from the stored results. */
  function build(container) {
    view = {
      table: el('table', { className: 'heatmap born-table' }),
      findings: el('ul', { className: 'findings', hidden: true }),
    };
    view.bar = runBar(runner, { unitKey: 'experiments.cells', runLabel: t('experiments.born.run'), onRun: start });
    const low = cellColours(0).background;
    const high = cellColours(1).background;
    container.append(experimentSection({
      key: 'born', view: 'born-dead', className: 'born-dead', why: ['why1', 'why2'],
      side: [
        view.bar.element,
        el('fieldset', {}, [
          el('legend', { text: t('experiments.born.setup') }),
          listControl('bornWidths', 'experiments.born.widths', schema.bornWidths.item, schema.bornWidths.maxLength),
          listControl('bornDepths', 'experiments.born.depths', schema.bornDepths.item, schema.bornDepths.maxLength),
          numberControl('bornTrials', 'experiments.born.trials'),
          numberControl('bornSeed', 'experiments.born.seed'),
        ]),
      ],
      main: [
        el('div', { className: 'heatmap-scroll', tabindex: 0, role: 'region', 'aria-label': t('experiments.born.tableLabel') }, view.table),
        el('p', { className: 'scale-legend', 'aria-hidden': 'true' }, [
          el('span', { text: '0%' }),
          el('span', { className: 'scale-bar', style: `background: linear-gradient(to right, ${low}, ${high})` }),
          el('span', { text: '100%' }),
        ]),
        view.findings,
      ],
    }));
    drawTable();
  }

  return {
    build,
    destroy() { runner.destroy(); },
  };
}
