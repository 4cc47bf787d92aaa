// The statistics a training frame carries: the history row (recordStats) and the units' states,
// and the share of the frame given to the life record. While playing with no loss to stop at, a
// row that took more than statsMs is recorded again only statsEveryMs later (the line charts
// redraw 10 times a second), or later still so that rows take at most statsShare of the time (a
// row of the largest network costs about half a frame); the frames in between resend the last
// units (and the runner no new deaths). Paused, stepped or halted, every frame records one, so
// the history and the units are those of the step shown. The search for the exact steps at which
// units changed stays pending (training and the row's own check of the units queue it; a mass
// death on the largest network is about 600 replays and scans, 2 s): each playing frame settles it
// until its training, its row and the settling reach workMs (settleMs at most), and
// trainer.history() gives a row once the search has reached its step. A paused frame with it
// pending is followed, once it is settled in settleMs slices between frames, by one with the life
// record complete (its rows, deaths and inspected unit).

/**
 * One runner's statistics; reset() on every new trainer. schedule(fn) runs fn later (the runner's
 * yield to the event loop); settled() is called when a frame that was not exact can be sent again.
 */
export function createFrameStats({
  statsMs = 2, statsEveryMs = 100, statsShare = 0.1, settleMs = 12, workMs = 20, now = () => globalThis.performance.now(), schedule = null, settled = () => {},
} = {}) {
  let at = -Infinity;
  let cost = 0;
  let units = null;
  let pending = false;
  let idle = null;  // the trainer whose search is settled between frames (a paused one)

  /**
   * Settles the life record for at most settleMs, and only until training (trainedMs) and settling together reach workMs,
   * leaving the rest of a 33 ms frame to the snapshot and the drawing; one sub-interval at least. Returns the ms spent.
   */
  function settle(trainer, trainedMs = 0) {
    const start = now();
    const budget = Math.min(settleMs, workMs - trainedMs);
    do pending = !trainer.settleLife();
    while (pending && now() - start < budget);
    return now() - start;
  }

  /** Settles `trainer`'s search in settleMs slices between frames, then asks for an exact frame. */
  function settleIdle(trainer) {
    if (idle === trainer || !schedule) return;
    idle = trainer;
    const slice = () => {
      if (idle !== trainer) return;
      settle(trainer);
      if (!pending) {
        idle = null;
        settled();
      } else schedule(slice);
    };
    schedule(slice);
  }

  return {
    reset() {
      at = -Infinity;
      cost = 0;
      units = null;
      pending = false;
      idle = null;
    },
    settle,
    /**
     * {recorded, units} for a frame of `trainer`: none when diverged, else a fresh row and units when one is due (recorded:
     * with the life record complete up to the step, so its deaths and inspected unit can be sent). A paused frame with the
     * search pending is not complete either: the search is settled between frames and settled() called after. spentMs:
     * the frame's training and settling so far.
     */
    take(trainer, { running, stopLoss, diverged, spentMs = 0 }) {
      if (diverged) return { recorded: false, units: null };
      const start = now();
      const stopping = running && stopLoss > 0;
      if (running) idle = null;
      const due = at + Math.max(statsEveryMs, cost / statsShare);
      if (units && running && !stopping && cost > statsMs && start < due) return { recorded: false, units };
      const searching = pending;  // this frame's training has settled what it could and left some of the search
      trainer.recordStats({ settle: stopping });
      // What the row's own check queued, within what the frame's work budget has left after the row. Playing, when the
      // search was pending before the row and the row used up the budget, the row cannot be complete in this frame
      // anyway: the next frames settle it.
      const usedMs = spentMs + now() - start;
      if (!(running && !stopping && searching && usedMs >= workMs)) settle(trainer, usedMs);
      if (pending && !running) settleIdle(trainer);
      units = trainer.units({ settle: false });
      at = start;
      cost = now() - start;
      return { recorded: !pending, units };
    },
  };
}
