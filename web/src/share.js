// Copying text (a link, an embed snippet): the asynchronous Clipboard API when the host allows
// it, otherwise the text is selected in a visible field so the reader can copy it by hand.
// Also the header's "Copy link" and "Embed" buttons of the app page.
import { registerStrings, t, onLanguageChange } from './i18n.js';
import { el } from './dom.js';
import strings from './i18n/sharing.js';

registerStrings('sharing', strings);

/** Selects the text of an <input> or <textarea> and tries the old copy command; true if it copied. */
function selectAndCopy(field) {
  field.hidden = false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy') === true;
  } catch {
    return false;
  }
}

/** False when the frame's permissions policy forbids clipboard writes (asking would log a violation). */
function clipboardAllowed() {
  try {
    const policy = document.permissionsPolicy ?? document.featurePolicy;
    return !policy || policy.allowsFeature('clipboard-write');
  } catch {
    return true;
  }
}

/**
 * Copies `text`: resolves to 'copied' or, when no clipboard is available (sandboxed frames,
 * blocked permissions, old browsers), to 'selected' after selecting it in `field`.
 */
export async function copyText(text, field) {
  try {
    const clipboard = globalThis.navigator?.clipboard;
    if (clipboard && typeof clipboard.writeText === 'function' && clipboardAllowed()) {
      await clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Denied or unavailable: fall back to a selected field.
  }
  field.value = text;
  return selectAndCopy(field) ? 'copied' : 'selected';
}

/** How long the "Link copied" note stays, in milliseconds. */
const noteDuration = 4000;

/**
 * Adds "Copy link" and "Embed" buttons to `host`. link() gives the link to copy; openEmbed()
 * shows the embed dialog. The note and the fallback field float below the buttons (the header
 * keeps its layout); the note goes away after a few seconds, the field when focus leaves it.
 * Returns {destroy()}.
 */
export function createShareTools(host, { link, openEmbed }) {
  const copy = el('button', { type: 'button', className: 'share-copy' });
  const embed = el('button', { type: 'button', className: 'share-embed', 'aria-haspopup': 'dialog' });
  const fieldId = 'share-link-field';
  const label = el('label', { className: 'visually-hidden', for: fieldId });
  const field = el('input', { type: 'text', id: fieldId, readonly: true, hidden: true, className: 'share-link-field' });
  const status = el('p', { className: 'share-status', role: 'status' });
  const popover = el('div', { className: 'share-popover' }, [label, field, status]);
  const tools = el('div', { className: 'share-tools', role: 'group' }, [copy, embed, popover]);
  let outcome = '';
  let timer = 0;

  const render = () => {
    copy.textContent = t('sharing.copyLink');
    copy.title = t('sharing.copyLinkLabel');
    embed.textContent = t('sharing.embed');
    embed.title = t('sharing.embedLabel');
    label.textContent = t('sharing.linkField');
    tools.setAttribute('aria-label', `${t('sharing.copyLink')} / ${t('sharing.embed')}`);
    status.textContent = outcome ? t(outcome === 'copied' ? 'sharing.linkCopied' : 'sharing.copyFallback') : '';
  };
  const clear = () => {
    clearTimeout(timer);
    outcome = '';
    field.hidden = true;
    render();
  };
  copy.addEventListener('click', async () => {
    clearTimeout(timer);
    const text = link();
    field.value = text;
    outcome = await copyText(text, field);
    if (outcome === 'copied') {
      field.hidden = true;
      timer = setTimeout(clear, noteDuration);
    }
    render();
  });
  field.addEventListener('blur', () => { if (outcome === 'selected') clear(); });
  embed.addEventListener('click', () => openEmbed());
  const stop = onLanguageChange(render);
  render();
  host.append(tools);
  return {
    destroy() {
      stop();
      clearTimeout(timer);
      tools.remove();
    },
  };
}
