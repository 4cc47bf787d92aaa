#include "activations.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace alab {
namespace {

using K = ActivationKind;

struct Case {
  K kind;
  double alpha;
};

std::string describe(const Case& c) {
  std::ostringstream text;
  text << activationInfo(c.kind).name << " (alpha " << c.alpha << ")";
  return text.str();
}

// Every activation at its default alpha, plus the ends and middle of the allowed alpha ranges.
std::vector<Case> everyCase() {
  std::vector<Case> cases;
  for (const auto& info : activationTable()) cases.push_back({info.kind, info.defaultAlpha});
  for (double alpha : {0.0, 0.2, 0.99}) cases.push_back({K::LeakyRelu, alpha});
  for (double alpha : {0.0, 0.5, 2.5, 10.0}) cases.push_back({K::Elu, alpha});
  return cases;
}

// Points where f, f' or f'' jumps: a central difference there is not accurate to O(h^2).
std::vector<double> nonSmoothPoints(K kind) {
  switch (kind) {
    case K::Relu: case K::LeakyRelu: case K::Step: case K::Elu: case K::Selu: case K::Softsign: return {0.0};
    case K::HardSigmoid: return {-3.0, 3.0};
    default: return {};
  }
}

std::string errorMessage(K kind, double alpha) {
  try {
    validateAlpha(kind, alpha);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST(ActivationTable, ListsThirteenActivationsInEnumOrderWithStableNames) {
  const std::vector<std::string> expected{"sigmoid", "tanh", "relu", "leaky_relu", "step", "linear", "elu",
                                          "selu", "softplus", "gelu", "silu", "softsign", "hard_sigmoid"};
  const auto& table = activationTable();
  ASSERT_EQ(table.size(), expected.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(table[i].name, expected[i]) << "row " << i;
    EXPECT_EQ(static_cast<std::size_t>(table[i].kind), i) << "row " << i << " should hold enum value " << i;
    EXPECT_EQ(&activationInfo(table[i].kind), &table[i]) << expected[i];
  }
}

TEST(ActivationTable, RowsPointAtTheHeaderFunctors) {
  EXPECT_EQ(activationInfo(K::Sigmoid).f, &fn::Sigmoid::f);
  EXPECT_EQ(activationInfo(K::Sigmoid).df, &fn::Sigmoid::df);
  EXPECT_EQ(activationInfo(K::Gelu).df, &fn::Gelu::df);
  EXPECT_EQ(activationInfo(K::HardSigmoid).f, &fn::HardSigmoid::f);
}

TEST(ActivationTable, OnlyLeakyReluAndEluUseAlphaAndOnlyReluAndStepDie) {
  for (const auto& info : activationTable()) {
    const bool alphaUser = info.kind == K::LeakyRelu || info.kind == K::Elu;
    const bool dies = info.kind == K::Relu || info.kind == K::Step;
    EXPECT_EQ(info.usesAlpha, alphaUser) << info.name;
    EXPECT_EQ(info.gradientVanishesBelowZero, dies) << info.name;
    if (!alphaUser) {
      EXPECT_EQ(info.defaultAlpha, 0.0) << info.name;
    }
  }
  EXPECT_EQ(activationInfo(K::LeakyRelu).defaultAlpha, 0.01);
  EXPECT_EQ(activationInfo(K::Elu).defaultAlpha, 1.0);
}

TEST(FindActivation, FindsEveryNameAndReturnsNullForUnknownNames) {
  for (const auto& info : activationTable()) {
    const ActivationInfo* found = findActivation(info.name);
    ASSERT_NE(found, nullptr) << "expected to find " << info.name;
    EXPECT_EQ(found->kind, info.kind) << info.name;
  }
  EXPECT_EQ(findActivation("swish"), nullptr);
  EXPECT_EQ(findActivation("ReLU"), nullptr) << "names are case-sensitive";
  EXPECT_EQ(findActivation(""), nullptr);
}

TEST(ValidateAlpha, AcceptsTheDocumentedRanges) {
  for (double alpha : {0.0, 0.01, 0.5, 0.999}) EXPECT_NO_THROW(validateAlpha(K::LeakyRelu, alpha)) << alpha;
  for (double alpha : {0.0, 1.0, 10.0}) EXPECT_NO_THROW(validateAlpha(K::Elu, alpha)) << alpha;
  EXPECT_NO_THROW(validateAlpha(K::Sigmoid, std::nan(""))) << "activations without alpha ignore it";
  EXPECT_NO_THROW(validateAlpha(K::Relu, -5.0)) << "activations without alpha ignore it";
}

TEST(ValidateAlpha, RejectsOutOfRangeAndNanWithAMessageNamingActivationRangeAndValue) {
  const double inf = std::numeric_limits<double>::infinity();
  for (double alpha : {1.0, 1.5, -0.1, std::nan(""), inf}) {
    EXPECT_THROW(validateAlpha(K::LeakyRelu, alpha), std::invalid_argument) << "leaky_relu alpha " << alpha;
  }
  for (double alpha : {10.5, -1.0, std::nan(""), inf}) {
    EXPECT_THROW(validateAlpha(K::Elu, alpha), std::invalid_argument) << "elu alpha " << alpha;
  }
  EXPECT_EQ(errorMessage(K::LeakyRelu, 1.5), "leaky_relu alpha must be a number in [0, 1), got 1.5");
  EXPECT_EQ(errorMessage(K::Elu, std::nan("")), "elu alpha must be a number in [0, 10], got nan");
}

// Central differences with h = 1e-5 on z = -10, -9.99, ..., 10. The error of a central difference
// is at most h^2/6 max|f'''| (below 2e-10 here: |f'''| <= 10 for elu with alpha 10) plus the
// rounding of f, about 4 eps |f| / h (below 1e-9 for |f| <= 10.5). The tolerance 1e-9 (1 + |f|)
// covers both with margin; the worst error measured is 1.5e-10 (silu).
TEST(ActivationDerivative, MatchesCentralFiniteDifferencesAcrossMinusTenToTen) {
  constexpr double h = 1e-5;
  for (const Case& c : everyCase()) {
    const ActivationInfo& info = activationInfo(c.kind);
    int checked = 0, clearlyNonZero = 0;
    for (int i = -1000; i <= 1000; ++i) {
      const double z = i / 100.0;
      bool nearKink = false;
      for (double kink : nonSmoothPoints(c.kind)) nearKink = nearKink || std::fabs(z - kink) <= 2 * h;
      if (nearKink) continue;
      const double up = z + h, down = z - h;
      const double difference = (info.f(up, c.alpha) - info.f(down, c.alpha)) / (up - down);
      const double derivative = info.df(z, c.alpha);
      const double tolerance = 1e-9 * (1.0 + std::fabs(info.f(z, c.alpha)));
      if (std::fabs(difference - derivative) > tolerance) {
        ADD_FAILURE() << describe(c) << " at z = " << z << ": f' = " << derivative
                      << ", expected the finite difference " << difference << " within " << tolerance;
        break;
      }
      ++checked;
      if (std::fabs(derivative) > 1e-3) ++clearlyNonZero;
    }
    EXPECT_GE(checked, 1997) << describe(c) << ": only kink points may be skipped";
    if (c.kind == K::Step) {
      EXPECT_EQ(clearlyNonZero, 0) << "step' should be 0 away from 0";
    } else {
      EXPECT_GE(clearlyNonZero, checked / 4)
          << describe(c) << ": |f'| should exceed 1e-3 on at least a quarter of the grid";
    }
  }
}

TEST(ActivationDerivative, UsesTheLeftBranchAtEveryKink) {
  const auto f = [](K kind, double z, double alpha) { return activationInfo(kind).f(z, alpha); };
  const auto df = [](K kind, double z, double alpha) { return activationInfo(kind).df(z, alpha); };
  EXPECT_EQ(df(K::Relu, 0.0, 0.0), 0.0);
  EXPECT_EQ(df(K::LeakyRelu, 0.0, 0.2), 0.2);
  EXPECT_EQ(df(K::Elu, 0.0, 2.5), 2.5);
  EXPECT_EQ(df(K::Selu, 0.0, 0.0), fn::Selu::scale * fn::Selu::negativeAlpha);
  EXPECT_EQ(df(K::Step, 0.0, 0.0), 0.0);
  EXPECT_EQ(f(K::Step, 0.0, 0.0), 0.0);
  EXPECT_EQ(f(K::Step, 1e-300, 0.0), 1.0);
  EXPECT_EQ(df(K::HardSigmoid, -3.0, 0.0), 0.0);
  EXPECT_EQ(df(K::HardSigmoid, 3.0, 0.0), 1.0 / 6.0);
  EXPECT_EQ(f(K::HardSigmoid, -3.0, 0.0), 0.0);
  EXPECT_EQ(f(K::HardSigmoid, 3.0, 0.0), 1.0);
}

TEST(ActivationStability, SigmoidSaturatesToExactlyZeroOrOneAndSoftplusToTheIdentity) {
  for (double z : {1000.0, 1e308}) {
    EXPECT_EQ(fn::Sigmoid::f(z, 0), 1.0) << "sigmoid(" << z << ")";
    EXPECT_EQ(fn::Sigmoid::f(-z, 0), 0.0) << "sigmoid(" << -z << ")";
    EXPECT_EQ(fn::Sigmoid::df(z, 0), 0.0) << "sigmoid'(" << z << ")";
    EXPECT_EQ(fn::Sigmoid::df(-z, 0), 0.0) << "sigmoid'(" << -z << ")";
  }
  EXPECT_EQ(fn::Softplus::f(1000.0, 0), 1000.0);
  EXPECT_EQ(fn::Softplus::f(-1000.0, 0), 0.0);
  EXPECT_EQ(fn::Softplus::f(1e308, 0), 1e308);
}

TEST(ActivationStability, EveryFunctionAndDerivativeIsFiniteAtExtremeInputs) {
  const double denormal = std::numeric_limits<double>::denorm_min();
  const double smallestNormal = std::numeric_limits<double>::min();
  const std::vector<double> inputs{1e308, -1e308, 1000.0, -1000.0, 1e-300, -1e-300, 0.0, -0.0,
                                   denormal, -denormal, smallestNormal / 2, -smallestNormal / 2, 745.0, -745.0};
  for (const Case& c : everyCase()) {
    const ActivationInfo& info = activationInfo(c.kind);
    for (double z : inputs) {
      EXPECT_TRUE(std::isfinite(info.f(z, c.alpha))) << describe(c) << " f(" << z << ") = " << info.f(z, c.alpha);
      EXPECT_TRUE(std::isfinite(info.df(z, c.alpha))) << describe(c) << " f'(" << z << ") = " << info.df(z, c.alpha);
    }
  }
}

// Fails with the header's s (1 - s) and (1 - t)(1 + t): both lose all relative precision as the
// output rounds to 1 (sigmoid'(z) = 0 for z >= 37 while sigmoid'(-z) > 0; tanh'(z) = 0 for
// |z| >= 19.1). The references sigmoid(z) sigmoid(-z) and 1 / cosh(z)^2 are exact identities.
TEST(ActivationDerivative, SigmoidAndTanhDerivativesKeepRelativePrecisionInTheTails) {
  for (int i = -3500; i <= 3500; ++i) {
    const double z = i / 10.0;
    const double sigmoidReference = fn::Sigmoid::f(z, 0) * fn::Sigmoid::f(-z, 0);
    const double coshZ = std::cosh(z);
    const double tanhReference = 1.0 / (coshZ * coshZ);
    EXPECT_NEAR(fn::Sigmoid::df(z, 0), sigmoidReference, 1e-14 * sigmoidReference) << "sigmoid'(" << z << ")";
    EXPECT_NEAR(fn::Tanh::df(z, 0), tanhReference, 1e-14 * tanhReference) << "tanh'(" << z << ")";
    if (HasFailure()) return;
  }
}

TEST(ActivationValues, MatchKnownValues) {
  EXPECT_EQ(fn::Sigmoid::f(0.0, 0), 0.5);
  EXPECT_EQ(fn::Sigmoid::df(0.0, 0), 0.25);
  EXPECT_DOUBLE_EQ(fn::Sigmoid::f(std::log(9.0), 0), 0.9) << "the race starts at x0 = ln 9";
  for (int i = -50; i <= 50; ++i) {
    const double z = i / 10.0;
    EXPECT_NEAR(fn::Tanh::f(z, 0), 2.0 * fn::Sigmoid::f(2.0 * z, 0) - 1.0, 1e-15) << "tanh(" << z << ")";
  }
  EXPECT_EQ(fn::Tanh::df(0.0, 0), 1.0);
  EXPECT_NEAR(fn::Selu::scale, 1.0507009873554805, 1e-16);
  EXPECT_NEAR(fn::Selu::negativeAlpha, 1.6732632423543772, 1e-16);
  EXPECT_EQ(fn::Selu::f(1.0, 0), fn::Selu::scale);
  EXPECT_NEAR(fn::Selu::f(-1000.0, 0), -1.7580993408473766, 1e-15) << "selu saturates at -scale * alpha";
  EXPECT_NEAR(fn::Gelu::f(1.0, 0), 0.8413447460685429, 1e-15);
  EXPECT_NEAR(fn::Gelu::f(-1.0, 0), -0.15865525393145707, 1e-15);
  EXPECT_EQ(fn::Gelu::df(0.0, 0), 0.5);
  EXPECT_NEAR(fn::Silu::f(1.0, 0), 0.7310585786300049, 1e-15);
  EXPECT_EQ(fn::Silu::df(0.0, 0), 0.5);
  EXPECT_NEAR(fn::Softplus::f(0.0, 0), std::log(2.0), 1e-16);
  EXPECT_EQ(fn::Softsign::f(1.0, 0), 0.5);
  EXPECT_EQ(fn::Softsign::f(-3.0, 0), -0.75);
  EXPECT_EQ(fn::Softsign::df(1.0, 0), 0.25);
  EXPECT_EQ(fn::HardSigmoid::f(0.0, 0), 0.5);
  EXPECT_EQ(fn::HardSigmoid::f(1.5, 0), 0.75);
  EXPECT_EQ(fn::HardSigmoid::f(-10.0, 0), 0.0);
  EXPECT_EQ(fn::Elu::f(-1.0, 1.0), std::exp(-1.0) - 1.0);
  EXPECT_EQ(fn::LeakyRelu::f(-2.0, 0.1), -0.2);
  EXPECT_EQ(fn::Relu::f(-2.0, 0), 0.0);
  EXPECT_EQ(fn::Relu::df(2.0, 0), 1.0) << "relu' is 1 only for z > 0";
  EXPECT_EQ(fn::Relu::df(-2.0, 0), 0.0) << "relu' is 0 for z < 0";
  EXPECT_EQ(fn::Linear::f(-7.5, 0), -7.5);
}

TEST(BatchedEvaluation, EqualsTheScalarTableFunctionElementByElement) {
  std::vector<double> z;
  for (int i = -400; i <= 400; ++i) z.push_back(i / 40.0);
  for (double extreme : {1e308, -1e308, 1000.0, -1000.0, 1e-300, -0.0}) z.push_back(extreme);
  std::vector<double> values(z.size()), slopes(z.size());
  for (const Case& c : everyCase()) {
    const ActivationInfo& info = activationInfo(c.kind);
    evaluateActivation(c.kind, c.alpha, z.data(), values.data(), z.size());
    evaluateDerivative(c.kind, c.alpha, z.data(), slopes.data(), z.size());
    for (std::size_t i = 0; i < z.size(); ++i) {
      ASSERT_EQ(values[i], info.f(z[i], c.alpha)) << describe(c) << " f at z = " << z[i];
      ASSERT_EQ(slopes[i], info.df(z[i], c.alpha)) << describe(c) << " f' at z = " << z[i];
    }
  }
  EXPECT_NO_THROW(evaluateActivation(K::Relu, 0.0, nullptr, nullptr, 0)) << "an empty batch is allowed";
}

TEST(ActivationLayerTest, ForwardAppliesFAndRejectsAnInvalidAlpha) {
  ActivationLayer layer(K::Elu, 2.0);
  const std::vector<double> z{-2.0, -0.5, 0.0, 0.5, 3.0};
  const std::vector<double>& out = layer.forward(z);
  ASSERT_EQ(out.size(), z.size());
  for (std::size_t i = 0; i < z.size(); ++i) EXPECT_EQ(out[i], fn::Elu::f(z[i], 2.0)) << "z = " << z[i];
  EXPECT_THROW(ActivationLayer(K::LeakyRelu, 1.0), std::invalid_argument);
}

TEST(ActivationLayerTest, BackwardTwiceGivesTheSameAnswerAndMatchesFiniteDifferences) {
  for (K kind : {K::Sigmoid, K::Tanh, K::Gelu, K::LeakyRelu}) {
    const double alpha = activationInfo(kind).defaultAlpha;
    ActivationLayer layer(kind, alpha);
    const std::vector<double> z{-2.5, -0.7, 0.3, 1.1, 4.0, -0.01};
    const std::vector<double> upstream{0.3, -1.2, 0.8, 2.0, -0.4, 1.5};
    layer.forward(z);
    const std::vector<double> first = layer.backward(upstream);
    const std::vector<double> second = layer.backward(upstream);
    EXPECT_EQ(first, second) << activationInfo(kind).name << ": backward must not change the cache";
    constexpr double h = 1e-6;
    for (std::size_t i = 0; i < z.size(); ++i) {
      // d/dz_i of sum_k upstream_k f(z_k) = upstream_i f'(z_i).
      const double difference =
          upstream[i] * (activationInfo(kind).f(z[i] + h, alpha) - activationInfo(kind).f(z[i] - h, alpha)) / (2 * h);
      EXPECT_NEAR(first[i], difference, 1e-8) << activationInfo(kind).name << " gradient " << i;
    }
  }
}

TEST(ActivationLayerTest, BackwardThrowsOnASizeMismatch) {
  ActivationLayer layer(K::Relu, 0.0);
  EXPECT_THROW(layer.backward({1.0}), std::invalid_argument) << "backward before forward has no cached input";
  layer.forward({1.0, -1.0, 2.0});
  EXPECT_THROW(layer.backward({1.0, 1.0}), std::invalid_argument);
  EXPECT_EQ(layer.backward({1.0, 1.0, 1.0}), (std::vector<double>{1.0, 0.0, 1.0}));
}

}  // namespace
}  // namespace alab
