// The hidden units of the fit, one row each: kink, slope and state from the engine's curve view,
// with a kink slider (ReLU and leaky ReLU) and a slope slider that edit the unit while paused.
// Sliders are keyboard controls (arrow keys step them); rows are rebuilt only when the count changes.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { slider, showValue } from '../shared/controls.js';
import { fixed } from '../shared/format.js';
import { coordinate, slopeRange, kinkStep } from './settings.js';

/** The unit rows. edit(kind, unit, value) with kind 'kink' or 'slope'. Returns {element, show(rows, options)}. */
export function createUnitList(edit) {
  const list = el('ol', { className: 'fit-units' });
  const element = el('section', { className: 'fit-units-box', 'aria-label': t('fit.unitsTitle') }, [el('h3', { text: t('fit.unitsTitle') }), el('p', { className: 'hint', text: t('fit.unitsHint') }), list]);
  let rows = [];
  let shape = '';

  function makeRow(unit, withKink) {
    const text = el('p', { className: 'fit-unit-text' });
    const kink = withKink ? slider({
      label: t('fit.kinkLabel', { unit: unit + 1 }), name: `kink-${unit}`, min: coordinate.min, max: coordinate.max, step: kinkStep, value: 0,
      format: (v) => fixed(v, 2), onInput: (value) => edit('kink', unit, value),
    }) : null;
    const slope = slider({
      label: t('fit.slopeLabel', { unit: unit + 1 }), name: `slope-${unit}`, min: slopeRange.min, max: slopeRange.max, step: slopeRange.step, value: 0,
      format: (v) => fixed(v, 2), onInput: (value) => edit('slope', unit, value),
    });
    const item = el('li', { className: 'fit-unit' }, [text, el('div', { className: 'fit-unit-controls' }, [kink?.element, slope.element])]);
    return { item, text, kink, slope };
  }

  return {
    element,
    /** rows: [{unit, kinks, kink (the movable kink or null), slope, state, insideData}]; options: {editable, withKink}. */
    show(units, { editable, withKink }) {
      const nextShape = `${units.length}:${withKink}`;
      if (nextShape !== shape) {
        shape = nextShape;
        rows = units.map((u) => makeRow(u.unit, withKink));
        list.replaceChildren(...rows.map((r) => r.item));
      }
      units.forEach((u, i) => {
        const row = rows[i];
        const where = u.kinks.map((x) => fixed(x, 3)).join(t('fit.and'));
        const key = `fit.${u.kinks.length > 1 ? 'kinks' : 'kink'}${u.insideData ? 'At' : 'Outside'}`;
        const kinkText = u.kinks.length === 0 ? t('fit.noKink') : t(key, { x: where });
        row.text.textContent = t('fit.unitLine', { unit: u.unit + 1, kink: kinkText, slope: fixed(u.slope, 3), state: t(`fit.state.${u.state}`) });
        Object.assign(row.item.dataset, { state: u.state, kink: u.kink ?? '', slope: u.slope });
        for (const [control, value] of [[row.kink, u.kink], [row.slope, u.slope]]) {
          if (!control) continue;
          control.input.disabled = !editable || value === null;
          if (value !== null) showValue(control, value);
        }
      });
    },
  };
}
