// Starts the WebAssembly core once for the whole page (or Worker): every caller shares one
// Engine. Over http(s) the module is downloaded as activation-lab-core.wasm.gz and unpacked
// into the compiler once it is in, or compiled while it streams in as activation-lab-core.wasm
// (web/src/core-file.js); from
// file:// (where nothing can be fetched), or where the fetch is refused (a sandboxed frame on a
// host without Access-Control-Allow-Origin), its bytes come from the classic script
// activation-lab-core-inline.js. The compiled module can be handed to the training Worker, which
// then downloads nothing.
import createActivationLabCore from 'activation-lab-core';
import { createEngine } from './engine.js';
import { assetUrl, loadScript } from './bundle-url.js';
import { setCoreModule } from './core-module.js';
import { coreFileName, plainCoreFile, compileResponse } from './core-file.js';

/** Thrown (as a rejection of loadEngine) when the browser has no usable WebAssembly. */
export class WebAssemblyUnavailableError extends Error {
  constructor() {
    super('WebAssembly is not available in this browser');
    this.name = 'WebAssemblyUnavailableError';
  }
}

let loading = null;

/** True when this JavaScript environment can compile and run WebAssembly modules. */
function webAssemblyAvailable() {
  const wasm = globalThis.WebAssembly;
  return typeof wasm === 'object' && wasm !== null && typeof wasm.instantiate === 'function';
}

/** The module's bytes from activation-lab-core-inline.js (file:// pages, refused fetches). */
function inlineBytes() {
  return loadScript('activation-lab-core-inline.js')
    .then(() => Uint8Array.from(atob(globalThis.activationLabCoreWasm), (c) => c.charCodeAt(0)));
}

/**
 * The core compiled from `url` as it streams in: the compilation index.html started early
 * (web/src/core-fetch.js) if it is that file, else a new one. Either way it leaves a mark, so a
 * core-fetch.js that runs late (an async script) does not start a second download that nobody reads.
 */
function compileStreamed(url) {
  const early = globalThis.activationLabCoreDownload;
  globalThis.activationLabCoreDownload = { taken: true };
  return early?.url === url ? early.compiled : compileResponse(url, fetch(url));
}

/** The .wasm's bytes, compiled once downloaded (a host whose MIME type for .wasm is not application/wasm). */
function compileDownloaded(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
    return response.arrayBuffer();
  }).then((bytes) => WebAssembly.compile(bytes));
}

/**
 * Compiles the core as it downloads: the .wasm.gz unpacked on the way where the browser can, else
 * (or when that fails, e.g. a host without the .gz) the .wasm, streamed or, where the host's MIME
 * type is not application/wasm, compiled once downloaded.
 */
function compileFromHost() {
  const plainUrl = assetUrl(plainCoreFile);
  const fromPlain = () => compileStreamed(plainUrl).catch(() => compileDownloaded(plainUrl));
  const url = assetUrl(coreFileName());
  if (url === plainUrl) return fromPlain();
  return compileStreamed(url).catch(fromPlain);
}

/** The compiled module: `given` (from the page, in the Worker), else from file:// or the host. */
function compileCore(given) {
  if (given instanceof WebAssembly.Module) return Promise.resolve(given);
  const fromInline = () => inlineBytes().then((bytes) => WebAssembly.compile(bytes));
  if (globalThis.location?.protocol === 'file:') return fromInline();
  // A sandboxed frame (opaque origin) cannot fetch the .wasm from a host that sends no
  // Access-Control-Allow-Origin; a classic script can still bring the same bytes.
  return compileFromHost().catch((error) => (typeof document === 'undefined' ? Promise.reject(error) : fromInline()));
}

/** Emscripten's factory on an already compiled module (through its instantiateWasm hook). */
async function startCore(module) {
  return createActivationLabCore({
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module));
      return {};
    },
  });
}

/** The shared Engine, created on the first call; later calls return the same promise. `module`: a compiled core to reuse. */
export function loadEngine({ module } = {}) {
  if (loading === null) {
    loading = webAssemblyAvailable()
      ? compileCore(module).then((compiled) => {
        setCoreModule(compiled);
        return createEngine(() => startCore(compiled));
      })
      : Promise.reject(new WebAssemblyUnavailableError());
  }
  return loading;
}
