// The visible note about settings a link (or an element's attributes) asked for but could not
// use: a polite live region that names the reset settings, as text only, in the page language.
import { registerStrings, t, onLanguageChange } from './i18n.js';
import { el } from './dom.js';
import strings from './i18n/sharing.js';

registerStrings('sharing', strings);

/** True when `problems` (see url-state.js createUrlStore) holds anything to tell the reader. */
function hasProblems(problems) {
  return problems.rejected.length > 0 || problems.unknown > 0 || problems.tooLong || problems.lang || problems.embed
    || problems.section || Boolean(problems.panelName) || (problems.classroom ?? []).length > 0 || (problems.origins ?? []).length > 0 || Boolean(problems.fonts) || Boolean(problems.strings);
}

/** "Panel (a, b); Other (c)" for [{panel, keys}]. */
function groups(list) {
  return list.map(({ panel, keys }) => t('sharing.group', { panel: t(panel.titleKey), keys: keys.join(t('sharing.listSeparator')) }))
    .join(t('sharing.groupSeparator'));
}

/** The sentences describing `problems` in the current language. */
function describeProblems(problems, shownPanel) {
  const lines = [];
  if (problems.tooLong) lines.push(t('sharing.noticeTooLong'));
  if (problems.embed) lines.push(t('sharing.noticeEmbed', { panel: t(shownPanel.titleKey) }));
  if (problems.panelName) {
    lines.push(t('sharing.noticeElementPanel', {
      name: problems.panelName, panel: t(shownPanel.titleKey), list: problems.panelIds.join(t('sharing.listSeparator')),
    }));
  }
  if (problems.section) lines.push(t('sharing.noticeSection'));
  if (problems.rejected.length > 0) lines.push(t('sharing.noticeRejected', { list: groups(problems.rejected) }));
  if ((problems.classroom ?? []).length > 0) lines.push(t('sharing.noticeClassroom', { list: groups(problems.classroom) }));
  if ((problems.origins ?? []).length > 0) lines.push(t('sharing.noticeOrigins', { list: problems.origins.join(t('sharing.listSeparator')) }));
  if (problems.unknown > 0) lines.push(t('sharing.noticeUnknown', { count: problems.unknown }));
  if (problems.lang) lines.push(t('sharing.noticeLanguage'));
  if (problems.fonts) lines.push(t('sharing.noticeFonts'));
  if (problems.strings) lines.push(t('sharing.noticeStrings', { message: problems.strings }));
  return lines;
}

/**
 * Shows the notice at the start of `host` when there is something to say; re-translates on a
 * language change; a Dismiss button removes it. Returns {element, destroy()} (element null if silent).
 */
export function showNotice(host, problems, shownPanel) {
  if (!hasProblems(problems)) return { element: null, destroy() {} };
  const text = el('div', { className: 'url-notice-text' });
  const dismiss = el('button', { type: 'button' });
  const element = el('div', { className: 'url-notice', role: 'status' }, [text, dismiss]);
  const render = () => {
    text.replaceChildren(...describeProblems(problems, shownPanel).map((line) => el('p', { text: line })));
    dismiss.textContent = t('sharing.dismiss');
  };
  const stop = onLanguageChange(render);
  const destroy = () => {
    stop();
    element.remove();
  };
  dismiss.addEventListener('click', destroy);
  render();
  host.prepend(element);
  return { element, destroy };
}
