// Embedding: the page's embed mode (?embed=<panel>: one panel alone, no header or footer, sized
// to the iframe) and the "Embed" dialog that shows the iframe and script-tag snippets for the
// current setup, each in a read-only field with a Copy button.
import { registerStrings, t, onLanguageChange } from './i18n.js';
import { settingParams } from './url-state.js';
import { copyText } from './share.js';
import { assetUrl } from './bundle-url.js';
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

/**
 * Shows `panel` alone in `host` (embed mode): a title bar with a link to the full app, then the
 * panel. mount(root) mounts it; appLink() gives the full-app link for the current settings.
 */
export function startEmbedded(host, panel, { mount, appLink }) {
  document.documentElement.classList.add('embedded');
  const section = document.createElement('section');
  Object.assign(section, { id: `panel-${panel.id}`, className: 'panel embedded-panel' });
  section.setAttribute('aria-labelledby', `title-${panel.id}`);
  const appTitle = document.createElement('h1');
  appTitle.className = 'visually-hidden';
  const bar = document.createElement('div');
  bar.className = 'embed-bar';
  const heading = document.createElement('h2');
  Object.assign(heading, { id: `title-${panel.id}`, className: 'panel-title' });
  const open = document.createElement('a');
  Object.assign(open, { className: 'embed-open', target: '_blank', rel: 'noopener' });
  const refresh = () => { open.href = appLink(); };
  for (const type of ['pointerdown', 'focus', 'click']) open.addEventListener(type, refresh);
  const root = document.createElement('div');
  root.className = 'panel-root';
  const label = () => {
    appTitle.textContent = t('app.title');
    heading.textContent = t(panel.titleKey);
    open.textContent = t('sharing.openFull');
  };
  onLanguageChange(label);
  label();
  refresh();
  bar.append(heading, open);
  section.append(bar, root);
  host.replaceChildren(appTitle, section);
  mount(root);
}

function field(id, rows) {
  const area = document.createElement('textarea');
  Object.assign(area, { id, rows, readOnly: true, spellcheck: false, className: 'snippet-code' });
  area.setAttribute('autocomplete', 'off');
  return area;
}

/**
 * The embed dialog (one per page, appended to document.body). open(panel, settings, embedLink)
 * fills both snippets for that setup and shows it modally.
 */
export function createEmbedDialog() {
  const dialog = document.createElement('dialog');
  dialog.className = 'embed-dialog';
  dialog.setAttribute('aria-labelledby', 'embed-dialog-title');
  const heading = document.createElement('h2');
  heading.id = 'embed-dialog-title';
  const intro = document.createElement('p');
  const close = document.createElement('button');
  Object.assign(close, { type: 'button', className: 'embed-close' });
  close.addEventListener('click', () => dialog.close());
  let current = null;

  const snippets = ['iframe', 'element'].map((kind) => {
    const label = document.createElement('label');
    label.htmlFor = `embed-${kind}-code`;
    const area = field(`embed-${kind}-code`, kind === 'iframe' ? 4 : 3);
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.dataset.copy = kind;
    const status = document.createElement('span');
    status.className = 'snippet-status';
    status.setAttribute('role', 'status');
    const entry = { kind, label, area, copy, status, outcome: '' };
    copy.addEventListener('click', async () => {
      entry.outcome = await copyText(area.value, area);
      render();
    });
    const row = document.createElement('div');
    row.className = 'snippet-actions';
    row.append(copy, status);
    const box = document.createElement('div');
    box.className = `snippet snippet-${kind}`;
    box.append(label, area, row);
    entry.box = box;
    return entry;
  });

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
  dialog.append(heading, intro, ...snippets.map((s) => s.box), close);
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
