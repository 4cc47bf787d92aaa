#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <vector>

#include "experiments.hpp"
#include "test_helpers.hpp"

namespace alab {
namespace {

using testing::errorOf;

// ---- born dead ----------------------------------------------------------------------------

TEST(BornDead, NarrowReluNetworksAreMoreOftenBornDeadTheDeeperTheyAre) {
  const int trials = 400;
  std::vector<double> byDepth;
  for (int depth : {1, 2, 4, 6, 10}) byDepth.push_back(bornDeadProbability(2, depth, trials, 1));
  EXPECT_EQ(byDepth[0], 0.0) << "one hidden layer sees inputs in every direction, so it is never dead everywhere";
  for (std::size_t i = 1; i < byDepth.size(); ++i)
    EXPECT_GT(byDepth[i], byDepth[i - 1]) << "width 2: probability should rise with depth (measured 0, 0.07, "
                                             "0.39, 0.64, 0.89 at depths 1, 2, 4, 6, 10)";
  EXPECT_GT(byDepth[1], 0.02) << "width 2, depth 2";
  EXPECT_LT(byDepth[1], 0.2) << "width 2, depth 2";
  EXPECT_GT(byDepth.back(), 0.75) << "width 2, depth 10";
}

TEST(BornDead, WideReluNetworksAreAlmostNeverBornDead) {
  EXPECT_LT(bornDeadProbability(10, 20, 300, 1), 0.05) << "width 10 stays near 0 up to 20 layers (measured 0.005)";
  EXPECT_EQ(bornDeadProbability(16, 6, 300, 1), 0.0);
}

TEST(BornDead, WidthOneDiesWhenAnyLayerBelowTheFirstGetsANegativeWeight) {
  const double p = bornDeadProbability(1, 2, 2000, 3);
  EXPECT_NEAR(p, 0.5, 0.05) << "width 1, depth 2: the second weight is negative half the time";
}

TEST(BornDead, IsReproducibleAndRejectsBadArguments) {
  EXPECT_EQ(bornDeadProbability(3, 5, 200, 9), bornDeadProbability(3, 5, 200, 9));
  EXPECT_EQ(errorOf([] { bornDeadProbability(0, 5, 10, 1); }), "width must be an integer in [1, 32], got 0");
  EXPECT_EQ(errorOf([] { bornDeadProbability(2, 51, 10, 1); }), "depth must be an integer in [1, 50], got 51");
  EXPECT_EQ(errorOf([] { bornDeadProbability(2, 5, 0, 1); }), "trials must be an integer in [1, 100000], got 0");
  EXPECT_EQ(errorOf([] { bornDeadProbability(2, 5, 10, 1, 1); }), "probe points must be an integer in [2, 10000], got 1");
}

// ---- activation histograms at initialisation ----------------------------------------------

NetworkConfig deepConfig(ActivationKind activation, InitScheme init) {
  NetworkConfig config;
  config.hiddenUnits = {8, 8, 8, 8};
  config.hiddenActivation = activation;
  config.init = init;
  return config;
}

TEST(InitialHistograms, OneHistogramPerHiddenLayerCountingEveryActivation) {
  const std::vector<Histogram> histograms = initialActivationHistograms(
      deepConfig(ActivationKind::Tanh, InitScheme::Xavier), 500, 1, 25);
  ASSERT_EQ(histograms.size(), 4u);
  for (const Histogram& h : histograms) {
    EXPECT_EQ(h.counts.size(), 25u);
    EXPECT_EQ(std::accumulate(h.counts.begin(), h.counts.end(), 0), 8 * 500) << "8 units x 500 inputs";
    EXPECT_EQ(h.lo, histograms[0].lo) << "every layer shares one axis";
    EXPECT_EQ(h.hi, histograms[0].hi);
  }
  EXPECT_GT(histograms[0].lo, -1.0);
  EXPECT_LT(histograms[0].hi, 1.0);
}

TEST(InitialHistograms, XavierReluPilesUpAtZero) {
  for (const Histogram& h : initialActivationHistograms(deepConfig(ActivationKind::Relu, InitScheme::Xavier), 2000, 1, 20)) {
    EXPECT_EQ(h.lo, 0.0) << "relu outputs exact zeros, so the range starts at 0";
    const int total = std::accumulate(h.counts.begin(), h.counts.end(), 0);
    EXPECT_GE(h.counts[0], total * 4 / 10) << "at least 40% of activations in the first bin (measured 55-94%)";
  }
}

TEST(InitialHistograms, SigmoidActivationsLieInsideZeroToOne) {
  for (InitScheme init : {InitScheme::Xavier, InitScheme::He}) {
    const Histogram h = initialActivationHistograms(deepConfig(ActivationKind::Sigmoid, init), 2000, 2, 20)[0];
    EXPECT_GT(h.lo, 0.0);
    EXPECT_LT(h.hi, 1.0);
  }
}

TEST(InitialHistograms, IsReproducibleAndRejectsBadArguments) {
  const NetworkConfig config = deepConfig(ActivationKind::Relu, InitScheme::He);
  EXPECT_EQ(initialActivationHistograms(config, 300, 4, 10)[2].counts,
            initialActivationHistograms(config, 300, 4, 10)[2].counts);
  EXPECT_EQ(errorOf([&] { initialActivationHistograms(config, 0, 1, 10); }),
            "samples must be an integer in [1, 20000], got 0");
  EXPECT_EQ(errorOf([&] { initialActivationHistograms(config, 10, 1, 0); }), "bins must be an integer in [1, 1000], got 0");
  NetworkConfig empty = config;
  empty.hiddenUnits.clear();
  EXPECT_TRUE(initialActivationHistograms(empty, 10, 1, 10).empty()) << "no hidden layer, no histogram";
}

}  // namespace
}  // namespace alab
