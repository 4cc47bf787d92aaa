// What a Trainer shows of its timeline and of its units' lives, as plain columns.
#include <algorithm>

#include "trainer.hpp"

namespace alab {

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
