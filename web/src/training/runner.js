// The training loop behind a session, the same code in a Web Worker and on the main thread:
// it owns one Trainer, trains in time-sliced chunks while playing, and posts one frame at a
// time (status, history delta, units, parameters and every unit's grid at the resolution its
// tile is drawn: grid-blocks.js), one frame ahead at most of the page's 'ack' (a view with
// curve {xs, lo, hi} sends trainer.curve() instead of the grid). Messages in: create, reset, play,
// pause, step, settings, speed, stopCondition, tiles, ack, clear, dispose; edit, export, import,
// memory (runner-network.js); seek, branch, inspect (timeline-runner.js). A step of many steps
// trains in slices like play, so no single call holds the thread.
import { network as networkDefaults, training } from '../panels/shared/engine-facts.js';
import { networkHandlers } from './runner-network.js';
import { createRunnerTimeline } from './timeline-runner.js';
import { createFrameGrids, shapeOf } from './grid-blocks.js';
import { createFrameStats } from './frame-stats.js';

const defaultView = { resolution: 100, domain: { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 } };
const now = () => globalThis.performance.now();

const inputResolution = 96; // cells per side of the input tiles' grid, sent with each new run (the largest tile, device px)

/**
 * A runner on `engine`; post(message, transfer) sends to the page, schedule(fn) yields to the event loop. sliceMs: training time
 * before yielding; frameMs: most training time per frame; pipeline (for a Worker): train and snapshot the next frame while the
 * page still draws the last, holding it until the page's 'ack' (one frame ahead at most); statsMs, statsEveryMs, settleMs, workMs: frame-stats.js.
 */
