// Finds the exact steps at which hidden units changed state between two checks of a run, by
// bisection on deterministic replays, and records them with the killing update of every death.
// The search is done a few sub-intervals at a time (LifeSearch::work), so a long search never
// holds up one training frame.
#pragma once

#include <cstddef>
#include <deque>

#include "datasets.hpp"
#include "timeline.hpp"
#include "unit_life.hpp"

namespace alab {

/// The search for the state changes in (from.step, to] where `fromScan` and `toScan` (the scans at
/// from.step and at to) differ. Each sub-interval whose end states differ is halved by replaying
/// with the timeline's logged settings (from its latest keyframe inside the interval, if any) down
/// to single steps, so every event recorded is exact; a change undone inside a sub-interval whose
/// end states agree is not seen. Sub-intervals are searched depth first, earliest first, and
/// intervals in the order they were added, so `life` receives its events in step order.
class LifeSearch {
 public:
  /// Queues (from.step, to] behind the intervals already queued.
  void add(const RunState& from, UnitScan fromScan, long to, UnitScan toScan);
  /// Searches at most `maxIntervals` sub-intervals (each one replay and scan, or one recorded step;
  /// a negative count: until nothing is left), recording into `life`. True when nothing is left.
  /// The timeline must still hold every queued step (clear() before it restarts or is cut).
  bool work(const Dataset& train, const Timeline& timeline, bool shuffle, UnitLife& life, long maxIntervals);
  bool empty() const { return pending_.empty(); }
  /// The sub-intervals waiting (each holds a copy of the run at its start).
  std::size_t size() const { return pending_.size(); }
  /// The step up to which every change is recorded: `checked` (the last check) when nothing is pending.
  long settledTo(long checked) const { return pending_.empty() ? checked : pending_.back().from.step; }
  void clear() { pending_.clear(); }
  /// Bytes the pending sub-intervals hold: each one's run (its training state and epoch order) and two scans.
  std::size_t bytes() const;

 private:
  struct Interval {
    RunState from;
    UnitScan fromScan;
    long to;
    UnitScan toScan;
  };
  std::deque<Interval> pending_;  // back: the next one searched (the earliest)
};

}  // namespace alab
