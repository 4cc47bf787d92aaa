// The app's "Embed" dialog: classroom options for the current panel (parts to hide, views to
// show, each setting hidden or locked), a live preview of the embed, and the link, the iframe
// snippet (with its host script) and the script-tag snippet they make, each with a Copy button.
import { registerStrings, t, onLanguageChange } from './i18n.js';
import { copyText } from './share.js';
import { assetUrl } from './bundle-url.js';
import { el } from './dom.js';
import { partsOf, viewsOf, noClassroom } from './classroom.js';
import { iframeSnippet, elementSnippet, fallbackHeight } from './snippets.js';
import strings from './i18n/sharing.js';

registerStrings('sharing', strings);

const previewDelay = 400;
const copyLabels = { link: 'sharing.copyLinkCode', iframe: 'sharing.copyIframe', element: 'sharing.copyElement' };

/** The preview's address: the embed link training on the main thread (a Worker's script would still be loading when the preview is replaced). */
function previewUrl(link) {
  const url = new URL(link);
  url.search = '?worker=0';
  return url.href;
}

/** A checkbox with its label; returns {element, box}. */
function checkbox(id, label, checked, name) {
  const box = el('input', { type: 'checkbox', id, name, 'data-classroom': name });
  box.checked = checked;
  return { element: el('div', { className: 'check' }, [box, el('label', { for: id, text: label })]), box };
}

/**
 * The classroom checklist of `panel` for `options`; onChange(options) on every change.
 * Parts and views are checkboxes; each setting has a Hide and a Lock checkbox.
 */
function classroomChecklist(panel, options, onChange) {
  const parts = partsOf(panel).map((name) => checkbox(`embed-hide-${name}`, t(`sharing.part.${name}`), options.hide.includes(name), `hide:${name}`));
  const views = viewsOf(panel).map((name) => checkbox(`embed-view-${name}`, t(`sharing.view.${name}`), !options.views || options.views.includes(name), `view:${name}`));
  const rows = Object.keys(panel.schema).map((key) => {
    const hide = el('input', { type: 'checkbox', name: `hide:${key}`, 'aria-label': t('sharing.hideSetting', { name: key }) });
    const lock = el('input', { type: 'checkbox', name: `lock:${key}`, 'aria-label': t('sharing.lockSetting', { name: key }) });
    hide.checked = options.hide.includes(key);
    lock.checked = options.lock.includes(key);
    return { key, hide, lock, element: el('tr', {}, [el('th', { scope: 'row' }, [el('code', { text: key })]), el('td', {}, [hide]), el('td', {}, [lock])]) };
  });
  const read = () => {
    const shownViews = views.filter((v) => v.box.checked).map((v) => v.box.name.slice(5));
    return {
      hide: [...parts.filter((p) => p.box.checked).map((p) => p.box.name.slice(5)), ...rows.filter((r) => r.hide.checked).map((r) => r.key)],
      lock: rows.filter((r) => r.lock.checked).map((r) => r.key),
      views: shownViews.length === views.length ? null : shownViews,
    };
  };
  const element = el('fieldset', { className: 'embed-classroom' }, [
    el('legend', { text: t('sharing.classroomLegend') }),
    el('p', { className: 'note', text: t('sharing.classroomIntro') }),
    el('div', { className: 'embed-classroom-columns' }, [
      el('fieldset', {}, [el('legend', { text: t('sharing.hideParts') }), ...parts.map((p) => p.element)]),
      views.length > 0 ? el('fieldset', {}, [el('legend', { text: t('sharing.showViews') }), ...views.map((v) => v.element)]) : null,
    ]),
    el('div', { className: 'table-scroll embed-settings-table' }, [el('table', { className: 'data-table' }, [
      el('caption', { text: t('sharing.settingsCaption') }),
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: t('sharing.settingColumn') }), el('th', { scope: 'col', text: t('sharing.hideColumn') }), el('th', { scope: 'col', text: t('sharing.lockColumn') })])]),
      el('tbody', {}, rows.map((r) => r.element)),
    ])]),
  ]);
  element.addEventListener('change', (event) => {
    const shown = views.filter((v) => v.box.checked);
    if (event.target.name?.startsWith('view:') && shown.length === 0) event.target.checked = true;
    onChange(read());
  });
  return element;
}

/** A snippet box: label, read-only code field, Copy button and its status. */
function snippetBox(kind, rows, onCopied) {
  const id = `embed-${kind}-code`;
  const label = el('label', { for: id });
  const area = el('textarea', { id, rows, readonly: true, spellcheck: 'false', autocomplete: 'off', className: 'snippet-code' });
  const copy = el('button', { type: 'button', 'data-copy': kind });
  const status = el('span', { className: 'snippet-status', role: 'status' });
  const box = el('div', { className: `snippet snippet-${kind}` }, [label, area, el('div', { className: 'snippet-actions' }, [copy, status])]);
  const entry = { kind, label, area, copy, status, box, outcome: '' };
  copy.addEventListener('click', async () => {
    entry.outcome = await copyText(area.value, area);
    onCopied();
  });
  return entry;
}

