// The statistics a training frame carries: the history row (recordStats) and the units' states.
// While playing with no loss to stop at, a row that took more than statsMs is recorded again only
// statsEveryMs later (the line charts redraw 10 times a second) and the frames in between resend
// the last units (and the runner no new deaths); paused, stepped or halted, every frame records
// one, so the history and the units are those of the step shown.

/** One runner's statistics; reset() on every new trainer. */
export function createFrameStats({ statsMs = 2, statsEveryMs = 100, now = () => globalThis.performance.now() } = {}) {
  let at = -Infinity;
  let cost = 0;
  let units = null;
  return {
    reset() {
      at = -Infinity;
      cost = 0;
      units = null;
    },
    /** {recorded, units} for a frame of `trainer`: none when diverged, else a fresh row and units when one is due. */
    take(trainer, { running, stopLoss, diverged }) {
      if (diverged) return { recorded: false, units: null };
      const start = now();
      if (units && running && !(stopLoss > 0) && cost > statsMs && start - at < statsEveryMs) return { recorded: false, units };
      trainer.recordStats();
      units = trainer.units();
      at = start;
      cost = now() - start;
      return { recorded: true, units };
    },
  };
}
