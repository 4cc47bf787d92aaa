// The page frame around the panels: static text, the language switch, the status message and
// the keyboard-operable tab list (roving tabindex, arrows / Home / End, aria-selected).
import { t, language } from './i18n.js';
import { el } from './dom.js';

/** <html lang> value of each app language. */
const htmlLang = { en: 'en', zh: 'zh-Hans' };

/** Fills every [data-i18n] element with its string and updates <html lang>, the title and the switch. */
export function translatePage() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  document.documentElement.lang = htmlLang[language()];
  document.title = t('app.title');
  for (const button of document.querySelectorAll('[data-language]')) {
    button.setAttribute('aria-pressed', String(button.dataset.language === language()));
  }
}

/** Calls choose(code) when a language button is pressed. */
export function wireLanguageSwitch(choose) {
  for (const button of document.querySelectorAll('[data-language]')) {
    button.addEventListener('click', () => choose(button.dataset.language));
  }
}

/** Shows the page state: 'loading', 'ready' or 'error' (with a title and a message). */
export function showStatus(state, title = '', message = '') {
  document.documentElement.dataset.state = state;
  const status = document.getElementById('status');
  status.hidden = state === 'ready';
  if (state !== 'error') return;
  status.className = 'status status-error';
  status.setAttribute('role', 'alert');
  status.replaceChildren(el('h2', { text: title }), el('p', { text: message }));
}

/**
 * Builds one tab and one tab panel per panel module inside `tablist` and `host`.
 * onSelect(panel, root) runs whenever a tab is chosen. Returns {select(id), relabel()}.
 */
export function createTabs(tablist, host, panels, onSelect) {
  const entries = panels.map((panel) => {
    const tab = el('button', { type: 'button', id: `tab-${panel.id}`, role: 'tab', 'aria-controls': `panel-${panel.id}` });
    const heading = el('h2', { className: 'panel-title' });
    const root = el('div', { className: 'panel-root' });
    const section = el('section', {
      id: `panel-${panel.id}`, className: 'panel', hidden: true, role: 'tabpanel', 'aria-labelledby': `tab-${panel.id}`,
    }, [heading, root]);
    tablist.append(tab);
    host.append(section);
    return { panel, tab, section, heading, root };
  });

  function select(id, { focus = false } = {}) {
    const chosen = entries.find((e) => e.panel.id === id) ?? entries[0];
    for (const entry of entries) {
      const on = entry === chosen;
      entry.tab.setAttribute('aria-selected', String(on));
      entry.tab.tabIndex = on ? 0 : -1;
      entry.section.hidden = !on;
    }
    if (focus) chosen.tab.focus();
    onSelect(chosen.panel, chosen.root);
  }

  function relabel() {
    for (const { panel, tab, heading } of entries) {
      tab.textContent = t(panel.titleKey);
      heading.textContent = t(panel.titleKey);
    }
  }

  tablist.addEventListener('keydown', (event) => {
    const current = entries.findIndex((e) => e.tab === document.activeElement);
    if (current < 0) return;
    const last = entries.length - 1;
    const target = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(entries[(target + entries.length) % entries.length].panel.id, { focus: true });
  });
  for (const { panel, tab } of entries) tab.addEventListener('click', () => select(panel.id));

  relabel();
  return { select, relabel };
}
