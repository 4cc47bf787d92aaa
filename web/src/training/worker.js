// The training worker's message loop: dist/activation-lab-worker.js, started by the session,
// first receives {type: 'wasm-module', module} (the page's compiled core, so nothing is
// downloaded again), loads its engine from it and answers the session's messages through a
// runner (see runner.js). Messages that arrive while the engine loads wait in order; 'ready'
// tells the page the worker is up.
import { loadEngine } from '../core.js';
import { createRunner } from './runner.js';

/** A scheduler that yields to the event loop (so pause/ack messages get through) without timer clamping. */
export function createYield() {
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(0);
  };
}

/** Starts the worker loop on `scope` (the worker's global object); the engine starts on the 'wasm-module' message. */
export function startTrainingWorker(scope = globalThis) {
  const waiting = [];
  let runner = null;
  let started = false;
  const start = (module) => {
    started = true;
    loadEngine({ module }).then((engine) => {
      runner = createRunner(engine, (message, transfer) => scope.postMessage(message, transfer), {
        schedule: createYield(), sliceMs: 12, frameMs: 120,
      });
      scope.postMessage({ type: 'ready' });
      for (const message of waiting.splice(0)) runner.handle(message);
    }, (error) => {
      scope.postMessage({ type: 'failed', message: error?.message ?? String(error) });
    });
  };
  scope.addEventListener('message', (event) => {
    if (runner) runner.handle(event.data);
    else if (!started && event.data?.type === 'wasm-module') start(event.data.module);
    else waiting.push(event.data);
  });
}
