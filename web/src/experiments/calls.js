// The experiments' engine calls (one learning-rate-sweep run, one born-dead cell) answered by a
// Web Worker running this bundle, so a long experiment never blocks the page; where no worker
// starts, the same server answers on the main thread, one call per task. Messages in:
// {type: 'call', id, method, args}; out: {type: 'result', id, value} or {type: 'error', id, message}.
import { startBundleWorker, workersAllowed } from '../bundle-worker.js';
import { nextTask } from '../scheduler.js';

/** The name the experiments worker starts under (the bundle's worker entry dispatches on it). */
export const experimentWorkerName = 'activation-lab-experiments';

const methods = ['sweepPoint', 'bornDead'];

/** Answers call messages with `engine`; post(message) sends the answer. */
export function createExperimentServer(engine, post) {
  return {
    /** Runs one call message. */
    handle(message) {
      const { id, method, args } = message ?? {};
      if (message?.type !== 'call' || !methods.includes(method) || !Array.isArray(args)) {
        post({ type: 'error', id, message: `unknown experiment call '${method}'` });
        return;
      }
      try {
        post({ type: 'result', id, value: engine[method](...args) });
      } catch (error) {
        post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}

/**
 * The page's side; the worker starts on the first call. engine: the page's Engine (for the fallback); useWorker: false forces the
 * main thread; nextSlice() resolves when the fallback may make its next call (a new task by default).
 * Returns {call(method, ...args) -> Promise of the engine's result, mode, dispose()}.
 */
export function createExperimentCalls({ engine, useWorker = workersAllowed(), nextSlice = nextTask }) {
  const pending = new Map();
  const queue = [];
  let transport = null;
  let nextId = 1;
  let mode = 'idle';
  let terminate = () => {};
  let disposed = false;

  function receive(message) {
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    if (message.type === 'error') request.reject(new Error(message.message));
    else request.resolve(message.value);
  }

  function use(post, name) {
    transport = post;
    mode = name;
    for (const message of queue.splice(0)) transport(message);
  }

  function startMainThread() {
    const server = createExperimentServer(engine, receive);
    use((message) => nextSlice().then(() => !disposed && server.handle(message)), 'main');
  }

  function start() {
    mode = 'starting';
    if (useWorker) terminate = startBundleWorker(experimentWorkerName, { ready: (post) => use(post, 'worker'), fallback: startMainThread, receive });
    else startMainThread();
  }

  return {
    /** 'idle' (before the first call), 'starting', 'worker' or 'main'. */
    get mode() { return mode; },
    /** Resolves to engine[method](...args), computed off the page's thread where possible. */
    call(method, ...args) {
      const id = nextId;
      nextId += 1;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const message = { type: 'call', id, method, args };
        if (mode === 'idle') start();
        if (transport) transport(message);
        else queue.push(message);
      });
    },
    /** Stops the worker (or the main thread's queued calls); calls still pending never settle. */
    dispose() {
      disposed = true;
      terminate();
      pending.clear();
      queue.length = 0;
    },
  };
}
