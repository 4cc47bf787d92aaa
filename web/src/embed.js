// Embedding: the page's embed mode (?embed=<panel>: one panel alone, no header or footer, sized
// to the iframe) and the "Embed" dialog that shows the iframe and script-tag snippets for the
// current setup, each in a read-only field with a Copy button.
import { registerStrings, t, onLanguageChange } from './i18n.js';
import { settingParams } from './url-state.js';
import { copyText } from './share.js';
import { assetUrl } from './bundle-url.js';
import { el } from './dom.js';
import strings from './i18n/sharing.js';

registerStrings('sharing', strings);

/** Height in CSS pixels proposed for an iframe of each panel (the frame scrolls past it). */
const frameHeight = 860;

/** `text` safe inside a double-quoted HTML attribute. */
function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The element attribute of a setting: learningRate -> learning-rate. */
export function attributeName(key) {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The <iframe> snippet showing `url` (an embed link), titled for screen readers. */
function iframeSnippet(url, title) {
  return `<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(title)}" width="100%" height="${frameHeight}"`
    + ' style="border: 0; max-width: 100%;" loading="lazy"></iframe>';
}

/** The script tag plus <activation-lab> element for `panel` with its non-default settings. */
function elementSnippet(bundle, panel, settings, lang) {
  const attributes = settingParams(panel, settings)
    .map(([name, text]) => ` ${attributeName(name.slice(panel.id.length + 1))}="${escapeAttribute(text)}"`).join('');
  return `<script src="${escapeAttribute(bundle)}" defer></script>\n`
    + `<activation-lab panel="${escapeAttribute(panel.id)}" lang="${escapeAttribute(lang)}"${attributes}></activation-lab>`;
}

/** True in a frame with an opaque origin (sandboxed without allow-same-origin, or file://). */
function opaqueOrigin() {
  return globalThis.origin === 'null';
}

/**
 * Shows `panel` alone in `host` (embed mode): a title bar with a link to the full app and a
 * "Reset to the teacher's setup" button, then the panel. mount(root) mounts it; appLink() gives
 * the full-app link for the current settings; resetToTeacher() remounts the link's setup. In a
 * sandboxed frame, where the link may not open a tab, a click also shows the address to copy.
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
  const label = () => {
    appTitle.textContent = t('app.title');
    heading.textContent = t(panel.titleKey);
    open.textContent = t('sharing.openFull');
    reset.textContent = t('sharing.resetTeacher');
    addressLabel.textContent = t('sharing.openBlocked');
  };
  onLanguageChange(label);
  label();
  refresh();
  host.replaceChildren(appTitle, section);
  mount(root);
}

/**
 * The embed dialog (one per page, appended to document.body). open(panel, settings, embedLink)
 * fills both snippets for that setup and shows it modally.
 */
export function createEmbedDialog() {
  const heading = el('h2', { id: 'embed-dialog-title' });
  const intro = el('p');
  const close = el('button', { type: 'button', className: 'embed-close' });
  let current = null;

  const snippets = ['iframe', 'element'].map((kind) => {
    const id = `embed-${kind}-code`;
    const label = el('label', { for: id });
    const area = el('textarea', {
      id, rows: kind === 'iframe' ? 4 : 3, readonly: true, spellcheck: 'false', autocomplete: 'off', className: 'snippet-code',
    });
    const copy = el('button', { type: 'button', 'data-copy': kind });
    const status = el('span', { className: 'snippet-status', role: 'status' });
    const box = el('div', { className: `snippet snippet-${kind}` }, [label, area, el('div', { className: 'snippet-actions' }, [copy, status])]);
    const entry = { kind, label, area, copy, status, box, outcome: '' };
    copy.addEventListener('click', async () => {
      entry.outcome = await copyText(area.value, area);
      render();
    });
    return entry;
  });
  const dialog = el('dialog', { className: 'embed-dialog', 'aria-labelledby': 'embed-dialog-title' }, [heading, intro, ...snippets.map((s) => s.box), close]);
  close.addEventListener('click', () => dialog.close());

  function render() {
    if (!current) return;
    const { panel, settings, link } = current;
    const lang = document.documentElement.lang || 'en';
    heading.textContent = t('sharing.embedTitle', { panel: t(panel.titleKey) });
    intro.textContent = t('sharing.embedIntro');
    close.textContent = t('sharing.close');
    const [frame, element] = snippets;
    frame.label.textContent = t('sharing.iframeLabel');
    frame.area.value = iframeSnippet(link(), t('sharing.frameTitle', { panel: t(panel.titleKey) }));
    frame.copy.textContent = t('sharing.copy');
    frame.copy.setAttribute('aria-label', t('sharing.copyIframe'));
    element.label.textContent = t('sharing.elementLabel');
    element.area.value = elementSnippet(assetUrl('activation-lab.js'), panel, settings, lang);
    element.copy.textContent = t('sharing.copy');
    element.copy.setAttribute('aria-label', t('sharing.copyElement'));
    for (const entry of snippets) {
      entry.status.textContent = entry.outcome ? t(entry.outcome === 'copied' ? 'sharing.copied' : 'sharing.selectToCopy') : '';
    }
  }

  onLanguageChange(render);
  document.body.append(dialog);
  return {
    element: dialog,
    open(panel, settings, link) {
      current = { panel, settings, link };
      for (const entry of snippets) entry.outcome = '';
      render();
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      snippets[0].area.focus();
      snippets[0].area.select();
    },
  };
}
