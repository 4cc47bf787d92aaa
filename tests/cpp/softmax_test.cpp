#include "activations.hpp"
#include "rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace alab {
namespace {

// Central differences with h = 1e-5 on functions bounded by 1 in magnitude (probabilities) or by a
// few units (the loss): rounding adds about 4 eps / h < 1e-10 and truncation h^2/6 |f'''| < 1e-10,
// so 1e-9 is a safe bound for every comparison with finite differences here.
constexpr double kStep = 1e-5;
constexpr double kDifferenceTolerance = 1e-9;

std::vector<double> softmaxOf(const std::vector<double>& z, double temperature = 1.0) {
  return softmax(z.data(), z.size(), temperature);
}

std::vector<double> randomLogits(Rng& rng, std::size_t n) {
  std::vector<double> z(n);
  for (double& value : z) value = rng.uniform(-4.0, 4.0);
  return z;
}

std::string softmaxError(const std::vector<double>& z, double temperature) {
  try {
    softmaxOf(z, temperature);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST(Softmax, ReproducesTheCourseNumbersForThreeOneMinusThree) {
  const std::vector<double> p = softmaxOf({3.0, 1.0, -3.0});
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NEAR(p[0], 0.8789, 5e-5);
  EXPECT_NEAR(p[1], 0.1189, 5e-5);
  EXPECT_NEAR(p[2], 0.0022, 5e-5);
  EXPECT_NEAR(p[0] + p[1] + p[2], 1.0, 1e-15);
}

TEST(Softmax, SumsToOneAndIsPositiveForRandomLogits) {
  Rng rng(7);
  for (std::size_t n : {1u, 2u, 5u, 10u, 64u}) {
    const std::vector<double> p = softmaxOf(randomLogits(rng, n));
    EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-14) << n << " classes";
    for (double value : p) EXPECT_GT(value, 0.0) << n << " classes";
  }
}

TEST(Softmax, NeverOverflowsForHugeLogits) {
  EXPECT_EQ(softmaxOf({1000.0, 0.0}), (std::vector<double>{1.0, 0.0}));
  EXPECT_EQ(softmaxOf({1e308, -1e308}), (std::vector<double>{1.0, 0.0}));
  EXPECT_EQ(softmaxOf({1e308, 1e308}), (std::vector<double>{0.5, 0.5}));
  const std::vector<double> p = softmaxOf({1000.0, 1000.0, 998.0}, 1e-300);
  EXPECT_EQ(p, (std::vector<double>{0.5, 0.5, 0.0})) << "a tiny temperature must not overflow z / T";
}

TEST(Softmax, TwoClassesReduceToTheSigmoidOfTheDifference) {
  for (int i = -100; i <= 100; ++i) {
    const double z1 = i / 10.0, z2 = 0.37 - i / 25.0;
    EXPECT_NEAR(softmaxOf({z1, z2})[0], fn::Sigmoid::f(z1 - z2, 0), 1e-15) << "z = (" << z1 << ", " << z2 << ")";
  }
}

TEST(Softmax, TemperatureDividesTheLogitsAndFlattensTowardsUniform) {
  const std::vector<double> z{3.0, 1.0, -3.0};
  const std::vector<double> halved = softmaxOf({1.5, 0.5, -1.5});
  const std::vector<double> warm = softmaxOf(z, 2.0);
  for (std::size_t i = 0; i < z.size(); ++i) EXPECT_NEAR(warm[i], halved[i], 1e-15) << "T = 2 is z / 2";
  EXPECT_EQ(softmaxOf(z, 1.0), softmaxOf(z)) << "the default temperature is 1";
  for (double value : softmaxOf(z, 1e6)) EXPECT_NEAR(value, 1.0 / 3.0, 1e-5) << "a large T gives uniform";
  EXPECT_NEAR(softmaxOf(z, 0.05)[0], 1.0, 1e-15) << "a small T gives one-hot at the largest logit";
  double previousTop = 1.0;
  for (double temperature : {0.25, 0.5, 1.0, 2.0, 4.0, 8.0}) {
    const double top = softmaxOf(z, temperature)[0];
    EXPECT_LT(top, previousTop) << "the top probability should fall as T rises to " << temperature;
    previousTop = top;
  }
}

TEST(Softmax, RejectsEmptyInputBadTemperatureAndNonFiniteLogits) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_THROW(softmax(nullptr, 0), std::invalid_argument);
  for (double temperature : {0.0, -1.0, std::nan(""), inf}) {
    EXPECT_THROW(softmaxOf({1.0, 2.0}, temperature), std::invalid_argument) << "temperature " << temperature;
  }
  EXPECT_THROW(softmaxOf({1.0, std::nan("")}), std::invalid_argument);
  EXPECT_THROW(softmaxOf({inf, 0.0}), std::invalid_argument);
  EXPECT_EQ(softmaxError({1.0}, -2.0), "softmax temperature must be > 0 and finite, got -2");
  EXPECT_EQ(softmaxError({0.0, -inf}, 1.0), "softmax logit 1 must be finite, got -inf");
}

TEST(SoftmaxJacobian, IsDiagOfSMinusTheOuterProductWithRowsSummingToZero) {
  const std::vector<double> s = softmaxOf({3.0, 1.0, -3.0, 0.5});
  const std::size_t n = s.size();
  const std::vector<double> jacobian = softmaxJacobian(s);
  ASSERT_EQ(jacobian.size(), n * n);
  for (std::size_t i = 0; i < n; ++i) {
    double rowSum = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      const double expected = i == j ? s[i] * (1.0 - s[i]) : -s[i] * s[j];
      EXPECT_NEAR(jacobian[i * n + j], expected, 1e-16) << "J[" << i << "][" << j << "]";
      EXPECT_EQ(jacobian[i * n + j], jacobian[j * n + i]) << "J is symmetric at " << i << ", " << j;
      rowSum += jacobian[i * n + j];
    }
    EXPECT_NEAR(rowSum, 0.0, 1e-16) << "row " << i << " should sum to 0 (probabilities sum to 1)";
  }
  EXPECT_LT(jacobian[0 * n + 1], 0.0) << "off-diagonal entries are -s_i s_j, not 0 as the chapter implies";
  EXPECT_THROW(softmaxJacobian({}), std::invalid_argument);
}

