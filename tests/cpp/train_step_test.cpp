// Network::trainStep against accumulateGradient followed by applyGradient: the same state, bit for
// bit, whether or not the step takes the one-example sgd path that skips the gradient buffers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "activations.hpp"
#include "network.hpp"
#include "rng.hpp"
#include "test_helpers.hpp"

namespace alab {
namespace {

using testing::sameBits;
using testing::stateOf;

// n points uniform in [-1, 1]^2: labels cycling through `classes`, or real targets for regression.
Dataset points(std::size_t n, int classes, bool regression, uint64_t seed) {
  Rng rng(seed);
  Dataset data;
  data.classes = classes;
  data.regression = regression;
  for (std::size_t p = 0; p < n; ++p) {
    const double x = rng.uniform(-1.0, 1.0), y = rng.uniform(-1.0, 1.0);
    data.x.insert(data.x.end(), {x, y});
    if (regression) data.target.push_back(x * y - 0.3 * x);
    else data.label.push_back(static_cast<int>(p % classes));
  }
  return data;
}

struct Case {
  ActivationKind activation;
  OutputHead head;
  std::vector<int> hidden;
  bool bias;
  TrainSettings settings;
};

// Trains two copies for `steps` steps of batch `batch` in data order, one with trainStep, one with
// accumulateGradient + applyGradient, and expects the same loss, finiteness and state at every step.
void expectSameRun(const Case& c, int batch, int steps, const std::string& label) {
  NetworkConfig config;
  config.hiddenUnits = c.hidden;
  config.hiddenActivation = c.activation;
  config.alpha = activationInfo(c.activation).defaultAlpha;
  config.head = c.head;
  config.classes = c.head == OutputHead::SoftmaxCrossEntropy ? 3 : 2;
  config.bias = c.bias;
  config.initialBias = c.bias ? 0.1 : 0.0;
  config.seed = 5;
  const bool regression = c.head == OutputHead::LinearSquaredError;
  const Dataset data = points(23, config.classes, regression, 3);
  Network fused(config), reference(config);
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = (i * 7) % order.size();
  for (int step = 0; step < steps; ++step) {
    const std::size_t first = (static_cast<std::size_t>(step) * batch) % order.size();
    const std::size_t count = std::min<std::size_t>(batch, order.size() - first);
    const auto [loss, finite] = fused.trainStep(data, order.data() + first, count, c.settings);
    const double referenceLoss = reference.accumulateGradient(data, order.data() + first, count);
    const bool referenceFinite = reference.applyGradient(c.settings);
    ASSERT_TRUE(sameBits(loss, referenceLoss)) << label << " step " << step << ": loss " << loss << " vs " << referenceLoss;
    ASSERT_EQ(finite, referenceFinite) << label << " step " << step;
    ASSERT_TRUE(sameBits(stateOf(fused), stateOf(reference))) << label << " step " << step << ": states differ";
    if (!finite) return;
  }
}

TEST(TrainStep, OneExampleSgdMatchesAccumulateThenApplyBitForBit) {
  const ActivationKind activations[] = {ActivationKind::Relu, ActivationKind::Tanh, ActivationKind::Sigmoid,
                                        ActivationKind::LeakyRelu, ActivationKind::Elu, ActivationKind::Prelu};
  const OutputHead heads[] = {OutputHead::SigmoidCrossEntropy, OutputHead::SoftmaxCrossEntropy,
                              OutputHead::LinearSquaredError, OutputHead::TanhSquaredError};
  // Widths 1 to 8 are unrolled at compile time, wider ones are not; odd widths leave a single value.
  const std::vector<std::vector<int>> shapes = {{8, 8}, {3, 5, 1}, {12, 9}};
  int cases = 0;
  for (const ActivationKind activation : activations)
    for (const OutputHead head : heads)
      for (const auto& hidden : shapes)
        for (const bool bias : {true, false})
          for (const double momentum : {0.0, 0.9})
            for (const double l2 : {0.0, 0.01}) {
              TrainSettings settings;
              settings.learningRate = 0.2;
              settings.momentum = momentum;
              settings.l2 = l2;
              const std::string label = std::string(activationInfo(activation).name) + " head " +
                                        std::to_string(static_cast<int>(head)) + " widths " +
                                        std::to_string(hidden[0]) + " bias " + std::to_string(bias) +
                                        " momentum " + std::to_string(momentum) + " l2 " + std::to_string(l2);
              expectSameRun({activation, head, hidden, bias, settings}, 1, 60, label);
              ++cases;
            }
  EXPECT_EQ(cases, 6 * 4 * 3 * 2 * 2 * 2);
}

TEST(TrainStep, OtherStepsTakeTheGradientBuffers) {
  TrainSettings l1;
  l1.l1 = 0.01;
  TrainSettings adam;
  adam.optimizer = Optimizer::Adam;
  for (const TrainSettings& settings : {TrainSettings{}, l1, adam}) {
    expectSameRun({ActivationKind::Relu, OutputHead::SigmoidCrossEntropy, {8, 8}, true, settings}, 1, 40, "batch 1");
    expectSameRun({ActivationKind::Tanh, OutputHead::SigmoidCrossEntropy, {8, 8}, true, settings}, 5, 40, "batch 5");
  }
}

TEST(TrainStep, DivergesAtTheSameStep) {
  TrainSettings settings;
  settings.learningRate = 1e6;
  expectSameRun({ActivationKind::Relu, OutputHead::LinearSquaredError, {8, 8}, true, settings}, 1, 60, "lr 1e6");
}

TEST(TrainStep, SwitchingToSgdStartsItsVelocitiesFromZero) {
  NetworkConfig config;
  config.hiddenUnits = {4};
  const Dataset data = points(6, 2, false, 8);
  const std::vector<std::size_t> one = {2};
  TrainSettings adam, sgd;
  adam.optimizer = Optimizer::Adam;
  sgd.momentum = 0.9;
  Network fused(config), reference(config);
  for (Network* net : {&fused, &reference}) {
    net->accumulateGradient(data, one.data(), 1);
    net->applyGradient(adam);
  }
  fused.trainStep(data, one.data(), 1, sgd);
  reference.accumulateGradient(data, one.data(), 1);
  reference.applyGradient(sgd);
  EXPECT_TRUE(sameBits(stateOf(fused), stateOf(reference)));
}

TEST(TrainStep, AddsToAGradientAlreadyAccumulated) {
  NetworkConfig config;
  config.hiddenUnits = {4, 4};
  const Dataset data = points(6, 2, false, 8);
  const std::vector<std::size_t> first = {0, 1, 2}, next = {4};
  Network fused(config), reference(config);
  fused.accumulateGradient(data, first.data(), first.size());
  fused.trainStep(data, next.data(), 1, TrainSettings{});
  reference.accumulateGradient(data, first.data(), first.size());
  reference.accumulateGradient(data, next.data(), 1);
  reference.applyGradient(TrainSettings{});
  EXPECT_TRUE(sameBits(stateOf(fused), stateOf(reference)));
}

TEST(TrainStep, SignedZeroWeightsKeepTheirBits) {
  NetworkConfig config;
  config.hiddenUnits = {4};
  const Dataset data = points(6, 2, false, 8);
  Network fused(config), reference(config);
  for (Network* net : {&fused, &reference}) {
    std::vector<double> w = net->weights(0);
    w[0] = -0.0;
    w[3] = 0.0;
    net->setParameters(0, w, net->biases(0));
  }
  TrainSettings settings;
  settings.momentum = 0.5;
  for (std::size_t p = 0; p < data.size(); ++p) {
    fused.trainStep(data, &p, 1, settings);
    reference.accumulateGradient(data, &p, 1);
    reference.applyGradient(settings);
    ASSERT_TRUE(sameBits(stateOf(fused), stateOf(reference))) << "step " << p;
  }
}

}  // namespace
}  // namespace alab
