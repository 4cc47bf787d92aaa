// A lesson inside an <activation-lab> element (attribute lesson="chapter" or an encoded or JSON
// lesson, or lesson-src="<same-origin URL>"): the sidebar above the element's panel, each step
// shown through the element's own mount.
import { t } from '../i18n.js';
import { el } from '../dom.js';
import { createLessonSidebar } from './sidebar.js';
import { lessonFromValue, lessonFromUrl } from './sources.js';

/**
 * Loads the lesson named by `value` (lesson attribute) or `src` (lesson-src, which wins) into
 * `host`; show(step, hooks) mounts a step's panel. Returns {destroy()}.
 */
export function startElementLesson(host, { engine, panels, value, src, show }) {
  let sidebar = null;
  let stopped = false;
  const note = el('p', { className: 'lesson-note', role: 'status', text: t('lessons.loading') });
  host.replaceChildren(note);
  const loading = src !== null ? lessonFromUrl(src, panels) : lessonFromValue(value, panels);
  loading.then((lesson) => {
    if (stopped) return;
    sidebar = createLessonSidebar(host, {
      lesson, engine, stage: { show, clear() {} },
      onClose() {
        sidebar.destroy();
        sidebar = null;
      },
    });
  }, (error) => {
    if (stopped) return;
    note.textContent = t('lessons.invalid', { message: error.message });
    note.className = 'lesson-note error';
    note.setAttribute('role', 'alert');
  });
  return {
    destroy() {
      stopped = true;
      sidebar?.destroy();
    },
  };
}
