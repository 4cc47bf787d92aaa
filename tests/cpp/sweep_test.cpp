#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "experiments.hpp"
#include "test_helpers.hpp"

namespace alab {
namespace {

using testing::errorOf;

// The default sweep (circle, 500 points, 2-8-8-1, sigmoid + cross-entropy, He, batch 10,
// 600 steps, seeds 1..6) at 9 log-spaced rates from 1e-3 to 3, run once for every test here.
const std::vector<SweepRun>& defaultSweep() {
  static const std::vector<SweepRun> runs = [] {
    SweepConfig config;
    config.learningRates = logSpaced(1e-3, 3, 9);
    return learningRateSweep(config);
  }();
  return runs;
}

struct RateSummary {
  double dead = 0, dormant = 0, testAccuracy = 0;
  int diverged = 0;
};

RateSummary summary(ActivationKind activation, double learningRate) {
  RateSummary s;
  int count = 0;
  for (const SweepRun& run : defaultSweep()) {
    if (run.activation != activation || run.learningRate != learningRate) continue;
    s.dead += run.deadFraction;
    s.dormant += run.dormantFraction;
    s.testAccuracy += run.testAccuracy;
    s.diverged += run.diverged;
    ++count;
  }
  EXPECT_EQ(count, 6) << "six seeds per activation and rate";
  s.dead /= count;
  s.dormant /= count;
  s.testAccuracy /= count;
  return s;
}

TEST(LearningRateSweep, RunsEveryActivationRateAndSeedInNestingOrder) {
  const std::vector<SweepRun>& runs = defaultSweep();
  const std::vector<double> rates = logSpaced(1e-3, 3, 9);
  ASSERT_EQ(runs.size(), 2u * 9u * 6u);
  std::size_t i = 0;
  for (ActivationKind activation : {ActivationKind::Relu, ActivationKind::LeakyRelu})
    for (double rate : rates)
      for (uint64_t seed = 1; seed <= 6; ++seed, ++i) {
        EXPECT_EQ(runs[i].activation, activation);
        EXPECT_EQ(runs[i].learningRate, rate);
        EXPECT_EQ(runs[i].seed, seed);
        EXPECT_TRUE(runs[i].deadFraction >= 0 && runs[i].deadFraction <= 1);
        EXPECT_TRUE(runs[i].testAccuracy >= 0 && runs[i].testAccuracy <= 1);
        EXPECT_TRUE(std::isfinite(runs[i].finalLoss));
      }
}

TEST(LearningRateSweep, FewReluUnitsDieAtSmallRatesAndMostDieAtThree) {
  const RateSummary small = summary(ActivationKind::Relu, 1e-3);
  const RateSummary high = summary(ActivationKind::Relu, 3.0);
  EXPECT_LT(small.dead, 0.15) << "at lr 1e-3 few relu units should be dead (measured 0.03)";
  EXPECT_GE(high.dead, 0.5) << "at lr 3 about half or more relu units should be dead (measured 0.75)";
  EXPECT_LT(high.testAccuracy, 0.65) << "at lr 3 relu accuracy should fall to chance (measured 0.48)";
  EXPECT_EQ(high.diverged, 0) << "dead relu units stop the gradient, so relu dies instead of diverging";
}

TEST(LearningRateSweep, AModerateRateLearnsTheCircle) {
  const double moderate = logSpaced(1e-3, 3, 9)[5];  // about 0.15
  EXPECT_GE(summary(ActivationKind::Relu, moderate).testAccuracy, 0.95) << "measured 1.00";
  EXPECT_GE(summary(ActivationKind::LeakyRelu, moderate).testAccuracy, 0.95) << "measured 1.00";
  EXPECT_LT(summary(ActivationKind::Relu, moderate).dead, 0.1) << "measured 0";
}

TEST(LearningRateSweep, LeakyReluUnitsAreDormantNeverDead) {
  for (const SweepRun& run : defaultSweep())
    if (run.activation == ActivationKind::LeakyRelu) {
      EXPECT_EQ(run.deadFraction, 0.0) << "leaky relu passes gradient alpha, so its units are never dead";
    } else {
      EXPECT_EQ(run.dormantFraction, 0.0) << "a never-positive relu unit is dead, not dormant";
    }
  EXPECT_GE(summary(ActivationKind::LeakyRelu, 3.0).dormant, 0.4)
      << "at lr 3 most leaky units are pushed below 0 everywhere (measured 0.82)";
}

TEST(LearningRateSweep, OnePointEqualsTheSameRunInsideTheSweep) {
  SweepConfig config;
  const double rate = logSpaced(1e-3, 3, 9)[7];
  const SweepRun single = runSweepPoint(config, ActivationKind::Relu, rate, 4);
  const SweepRun& inSweep = defaultSweep()[7 * 6 + 3];
  ASSERT_EQ(inSweep.learningRate, rate);
  ASSERT_EQ(inSweep.seed, 4u);
  EXPECT_EQ(single.deadFraction, inSweep.deadFraction);
  EXPECT_EQ(single.finalLoss, inSweep.finalLoss);
  EXPECT_EQ(single.testAccuracy, inSweep.testAccuracy);
}

TEST(LearningRateSweep, LeakyReluDivergesWhereReluOnlyDies) {
  SweepConfig config;
  config.steps = 100;
  const SweepRun leaky = runSweepPoint(config, ActivationKind::LeakyRelu, 100, 1);
  const SweepRun relu = runSweepPoint(config, ActivationKind::Relu, 100, 1);
  EXPECT_TRUE(leaky.diverged) << "leaky relu at lr 100 should blow up";
  EXPECT_TRUE(std::isfinite(leaky.finalLoss)) << "a diverged run reports its last finite loss";
  EXPECT_TRUE(leaky.trainAccuracy >= 0 && leaky.trainAccuracy <= 1);
  EXPECT_FALSE(relu.diverged) << "relu at lr 100 dies instead";
  EXPECT_GE(relu.deadFraction, 0.5);
}

TEST(LearningRateSweep, RejectsEmptyListsAndBadRates) {
  SweepConfig config;
  EXPECT_EQ(errorOf([&] { learningRateSweep(config); }), "the sweep needs at least one learning rate");
  config.learningRates = {0.1, -1};
  EXPECT_EQ(errorOf([&] { learningRateSweep(config); }), "learning rate must be > 0 and finite, got -1");
  config.learningRates = {0.1};
  config.seeds.clear();
  EXPECT_EQ(errorOf([&] { learningRateSweep(config); }), "the sweep needs at least one seed");
  config.seeds = {1};
  config.activations.clear();
  EXPECT_EQ(errorOf([&] { learningRateSweep(config); }), "the sweep needs at least one activation");
  const SweepConfig defaults;
  EXPECT_EQ(errorOf([&] { runSweepPoint(defaults, ActivationKind::Relu, std::nan(""), 1); }),
            "learning rate must be > 0 and finite, got nan");
  SweepConfig noSteps;
  noSteps.steps = 0;
  EXPECT_EQ(errorOf([&] { runSweepPoint(noSteps, ActivationKind::Relu, 0.1, 1); }), "steps must be >= 1, got 0");
}

}  // namespace
}  // namespace alab