TEST(SoftmaxJacobian, MatchesFiniteDifferencesOfSoftmax) {
  Rng rng(11);
  for (std::size_t n : {2u, 3u, 6u}) {
    std::vector<double> z = randomLogits(rng, n);
    const std::vector<double> jacobian = softmaxJacobian(softmaxOf(z));
    for (std::size_t j = 0; j < n; ++j) {
      const double saved = z[j];
      z[j] = saved + kStep;
      const std::vector<double> up = softmaxOf(z);
      z[j] = saved - kStep;
      const std::vector<double> down = softmaxOf(z);
      z[j] = saved;
      for (std::size_t i = 0; i < n; ++i) {
        const double difference = (up[i] - down[i]) / (2 * kStep);
        EXPECT_NEAR(jacobian[i * n + j], difference, kDifferenceTolerance) << "d s_" << i << " / d z_" << j;
      }
    }
  }
}

TEST(SoftmaxCrossEntropyGradient, IsPMinusYAndMatchesFiniteDifferencesOfTheLoss) {
  Rng rng(5);
  std::vector<double> z = randomLogits(rng, 5);
  const auto loss = [&z](std::size_t label) { return -std::log(softmaxOf(z)[label]); };
  for (std::size_t label = 0; label < z.size(); ++label) {
    const std::vector<double> p = softmaxOf(z);
    const std::vector<double> gradient = softmaxCrossEntropyGradient(p, label);
    ASSERT_EQ(gradient.size(), z.size());
    for (std::size_t j = 0; j < z.size(); ++j) {
      EXPECT_EQ(gradient[j], j == label ? p[j] - 1.0 : p[j]) << "p - onehot at " << j;
      const double saved = z[j];
      z[j] = saved + kStep;
      const double up = loss(label);
      z[j] = saved - kStep;
      const double down = loss(label);
      z[j] = saved;
      EXPECT_NEAR(gradient[j], (up - down) / (2 * kStep), kDifferenceTolerance) << "label " << label << ", z_" << j;
    }
  }
  EXPECT_THROW(softmaxCrossEntropyGradient({0.5, 0.5}, 2), std::invalid_argument);
}

TEST(SoftmaxLayerTest, ForwardAppliesSoftmaxToEachRow) {
  SoftmaxLayer layer(3);
  const std::vector<double> probabilities = layer.forward({3.0, 1.0, -3.0, 0.0, 0.0, 0.0});
  const std::vector<double> firstRow = softmaxOf({3.0, 1.0, -3.0});
  ASSERT_EQ(probabilities.size(), 6u);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(probabilities[k], firstRow[k]) << "row 0, class " << k;
    EXPECT_EQ(probabilities[3 + k], 1.0 / 3.0) << "row 1, class " << k;
  }
}

TEST(SoftmaxLayerTest, BackwardTwiceGivesTheSameAnswerAndMatchesFiniteDifferences) {
  Rng rng(3);
  constexpr std::size_t classes = 4, rows = 3;
  std::vector<double> logits = randomLogits(rng, classes * rows);
  const std::vector<double> upstream = randomLogits(rng, classes * rows);
  SoftmaxLayer layer(classes);
  layer.forward(logits);
  const std::vector<double> first = layer.backward(upstream);
  const std::vector<double> second = layer.backward(upstream);
  EXPECT_EQ(first, second) << "backward must not change the cached probabilities";
  SoftmaxLayer probe(classes);
  const auto objective = [&]() {  // sum of upstream * softmax(rows)
    const std::vector<double>& p = probe.forward(logits);
    return std::inner_product(p.begin(), p.end(), upstream.begin(), 0.0);
  };
  for (std::size_t k = 0; k < logits.size(); ++k) {
    const double saved = logits[k];
    logits[k] = saved + kStep;
    const double up = objective();
    logits[k] = saved - kStep;
    const double down = objective();
    logits[k] = saved;
    EXPECT_NEAR(first[k], (up - down) / (2 * kStep), kDifferenceTolerance) << "d objective / d logit " << k;
  }
}

TEST(SoftmaxLayerTest, ThrowsOnSizeMismatch) {
  EXPECT_THROW(SoftmaxLayer(0), std::invalid_argument);
  SoftmaxLayer layer(3);
  EXPECT_THROW(layer.forward({1.0, 2.0, 3.0, 4.0}), std::invalid_argument) << "4 logits is not rows of 3";
  EXPECT_THROW(layer.backward({1.0, 2.0, 3.0}), std::invalid_argument) << "backward before forward";
  layer.forward({1.0, 2.0, 3.0});
  EXPECT_THROW(layer.backward({1.0, 2.0}), std::invalid_argument);
  EXPECT_THROW(layer.forward({1.0, std::nan(""), 3.0}), std::invalid_argument);
  EXPECT_EQ(layer.backward({1.0, 1.0, 1.0}).size(), 3u) << "a failed forward keeps the previous cache";
}

}  // namespace
}  // namespace alab
