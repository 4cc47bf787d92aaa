// The student's own points: the class to add, a keyboard way to add a point at x, y, clear,
// and CSV / JSON import and export. Clicking the heatmap adds points too (wired by the panel).
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button, numberField, selectField } from '../shared/controls.js';
import { filePicker } from './files.js';
import { extent, maxPoints } from '../../training/points.js';

/** actions: {setClass(k), addPoint(x, y), clear(), importText(text), exportCsv(), exportJson()}; message: status text or ''. */
export function buildPointsTools(points, pointClass, actions, message) {
  const classes = selectField({
    label: t('playground.pointClass'), name: 'pointClass', value: String(pointClass),
    options: [0, 1, 2].map((k) => ({ value: String(k), label: t('playground.pointClassOption', { class: k }) })),
    onChange: (value) => actions.setClass(Number(value)),
  });
  let x = 0;
  let y = 0;
  const xField = numberField({ label: 'x', name: 'pointX', value: x, min: -extent, max: extent, step: 0.1, onChange: (v) => { x = v; } });
  const yField = numberField({ label: 'y', name: 'pointY', value: y, min: -extent, max: extent, step: 0.1, onChange: (v) => { y = v; } });
  const add = button({ label: t('playground.addPoint'), onClick: () => actions.addPoint(x, y) });
  add.name = 'addPoint';
  const clear = button({ label: t('playground.clearPoints'), onClick: actions.clear });
  clear.name = 'clearPoints';
  clear.disabled = points.label.length === 0;
  const csv = button({ label: t('playground.exportCsv'), onClick: actions.exportCsv });
  csv.name = 'exportCsv';
  const json = button({ label: t('playground.exportJson'), onClick: actions.exportJson });
  json.name = 'exportJson';
  csv.disabled = json.disabled = points.label.length === 0;
  return el('div', { className: 'pg-points' }, [
    el('p', { className: 'note', text: t('playground.pointsHelp') }),
    classes.element,
    el('div', { className: 'pg-point-row' }, [xField.element, yField.element, add]),
    el('p', { className: 'pg-point-count', 'aria-live': 'polite', text: t('playground.pointCount', { count: points.label.length, max: maxPoints }) }),
    message ? el('p', { className: 'note note-callout', role: 'status', text: message }) : null,
    el('div', { className: 'pg-buttons' }, [clear, csv, json]),
    filePicker({ label: t('playground.importPoints'), name: 'importPoints', accept: '.csv,.json,text/csv,application/json', onText: actions.importText }),
  ]);
}
