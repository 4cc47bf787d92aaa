// The page's embed mode (#embed=<panel>): one panel alone, no header or footer, sized to the
// iframe, with a link to the full app and "Reset to the teacher's setup".
import { registerStrings, t, onLanguageChange } from './i18n.js';
import { el } from './dom.js';
import strings from './i18n/sharing.js';

registerStrings('sharing', strings);

/** True in a frame with an opaque origin (sandboxed without allow-same-origin, or file://). */
function opaqueOrigin() {
  return globalThis.origin === 'null';
}

/**
 * Shows `panel` alone in `host` (embed mode): a title bar with a link to the full app and a
 * "Reset to the teacher's setup" button, then the panel. mount(root) mounts it; appLink() gives
 * the full-app link for the current settings; resetToTeacher() remounts the link's setup. In a
 * sandboxed frame, where the link may not open a tab, a click also shows the address to copy.
 * Returns {showPanel(next)}.
 */
export function startEmbedded(host, panel, { mount, appLink, resetToTeacher }) {
  document.documentElement.classList.add('embedded');
  const appTitle = el('h1', { className: 'visually-hidden' });
  const heading = el('h2', { id: `title-${panel.id}`, className: 'panel-title' });
  const open = el('a', { className: 'embed-open', target: '_blank', rel: 'noopener' });
  const reset = el('button', { type: 'button', className: 'embed-reset' });
  const addressLabel = el('label', { for: 'embed-address' });
  const address = el('input', { type: 'text', id: 'embed-address', readonly: true, className: 'embed-address' });
  const addressBox = el('div', { className: 'embed-address-box', hidden: true }, [addressLabel, address]);
  const refresh = () => { open.href = appLink(); };
  for (const type of ['pointerdown', 'focus', 'click']) open.addEventListener(type, refresh);
  open.addEventListener('click', () => {
    if (!opaqueOrigin()) return;
    address.value = open.href;
    addressBox.hidden = false;
    address.select();
  });
  reset.addEventListener('click', () => resetToTeacher());
  const root = el('div', { className: 'panel-root' });
  const section = el('section', { id: `panel-${panel.id}`, className: 'panel embedded-panel', 'aria-labelledby': `title-${panel.id}` }, [
    el('div', { className: 'embed-bar' }, [heading, el('div', { className: 'embed-actions' }, [reset, open])]),
    addressBox,
    root,
  ]);
  let shown = panel;
  const label = () => {
    appTitle.textContent = t('app.title');
    heading.textContent = t(shown.titleKey);
    open.textContent = t('sharing.openFull');
    reset.textContent = t('sharing.resetTeacher');
    addressLabel.textContent = t('sharing.openBlocked');
  };
  onLanguageChange(label);
  label();
  refresh();
  host.replaceChildren(appTitle, section);
  const frame = {
    /** Titles the frame after `next`, the panel a lesson step shows in it. */
    showPanel(next) {
      shown = next;
      section.id = `panel-${next.id}`;
      heading.id = `title-${next.id}`;
      section.setAttribute('aria-labelledby', heading.id);
      label();
    },
  };
  mount(root);
  return frame;
}
