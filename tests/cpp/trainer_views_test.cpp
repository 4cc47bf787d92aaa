#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "experiments.hpp"
#include "limits.hpp"
#include "trainer.hpp"
#include "test_helpers.hpp"

namespace alab {
namespace {

using testing::errorOf;

Trainer smallTrainer(double learningRate = 0.1, std::vector<int> hidden = {4},
                     OutputHead head = OutputHead::SigmoidCrossEntropy) {
  NetworkConfig config;
  config.hiddenUnits = std::move(hidden);
  config.head = head;
  TrainSettings settings;
  settings.learningRate = learningRate;
  return Trainer(config, splitDataset(makeDataset(DatasetKind::Xor, 200, 0.1, 1), 0.8, 1), settings, 10, 1);
}

TEST(GridPoints, AreCellCentresRowMajorFromTheTopRowDown) {
  const std::vector<double> points = gridPoints(GridSpec{-1, 1, 0, 4, 2});
  // row 0 is y = yMax side: centres at y = 3, then y = 1; columns x = -0.5, 0.5.
  EXPECT_EQ(points, (std::vector<double>{-0.5, 3, 0.5, 3, -0.5, 1, 0.5, 1}));
  EXPECT_EQ(errorOf([] {
              gridPoints(GridSpec{1, 1, 0, 1, 10});
            }),
            "grid bounds need xMin < xMax and yMin < yMax, got x [1, 1], y [0, 1]");
  EXPECT_EQ(errorOf([] {
              gridPoints(GridSpec{-1e308, 1, 0, 1, 10});
            }),
            "grid xMin must be a number in [-1000, 1000], got -1e+308");
  EXPECT_EQ(errorOf([] {
              gridPoints(GridSpec{-1, 1, 0, 1, 401});
            }),
            "grid resolution must be an integer in [2, 400], got 401");
}

TEST(TrainerViews, GridActivationsEqualUnitActivationsAtTheGridPoints) {
  Trainer trainer = smallTrainer();
  trainer.train(50);
  const GridSpec grid{-1.5, 1.5, -1, 1, 7};
  const std::vector<double> points = gridPoints(grid);
  std::vector<double> expected((4 + 1) * 49);
  trainer.network().unitActivations(points.data(), 49, expected.data());
  EXPECT_EQ(trainer.gridActivations(grid), expected);
}

TEST(TrainerViews, PerUnitGridsAreEachUnitsBlockOfTheFullGridAtItsResolution) {
  Trainer trainer = smallTrainer(0.5, {3, 5});
  trainer.train(50);
  const GridSpec bounds{-1.5, 1.5, -1, 1, 100};
  const std::vector<int> resolutions{7, 0, 3, 7, 0, 0, 3, 2, 7};
  std::vector<double> expected;
  for (std::size_t u = 0; u < resolutions.size(); ++u) {
    if (resolutions[u] == 0) continue;
    const int cells = resolutions[u] * resolutions[u];
    const std::vector<double> full = trainer.gridActivations(GridSpec{-1.5, 1.5, -1, 1, resolutions[u]});
    expected.insert(expected.end(), full.begin() + u * cells, full.begin() + (u + 1) * cells);
  }
  EXPECT_EQ(trainer.gridActivations(bounds, resolutions), expected);
  EXPECT_EQ(trainer.gridActivations(bounds, std::vector<int>(9, 0)).size(), 0u) << "every unit left out";
  EXPECT_EQ(errorOf([&] { trainer.gridActivations(bounds, {7, 7}); }),
            "resolutions must hold one entry per hidden unit and output (9), got 2");
  EXPECT_EQ(errorOf([&] { trainer.gridActivations(bounds, {7, 0, 3, 7, 0, 0, 3, 1, 7}); }),
            "grid resolution must be an integer in [2, 400], got 1");
  EXPECT_EQ(errorOf([&] { trainer.gridActivations(GridSpec{1, 1, 0, 1, 10}, std::vector<int>(9, 0)); }),
            "grid bounds need xMin < xMax and yMin < yMax, got x [1, 1], y [0, 1]");
}

TEST(TrainerViews, RowBandsOfAFrozenNetworkJoinIntoItsWholeGrid) {
  Trainer trainer = smallTrainer(0.5, {3, 5});
  trainer.train(50);
  const GridSpec bounds{-1.5, 1.5, -1, 1, 100};
  const std::vector<int> resolutions{0, 0, 0, 0, 0, 0, 0, 0, 7};
  const std::vector<double> whole = trainer.gridActivations(bounds, resolutions);
  EXPECT_EQ(errorOf([&] { trainer.gridActivations(bounds, resolutions, {0, 7}, true); }),
            "no frozen grid network: call freezeGrid first");
  EXPECT_EQ(trainer.freezeGrid(), 50);
  trainer.train(20);
  ASSERT_NE(trainer.gridActivations(bounds, resolutions), whole) << "20 more steps at rate 0.5 change the output grid";
  std::vector<double> joined;
  for (const GridRows rows : {GridRows{0, 3}, GridRows{3, 3}, GridRows{3, 6}, GridRows{6, 100}}) {
    const std::vector<double> band = trainer.gridActivations(bounds, resolutions, rows, true);
    EXPECT_EQ(band.size(), static_cast<std::size_t>(std::min(rows.to, 7) - std::min(rows.from, 7)) * 7);
    joined.insert(joined.end(), band.begin(), band.end());
  }
  EXPECT_EQ(joined, whole) << "bands of the network frozen at step 50, in order, are its grid bit for bit";
  const std::vector<int> mixed{7, 0, 3, 7, 0, 0, 3, 2, 7};
  const std::vector<double> current = trainer.gridActivations(bounds, mixed);
  std::vector<double> top = trainer.gridActivations(bounds, mixed, {0, 2}, false);
  EXPECT_EQ(top.size(), 3u * 2 * 7 + 2u * 2 * 3 + 2u * 2) << "two rows of each block";
  EXPECT_EQ(std::vector<double>(top.begin(), top.begin() + 14), std::vector<double>(current.begin(), current.begin() + 14));
  EXPECT_EQ(errorOf([&] { trainer.gridActivations(bounds, mixed, {3, 2}, false); }),
            "grid rows must satisfy 0 <= from <= to, got [3, 2)");
}

TEST(TrainerViews, UnitsFollowParametersReplacedAtTheSameStep) {
  Trainer trainer = smallTrainer();
  trainer.train(20);
  EXPECT_EQ(trainer.units().layers[0].dead, 0) << "a fresh relu layer of 4 units starts alive here";
  Network& net = trainer.editNetwork();
  net.setParameters(0, std::vector<double>(net.weights(0).size(), 0.0), std::vector<double>(4, -1.0));
  EXPECT_EQ(trainer.units().layers[0].dead, 4) << "units() must not reuse the report of the old parameters";
}

TEST(TrainerViews, HistoryColumnsSumTheLayersOfEachEntry) {
  Trainer trainer = smallTrainer(0.5, {3, 5});
  trainer.train(100);
  const HistoryColumns all = trainer.historyColumns(0);
  ASSERT_EQ(all.step.size(), trainer.history().size());
  EXPECT_EQ(all.layers, 2);
  for (std::size_t i = 0; i < all.step.size(); ++i) {
    const HistoryEntry& e = trainer.history()[i];
    EXPECT_EQ(all.dead[i], e.deadPerLayer[0] + e.deadPerLayer[1]);
    EXPECT_EQ(all.dormant[i], e.dormantPerLayer[0] + e.dormantPerLayer[1]);
    EXPECT_EQ(all.deadPerLayer[2 * i + 1], e.deadPerLayer[1]);
  }
  const HistoryColumns tail = trainer.historyColumns(3);
  EXPECT_EQ(tail.from, 3u);
  EXPECT_EQ(tail.step.size(), all.step.size() - 3);
  EXPECT_EQ(trainer.historyColumns(1000000).step.size(), 0u) << "a start past the end gives no entries";
}

TEST(TrainerViews, ADivergedRunRefusesItsNonFiniteState) {
  Trainer trainer = smallTrainer(1e6, {4}, OutputHead::LinearSquaredError);
  trainer.train(100);
  ASSERT_TRUE(trainer.diverged());
  const std::string refusal = "the run diverged at step " + std::to_string(trainer.step()) +
                              ": its parameters are not finite; reset it or create a new trainer";
  EXPECT_EQ(errorOf([&] { trainer.predict({0, 0}); }), refusal);
  EXPECT_EQ(errorOf([&] { trainer.gridActivations(GridSpec{}); }), refusal);
  EXPECT_EQ(errorOf([&] { trainer.units(); }), refusal);
  EXPECT_EQ(errorOf([&] { trainer.finiteNetwork(); }), refusal);
  EXPECT_EQ(trainer.train(10), 0);
}

TEST(TrainerViews, PredictRefusesOverflowingInputs) {
  Trainer trainer = smallTrainer();
  EXPECT_EQ(errorOf([&] {
              trainer.predict({1e308, -1e308});
            }),
            "point coordinate must be a number in [-1000, 1000], got 1e+308");
  EXPECT_EQ(errorOf([&] { trainer.predict({0}); }), "points must hold x, y pairs, got 1 values");
  EXPECT_EQ(trainer.predict({0.5, 0.5, -0.5, 0.5}).size(), 2u);
}

TEST(CostLimits, EveryCallAboveItsLimitIsRefusedNamingTheLimit) {
  NetworkConfig wide;
  wide.hiddenUnits = {32, 32, 32, 32, 32, 32};
  TrainSettings settings;
  settings.batchSize = 500;
  Trainer big(wide, splitDataset(makeDataset(DatasetKind::Circle, 2000, 0.1, 1), 0.8, 1), settings, 0, 1);
  const double work = 1e6 * 500 * big.network().parameterCount();
  EXPECT_EQ(errorOf([&] { big.train(1000000); }),
            "train(1000000) costs " + formatNumber(work) +
                ", over the limit of 500000000 per call (costs.maxWorkPerCall): split it into smaller calls");
  EXPECT_EQ(big.step(), 0) << "a refused call does no step";
  EXPECT_NE(errorOf([] { bornDeadProbability(32, 50, 100000, 1, 10000); }).find("(costs.maxBornDeadProbes)"),
            std::string::npos);
  EXPECT_NE(errorOf([] { bornDeadProbability(32, 50, 5000, 1, 200); }).find("(costs.maxWorkPerCall)"),
            std::string::npos);
  EXPECT_NE(
      errorOf([] { gradientRace(ActivationKind::Sigmoid, 0, 0.9, 0.2, 0.5, 50, 1000000); }).find("(costs.maxRaceWork)"),
      std::string::npos);
  EXPECT_NE(errorOf([] { logSpaced(1, 2, 100000000); }).find("log-spaced count must be an integer in [1, 1000]"),
            std::string::npos);
  EXPECT_NE(errorOf([] { logSpaced(5e-324, 8.2, 29); }).find("log-spaced lo must be"), std::string::npos);
  SweepConfig sweep;
  sweep.network = wide;
  sweep.points = 2000;
  sweep.batchSize = 200;
  sweep.steps = 100000;
  EXPECT_NE(errorOf([&] { runSweepPoint(sweep, ActivationKind::Relu, 0.1, 1); }).find("(costs.maxWorkPerCall)"),
            std::string::npos);
}

TEST(GradientRace, ADivergingRaceStopsBeforeANonFinitePoint) {
  const RaceResult result = gradientRace(ActivationKind::Linear, 0, 0.9, 1e308, -1.7e308, 1, 100);
  EXPECT_EQ(result.stop, "diverged");
  EXPECT_EQ(result.steps, 1);
  for (const RacePoint& p : result.trajectory)
    EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.output) && std::isfinite(p.gradient));
}

}  // namespace
}  // namespace alab
