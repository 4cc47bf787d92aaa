// The bundle's documented global for course authors' own pages (docs/API.md, "Getting an
// engine"): window.ActivationLab = {loadEngine, manifest, WebAssemblyUnavailableError}.
import { loadEngine, WebAssemblyUnavailableError } from './core.js';
import { manifest } from './manifest.js';

/** Defines globalThis.ActivationLab (frozen) unless a page already defined one. */
export function defineActivationLabGlobal() {
  if (globalThis.ActivationLab !== undefined) return;
  Object.defineProperty(globalThis, 'ActivationLab', {
    value: Object.freeze({ loadEngine, manifest, WebAssemblyUnavailableError }),
    enumerable: false,
  });
}

defineActivationLabGlobal();
