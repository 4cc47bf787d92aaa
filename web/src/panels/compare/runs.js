// The compare view's runs: one training session per run (each in its own Web Worker where the
// browser allows one, else on the main thread: see ../../training/session.js), driven in lockstep.
// A round sends every run the same number of steps; the next round can start only once every run
// has answered with its frame, so all runs always show the same step.
import { createSession } from '../../training/session.js';

/**
 * The runs. onFrame(index, frame) for each run's frames, onRound() once every run has answered the
 * latest start, step or reset, onError(index, message), onModes([mode per run]: 'starting', 'worker' or 'main').
 */
export function createRuns({ engine, onFrame, onRound, onError, onModes }) {
  const sessions = [];
  const modes = [];
  let waiting = new Set();
  let failed = new Set();

  function answered(index) {
    if (!waiting.delete(index)) return;
    if (waiting.size === 0) onRound();
  }

  function open(index) {
    modes[index] = 'starting';
    const session = createSession({
      engine,
      onFrame(frame) {
        onFrame(index, frame);
        session.ack();
        answered(index);
      },
      onError(message) {
        failed.add(index);
        onError(index, message);
        answered(index);
      },
      onMode(mode) {
        modes[index] = mode;
        onModes(modes.slice(0, sessions.length));
      },
    });
    return session;
  }

  /** Sends `send(session)` to every run that has not failed and waits for all their frames. */
  function toAll(send) {
    waiting = new Set(sessions.map((_, i) => i).filter((i) => !failed.has(i)));
    for (const i of waiting) send(sessions[i]);
    if (waiting.size === 0) onRound();
  }

  return {
    /** True while a run has not answered the latest start, step or reset. */
    get busy() { return waiting.size > 0; },
    /** How many runs there are. */
    get count() { return sessions.length; },
    /** Starts one run per trainer spec (sessions are kept, opened or closed to match); view: the grid's {resolution, domain}; tiles: hidden tile resolutions. */
    start(specs, view, tiles) {
      while (sessions.length > specs.length) sessions.pop().dispose();
      while (sessions.length < specs.length) sessions.push(open(sessions.length));
      modes.length = sessions.length;
      onModes(modes.slice());
      failed = new Set();
      toAll((session) => {
        session.tiles(tiles);
        session.create(specs[sessions.indexOf(session)], view);
      });
    },
    /** Trains every run by `steps` steps; false (nothing sent) while a run has not answered the last round. */
    step(steps) {
      if (waiting.size > 0) return false;
      toAll((session) => session.step(steps));
      return true;
    },
    /** Rebuilds every run from its spec: the same data and starting weights. */
    reset() { toAll((session) => session.reset()); },
    /** Closes every session (and its worker). */
    dispose() {
      for (const session of sessions.splice(0)) session.dispose();
      waiting = new Set();
    },
  };
}
