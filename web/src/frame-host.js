// The frame side of the host-page protocol (web/src/host-api.js) in embed mode: messages go to
// the parent page, commands are taken only from the parent window and from allowed origins, and
// the content height is posted whenever it changes so the host can size the iframe.
import { message, parseCommand, parentOrigin, originAllowed } from './host-api.js';

/** True when this page is shown inside a frame. */
function framed() {
  try {
    return globalThis.parent !== globalThis;
  } catch {
    return true;
  }
}

/** post(message) to the parent page (nothing outside a frame); aimed at the parent's origin when known. */
export function parentMessenger() {
  const origin = parentOrigin();
  const target = origin && origin !== 'null' ? origin : '*';
  return (data) => {
    if (!framed()) return;
    try {
      globalThis.parent.postMessage(data, target);
    } catch {
      // A parent that went away or cannot receive: nothing to tell.
    }
  };
}

/**
 * Runs run(parsed) for each valid command from the parent window whose origin is in `allowed`
 * (default: the parent's own origin); tells the host why a command could not run. Returns stop().
 */
export function listenToParent({ allowed = null, panelIds, panelId, run, post }) {
  const origins = allowed ?? [parentOrigin()].filter(Boolean);
  const listener = (event) => {
    if (!framed() || event.source !== globalThis.parent || !originAllowed(event.origin, origins)) return;
    const parsed = parseCommand(event.data, panelIds);
    if (!parsed) return;
    const reason = parsed.rejected ?? run(parsed);
    if (reason) post(message('rejected', panelId(), { command: String(event.data.command).slice(0, 40), reason }));
  };
  globalThis.addEventListener('message', listener);
  return () => globalThis.removeEventListener('message', listener);
}

/** Posts {type: 'height', height} (CSS pixels) now and whenever the height of `content` changes. */
export function reportHeight(content, post, panelId) {
  let last = 0;
  const send = () => {
    const height = Math.ceil(content.getBoundingClientRect().bottom + globalThis.scrollY);
    if (height === last) return;
    last = height;
    post(message('height', panelId(), { height }));
  };
  const observer = new ResizeObserver(send);
  observer.observe(content);
  send();
  return () => observer.disconnect();
}

/**
 * On a course page that loads the bundle: sets the height of each iframe marked
 * data-activation-lab to the height its page reports (what the snippet's host script does).
 */
export function sizeFrames() {
  globalThis.addEventListener('message', (event) => {
    const data = event.data;
    if (data?.protocol !== 'activation-lab' || data.type !== 'height' || !(data.height > 0)) return;
    for (const frame of document.querySelectorAll('iframe[data-activation-lab]')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.min(data.height, 30000)}px`;
    }
  });
}
