// The untrained network's first frame, computed at once on the page's own engine (before a
// session's Worker has answered): a runner on the main thread that makes the trainer, sends one
// frame and is cleared again.
import { createRunner } from './runner.js';

/** The first frame of a run of `spec` seen through `view`, hidden tiles at `resolutions`; null if none came. */
export function previewFrame(engine, { spec, view, resolutions }) {
  let first = null;
  const runner = createRunner(engine, (message) => { if (message.type === 'frame') first = message; }, { schedule: () => {} });
  runner.handle({ type: 'tiles', resolutions });
  runner.handle({ type: 'create', spec, view });
  runner.handle({ type: 'clear' });
  return first;
}
