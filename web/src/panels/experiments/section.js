// The frame every experiment shares: its title and introduction, the controls beside the
// results, anything below them, and the "why" box, all from the strings under experiments.<key>.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';

/**
 * The <section> of experiment `key` ('sweep', 'born', 'init'), named `view` for host pages:
 * side (controls) and main (results) columns, `below` (nodes after them) and `why` (the keys of
 * the explanation's paragraphs).
 */
export function experimentSection({ key, view, className, side, main, below = [], why }) {
  const title = `experiments-${key}-title`;
  return el('section', { className: `experiment ${className}`, 'data-view': view, 'aria-labelledby': title }, [
    el('h3', { id: title, className: 'experiment-title', text: t(`experiments.${key}.title`) }),
    el('p', { className: 'experiment-intro', text: t(`experiments.${key}.intro`) }),
    el('div', { className: 'panel-grid' }, [el('div', { className: 'panel-side' }, side), el('div', { className: 'panel-main' }, main)]),
    ...below,
    el('div', { className: 'panel-explain' }, [
      el('h4', { text: t(`experiments.${key}.whyTitle`) }),
      ...why.map((paragraph) => el('p', { text: t(`experiments.${key}.${paragraph}`) })),
    ]),
  ]);
}
