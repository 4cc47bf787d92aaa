// Lessons on the app page: the lesson bar (start the chapter lesson, open a lesson file, author
// mode's "save this setup as a lesson step") and the sidebar beside the panels. A lesson named by
// the link (lesson=chapter, lesson=z.<encoded>, lesson-src=<same-origin URL>) starts at once.
import { t, onLanguageChange, languages, textIn } from '../i18n.js';
import { el } from '../dom.js';
import { uniqueId } from '../panels/shared/controls.js';
import { download } from '../panels/playground/files.js';
import { exportFileName } from '../export.js';
import { createLessonSidebar } from './sidebar.js';
import { lessonFromValue, lessonFromUrl, lessonFromFile, encodeLesson, maxEncodedLength } from './sources.js';
import { lessonFormat, lessonVersion } from './schema.js';
import { fallbackFor } from '../settings.js';

/** A one-step lesson document of `panel` with `settings` (only those that differ from the defaults). */
export function lessonStepDocument(panel, settings) {
  const changed = Object.fromEntries(Object.entries(panel.schema)
    .filter(([key, spec]) => JSON.stringify(settings[key]) !== JSON.stringify(fallbackFor(spec, settings))).map(([key]) => [key, settings[key]]));
  const text = (key) => Object.fromEntries(languages.map(({ code }) => [code, textIn(code, `lessons.${key}`).replace('{panel}', panel.id)]));
  return {
    format: lessonFormat, version: lessonVersion, id: 'my-lesson', title: text('authorLesson'),
    steps: [{ panel: panel.id, settings: changed, title: text('authorTitle'), prompt: text('authorPrompt') }],
  };
}

/**
 * Adds the lesson bar to `content` (before `panelsHost`) and wraps `panelsHost` with the sidebar's
 * place. stage: {show(step, hooks), clear()}; state: the URL store; chosenPanel() the open panel.
 */
export function startLessons({ panelsHost, engine, panels, state, stage, chosenPanel }) {
  let sidebar = null;
  let author = false;
  const sidebarHost = el('div', { className: 'lesson-host' });
  const layout = el('div', { className: 'lesson-layout' });
  panelsHost.before(layout);
  layout.append(sidebarHost, panelsHost);

  const label = el('span', { className: 'lesson-bar-label' });
  const start = el('button', { type: 'button', className: 'lesson-start' });
  const fileId = uniqueId('lesson-file');
  const fileLabel = el('label', { for: fileId, className: 'lesson-file-label' });
  const file = el('input', { type: 'file', id: fileId, accept: '.json,application/json', className: 'lesson-file-input' });
  const authorToggle = el('button', { type: 'button', className: 'lesson-author', 'aria-pressed': 'false' });
  const saveStep = el('button', { type: 'button', className: 'lesson-save-step', hidden: true });
  const note = el('p', { className: 'lesson-note', role: 'status' });
  const bar = el('div', { className: 'lesson-bar', role: 'group' }, [label, start, el('span', { className: 'lesson-file' }, [fileLabel, file]), authorToggle, saveStep, note]);
  layout.before(bar);

  function tell(text, kind = '') {
    note.textContent = text;
    note.className = `lesson-note${kind ? ` ${kind}` : ''}`;
    note.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }

  function close() {
    sidebar?.destroy();
    sidebar = null;
    layout.classList.remove('has-lesson');
    stage.clear();
    state.setLesson(null);
  }

  function open(lesson, linkEntry) {
    sidebar?.destroy();
    tell('');
    layout.classList.add('has-lesson');
    state.setLesson(linkEntry);
    sidebar = createLessonSidebar(sidebarHost, { lesson, engine, stage, onClose: close });
  }

  /** Opens the lesson that read() resolves to ({lesson, link}), or tells why it cannot. */
  async function load(read) {
    tell(t('lessons.loading'));
    try {
      const { lesson, link } = await read();
      open(lesson, link);
    } catch (error) {
      tell(t('lessons.invalid', { message: error.message }), 'error');
    }
  }

  function relabel() {
    label.textContent = t('lessons.bar');
    bar.setAttribute('aria-label', t('lessons.bar'));
    start.textContent = t('lessons.startChapter');
    fileLabel.textContent = t('lessons.openFile');
    authorToggle.textContent = t('lessons.authorMode');
    saveStep.textContent = t('lessons.saveStep');
  }

  const fromLink = (link) => async () => ({
    lesson: link.key === 'lesson' ? await lessonFromValue(link.value, panels) : await lessonFromUrl(link.value, panels), link,
  });
  start.addEventListener('click', () => load(fromLink({ key: 'lesson', value: 'chapter' })));
  file.addEventListener('change', () => {
    const [chosen] = file.files;
    file.value = '';
    if (!chosen) return;
    load(async () => {
      const lesson = await lessonFromFile(chosen, panels);
      const encoded = await encodeLesson(JSON.parse(await chosen.text()));
      return { lesson, link: encoded.length <= maxEncodedLength ? { key: 'lesson', value: encoded } : null };
    });
  });
  authorToggle.addEventListener('click', () => {
    author = !author;
    authorToggle.setAttribute('aria-pressed', String(author));
    saveStep.hidden = !author;
  });
  saveStep.addEventListener('click', () => {
    const panel = panels.find((each) => each.id === chosenPanel()) ?? panels[0];
    const name = exportFileName({ panel: panel.id, what: 'lesson-step' }, 'json');
    download(name, `${JSON.stringify(lessonStepDocument(panel, state.settingsOf(panel)), null, 2)}\n`);
    tell(t('lessons.savedStep', { file: name }));
  });
  relabel();
  onLanguageChange(relabel);

  if (state.lesson()) load(fromLink(state.lesson()));
}