/**
 * The embed dialog (one per page, appended to document.body). open(panel, settings, link) fills
 * it for that setup, where link(classroom) gives the embed link with those classroom options.
 */
export function createEmbedDialog() {
  const heading = el('h2', { id: 'embed-dialog-title' });
  const intro = el('p');
  const close = el('button', { type: 'button', className: 'embed-close' });
  const classroomHost = el('div');
  const previewLabel = el('h3', { className: 'embed-preview-title' });
  const previewHost = el('div', { className: 'embed-preview' });
  let current = null;
  let options = noClassroom();
  let previewHeight = null;
  let previewTimer = 0;
  let previewFrame = null;
  let previewGeneration = 0;

  const snippets = [snippetBox('link', 2, render), snippetBox('iframe', 6, render), snippetBox('element', 3, render)];
  const dialog = el('dialog', { className: 'embed-dialog', 'aria-labelledby': 'embed-dialog-title' }, [
    heading, intro, classroomHost, previewLabel, previewHost, ...snippets.map((s) => s.box), close,
  ]);
  close.addEventListener('click', () => dialog.close());
  globalThis.addEventListener('message', (event) => {
    const data = event.data;
    if (!previewFrame || event.source !== previewFrame.contentWindow || data?.type !== 'height' || !(data.height > 0)) return;
    previewFrame.style.height = `${data.height}px`;
    previewHeight = data.height;
    render();
  });

  /** Runs `then` once the preview frame has loaded (replacing a loading frame would abort its requests). */
  function afterPreviewLoads(then) {
    if (!previewFrame || previewFrame.dataset.loaded === 'true') then();
    else previewFrame.addEventListener('load', then, { once: true });
  }

  dialog.addEventListener('close', () => {
    clearTimeout(previewTimer);
    afterPreviewLoads(() => {
      if (dialog.open) return;
      previewFrame = null;
      previewHost.replaceChildren();
    });
  });

  function showPreview() {
    clearTimeout(previewTimer);
    const wanted = ++previewGeneration;
    previewTimer = setTimeout(() => afterPreviewLoads(() => {
      if (!dialog.open || wanted !== previewGeneration) return;
      previewHeight = null;
      const frame = el('iframe', { src: previewUrl(current.link(options)), title: t('sharing.previewTitle'), className: 'embed-preview-frame', 'data-activation-lab': '' });
      frame.addEventListener('load', () => { frame.dataset.loaded = 'true'; }, { once: true });
      previewFrame = frame;
      previewHost.replaceChildren(frame);
    }), previewDelay);
  }

  function buildChecklist() {
    classroomHost.replaceChildren(classroomChecklist(current.panel, options, (next) => {
      options = next;
      for (const entry of snippets) entry.outcome = '';
      render();
      showPreview();
    }));
  }

  function render() {
    if (!current) return;
    const { panel, settings, link } = current;
    const lang = document.documentElement.lang || 'en';
    const title = t('sharing.frameTitle', { panel: t(panel.titleKey) });
    heading.textContent = t('sharing.embedTitle', { panel: t(panel.titleKey) });
    intro.textContent = t('sharing.embedIntro');
    close.textContent = t('sharing.close');
    previewLabel.textContent = t('sharing.previewLabel');
    const [linkBox, frame, element] = snippets;
    const values = {
      link: link(options),
      iframe: iframeSnippet(link(options), title, previewHeight ?? fallbackHeight),
      element: elementSnippet(assetUrl('activation-lab.js'), panel, settings, lang, options),
    };
    linkBox.label.textContent = t('sharing.linkLabel');
    frame.label.textContent = t('sharing.iframeLabel');
    element.label.textContent = t('sharing.elementLabel');
    for (const entry of snippets) {
      entry.area.value = values[entry.kind];
      entry.copy.textContent = t('sharing.copy');
      entry.copy.setAttribute('aria-label', t(copyLabels[entry.kind]));
      entry.status.textContent = entry.outcome ? t(entry.outcome === 'copied' ? 'sharing.copied' : 'sharing.selectToCopy') : '';
    }
  }

  onLanguageChange(() => {
    if (!current) return;
    buildChecklist();
    render();
  });
  document.body.append(dialog);
  return {
    element: dialog,
    open(panel, settings, link) {
      current = { panel, settings, link };
      options = noClassroom();
      previewHeight = null;
      for (const entry of snippets) entry.outcome = '';
      buildChecklist();
      render();
      showPreview();
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      snippets[1].area.focus();
      snippets[1].area.select();
    },
  };
}
