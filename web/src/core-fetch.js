// Entry point of dist/activation-lab-core-fetch.js, which index.html runs before the page's
// script: over http(s) it starts downloading activation-lab-core.wasm at once, so the module
// streams in beside activation-lab.js; web/src/core.js compiles from this response (or, when it
// started first, has left a mark that this script then respects).
const script = document.currentScript;
if (script?.src && /^https?:$/.test(globalThis.location.protocol) && !globalThis.activationLabCoreDownload) {
  const url = new URL('activation-lab-core.wasm', script.src).href;
  const response = fetch(url);
  response.catch(() => {});
  globalThis.activationLabCoreDownload = { url, response };
}
