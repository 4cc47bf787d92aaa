// The package's entry, bundled by scripts/pack.mjs into index.mjs and index.cjs: the page's own
// Engine (web/src/engine.js) on the bundled SINGLE_FILE WebAssembly core, for Node 20.
import createActivationLabCore from './activation-lab-core.cjs';
import { createEngine } from '../../web/src/engine.js';

export { Engine, Trainer } from '../../web/src/engine.js';

/** A fresh Engine on a fresh instance of the WebAssembly core (instances share nothing). */
export function loadEngine() {
  return createEngine(createActivationLabCore);
}
