// Loads the built WASM module (build/wasm/web/activation-lab-core.js) into an Engine, as the page does.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createEngine } from '../../web/src/engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const coreModulePath = path.join(root, 'build', 'wasm', 'web', 'activation-lab-core.js');

/** A fresh engine on a fresh module instance. */
export async function loadEngine() {
  const require = createRequire(import.meta.url);
  return createEngine(require(coreModulePath));
}

/** body(trainer) with a trainer of `engine` made from `spec`, deleted afterwards; returns body's result. */
export function withTrainer(engine, spec, body) {
  const trainer = engine.createTrainer(spec);
  try {
    return body(trainer);
  } finally {
    trainer.delete();
  }
}
