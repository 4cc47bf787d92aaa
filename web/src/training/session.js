// The page's handle on a training run. It starts a Web Worker running this same bundle and
// talks to it by messages; where a worker cannot start (file:// pages, sandboxed iframes, a CSP
// without worker-src) it runs the same runner on the main thread in time-sliced chunks. Same
// interface either way: frames arrive through onFrame and must be acknowledged with ack().
// Each create / reset / import / clear starts a new generation: frames of older runs still in
// flight are acknowledged here and never reach onFrame.
import { bundleUrl } from '../bundle-url.js';
import { createRunner } from './runner.js';
import { createYield } from './worker.js';

/**
 * A session. engine: the page's Engine (used by the main-thread fallback); useWorker: false
 * forces the fallback; onFrame(frame), onError(message), onMode('worker' | 'main').
 */
export function createSession({ engine, useWorker = true, onFrame, onError, onMode = () => {} }) {
  const queue = [];
  const pending = new Map();
  let transport = null;
  let worker = null;
  let nextId = 1;
  let disposed = false;
  let mode = 'starting';
  let generation = 0;

  function receive(message) {
    if (disposed) return;
    if (message.type === 'frame') {
      if (message.generation === generation) onFrame(message);
      else send({ type: 'ack' });
      return;
    }
    const request = pending.get(message.id);
    if (request) {
      pending.delete(message.id);
      if (message.type === 'error') request.reject(new Error(message.message));
      else request.resolve(message);
      return;
    }
    if (message.type === 'error') onError(message.message);
  }

  function use(next, name) {
    transport = next;
    mode = name;
    onMode(name);
    for (const message of queue.splice(0)) transport(message);
  }

  function startMainThread() {
    if (disposed || mode === 'main') return;
    worker?.terminate();
    worker = null;
    const deliver = createYield();
    const runner = createRunner(engine, (message) => deliver(() => receive(message)), {
      schedule: createYield(), sliceMs: 6, frameMs: 30,
    });
    use((message) => runner.handle(message), 'main');
  }

  function startWorker() {
    try {
      worker = new Worker(bundleUrl, { name: 'activation-lab-training' });
    } catch {
      startMainThread();
      return;
    }
    worker.addEventListener('message', (event) => {
      const message = event.data;
      if (message.type === 'ready') use((m) => worker.postMessage(m), 'worker');
      else if (message.type === 'failed') startMainThread();
      else receive(message);
    });
    worker.addEventListener('error', (event) => {
      if (mode !== 'starting') return;
      event.preventDefault();
      startMainThread();
    });
  }

  function send(message) {
    if (disposed) return;
    if (transport) transport(message);
    else queue.push(message);
  }

  function request(type, fields = {}) {
    const id = nextId;
    nextId += 1;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      send({ type, id, ...fields });
    });
  }

  if (useWorker && typeof Worker === 'function' && bundleUrl) startWorker();
  else startMainThread();

  return {
    /** 'starting', 'worker' or 'main'. */
    get mode() { return mode; },
    /** True while `frame` belongs to the latest create / reset / import. */
    isCurrent(frame) { return frame.generation === generation; },
    /** A new run from a trainer spec (see docs/API.md); view: {resolution, domain} of the grid. */
    create(spec, view) { send({ type: 'create', spec, view, generation: ++generation }); },
    /** Rebuilds the run from its spec: same seeds, same run. */
    reset() { send({ type: 'reset', generation: ++generation }); },
    play() { send({ type: 'play' }); },
    pause() { send({ type: 'pause' }); },
    step(steps = 1) { send({ type: 'step', steps }); },
    /** Changes learningRate, batchSize, momentum or l2 without restarting. */
    settings(settings) { send({ type: 'settings', settings }); },
    /** Training per frame: unit 'steps' or 'epochs'. */
    speed(unit, amount) { send({ type: 'speed', unit, amount }); },
    /** Stops at `steps` (0: never) or when the training loss reaches `loss` (0: never). */
    stopCondition({ steps = 0, loss = 0 }) { send({ type: 'stopCondition', steps, loss }); },
    /** Moves the run to an earlier step (or back to its live end) and pauses there. */
    seek(step) { send({ type: 'seek', step }); },
    /** Continues from the current step with new settings; the steps after it are dropped. */
    branch(settings) { send({ type: 'branch', settings }); },
    /** Frames carry the record of hidden unit (layer, unit), both 0-based; inspect(null) stops. */
    inspect(layer, unit) { send({ type: 'inspect', layer, unit }); },
    /** Drops the current run (no network until the next create). */
    clear() {
      generation += 1;
      send({ type: 'clear' });
    },
    /** Call after drawing a frame: the runner sends nothing new until then. */
    ack() { send({ type: 'ack' }); },
    /** Resolves to {spec, step, parameters, probe} of the current network. */
    exportNetwork() { return request('export'); },
    /** Loads {spec, parameters, probe}; resolves to {matches}: the probe predictions came out identical. */
    importNetwork({ spec, parameters, probe }) {
      return request('import', { spec, parameters, probe, generation: ++generation });
    },
    /** Resolves to {heapBytesInUse, memoryBytes} of the engine that trains. */
    memory() { return request('memory'); },
    dispose() {
      send({ type: 'dispose' });
      disposed = true;
      worker?.terminate();
      for (const { reject } of pending.values()) reject(new Error('the training session was closed'));
      pending.clear();
    },
  };
}
