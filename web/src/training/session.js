// The page's handle on a training run. It starts a Web Worker (dist/activation-lab-worker.js) and
// talks to it by messages; where a worker cannot start (file:// pages, sandboxed iframes, a CSP
// without worker-src) it runs the same runner on the main thread in time-sliced chunks. Same
// interface either way: frames arrive through onFrame and must be acknowledged with ack().
// Each create / reset / import / clear starts a new generation: frames of older runs still in
// flight are acknowledged here and never reach onFrame.
import { startBundleWorker, workersAllowed } from '../bundle-worker.js';
import { createRunner } from './runner.js';
import { createTaskQueue } from '../scheduler.js';

/**
 * A session. engine: the page's Engine (used by the main-thread fallback); useWorker: false
 * forces the fallback (default: ?worker=0 forces it); onFrame(frame), onError(message), onMode('worker' | 'main').
 */
export function createSession({ engine, useWorker = workersAllowed(), onFrame, onError, onMode = () => {} }) {
  const queue = [];
  const pending = new Map();
  let transport = null;
  let terminateWorker = () => {};
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
    const deliver = createTaskQueue();
    const runner = createRunner(engine, (message) => deliver(() => receive(message)), {
      schedule: createTaskQueue(), sliceMs: 6, frameMs: 30,
    });
    use((message) => runner.handle(message), 'main');
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

  if (useWorker) {
    terminateWorker = startBundleWorker('activation-lab-training', { ready: (post) => use(post, 'worker'), fallback: startMainThread, receive });
  } else startMainThread();

  return {
    /** 'starting', 'worker' or 'main'. */
    get mode() { return mode; },
    /** True while `frame` belongs to the latest create / reset / import. */
    isCurrent(frame) { return frame.generation === generation; },
    /** A new run from a trainer spec (see docs/API.md); view: {resolution, domain} of the grid, or {curve: {xs, lo, hi}}. */
    create(spec, view) { send({ type: 'create', spec, view, generation: ++generation }); },
    /** Rebuilds the run from its spec: same seeds, same run. */
    reset() { send({ type: 'reset', generation: ++generation }); },
    play() { send({ type: 'play' }); },
    pause() { send({ type: 'pause' }); },
    step(steps = 1) { send({ type: 'step', steps }); },
    /** Changes learningRate, batchSize, momentum, l2 or l1 without restarting. */
    settings(settings) { send({ type: 'settings', settings }); },
    /** While paused: moves first-layer unit `unit`'s kink to x (edit 'kink'), sets its slope (edit 'slope'), or sets one parameter (edit 'parameter', where {layer, input}: -1 the bias). */
    edit(edit, unit, value, where = {}) { send({ type: 'edit', edit, unit, value, ...where }); },
    /** Training per frame: unit 'steps' or 'epochs'. */
    speed(unit, amount) { send({ type: 'speed', unit, amount }); },
    /** Stops at `steps` (0: never) or when the training loss reaches `loss` (0: never). */
    stopCondition({ steps = 0, loss = 0 }) { send({ type: 'stopCondition', steps, loss }); },
    /** Moves the run to an earlier step (or back to its live end) and pauses there. */
    seek(step) { send({ type: 'seek', step }); },
    /** Continues from the current step with new settings; the steps after it are dropped. */
    branch(settings) { send({ type: 'branch', settings }); },
    /** Hidden tiles' grid resolutions, one per hidden unit (0: off screen, not computed). */
    tiles(resolutions) { send({ type: 'tiles', resolutions }); },
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
      terminateWorker();
      for (const { reject } of pending.values()) reject(new Error('the training session was closed'));
      pending.clear();
    },
  };
}
