// L1 regularisation: l1 |W|_1 added to the loss of the weights, stepped with the subgradient
// l1 sign(w) and 0 at w = 0. Steps computed by hand.
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "datasets.hpp"
#include "network.hpp"
#include "trainer.hpp"

namespace alab {
namespace {

// y = w x, no bias, linear_mse, full batch, plain SGD at rate 0.1 with the given l1.
Trainer oneWeight(const std::vector<double>& x, const std::vector<double>& t, double w, double l1) {
  NetworkConfig config;
  config.inputs = 1;
  config.hiddenUnits = {};
  config.head = OutputHead::LinearSquaredError;
  config.bias = false;
  TrainSettings settings;
  settings.learningRate = 0.1;
  settings.batchSize = static_cast<int>(x.size());
  settings.l1 = l1;
  Trainer trainer(config, splitDataset(regressionFromPoints(x, t, 1), 1.0, 1), settings, 0, 1, false);
  trainer.editNetwork().setParameters(0, {w}, {0.0});
  return trainer;
}

TEST(L1, AddsL1TimesTheSignOfTheWeightToItsGradient) {
  // Data gradient at w = 0.5 on (0.5, 1), (1, 1.5) is -0.6875 (see regression_test.cpp); with
  // l1 = 0.1 the step uses -0.6875 + 0.1 = -0.5875, so w = 0.5 + 0.1 * 0.5875 = 0.55875.
  Trainer trainer = oneWeight({0.5, 1}, {1, 1.5}, 0.5, 0.1);
  trainer.train(1);
  EXPECT_DOUBLE_EQ(trainer.network().weights(0)[0], 0.55875);
}

TEST(L1, PullsAWeightTowardZeroAndLeavesAZeroWeightAtZero) {
  // The fit is exact (data gradient 0): only L1 acts. w = -0.3 moves by rate * l1 = 0.01 toward 0;
  // w = 0 has subgradient 0 and stays exactly 0 (sign(0) taken as 1 would push it to -0.01).
  Trainer negative = oneWeight({1}, {-0.3}, -0.3, 0.1);
  negative.train(1);
  EXPECT_DOUBLE_EQ(negative.network().weights(0)[0], -0.29);
  Trainer zero = oneWeight({1}, {0}, 0.0, 0.1);
  zero.train(10);
  EXPECT_EQ(zero.network().weights(0)[0], 0.0);
}

TEST(L1, LeavesBiasesAloneAndIsValidated) {
  NetworkConfig config;
  config.inputs = 1;
  config.hiddenUnits = {3};
  config.head = OutputHead::LinearSquaredError;
  TrainSettings plain;
  plain.batchSize = 5;
  TrainSettings withL1 = plain;
  withL1.l1 = 0.5;
  const Dataset data = regressionFromPoints({-1, -0.5, 0, 0.5, 1}, {1, 0.25, 0, 0.25, 1}, 1);
  Trainer a(config, splitDataset(data, 1.0, 1), plain, 0, 1, false);
  Trainer b(config, splitDataset(data, 1.0, 1), withL1, 0, 1, false);
  a.train(1);
  b.train(1);
  for (std::size_t l = 0; l < a.network().layerCount(); ++l) {
    EXPECT_EQ(a.network().biases(l), b.network().biases(l)) << "layer " << l;
    EXPECT_NE(a.network().weights(l), b.network().weights(l)) << "layer " << l;
  }
  withL1.l1 = -1;
  EXPECT_THROW(validateSettings(withL1), std::invalid_argument);
}

}  // namespace
}  // namespace alab
