// The page's compiled WebAssembly core, kept apart from core.js (which imports the Emscripten
// factory) so that modules run in Node tests can hand it to a Worker without loading the core.
let compiled = null;

/** Records the compiled WebAssembly.Module (core.js calls this once it has compiled it). */
export function setCoreModule(module) {
  compiled = module;
}

/** The compiled WebAssembly.Module once the engine has loaded (null before), for postMessage to a Worker. */
export function coreModule() {
  return compiled;
}
