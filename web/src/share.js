// Copying text (a link, an embed snippet): the asynchronous Clipboard API when the host allows
// it, otherwise the text is selected in a visible field so the reader can copy it by hand.
// Also the header's "Copy link" and "Embed" buttons of the app page.
import { registerStrings, t, onLanguageChange } from './i18n.js';
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

function button(className) {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = className;
  return node;
}

/**
 * Adds "Copy link" and "Embed" buttons to `host`. link() gives the link to copy; openEmbed()
 * shows the embed dialog. Returns {destroy()}.
 */
export function createShareTools(host, { link, openEmbed }) {
  const tools = document.createElement('div');
  tools.className = 'share-tools';
  tools.setAttribute('role', 'group');
  const copy = button('share-copy');
  const embed = button('share-embed');
  embed.setAttribute('aria-haspopup', 'dialog');
  const fieldId = 'share-link-field';
  const label = document.createElement('label');
  label.className = 'visually-hidden';
  label.htmlFor = fieldId;
  const field = document.createElement('input');
  Object.assign(field, { type: 'text', id: fieldId, readOnly: true, hidden: true, className: 'share-link-field' });
  const status = document.createElement('p');
  status.className = 'share-status';
  status.setAttribute('role', 'status');
  let outcome = '';

  const render = () => {
    copy.textContent = t('sharing.copyLink');
    copy.title = t('sharing.copyLinkLabel');
    embed.textContent = t('sharing.embed');
    embed.title = t('sharing.embedLabel');
    label.textContent = t('sharing.linkField');
    tools.setAttribute('aria-label', `${t('sharing.copyLink')} / ${t('sharing.embed')}`);
    status.textContent = outcome ? t(outcome === 'copied' ? 'sharing.linkCopied' : 'sharing.copyFallback') : '';
  };
  copy.addEventListener('click', async () => {
    const text = link();
    field.value = text;
    outcome = await copyText(text, field);
    if (outcome === 'copied') field.hidden = true;
    render();
  });
  embed.addEventListener('click', () => openEmbed());
  const stop = onLanguageChange(render);
  render();
  tools.append(copy, embed, label, field, status);
  host.append(tools);
  return {
    destroy() {
      stop();
      tools.remove();
    },
  };
}
