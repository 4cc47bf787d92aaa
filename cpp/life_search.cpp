#include "life_search.hpp"

#include <optional>
#include <utility>

namespace alab {

namespace {

struct Search {
  const Dataset& train;
  const Timeline& timeline;
  bool shuffle;
  UnitLife& life;
  const std::vector<int>& widths;
};

// The one step from `before` (scan sb) to its successor (scan sa): one event per changed unit.
void recordStep(const Search& search, const RunState& before, const UnitScan& sb, const UnitScan& sa) {
  RunState after = before;
  const TrainSettings& settings = search.timeline.settingsAt(before.step);
  const StepBatch batch = advance(after, search.train, settings, search.shuffle);
  const std::size_t* indices = after.order.data() + batch.first;
  std::optional<Network> probe;
  for (int l = 0; l < static_cast<int>(search.widths.size()); ++l)
    for (int j = 0; j < search.widths[l]; ++j) {
      const int u = search.life.flat(l, j);
      if (sa.state[u] == sb.state[u]) continue;
      search.life.addEvent({after.step, l, j, sb.state[u], sa.state[u]});
      if (sa.state[u] == UnitState::Alive) continue;
      if (!probe) {
        probe.emplace(before.network);
        probe->accumulateGradient(search.train, indices, batch.count);
      }
      KillingUpdate death = killingUpdate(*probe, after.network, settings, l, j);
      death.step = after.step;
      death.state = sa.state[u];
      death.batch.assign(indices, indices + batch.count);
      death.maxPreBefore = sb.maxPre[u];
      death.maxPreAfter = sa.maxPre[u];
      search.life.addDeath(std::move(death));
    }
}

void bisect(const Search& search, const RunState& from, const UnitScan& fromScan, long to, const UnitScan& toScan) {
  if (fromScan.state == toScan.state) return;
  if (to == from.step + 1) {
    recordStep(search, from, fromScan, toScan);
    return;
  }
  const long middle = from.step + (to - from.step) / 2;
  RunState half = from;
  if (search.timeline.keyframeBefore(middle) > from.step) search.timeline.restore(middle, half);
  search.timeline.replay(half, middle, search.train, search.shuffle);
  const UnitScan halfScan = scanUnits(half.network, search.train);
  bisect(search, from, fromScan, middle, halfScan);
  bisect(search, half, halfScan, to, toScan);
}

}  // namespace

void findChanges(const RunState& from, const UnitScan& fromScan, long to, const UnitScan& toScan,
                 const Dataset& train, const Timeline& timeline, bool shuffle, UnitLife& life) {
  const Search search{train, timeline, shuffle, life, from.network.config().hiddenUnits};
  bisect(search, from, fromScan, to, toScan);
}

}  // namespace alab
