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

}  // namespace

void LifeSearch::add(const RunState& from, UnitScan fromScan, long to, UnitScan toScan) {
  if (fromScan.state == toScan.state) return;
  pending_.push_front({from, std::move(fromScan), to, std::move(toScan)});
}

std::size_t LifeSearch::bytes() const {
  std::size_t total = 0;
  for (const Interval& i : pending_) {
    const std::size_t units = i.fromScan.state.size() + i.toScan.state.size();
    total += sizeof(Interval) + i.from.network.stateSize() * sizeof(double) + i.from.order.size() * sizeof(std::size_t) +
             units * (sizeof(UnitState) + sizeof(uint32_t) + sizeof(double));
  }
  return total;
}

bool LifeSearch::work(const Dataset& train, const Timeline& timeline, bool shuffle, UnitLife& life,
                      long maxIntervals) {
  for (long done = 0; !pending_.empty() && (maxIntervals < 0 || done < maxIntervals); ++done) {
    Interval next = std::move(pending_.back());
    pending_.pop_back();
    const Search search{train, timeline, shuffle, life, next.from.network.config().hiddenUnits};
    if (next.to == next.from.step + 1) {
      recordStep(search, next.from, next.fromScan, next.toScan);
      continue;
    }
    const long middle = next.from.step + (next.to - next.from.step) / 2;
    RunState half = next.from;
    if (timeline.keyframeBefore(middle) > next.from.step) timeline.restore(middle, half);
    timeline.replay(half, middle, train, shuffle);
    UnitScan halfScan = scanUnits(half.network, train);
    // The later half first, so the earlier one is at the back (searched next).
    if (halfScan.state != next.toScan.state) pending_.push_back({half, halfScan, next.to, std::move(next.toScan)});
    if (next.fromScan.state != halfScan.state)
      pending_.push_back({std::move(next.from), std::move(next.fromScan), middle, std::move(halfScan)});
  }
  return pending_.empty();
}

}  // namespace alab
