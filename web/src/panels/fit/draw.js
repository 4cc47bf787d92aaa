// The drawn-points tools, shown while the target is "your own points": a click on the chart adds
// a point; by keyboard, type x and y and press Add. Clear removes every point.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button, numberField } from '../shared/controls.js';
import { drawnPoints, coordinate } from './settings.js';

/** actions: {drawPoint(x, y), clearPoints()}. Returns {element, show(settings)}. */
export function createDrawTools(actions) {
  let x = 0;
  let y = 0;
  const field = (key, onChange) => numberField({ label: t(`fit.draw${key}`), name: `draw-${key.toLowerCase()}`, value: 0, min: coordinate.min, max: coordinate.max, step: 0.05, onChange }).element;
  const count = el('p', { className: 'fit-draw-count' });
  const element = el('section', { className: 'fit-draw', 'aria-label': t('fit.drawTitle'), hidden: true }, [
    el('h3', { text: t('fit.drawTitle') }), el('p', { className: 'hint', text: t('fit.drawHint') }),
    el('div', { className: 'fit-draw-fields' }, [
      field('X', (value) => { x = value; }), field('Y', (value) => { y = value; }),
      button({ label: t('fit.drawAdd'), name: 'draw-add', onClick: () => actions.drawPoint(x, y) }),
      button({ label: t('fit.drawClear'), name: 'draw-clear', onClick: actions.clearPoints }),
    ]),
    count,
  ]);
  return {
    element,
    show(settings) {
      element.hidden = settings.target !== 'drawn';
      count.textContent = t('fit.drawCount', { count: drawnPoints(settings).length });
    },
  };
}
