// The training step's inline kernels (cpp/sgd_kernel.hpp, cpp/pairs.hpp) and the hidden units'
// one-pass activity scan, each against the straightforward loop it replaces, bit for bit.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "network.hpp"
#include "pairs.hpp"
#include "rng.hpp"
#include "sgd_kernel.hpp"
#include "test_helpers.hpp"

namespace alab {
namespace {

using testing::sameBits;

std::vector<double> randomValues(std::size_t n, Rng& rng) {
  std::vector<double> values(n);
  for (double& v : values) v = rng.uniform(-2.0, 2.0);
  return values;
}

TEST(SgdKernel, MatchesTheScalarUpdateBitForBit) {
  Rng rng(11);
  for (const std::size_t n : {1, 2, 3, 4, 5, 7, 8, 9, 16, 33}) {
    for (const double momentum : {0.0, 0.9}) {
      for (const double l2 : {0.0, 0.01}) {
        SCOPED_TRACE("n " + std::to_string(n) + ", momentum " + std::to_string(momentum) + ", l2 " + std::to_string(l2));
        std::vector<double> w = randomValues(n, rng), g = randomValues(n, rng), v = randomValues(n, rng);
        g[0] = 0.0;
        v[0] = -0.0;
        std::vector<double> expectedW = w, expectedV = v;
        double expectedSquares = 0;
        for (std::size_t i = 0; i < n; ++i) {
          expectedV[i] = momentum * v[i] - 0.03 * (l2 != 0.0 ? g[i] + l2 * w[i] : g[i]);
          expectedW[i] += expectedV[i];
        }
        const bool finite = l2 != 0.0 ? detail::sgdBlock<true>(momentum, 0.03, l2, w.data(), g.data(), v.data(), n)
                                      : detail::sgdBlock<false>(momentum, 0.03, l2, w.data(), g.data(), v.data(), n);
        EXPECT_TRUE(finite) << "finite parameters are reported finite";
        for (std::size_t i = 0; i < n; ++i) {
          EXPECT_TRUE(sameBits(w[i], expectedW[i])) << "weight " << i << ": expected " << expectedW[i] << ", got " << w[i];
          EXPECT_TRUE(sameBits(v[i], expectedV[i])) << "velocity " << i << ": expected " << expectedV[i] << ", got " << v[i];
          EXPECT_TRUE(sameBits(g[i], 0.0)) << "gradient " << i << " cleared to +0";
          expectedSquares += v[i] * v[i];
        }
        EXPECT_NEAR(detail::sgdSquaredStep(v.data(), n), expectedSquares, 1e-15 * expectedSquares)
            << "the squared step is the sum of the squared velocities";
      }
    }
  }
}

TEST(SgdKernel, ReportsAnInfiniteOrNaNParameter) {
  for (const double bad : {std::numeric_limits<double>::infinity(), std::nan("")}) {
    for (const std::size_t at : {0, 3, 4}) {
      std::vector<double> w(5, 1.0), g(5, 0.5), v(5, 0.0);
      w[at] = bad;
      EXPECT_FALSE(detail::sgdBlock<false>(0.0, 0.03, 0.0, w.data(), g.data(), v.data(), w.size()))
          << "a non-finite weight at " << at << " of 5 is reported";
    }
  }
  std::vector<double> w{std::numeric_limits<double>::max(), 1.0}, g{-std::numeric_limits<double>::max(), 0.0}, v(2, 0.0);
  EXPECT_FALSE(detail::sgdBlock<false>(0.0, 1.0, 0.0, w.data(), g.data(), v.data(), w.size()))
      << "an update that overflows to infinity is reported";
}

TEST(AllFinite, FindsANaNOrInfinityAtEveryPosition) {
  for (std::size_t n = 0; n <= 9; ++n) {
    std::vector<double> values(n, -1.5);
    EXPECT_TRUE(detail::allFinite(values.data(), n)) << n << " finite values";
    for (std::size_t at = 0; at < n; ++at)
      for (const double bad : {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                               std::nan("")}) {
        values[at] = bad;
        EXPECT_FALSE(detail::allFinite(values.data(), n)) << bad << " at " << at << " of " << n;
        values[at] = std::numeric_limits<double>::max();
        EXPECT_TRUE(detail::allFinite(values.data(), n)) << "the largest finite value at " << at << " of " << n;
        values[at] = -1.5;
      }
  }
}

TEST(ActivityPass, MatchesAScanOfThePreActivations) {
  for (const ActivationKind kind : {ActivationKind::Relu, ActivationKind::Tanh, ActivationKind::Prelu}) {
    SCOPED_TRACE(activationInfo(kind).name);
    NetworkConfig config;
    config.hiddenUnits = {5, 9, 3};
    config.hiddenActivation = kind;
    config.initialBias = -0.3;
    config.seed = 4;
    const Network net(config);
    Rng rng(9);
    const std::size_t n = 37;
    const std::vector<double> x = randomValues(2 * n, rng);
    const auto units = static_cast<std::size_t>(net.hiddenUnitCount());
    std::vector<double> pre(units * n);
    net.hiddenPreActivations(x.data(), n, pre.data());
    Dataset data;
    data.x = x;
    data.label.assign(n, 0);
    const TrainingPass pass = net.activityPass(data);
    const std::vector<std::size_t>& positive = pass.positive;
    const std::vector<double>& maxPre = pass.maxPre;
    for (std::size_t u = 0; u < units; ++u) {
      std::size_t expectedPositive = 0;
      double expectedMax = -std::numeric_limits<double>::infinity();
      for (std::size_t p = 0; p < n; ++p) {
        expectedPositive += pre[u * n + p] > 0.0 ? 1 : 0;
        expectedMax = std::max(expectedMax, pre[u * n + p]);
      }
      EXPECT_EQ(positive[u], expectedPositive) << "unit " << u << ": points with z > 0";
      EXPECT_TRUE(sameBits(maxPre[u], expectedMax)) << "unit " << u << ": largest z " << expectedMax << ", got " << maxPre[u];
    }
  }
}

}  // namespace
}  // namespace alab
