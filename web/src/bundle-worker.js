// Starting dist/activation-lab-worker.js as a Web Worker (training, experiments) on the page's
// compiled core, so the worker downloads nothing more; with the page's way out:
// where a worker cannot start or cannot load the engine (file:// pages, sandboxed iframes, a CSP
// without worker-src) the caller falls back to running the same code on the main thread.
import { bundleUrl, assetUrl } from './bundle-url.js';
import { coreModule } from './core-module.js';

/** False when the page asks for the main-thread fallback (?worker=0) or no worker can start here. */
export function workersAllowed() {
  const forbidden = new URLSearchParams(globalThis.location?.search ?? '').get('worker') === '0';
  return !forbidden && typeof Worker === 'function' && Boolean(bundleUrl);
}

/**
 * Starts the worker script in a Worker named `name` and hands it the page's compiled core. ready(post) once the worker has loaded its engine,
 * fallback() if it cannot start or load it, receive(message) for every other message.
 * Returns terminate().
 */
export function startBundleWorker(name, { ready, fallback, receive }) {
  let worker;
  let started = false;
  try {
    worker = new Worker(assetUrl('activation-lab-worker.js'), { name });
    worker.postMessage({ type: 'wasm-module', module: coreModule() });
  } catch {
    fallback();
    return () => {};
  }
  const giveUp = () => {
    worker.terminate();
    fallback();
  };
  worker.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'ready') {
      started = true;
      ready((m) => worker.postMessage(m));
    } else if (message.type === 'failed') giveUp();
    else receive(message);
  });
  worker.addEventListener('error', (event) => {
    if (started) return;
    event.preventDefault();
    giveUp();
  });
  return () => worker.terminate();
}
