// Entry point of dist/activation-lab-core-fetch.js, which index.html runs before the page's
// script: over http(s) it starts downloading the core (web/src/core-file.js picks the file) at
// once and compiles it as it streams in beside activation-lab.js; web/src/core.js takes this
// compilation (or, when it started first, has left a mark that this script then respects).
import { coreFileName, compileResponse } from './core-file.js';

const script = document.currentScript;
if (script?.src && /^https?:$/.test(globalThis.location.protocol) && typeof globalThis.WebAssembly?.compileStreaming === 'function'
  && !globalThis.activationLabCoreDownload) {
  const url = new URL(coreFileName(), script.src).href;
  const compiled = compileResponse(url, fetch(url));
  compiled.catch(() => {});
  globalThis.activationLabCoreDownload = { url, compiled };
}
