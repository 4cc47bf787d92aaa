// Finds the exact steps at which hidden units changed state between two checks of a run, by
// bisection on deterministic replays, and records them with the killing update of every death.
#pragma once

#include "datasets.hpp"
#include "timeline.hpp"
#include "unit_life.hpp"

namespace alab {

/// Records into `life` the state changes in (from.step, to] where `fromScan` and `toScan` (the
/// scans at from.step and at to) differ. Each sub-interval whose end states differ is halved by
/// replaying with the timeline's logged settings (from its latest keyframe inside the interval,
/// if any) down to single steps, so every event recorded is exact; a change undone inside a
/// sub-interval whose end states agree is not seen.
void findChanges(const RunState& from, const UnitScan& fromScan, long to, const UnitScan& toScan,
                 const Dataset& train, const Timeline& timeline, bool shuffle, UnitLife& life);

}  // namespace alab
