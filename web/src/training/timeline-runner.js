// The runner's part of the timeline: seek / branch / inspect messages and what a frame carries
// about them (the timeline's extent, new deaths, the inspected unit's record, and the losses at a
// step before the live end, where the history has no row).

/** Timeline state of one runner; reset() on every new trainer. */
export function createRunnerTimeline() {
  let deathsSent = 0;
  let inspected = null;
  let branched = null;
  let inspection = null;  // the last one sent

  return {
    /** The inspected hidden unit {layer, unit} (0-based), or null. */
    inspected: () => inspected,
    reset() {
      deathsSent = 0;
      inspected = null;
      branched = null;
      inspection = null;
    },
    /**
     * Message handlers; ctx: {trainer() -> Trainer | null, stop(), requestFrame(), resend()}; resend
     * makes the next frame a fresh one with the whole history (a branch drops its later rows).
     */
    handlers(ctx) {
      return {
        seek(message) {
          const trainer = ctx.trainer();
          if (!trainer) return;
          ctx.stop();
          trainer.seek(message.step);
          ctx.requestFrame();
        },
        branch(message) {
          const trainer = ctx.trainer();
          if (!trainer) return;
          ctx.stop();
          const { step, liveEnd } = trainer.timeline();
          trainer.branch(message.settings);
          branched = { step, dropped: liveEnd - step };
          deathsSent = 0;
          ctx.resend();
          ctx.requestFrame();
        },
        inspect(message) {
          inspected = message.layer === null ? null : { layer: message.layer, unit: message.unit };
          ctx.requestFrame();
        },
      };
    },
    /**
     * {timeline, deaths, deathsFrom, branched, inspection, evaluation} for a frame of `trainer`:
     * deaths recorded since the last frame that asked for them (`withDeaths`: trainer.deaths checks
     * unit life up to the step; without, none are sent, the life record stays as far as
     * timeline.lifeCheckedTo and the inspected unit's record is the last one sent, if it is that
     * unit's), the page keeping deathsFrom of its own and appending; branched {step, dropped} once
     * after a branch; no inspection when diverged.
     */
    frameFields(trainer, diverged, withDeaths = true) {
      const timeline = trainer.timeline();
      const deathsFrom = Math.min(deathsSent, timeline.deaths);
      const deaths = withDeaths ? trainer.deaths(deathsFrom) : [];
      deathsSent = deathsFrom + deaths.length;
      const fields = { timeline, deaths, deathsFrom, branched, inspection: null, evaluation: null };
      branched = null;
      if (diverged) return fields;
      if (timeline.step < timeline.liveEnd) fields.evaluation = trainer.evaluation();
      if (inspected) {
        const { layer, unit } = inspected;
        const kept = !withDeaths && inspection?.layer === layer && inspection.unit === unit;
        // unitLife brings the record up to the step: checkedTo says how far the kept one goes.
        inspection = kept ? inspection : { layer, unit, life: trainer.unitLife(layer, unit), histogram: trainer.unitHistogram(layer, unit), checkedTo: timeline.step };
        fields.inspection = inspection;
      }
      return fields;
    },
  };
}
