// Starts the WebAssembly core once for the whole page: every caller shares one Engine.
import createActivationLabCore from 'activation-lab-core';
import { createEngine } from './engine.js';

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

/** The shared Engine, created on the first call; later calls return the same promise. */
export function loadEngine() {
  if (loading === null) {
    loading = webAssemblyAvailable()
      ? createEngine(createActivationLabCore)
      : Promise.reject(new WebAssemblyUnavailableError());
  }
  return loading;
}
