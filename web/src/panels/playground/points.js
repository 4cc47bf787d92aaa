// The student's own points: the class to add, a keyboard way to add a point at x, y, clear,
// and CSV / JSON import and export. Clicking the heatmap adds points too (wired by the panel).
// Made once; show() updates it in place.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button, numberField, keepChildren, showValue } from '../shared/controls.js';
import { controlFor } from '../shared/schema-controls.js';
import { filePicker } from './files.js';
import { schema } from './settings.js';
import { extent, maxPoints } from '../../training/points.js';

/**
 * actions: {setClass(k), addPoint(x, y), clear(), importText(text), exportCsv(), exportJson()}.
 * Returns {element, show(points, pointClass, message)}; message: status text or ''.
 */
export function createPointsTools(actions) {
  const classes = controlFor(schema, 'pointClass', {
    label: t('playground.pointClass'), value: 0, optionLabel: (k) => t('playground.pointClassOption', { class: k }),
    onChange: actions.setClass,
  });
  let x = 0;
  let y = 0;
  const xField = numberField({ label: 'x', name: 'pointX', value: x, min: -extent, max: extent, step: 0.1, onChange: (v) => { x = v; } });
  const yField = numberField({ label: 'y', name: 'pointY', value: y, min: -extent, max: extent, step: 0.1, onChange: (v) => { y = v; } });
  const add = button({ label: t('playground.addPoint'), name: 'addPoint', onClick: () => actions.addPoint(x, y) });
  const clear = button({ label: t('playground.clearPoints'), name: 'clearPoints', onClick: actions.clear });
  const csv = button({ label: t('playground.exportCsv'), name: 'exportCsv', onClick: actions.exportCsv });
  const json = button({ label: t('playground.exportJson'), name: 'exportJson', onClick: actions.exportJson });
  const count = el('p', { className: 'pg-point-count', 'aria-live': 'polite' });
  const message = el('p', { className: 'note note-callout', role: 'status' });
  const help = el('p', { className: 'note', text: t('playground.pointsHelp') });
  const row = el('div', { className: 'pg-point-row' }, [xField.element, yField.element, add]);
  const buttons = el('div', { className: 'pg-buttons' }, [clear, csv, json]);
  const picker = filePicker({ label: t('playground.importPoints'), name: 'importPoints', accept: '.csv,.json,text/csv,application/json', onText: actions.importText });
  const element = el('div', { className: 'pg-points' });
  return {
    element,
    show(points, pointClass, text) {
      showValue(classes, pointClass);
      const empty = points.label.length === 0;
      clear.disabled = empty;
      csv.disabled = empty;
      json.disabled = empty;
      const counted = t('playground.pointCount', { count: points.label.length, max: maxPoints });
      if (count.textContent !== counted) count.textContent = counted;
      if (message.textContent !== text) message.textContent = text;
      keepChildren(element, [help, classes.element, row, count, text ? message : null, buttons, picker]);
    },
  };
}
