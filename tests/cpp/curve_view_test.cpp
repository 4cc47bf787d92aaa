// The curve view: kinks at (k - b) / w, linear pieces of piecewise-linear fits, contributions that
// add up to the output, and the kink and slope edits.
#include "curve_view.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "rng.hpp"

namespace alab {
namespace {

Network curveNetwork(std::vector<int> hidden, ActivationKind kind = ActivationKind::Relu, uint64_t seed = 1) {
  NetworkConfig config;
  config.inputs = 1;
  config.hiddenUnits = std::move(hidden);
  config.hiddenActivation = kind;
  config.alpha = activationInfo(kind).defaultAlpha;
  config.head = OutputHead::LinearSquaredError;
  config.seed = seed;
  return Network(config);
}

std::vector<double> evenly(double lo, double hi, int n) {
  std::vector<double> xs;
  for (int i = 0; i < n; ++i) xs.push_back(lo + (hi - lo) * i / (n - 1));
  return xs;
}

// Independent count: slope changes between neighbouring segments of a fine grid (a kink inside a
// segment bends it, so a change shows up in one or two neighbouring segments; count runs).
int sampledPieces(const Network& net, double lo, double hi) {
  const int n = 200001;
  const std::vector<double> xs = evenly(lo, hi, n);
  std::vector<double> y(n);
  net.predict(xs.data(), n, y.data());
  int pieces = 1;
  bool inBend = false;
  double previous = (y[1] - y[0]) / (xs[1] - xs[0]);
  for (int s = 1; s + 1 < n; ++s) {
    const double slope = (y[s + 1] - y[s]) / (xs[s + 1] - xs[s]);
    const bool bends = std::fabs(slope - previous) > 1e-6 * (1 + std::fabs(slope));
    if (bends && !inBend) ++pieces;
    inBend = bends;
    previous = slope;
  }
  return pieces;
}

TEST(CurveView, KinksSitAtMinusBOverWAndEachBendingUnitAddsAPiece) {
  Network net = curveNetwork({3});
  net.setParameters(0, {1, -2, 1}, {-0.5, 0.4, -2});  // kinks 0.5, 0.2 and 2 (outside [-1, 1])
  net.setParameters(1, {1, 1, 1}, {0.25});
  const CurveView view = curveView(net, evenly(-1, 1, 5), -1, 1);
  ASSERT_EQ(view.kinksPerUnit, 1);
  EXPECT_DOUBLE_EQ(view.kinks[0], 0.5);
  EXPECT_DOUBLE_EQ(view.kinks[1], 0.2);
  EXPECT_DOUBLE_EQ(view.kinks[2], 2.0);
  EXPECT_EQ(view.slopes, (std::vector<double>{1, -2, 1}));
  EXPECT_EQ(view.pieces, 3) << "the kink at x = 2 lies outside [-1, 1]";
  ASSERT_EQ(view.breakpoints.size(), 2u);
  EXPECT_NEAR(view.breakpoints[0], 0.2, 1e-15);
  EXPECT_NEAR(view.breakpoints[1], 0.5, 1e-15);
  net.setParameters(1, {1, 0, 1}, {0.25});
  EXPECT_EQ(curveView(net, {0}, -1, 1).pieces, 2) << "a unit with outgoing weight 0 bends nothing";
}

TEST(CurveView, ContributionsAndTheOutputBiasAddUpToTheOutput) {
  const Network net = curveNetwork({6}, ActivationKind::Tanh, 4);
  const std::vector<double> xs = evenly(-1.2, 1.2, 9);
  const CurveView view = curveView(net, xs, -1, 1);
  ASSERT_EQ(view.contributions.size(), 6 * xs.size());
  for (std::size_t p = 0; p < xs.size(); ++p) {
    double sum = view.outputBias;
    for (int j = 0; j < 6; ++j) sum += view.contributions[j * xs.size() + p];
    EXPECT_NEAR(sum, view.output[p], 1e-14);
  }
  EXPECT_EQ(view.pieces, 0) << "tanh is smooth: no linear pieces";
  EXPECT_EQ(view.kinksPerUnit, 0);
}

TEST(CurveView, SecondLayerKinksAreFoundWhereTheirPreActivationCrossesZero) {
  Network net = curveNetwork({1, 1});
  net.setParameters(0, {1}, {0});     // a1 = relu(x)
  net.setParameters(1, {1}, {-0.5});  // a2 = relu(a1 - 0.5): bends at x = 0.5
  net.setParameters(2, {1}, {0});
  const CurveView view = curveView(net, {0}, -1, 1);
  EXPECT_EQ(view.pieces, 2) << "y = 0 up to x = 0.5 (the first layer's kink at 0 bends nothing), then x - 0.5";
  ASSERT_EQ(view.breakpoints.size(), 1u);
  EXPECT_DOUBLE_EQ(view.breakpoints[0], 0.5);
}

TEST(CurveView, PieceCountsMatchADenseSamplingForRandomNetworks) {
  for (const ActivationKind kind : {ActivationKind::Relu, ActivationKind::LeakyRelu, ActivationKind::HardSigmoid}) {
    for (uint64_t seed = 1; seed <= 4; ++seed) {
      Network net = curveNetwork({6, 5}, kind, seed);
      Rng rng(seed + 100);
      for (std::size_t l = 0; l < net.layerCount(); ++l) {
        std::vector<double> w = net.weights(l), b(net.biases(l).size());
        if (kind == ActivationKind::HardSigmoid) for (double& v : w) v *= 6;
        for (double& v : b) v = rng.uniform(-1, 1);
        net.setParameters(l, w, b);
      }
      const CurveView view = curveView(net, {0}, -1, 1);
      EXPECT_EQ(view.pieces, sampledPieces(net, -1, 1)) << activationInfo(kind).name << " seed " << seed;
      EXPECT_GT(view.pieces, 1);
      EXPECT_EQ(view.breakpoints.size(), static_cast<std::size_t>(view.pieces - 1));
    }
  }
}

TEST(CurveView, PlacingAKinkAndChangingASlopeEditTheFirstLayer) {
  Network net = curveNetwork({2});
  placeKink(net, 1, 0.3);
  EXPECT_NEAR(-net.biases(0)[1] / net.weights(0)[1], 0.3, 1e-15);
  setUnitSlope(net, 1, -4);
  EXPECT_EQ(net.weights(0)[1], -4);
  EXPECT_NEAR(curveView(net, {0}, -1, 1).kinks[1], 0.3, 1e-15) << "a new slope keeps the kink";
  EXPECT_THROW(placeKink(net, 2, 0.0), std::invalid_argument) << "unit 2 of 2";
  EXPECT_THROW(setUnitSlope(net, 0, 1e9), std::invalid_argument);
  setUnitSlope(net, 0, 0);
  EXPECT_THROW(placeKink(net, 0, 0.1), std::invalid_argument) << "a unit with weight 0 has no kink";
  NetworkConfig noBias = net.config();
  noBias.bias = false;
  Network fixed(noBias);
  EXPECT_THROW(placeKink(fixed, 0, 0.5), std::invalid_argument) << "without biases every kink is at 0";
}

TEST(CurveView, RefusesNetworksThatAreNotCurves) {
  NetworkConfig twoInputs;
  twoInputs.head = OutputHead::LinearSquaredError;
  EXPECT_THROW(curveView(Network(twoInputs), {0}, -1, 1), std::invalid_argument);
  const Network net = curveNetwork({2});
  EXPECT_THROW(curveView(net, {0}, 1, -1), std::invalid_argument) << "lo >= hi";
  EXPECT_THROW(curveView(net, {}, -1, 1), std::invalid_argument) << "no points";
}

}  // namespace
}  // namespace alab
