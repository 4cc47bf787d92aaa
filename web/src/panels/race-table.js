// The race's table of steps: one racer's x, f(x) and gradient at every step played so far (the
// first and last tableEdge rows of a long race, with a gap row between), and the racer picker.
import { t } from '../i18n.js';
import { el } from '../dom.js';
import { selectField, activationLabel } from './shared/controls.js';
import { fixed } from './shared/format.js';

const tableEdge = 50;

/** A count's string: the key's One form when the count is 1 ("1 step", not "1 steps"). */
export const counted = (key, count, values) => t(count === 1 ? `${key}One` : key, values);

function row(cells) {
  return el('tr', {}, cells.map((text, j) => el(j === 0 ? 'th' : 'td', { scope: j === 0 ? 'row' : undefined, text })));
}

/** The table; picker(names, chosen, onChange) rebuilds its racer picker, render({name, race}, shown, depth) its rows. */
export function createStepTable() {
  const caption = el('caption');
  const body = el('tbody');
  const pickerHost = el('div', { className: 'race-picker' });
  const head = el('thead', {}, el('tr', {}, ['colStep', 'colX', 'colOutput', 'colGradient'].map((k) => el('th', { scope: 'col', text: t(`race.${k}`) }))));
  let drawn = '';
  const element = el('div', { className: 'race-table' }, [
    pickerHost,
    el('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('race.tableFor') }, [
      el('table', { className: 'data-table' }, [caption, head, body]),
    ]),
  ]);

  return {
    element,
    picker(names, chosen, onChange) {
      drawn = '';
      pickerHost.replaceChildren(...(names.length < 2 ? [] : [selectField({
        label: t('race.tableFor'), value: chosen, name: 'tableRacer',
        options: names.map((name) => ({ value: name, label: activationLabel(name) })),
        onChange,
      }).element]));
    },
    render(result, shown, depth) {
      if (!result?.race) {
        body.replaceChildren();
        drawn = '';
        return;
      }
      if (drawn === `${result.name}:${shown}`) return;
      drawn = `${result.name}:${shown}`;
      const { race } = result;
      const line = (k) => row([String(k), fixed(race.x[k], 6), fixed(race.output[k], 6), fixed(race.gradient[k], 6)]);
      const rows = [];
      if (shown + 1 <= 2 * tableEdge) {
        for (let k = 0; k <= shown; k += 1) rows.push(line(k));
      } else {
        const hidden = shown + 1 - 2 * tableEdge;
        for (let k = 0; k < tableEdge; k += 1) rows.push(line(k));
        rows.push(el('tr', { className: 'race-gap' }, [el('td', { colspan: 4, text: counted('race.hiddenRows', hidden, { count: hidden }) })]));
        for (let k = shown + 1 - tableEdge; k <= shown; k += 1) rows.push(line(k));
      }
      body.replaceChildren(...rows);
      caption.textContent = t(depth > 1 ? 'race.tableCaptionDeep' : 'race.tableCaption', { name: activationLabel(result.name), depth });
    },
  };
}