export function createRunner(engine, post, { schedule, sliceMs = 8, frameMs = 60, pipeline = false, ...statsOptions }) {
  let trainer = null;
  let spec = null;
  let view = defaultView;
  let speed = { unit: 'epochs', amount: 1 };
  let stop = { steps: 0, loss: 0 };
  let running = false;
  let inFlight = false;
  let frameDue = false;
  let fresh = false;
  let stopReason = null;
  let historySent = 0;
  let chunk = 16;
  let frame = null;
  let looping = false;
  let trainSize = 1;
  let data = null;
  let shape = null;
  let generation = 0;
  let tiles = null;
  let queued = null;
  const frameStats = createFrameStats({ ...statsOptions, now, schedule, settled: () => requestFrame() });
  const timeline = createRunnerTimeline();
  const frameGrids = createFrameGrids({ now });

  const send = (message, transfer = []) => post(message, transfer);

  /** Stops playing, for `reason`: 'steps', 'loss' or 'diverged'. */
  const halt = (reason) => { running = false; stopReason = reason; };

  function fail(error, id) {
    running = false;
    send({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }

  function dropTrainer() {
    trainer?.delete();
    trainer = null;
    queued = null;
  }

  function build(nextSpec) {
    dropTrainer();
    spec = nextSpec;
    trainer = engine.createTrainer(spec);
    data = trainer.data();
    trainSize = (data.train.label ?? data.train.target).length;
    shape = shapeOf(trainer.parameters(), spec.network?.head ?? networkDefaults.head, data.train.classes, spec.network?.features ?? engine.manifest().features.default);
    historySent = 0;
    fresh = true;
    stopReason = null;
    frame = null;
    frameStats.reset();
    timeline.reset();
  }

  function stepsPerFrame() {
    if (speed.unit === 'steps') return speed.amount;
    const batch = spec.settings?.batchSize ?? training.batchSize.default;
    return Math.max(1, Math.round(speed.amount * Math.ceil(trainSize / batch)));
  }

  function stepsLeftBeforeStop() {
    if (!(stop.steps > 0)) return Infinity;
    return Math.max(0, stop.steps - trainer.status().step);
  }

  function snapshot(timing) {
    const start = now();
    const status = trainer.status();
    const stats = frameStats.take(trainer, { running, stopLoss: stop.loss, diverged: status.diverged, spentMs: (timing.trainMs ?? 0) + (timing.lifeMs ?? 0) });
    const statsTime = now() - start;
    const history = trainer.history(historySent);
    historySent = history.from + history.step.length;
    const lastLoss = history.trainLoss.length > 0 ? history.trainLoss[history.trainLoss.length - 1] : Infinity;
    if (running && stop.loss > 0 && lastLoss <= stop.loss) halt('loss');
    const message = {
      type: 'frame',
      generation,
      status: { ...trainer.status(), running, stopReason },
      history,
      units: null,
      network: shape,
      resolution: view.resolution,
      domain: view.domain,
      timing: { ...timing },
      grid: null,
      parameters: null,
    };
    if (!status.diverged) {
      message.units = stats.units;
      const gridStart = now();
      if (view.curve) message.curve = trainer.curve(view.curve.xs, { lo: view.curve.lo, hi: view.curve.hi });
      else Object.assign(message, frameGrids(trainer, { shape, tiles, view, inspected: timeline.inspected(), running, spentMs: (timing.trainMs ?? 0) + now() - start }));
      message.timing = { ...timing, statsMs: statsTime, gridMs: now() - gridStart };
      message.parameters = trainer.parameters();
    }
    Object.assign(message, timeline.frameFields(trainer, status.diverged, stats.recorded || status.diverged));
    if (fresh && !view.curve) message.inputGrid = { resolution: inputResolution, values: trainer.inputGrid({ ...view.domain, resolution: inputResolution }) };
    if (fresh) {
      message.data = data;
      message.fresh = true;
      fresh = false;
    }
    message.timing.snapshotMs = now() - start;
    return message;
  }

  function sendFrame(message) {
    inFlight = true;
    send(message, [message.grid?.buffer].filter(Boolean));
  }

  function pump(timing = { trainMs: 0, steps: 0 }) {
    if (!trainer || !frameDue || (inFlight && (!pipeline || queued))) return;
    frameDue = false;
    if (inFlight) queued = snapshot(timing);
    else sendFrame(snapshot(timing));
    if (pipeline && !queued && running) loop();
  }

  function finishFrame() {
    const timing = { trainMs: frame.trainMs, lifeMs: frame.lifeMs ?? 0, steps: frame.steps };
    frame = null;
    frameDue = true;
    pump(timing);
  }

  function trainSlice() {
    looping = false;
    if (!trainer || queued || frameDue || (inFlight && !pipeline) || (!running && !frame)) return;
    frame ??= { target: stepsPerFrame(), steps: 0, trainMs: 0 };
    const sliceStart = now();
    const more = () => (frame.stepping || (running && frame.trainMs < frameMs)) && frame.steps < frame.target;
    while (more()) {
      const left = frame.stepping ? Infinity : stepsLeftBeforeStop();
      if (left === 0) {
        halt('steps');
        break;
      }
      const count = Math.min(chunk, frame.target - frame.steps, left);
      const start = now();
      const status = trainer.train(count);
      const spent = now() - start;
      frame.trainMs += spent;
      frame.steps += status.done;
      if (status.diverged) {
        halt('diverged');
        break;
      }
      chunk = Math.max(1, Math.min(100000, Math.round(count * (spent > 0.05 ? 2 / spent : 4))));
      if (now() - sliceStart >= sliceMs && more()) {
        loop();
        return;
      }
    }
    if (running && stepsLeftBeforeStop() === 0) halt('steps');
    if (running) frame.lifeMs = frameStats.settle(trainer, frame.trainMs);
    finishFrame();
  }

  function loop() {
    if (looping) return;
    looping = true;
    schedule(() => {
      try {
        trainSlice();
      } catch (error) {
        frame = null;
        fail(error);
      }
    });
  }

  const requestFrame = () => { frameDue = true; pump(); };

  const handlers = {
    create(message) {
      running = false;
      generation = message.generation ?? generation;
      if (message.view) view = message.view;
      build(message.spec);
      requestFrame();
    },
    reset(message) {
      if (!spec) return;
      generation = message.generation ?? generation;
      running = false;
      build(spec);
      requestFrame();
    },
    play() {
      if (!trainer || trainer.status().diverged) return;
      running = true;
      stopReason = null;
      if (stepsLeftBeforeStop() === 0) {
        halt('steps');
        requestFrame();
        return;
      }
      loop();
    },
    pause() {
      running = false;
      if (frame) finishFrame();
      else requestFrame();
    },
    step(message) {
      if (!trainer || running || frame) return;
      frame = { target: Math.max(1, message.steps ?? 1), steps: 0, trainMs: 0, stepping: true };
      loop();
    },
    settings(message) {
      spec = { ...spec, settings: { ...spec?.settings, ...message.settings } };
      trainer?.setSettings(message.settings);
    },
    speed(message) { speed = { unit: message.unit, amount: message.amount }; },
    stopCondition(message) { stop = { steps: message.steps ?? 0, loss: message.loss ?? 0 }; },
    tiles(message) {
      tiles = message.resolutions;
      if (trainer && !running) requestFrame();
    },
    ack() {
      inFlight = false;
      if (queued) {
        sendFrame(queued);
        queued = null;
        pump();
      } else if (frameDue) pump();
      if ((running || frame?.stepping) && (pipeline || !inFlight)) loop();
    },
    clear() {
      running = false;
      frame = null;
      dropTrainer();
      spec = null;
    },
  };
  handlers.dispose = handlers.clear;
  Object.assign(handlers, networkHandlers({
    engine,
    send,
    trainer: () => trainer,
    spec: () => spec,
    running: () => running,
    stop: () => { running = false; },
    rebuild: (nextSpec, nextGeneration) => {
      generation = nextGeneration ?? generation;
      build(nextSpec);
    },
    requestFrame,
  }));
  Object.assign(handlers, timeline.handlers({
    trainer: () => trainer,
    stop: () => { running = false; },
    requestFrame,
    resend: () => { historySent = 0; fresh = true; },
  }));

  return {
    /** Handles one message from the page. */
    handle(message) {
      const handler = Object.hasOwn(handlers, message?.type) ? handlers[message.type] : null;
      if (!handler) {
        fail(new Error(`unknown training message '${message?.type}'`), message?.id);
        return;
      }
      try {
        handler(message);
      } catch (error) {
        if (message.type === 'create' || message.type === 'import') dropTrainer();
        fail(error, message.id);
      }
    },
  };
}
