// A Trainer's record of its units' lives (checks, the queued search for the exact steps of their
// changes, the history rows' revivals) and what it shows of it and of its timeline, as plain columns.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "limits.hpp"
#include "trainer.hpp"

namespace alab {

namespace {

// Sub-intervals a search may leave pending (each holds a copy of the run) before queueing settles them.
constexpr std::size_t maxPendingSearches = 64;

}  // namespace

// The rows whose step the life record has reached get their revivals (the search settles in step order).
void Trainer::countRevivals() {
  const long settled = lifeCheckedTo();
  for (std::size_t i = countedRows_; i < history_.size() && history_[i].step <= settled; ++i, ++countedRows_) {
    int total = 0;
    for (const auto& layer : life_.revivalsUpTo(history_[i].step)) total += std::accumulate(layer.begin(), layer.end(), 0);
    history_[i].revivals = total;
  }
}

void Trainer::checkUnits() {
  queueCheck();
  settleAll();
}

bool Trainer::settleLife(long maxIntervals) {
  requireInRange("maxIntervals", static_cast<double>(maxIntervals), limits::lifeIntervals);
  const bool done = lifeSearch_.work(data_.train, timeline_, shuffle_, life_, maxIntervals);
  countRevivals();
  return done;
}

void Trainer::settleAll() {
  lifeSearch_.work(data_.train, timeline_, shuffle_, life_, -1);
  countRevivals();
}

void Trainer::queueCheck(const UnitReport& report, std::optional<UnitScan> scan) {
  if (run_.diverged || run_.step <= lastCheck_) return;
  std::vector<UnitState> states = flatStates(report);
  if (states != lastStates_) queueSearch(lastCheck_, scan);
  const double n = static_cast<double>(data_.train.size());
  std::vector<uint32_t> positive;
  for (const LayerUnits& layer : report.layers)
    for (const double fraction : layer.activeFraction) positive.push_back(static_cast<uint32_t>(std::lround(fraction * n)));
  life_.addSample(run_.step, positive);
  markChecked(std::move(states), std::move(scan));
}

void Trainer::markChecked(std::vector<UnitState> states, std::optional<UnitScan> scan) {
  lastCheck_ = run_.step;
  lastStates_ = std::move(states);
  checkedRun_ = run_;
  checkedScan_ = std::move(scan);
}

// Queues the search of (from, now]: from the copy taken at the last check when it is at `from`, else
// from a keyframe; the scans of both ends are the ones already taken where there are (toScan: now's).
// Too long a queue (a run whose units keep changing faster than frames settle them) is settled here.
void Trainer::queueSearch(long from, const std::optional<UnitScan>& toScan) {
  const bool fromCheck = checkedRun_ && checkedRun_->step == from;
  RunState start = fromCheck ? *checkedRun_ : run_;
  if (start.step != from) {
    timeline_.restore(from, start);
    timeline_.replay(start, from, data_.train, shuffle_);
  }
  const UnitScan startScan = fromCheck && checkedScan_ ? *checkedScan_ : scanUnits(start.network, data_.train);
  lifeSearch_.add(start, startScan, run_.step, toScan ? *toScan : scanUnits(run_.network, data_.train));
  if (lifeSearch_.size() > maxPendingSearches) settleAll();
}

long Trainer::checkInterval() const {
  if (lifeEvery_ > 0) return lifeEvery_;
  const long perStep = std::max(1L, static_cast<long>(data_.train.size()) / settings_.batchSize);
  return std::max(10L, 7 * perStep);
}


TimelineSummary Trainer::timelineSummary() {
  ensureOrigin();
  return {run_.step,
          origin(),
          liveEnd_,
          lifeCheckedTo(),
          timeline_.keyframeEvery(),
          timeline_.keyframeCount(),
          timeline_.bytes() + life_.bytes() + lifeSearch_.bytes(),
          life_.deaths().size(),
          lifePending()};
}

std::vector<KillingUpdate> Trainer::deathsFrom(std::size_t from) {
  checkUnits();
  const auto& all = life_.deaths();
  return {all.begin() + static_cast<std::ptrdiff_t>(std::min(from, all.size())), all.end()};
}

UnitLifeColumns Trainer::unitLife(int layer, int unit) {
  requireHiddenUnit(run_.network.config(), layer, unit);
  checkUnits();
  UnitLifeColumns columns;
  for (const LifeEvent& e : life_.events())
    if (e.layer == layer && e.unit == unit) {
      columns.eventSteps.push_back(static_cast<double>(e.step));
      columns.eventStates.push_back(e.state);
      columns.eventPrevious.push_back(e.previous);
    }
  const std::size_t u = static_cast<std::size_t>(life_.flat(layer, unit));
  const double points = static_cast<double>(data_.train.size());
  for (std::size_t i = 0; i < life_.sampleSteps().size(); ++i) {
    columns.sampleSteps.push_back(static_cast<double>(life_.sampleSteps()[i]));
    columns.activeFraction.push_back(life_.sampleCounts()[i * life_.units() + u] / points);
  }
  for (const KillingUpdate& d : life_.deaths())
    if (d.layer == layer && d.unit == unit) columns.deaths.push_back(d);
  return columns;
}

Evaluation Trainer::evaluation() const {
  const Network& net = finiteNetwork();
  const NetworkScore train = net.score(data_.train), test = net.score(data_.test);
  return {train.loss, test.loss, train.accuracy, test.accuracy};
}

PreActivationHistogram Trainer::unitHistogram(int layer, int unit, int bins) const {
  return preActivationHistogram(finiteNetwork(), data_.train, layer, unit, bins);
}

}  // namespace alab
