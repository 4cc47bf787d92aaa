// Entry point of dist/activation-lab-core-fetch.js, which index.html runs before the page's
// script: over http(s) it starts downloading the core (web/src/core-file.js picks the file) at
// once, so the module streams in beside activation-lab.js; web/src/core.js compiles from this
// response (or, when it started first, has left a mark that this script then respects).
import { coreFileName } from './core-file.js';

const script = document.currentScript;
if (script?.src && /^https?:$/.test(globalThis.location.protocol) && !globalThis.activationLabCoreDownload) {
  const url = new URL(coreFileName(), script.src).href;
  const response = fetch(url);
  response.catch(() => {});
  globalThis.activationLabCoreDownload = { url, response };
}
