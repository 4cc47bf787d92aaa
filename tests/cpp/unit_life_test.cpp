#include "unit_life.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "test_helpers.hpp"
#include "trainer.hpp"

namespace alab {
namespace {

using testing::settle;

struct Scenario {
  std::vector<int> hidden;
  uint64_t weightSeed;
  double learningRate, momentum, l2;
};

// ReLU networks at learning rates where units die; some with momentum and L2.
const std::vector<Scenario> scenarios = {
    {{4, 4}, 1, 1.5, 0.0, 0.0}, {{6}, 2, 3.0, 0.0, 0.0}, {{4, 4}, 3, 0.8, 0.6, 0.0}, {{5, 3, 3}, 4, 1.0, 0.3, 0.01}};
constexpr long steps = 300;

Trainer trainerFor(const Scenario& scenario, long lifeEvery) {
  NetworkConfig config;
  config.hiddenUnits = scenario.hidden;
  config.seed = scenario.weightSeed;
  TrainSettings settings;
  settings.learningRate = scenario.learningRate;
  settings.batchSize = 10;
  settings.momentum = scenario.momentum;
  settings.l2 = scenario.l2;
  const DatasetSplit data = splitDataset(makeDataset(DatasetKind::Xor, 200, 0.1, 7), 0.5, 7);
  return Trainer(config, data, settings, 0, 5, true, TimelineOptions{20, 1u << 20}, lifeEvery);
}

// The brute force: one step at a time, every unit classified after every step.
struct BruteForce {
  std::vector<Network> networks;                 // networks[s]: after s steps
  std::vector<std::vector<UnitState>> states;    // states[s], flat
  std::vector<LifeEvent> events;
};

BruteForce bruteForce(const Scenario& scenario) {
  Trainer twin = trainerFor(scenario, std::numeric_limits<long>::max());
  BruteForce result;
  for (long s = 0; s <= steps; ++s) {
    if (s > 0) twin.train(1);
    result.networks.push_back(twin.network());
    result.states.push_back(flatStates(classifyUnits(twin.network(), twin.data().train)));
    if (s == 0) continue;
    int u = 0;
    for (int l = 0; l < static_cast<int>(scenario.hidden.size()); ++l)
      for (int j = 0; j < scenario.hidden[l]; ++j, ++u)
        if (result.states[s][u] != result.states[s - 1][u])
          result.events.push_back({s, l, j, result.states[s - 1][u], result.states[s][u]});
  }
  return result;
}

bool sameEvent(const LifeEvent& a, const LifeEvent& b) {
  return a.step == b.step && a.layer == b.layer && a.unit == b.unit && a.previous == b.previous && a.state == b.state;
}

std::vector<LifeEvent> eventsIn(const std::vector<LifeEvent>& events, long from, long to) {
  std::vector<LifeEvent> inside;
  for (const LifeEvent& e : events)
    if (e.step > from && e.step <= to) inside.push_back(e);
  return inside;
}

::testing::AssertionResult sameEvents(const std::vector<LifeEvent>& recorded, const std::vector<LifeEvent>& brute) {
  if (recorded.size() != brute.size())
    return ::testing::AssertionFailure() << recorded.size() << " events recorded, brute force found " << brute.size();
  for (std::size_t i = 0; i < brute.size(); ++i)
    if (!sameEvent(recorded[i], brute[i]))
      return ::testing::AssertionFailure() << "event " << i << ": recorded step " << recorded[i].step << " unit "
                                           << recorded[i].layer << "/" << recorded[i].unit << ", brute force step "
                                           << brute[i].step << " unit " << brute[i].layer << "/" << brute[i].unit;
  return ::testing::AssertionSuccess();
}

TEST(UnitLife, CheckingEveryStepRecordsExactlyTheBruteForceEvents) {
  long deaths = 0;
  for (const Scenario& scenario : scenarios) {
    const BruteForce brute = bruteForce(scenario);
    Trainer trainer = trainerFor(scenario, 1);
    trainer.train(steps);
    settle(trainer);
    EXPECT_TRUE(sameEvents(trainer.life().events(), brute.events)) << "weight seed " << scenario.weightSeed;
    deaths += static_cast<long>(trainer.life().deaths().size());
  }
  EXPECT_GT(deaths, 5) << "the scenarios must kill units to test anything";
}

TEST(UnitLife, CheckingAtACadenceFindsEveryBruteForceChangeOfTheIntervalsThatChanged) {
  for (const long every : {7L, 25L, 60L, 150L}) {
    for (const Scenario& scenario : scenarios) {
      const BruteForce brute = bruteForce(scenario);
      Trainer trainer = trainerFor(scenario, every);
      trainer.train(steps);
      settle(trainer);
      trainer.checkUnits();
      ASSERT_EQ(trainer.lifeCheckedTo(), steps);
      for (long from = 0; from < steps; from += every) {
        const long to = std::min(from + every, steps);
        const bool changed = brute.states[from] != brute.states[to];
        const std::vector<LifeEvent> expected = changed ? eventsIn(brute.events, from, to) : std::vector<LifeEvent>{};
        EXPECT_TRUE(sameEvents(eventsIn(trainer.life().events(), from, to), expected))
            << "interval (" << from << ", " << to << "], cadence " << every << ", seed " << scenario.weightSeed;
      }
    }
  }
}

double largestPreActivation(const Network& network, const Dataset& data, int flatUnit) {
  std::vector<double> pre(static_cast<std::size_t>(network.hiddenUnitCount()) * data.size());
  network.hiddenPreActivations(data.x.data(), data.size(), pre.data());
  const auto first = pre.begin() + static_cast<long>(flatUnit * data.size());
  return *std::max_element(first, first + static_cast<long>(data.size()));
}

TEST(UnitLife, KillingUpdateMatchesTheBruteForceNetworksBeforeAndAfter) {
  for (const Scenario& scenario : scenarios) {
    const BruteForce brute = bruteForce(scenario);
    Trainer trainer = trainerFor(scenario, 25);
    trainer.train(steps);
    settle(trainer);
    const Dataset& train = trainer.data().train;
    for (const KillingUpdate& death : trainer.life().deaths()) {
      const Network& before = brute.networks[death.step - 1];
      const Network& after = brute.networks[death.step];
      const auto l = static_cast<std::size_t>(death.layer);
      const std::size_t inputs = before.layerInputs(l), row = death.unit * inputs;
      Network probe = before;
      const std::vector<std::size_t> batch(death.batch.begin(), death.batch.end());
      ASSERT_EQ(batch.size(), 10u);
      probe.accumulateGradient(train, batch.data(), batch.size());
      for (std::size_t i = 0; i <= inputs; ++i) {
        const bool bias = i == inputs;
        const double w = bias ? before.biases(l)[death.unit] : before.weights(l)[row + i];
        const double g = bias ? probe.biasGradient(l)[death.unit] : probe.weightGradient(l)[row + i];
        const double v = bias ? before.biasVelocity(l)[death.unit] : before.weightVelocity(l)[row + i];
        const double wAfter = bias ? after.biases(l)[death.unit] : after.weights(l)[row + i];
        EXPECT_EQ(bias ? death.biasBefore : death.weightsBefore[i], w);
        EXPECT_EQ(bias ? death.biasAfter : death.weightsAfter[i], wAfter);
        EXPECT_EQ(death.gradientPart[i], -(scenario.learningRate * (g + (bias ? 0.0 : scenario.l2 * w))));
        EXPECT_EQ(death.momentumPart[i], scenario.momentum * v);
        EXPECT_EQ(wAfter, w + (death.momentumPart[i] + death.gradientPart[i])) << "the two parts make the update";
      }
      const int u = trainer.life().flat(death.layer, death.unit);
      EXPECT_EQ(death.maxPreBefore, largestPreActivation(before, train, u));
      EXPECT_EQ(death.maxPreAfter, largestPreActivation(after, train, u));
      EXPECT_LE(death.maxPreAfter, 0.0) << "dead afterwards: z <= 0 on every training point";
      EXPECT_EQ(death.state, UnitState::Dead);
    }
  }
}

TEST(UnitLife, RevivalsAndActiveCountsAgreeWithTheBruteForce) {
  for (const Scenario& scenario : scenarios) {
    const BruteForce brute = bruteForce(scenario);
    Trainer trainer = trainerFor(scenario, 1);
    trainer.train(steps);
    settle(trainer);
    std::vector<int> revivals(brute.states[0].size(), 0);
    for (const LifeEvent& e : brute.events)
      if (e.state == UnitState::Alive) ++revivals[trainer.life().flat(e.layer, e.unit)];
    const auto recorded = trainer.revivals();
    for (std::size_t l = 0; l < recorded.size(); ++l)
      for (std::size_t j = 0; j < recorded[l].size(); ++j)
        EXPECT_EQ(recorded[l][j], revivals[trainer.life().flat(static_cast<int>(l), static_cast<int>(j))]);
    const UnitLife& life = trainer.life();
    ASSERT_EQ(life.sampleSteps().size(), static_cast<std::size_t>(steps));
    const long s = 123;
    const UnitReport report = classifyUnits(brute.networks[s], trainer.data().train);
    int u = 0;
    for (const LayerUnits& layer : report.layers)
      for (const double fraction : layer.activeFraction) {
        EXPECT_EQ(life.sampleCounts()[(s - 1) * life.units() + u] / 100.0, fraction) << "unit " << u;
        ++u;
      }
  }
}

TEST(UnitLife, BranchDropsTheRecordAfterTheBranchStep) {
  Trainer trainer = trainerFor(scenarios[0], 10);
  trainer.train(steps);
  settle(trainer);
  ASSERT_FALSE(trainer.life().events().empty());
  const long cut = trainer.life().events().front().step;
  trainer.seek(cut - 1);
  trainer.branch(trainer.settings());
  EXPECT_TRUE(trainer.life().events().empty()) << "the first change came after the branch step";
  EXPECT_TRUE(trainer.life().deaths().empty());
  for (const long sample : trainer.life().sampleSteps()) EXPECT_LE(sample, cut - 1);
  trainer.train(steps - cut + 1);
  settle(trainer);
  trainer.checkUnits();
  ASSERT_FALSE(trainer.life().events().empty());
  EXPECT_EQ(trainer.life().events().front().step, cut) << "the same settings relive the same death";
}

TEST(UnitLife, SettlingAFewIntervalsBetweenTrainingCallsRecordsWhatSettlingAtOnceDoes) {
  bool sawPending = false;
  for (const long every : {7L, 25L}) {
    for (const Scenario& scenario : scenarios) {
      Trainer atOnce = trainerFor(scenario, every), inSlices = trainerFor(scenario, every);
      atOnce.train(steps);
      settle(atOnce);
      while (inSlices.step() < steps) {
        inSlices.train(10);
        const TimelineSummary summary = inSlices.timelineSummary();
        sawPending |= summary.lifePending;
        EXPECT_EQ(summary.lifeCheckedTo, inSlices.lifeCheckedTo());
        for (const LifeEvent& e : inSlices.life().events())
          EXPECT_LE(e.step, summary.lifeCheckedTo) << "an event past the settled step";
        inSlices.settleLife(1);
      }
      settle(inSlices);
      EXPECT_FALSE(inSlices.lifePending());
      EXPECT_TRUE(sameEvents(inSlices.life().events(), atOnce.life().events())) << "every " << every;
      const auto& deaths = inSlices.life().deaths();
      ASSERT_EQ(deaths.size(), atOnce.life().deaths().size());
      for (std::size_t i = 0; i < deaths.size(); ++i) {
        const KillingUpdate& want = atOnce.life().deaths()[i];
        EXPECT_EQ(deaths[i].step, want.step);
        EXPECT_EQ(deaths[i].batch, want.batch);
        EXPECT_EQ(deaths[i].weightsAfter, want.weightsAfter);
        EXPECT_EQ(deaths[i].gradientPart, want.gradientPart);
      }
    }
  }
  EXPECT_TRUE(sawPending) << "training must leave a search pending to test anything";
  Trainer trainer = trainerFor(scenarios[0], 7);
  EXPECT_THROW(trainer.settleLife(0), std::invalid_argument);
  EXPECT_THROW(trainer.settleLife(1001), std::invalid_argument);
}

TEST(UnitLife, APendingSearchCountsInTheTimelinesBytesUntilSettled) {
  Trainer trainer = trainerFor(scenarios[0], 150);
  std::size_t pendingBytes = 0, settledBytes = 0;
  for (long done = 0; done < steps && pendingBytes == 0; done += 150) {
    trainer.train(150);
    const TimelineSummary summary = trainer.timelineSummary();
    if (!summary.lifePending) continue;
    pendingBytes = summary.bytes;
    settle(trainer);
    settledBytes = trainer.timelineSummary().bytes;
  }
  ASSERT_GT(pendingBytes, 0u) << "training must leave a search pending";
  EXPECT_GT(pendingBytes, settledBytes + trainer.network().stateSize() * sizeof(double))
      << "a pending sub-interval holds at least a copy of the run's training state";
}

}  // namespace
}  // namespace alab
