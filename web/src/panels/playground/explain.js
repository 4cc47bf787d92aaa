// The training panel's words: the preset buttons with the chosen preset's story, and the
// explanations of dead units (what they are, why large updates kill them, why first-layer
// units stay dead, what helps).
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button } from '../shared/controls.js';
import { presets } from '../../training/presets.js';
import { prefersReducedMotion } from '../../charts.js';

/** Scrolls the panel's charts into view, as little as needed (at once if the reader prefers reduced motion). */
export function revealRun(panel) {
  const charts = panel?.querySelector('.pg-view-row');
  charts?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
}

/** The preset row; onPick(preset). activeId marks the preset last applied (or null). */
export function buildPresets(activeId, onPick) {
  const buttons = presets.map((preset) => {
    const node = button({
      label: t(`playground.preset.${preset.id}.title`),
      className: 'pg-preset',
      onClick: (event) => {
        const panel = event.currentTarget.closest('.playground-panel');
        onPick(preset);
        revealRun(panel);
      },
    });
    node.name = `preset-${preset.id}`;
    node.dataset.preset = preset.id;
    node.setAttribute('aria-pressed', String(preset.id === activeId));
    return node;
  });
  const story = activeId
    ? el('div', { className: 'pg-story', 'aria-live': 'polite' }, [
      el('h4', { text: t(`playground.preset.${activeId}.title`) }),
      el('p', { text: t(`playground.preset.${activeId}.text`) }),
      el('p', { className: 'pg-story-watch', text: t(`playground.preset.${activeId}.watch`) }),
    ])
    : el('p', { className: 'note', text: t('playground.presetsHint') });
  return el('section', { className: 'pg-presets', 'aria-label': t('playground.presetsTitle') }, [
    el('h3', { className: 'pg-section-title', text: t('playground.presetsTitle') }),
    el('div', { className: 'pg-buttons pg-preset-buttons' }, buttons),
    story,
  ]);
}

const topics = ['whatDead', 'whyLarge', 'firstLayer', 'whatHelps', 'dormant'];

/** The explanations section. */
export function buildExplanations() {
  return el('section', { className: 'pg-explain' }, [
    el('h3', { className: 'pg-section-title', text: t('playground.explainTitle') }),
    ...topics.map((topic) => el('div', { className: 'panel-explain' }, [
      el('h4', { text: t(`playground.explain.${topic}.title`) }),
      ...t(`playground.explain.${topic}.text`).split('\n\n').map((paragraph) => el('p', { text: paragraph })),
    ])),
  ]);
}
