// The statistics a training frame carries: the history row (recordStats) and the units' states,
// and the share of the frame given to the life record. While playing with no loss to stop at, a
// row that took more than statsMs is recorded again only statsEveryMs later (the line charts
// redraw 10 times a second) and the frames in between resend the last units (and the runner no new
// deaths); paused, stepped or halted, every frame records one, so the history and the units are
// those of the step shown. Training leaves the search for the exact steps at which units changed
// pending (a mass death on the largest network is about 600 replays and scans, 2 s): each playing
// frame settles it for at most settleMs, and records no row meanwhile (recordStats would settle all
// of it at once), only the units; so does a frame whose own check of the units queues a search
// that settleMs does not settle. A paused frame like that is followed, once the search is settled
// in settleMs slices between frames, by an exact one.

/**
 * One runner's statistics; reset() on every new trainer. schedule(fn) runs fn later (the runner's
 * yield to the event loop); settled() is called when a frame that was not exact can be sent again.
 */
export function createFrameStats({
  statsMs = 2, statsEveryMs = 100, settleMs = 12, now = () => globalThis.performance.now(), schedule = null, settled = () => {},
} = {}) {
  let at = -Infinity;
  let cost = 0;
  let units = null;
  let pending = false;
  let idle = null;  // the trainer whose search is settled between frames (a paused one)

  /** Settles the life record for at most settleMs (a playing frame, after its training); returns the ms spent. */
  function settle(trainer) {
    const start = now();
    do pending = !trainer.settleLife();
    while (pending && now() - start < settleMs);
    return now() - start;
  }

  /** Records the row where the life record is settled, settling for at most settleMs what the row's own check queues. */
  function recordSettled(trainer) {
    if (pending) return false;
    if (trainer.recordStats({ settle: false }) || !trainer.timeline().lifePending) return true;
    settle(trainer);
    return !pending && (trainer.recordStats(), true);
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
     * {recorded, units} for a frame of `trainer`: none when diverged, else a fresh row and units when one is due. A paused
     * frame with the search pending has no row either: the search is settled between frames and settled() called after.
     */
    take(trainer, { running, stopLoss, diverged }) {
      if (diverged) return { recorded: false, units: null };
      const start = now();
      const stopping = running && stopLoss > 0;
      if (running) idle = null;
      if (units && running && !stopping && cost > statsMs && start - at < statsEveryMs) return { recorded: false, units };
      const recorded = stopping ? (trainer.recordStats(), true) : recordSettled(trainer);
      pending = !recorded;
      if (pending && !running) settleIdle(trainer);
      units = trainer.units({ settle: recorded });
      at = start;
      if (recorded) cost = now() - start;
      return { recorded, units };
    },
  };
}
