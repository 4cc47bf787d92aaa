// The worker's message loop: dist/activation-lab-worker.js, started by bundle-worker.js, first
// receives {type: 'wasm-module', module} (the page's compiled core, so nothing is downloaded
// again) and loads its engine from it. It then answers the session's messages through a runner
// (see runner.js) or, in the worker named experimentWorkerName, the experiments' engine calls
// (see ../experiments/calls.js). Messages that arrive while the engine loads wait in order;
// 'ready' tells the page the worker is up.
import { loadEngine } from '../core.js';
import { createRunner } from './runner.js';
import { createTaskQueue } from '../scheduler.js';
import { createExperimentServer, experimentWorkerName } from '../experiments/calls.js';

/** Starts the worker loop on `scope` (the worker's global object); the engine starts on the 'wasm-module' message. */
export function startTrainingWorker(scope = globalThis) {
  const waiting = [];
  let runner = null;
  let started = false;
  const start = (module) => {
    started = true;
    loadEngine({ module }).then((engine) => {
      const post = (message, transfer) => scope.postMessage(message, transfer);
      runner = scope.name === experimentWorkerName ? createExperimentServer(engine, post)
        : createRunner(engine, post, { schedule: createTaskQueue(), sliceMs: 12, frameMs: 120, pipeline: true });
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
