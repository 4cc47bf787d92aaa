// The training worker's message loop: the bundle, started inside a Web Worker, loads its own
// engine and answers the session's messages through a runner (see runner.js). Messages that
// arrive while the engine loads wait in order; 'ready' tells the page the worker is up.
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

/** Starts the worker loop on `scope` (the worker's global object). */
export function startTrainingWorker(scope = globalThis) {
  const waiting = [];
  let runner = null;
  scope.addEventListener('message', (event) => {
    if (runner) runner.handle(event.data);
    else waiting.push(event.data);
  });
  loadEngine().then((engine) => {
    runner = createRunner(engine, (message, transfer) => scope.postMessage(message, transfer), {
      schedule: createYield(), sliceMs: 12, frameMs: 120,
    });
    scope.postMessage({ type: 'ready' });
    for (const message of waiting.splice(0)) runner.handle(message);
  }, (error) => {
    scope.postMessage({ type: 'failed', message: error?.message ?? String(error) });
  });
}
