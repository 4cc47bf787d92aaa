// The statistics a training frame carries: the history row (recordStats) and the units' states,
// and the share of the frame given to the life record. While playing with no loss to stop at, a
// row that took more than statsMs is recorded again only statsEveryMs later (the line charts
// redraw 10 times a second) and the frames in between resend the last units (and the runner no new
// deaths); paused, stepped or halted, every frame records one, so the history and the units are
// those of the step shown. Training leaves the search for the exact steps at which units changed
// pending (a mass death on the largest network is about 600 replays and scans, 2 s): each playing
// frame settles it for at most settleMs, and records no row meanwhile (recordStats would settle all
// of it at once), only the units; so does a frame whose own check of the units queues a search
// that settleMs does not settle.

/** One runner's statistics; reset() on every new trainer. */
export function createFrameStats({ statsMs = 2, statsEveryMs = 100, settleMs = 12, now = () => globalThis.performance.now() } = {}) {
  let at = -Infinity;
  let cost = 0;
  let units = null;
  let pending = false;

  /** Settles the life record for at most settleMs (a playing frame, after its training); returns the ms spent. */
  function settle(trainer) {
    const start = now();
    do pending = !trainer.settleLife();
    while (pending && now() - start < settleMs);
    return now() - start;
  }

  /** Records the row of a playing frame where the life record is settled, settling for at most settleMs what its own check queues. */
  function recordPlaying(trainer) {
    if (pending) return false;
    if (trainer.recordStats({ settle: false }) || !trainer.timeline().lifePending) return true;
    settle(trainer);
    return !pending && (trainer.recordStats(), true);
  }

  return {
    reset() {
      at = -Infinity;
      cost = 0;
      units = null;
      pending = false;
    },
    settle,
    /** {recorded, units} for a frame of `trainer`: none when diverged, else a fresh row and units when one is due. */
    take(trainer, { running, stopLoss, diverged }) {
      if (diverged) return { recorded: false, units: null };
      const start = now();
      const playing = running && !(stopLoss > 0);
      if (units && playing && cost > statsMs && start - at < statsEveryMs) return { recorded: false, units };
      const recorded = playing ? recordPlaying(trainer) : (trainer.recordStats(), true);
      pending = !recorded;
      units = trainer.units({ settle: recorded });
      at = start;
      if (recorded) cost = now() - start;
      return { recorded, units };
    },
  };
}
