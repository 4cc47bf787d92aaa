// The unit inspector: one hidden unit at the timeline's step, large. Its tile, the histogram of
// its pre-activation over the training set, for a first-layer unit its line over the data, its
// life over the run as spans, and in words when and why it died (unit-explain.js), with a button
// to the step before its death. A select picks the unit by keyboard; the diagram picks by click.
import { t, onLanguageChange } from '../../i18n.js';
import { el } from '../../dom.js';
import { explainUnit, formatValue, lifeSpans, startStateOf } from '../unit-explain.js';
import { paintTile, paintHistogram, paintLine } from './unit-plots.js';
import { linesInPlane } from './line-overlay.js';
import { slopeOf } from './unit-slope.js';
import { flatUnit, unitBlock } from '../grid-blocks.js';

let nextId = 0;

/** actions: {select(layer, unit) (null: none), seek(step)}. update(frame, selection, deaths). */
export function createUnitInspector(actions) {
  nextId += 1;
  const pickId = `tl-pick-${nextId}`;
  const pickLabel = el('label', { for: pickId });
  const pick = el('select', { id: pickId, name: 'inspectUnit' });
  const pickHint = el('p', { className: 'note' });
  const title = el('h4', { className: 'tl-inspector-title', tabindex: '-1' });
  const close = el('button', { type: 'button', name: 'inspectorClose' });
  const tile = el('canvas', { className: 'tl-tile', role: 'img' });
  const histogram = el('canvas', { className: 'tl-histogram', role: 'img' });
  const line = el('canvas', { className: 'tl-line', role: 'img' });
  const captions = { tile: el('figcaption'), histogram: el('figcaption'), line: el('figcaption'), life: el('figcaption') };
  const lineFigure = el('figure', { className: 'tl-figure' }, [captions.line, line]);
  const lifeBar = el('div', { className: 'tl-life-bar', 'aria-hidden': 'true' });
  const lifeList = el('ul', { className: 'tl-life-list' });
  const explanation = el('div', { className: 'tl-explanation' });
  const jump = el('button', { type: 'button', name: 'jumpBeforeDeath', className: 'primary' });
  const slopeLine = el('p', { className: 'tl-slope' });
  const body = el('div', { className: 'tl-inspector-body' }, [
    el('div', { className: 'tl-inspector-head' }, [title, close]),
    slopeLine,
    el('div', { className: 'tl-figures' }, [
      el('figure', { className: 'tl-figure' }, [captions.tile, tile]),
      el('figure', { className: 'tl-figure' }, [captions.histogram, histogram]),
      lineFigure,
    ]),
    el('figure', { className: 'tl-figure tl-life' }, [captions.life, lifeBar, lifeList]),
    explanation,
    jump,
  ]);
  const element = el('section', { className: 'chart-figure tl-inspector' }, [
    el('div', { className: 'tl-pick' }, [pickLabel, pick]), pickHint,
  ]);
  let layers = [];
  let selection = null;
  let last = null;
  let jumpTo = null;

  pick.addEventListener('change', () => {
    const [layer, unit] = pick.value === '' ? [null, null] : pick.value.split(':').map(Number);
    actions.select(layer, unit);
  });
  close.addEventListener('click', () => actions.select(null, null));
  jump.addEventListener('click', () => { if (jumpTo !== null) actions.seek(jumpTo); });

  function options() {
    const items = [el('option', { value: '', text: t('timeline.pickNone') })];
    layers.forEach((units, l) => {
      for (let j = 0; j < units; j += 1) items.push(el('option', { value: `${l}:${j}`, text: t('timeline.pickOption', { layer: l + 1, unit: j + 1 }) }));
    });
    pick.replaceChildren(...items);
    pick.value = selection ? `${selection.layer}:${selection.unit}` : '';
  }

  function renderLife(life, now, position) {
    const spans = lifeSpans(life, startStateOf(life, now), position.origin, position.lifeEnd);
    const length = Math.max(1, position.lifeEnd - position.origin + 1);
    lifeBar.replaceChildren(...spans.map((span) => el('span', {
      className: `tl-span tl-span-${span.state}`, style: `width: ${(100 * (span.to - span.from + 1)) / length}%`,
    })));
    lifeList.replaceChildren(...spans.map((span) => el('li', {
      text: t('timeline.span', { state: t(`timeline.state.${span.state}`), from: span.from, to: span.to }),
    })));
  }

  function render() {
    const shown = last?.frame.inspection;
    const hidden = !selection || !shown || shown.layer !== selection.layer || shown.unit !== selection.unit;
    if (hidden) {
      body.remove();
      return;
    }
    if (!body.isConnected) element.append(body);
    const { frame, data, deathsTotal } = last;
    const { layer, unit, life, histogram: h } = frame.inspection;
    const step = frame.timeline.step;
    const count = data.train.label.length;
    const positive = h.positive.reduce((a, b) => a + b, 0);
    const now = frame.units?.layers?.[layer]?.state?.[unit] ?? 'alive';
    title.textContent = t('timeline.inspectorTitle', { layer: layer + 1, unit: unit + 1, step });
    const slope = slopeOf(frame.units?.layers?.[layer], unit);
    slopeLine.hidden = !slope;
    slopeLine.textContent = slope ? t('timeline.slope', { slope }) : '';
    const flat = flatUnit(layers, layer, unit);
    const block = unitBlock(frame, flat);
    if (block) {
      paintTile(tile, block.values, block.resolution, 0);
      tile.dataset.step = String(frame.frozenUnit === flat ? frame.outputStep : step);
      tile.dataset.unit = String(flat);
    } else if (tile.dataset.unit !== String(flat)) {
      // A playing frame that leaves this unit's large grid for a later frame: no picture of another unit meanwhile.
      tile.getContext('2d').clearRect(0, 0, tile.width, tile.height);
      delete tile.dataset.step;
      delete tile.dataset.unit;
    }
    tile.setAttribute('aria-label', t('timeline.tileCaption'));
    paintHistogram(histogram, h);
    histogram.setAttribute('aria-label', t('timeline.histogramLabel', {
      lo: formatValue(h.lo), hi: formatValue(h.hi), positive, count, rest: count - positive,
    }));
    captions.histogram.textContent = t('timeline.histogramCaption', { count });
    lineFigure.hidden = layer !== 0 || !frame.parameters || !linesInPlane(frame.network);
    if (!lineFigure.hidden) {
      const { weights, biases } = frame.parameters[0];
      const [w1, w2, b] = [weights[2 * unit], weights[2 * unit + 1], biases[unit]];
      const inside = paintLine(line, frame.domain, data.train, w1, w2, b, now === 'alive');
      const label = t('timeline.lineLabel', { w1: formatValue(w1), w2: formatValue(w2), b: formatValue(b), positive, count });
      line.setAttribute('aria-label', inside ? label : `${label} ${t('timeline.lineOutside')}`);
    }
    renderLife(life, now, { origin: frame.timeline.origin, lifeEnd: Math.max(step, frame.timeline.lifeCheckedTo) });
    const explained = explainUnit({ layer, unit, step, life, count, positive, now, origin: frame.timeline.origin, checkedTo: frame.inspection.checkedTo });
    explanation.replaceChildren(...explained.paragraphs.map(({ key, values }) => el('p', { text: t(`timeline.${key}`, values) })));
    jumpTo = explained.jumpTo;
    jump.hidden = jumpTo === null;
    jump.disabled = jump.hidden;
    jump.textContent = jumpTo === null ? '' : t('timeline.jump', { step: jumpTo });
    element.dataset.deaths = String(deathsTotal);
  }

  function relabel() {
    pickLabel.textContent = t('timeline.pick');
    pickHint.textContent = t('timeline.pickHint');
    close.textContent = t('timeline.close');
    captions.tile.textContent = t('timeline.tileCaption');
    captions.line.textContent = t('timeline.lineCaption');
    captions.life.textContent = t('timeline.lifeCaption');
    options();
    render();
  }
  relabel();
  const stopListening = onLanguageChange(relabel);

  return {
    element,
    /** Moves keyboard focus to the inspector's heading (after a keyboard selection). */
    focus() { title.focus(); },
    /** Draws `frame` (with its inspection) for `selection` {layer, unit} or null; data: the run's {train, test}. */
    update(frame, nextSelection, data, deathsTotal = 0) {
      const hidden = frame.network?.hiddenLayers ?? layers;
      const rebuild = hidden.join(',') !== layers.join(',');
      layers = [...hidden];
      const changed = JSON.stringify(nextSelection) !== JSON.stringify(selection);
      selection = nextSelection;
      if (rebuild || changed) options();
      if (data) last = { frame, data, deathsTotal };
      render();
    },
    destroy() { stopListening(); },
  };
}
