// Real-valued targets, one-input data and networks without biases: steps computed by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "curves.hpp"
#include "datasets.hpp"
#include "network.hpp"
#include "rng.hpp"
#include "trainer.hpp"

namespace alab {
namespace {

NetworkConfig oneInput(std::vector<int> hidden, OutputHead head, ActivationKind kind = ActivationKind::Relu) {
  NetworkConfig config;
  config.inputs = 1;
  config.hiddenUnits = std::move(hidden);
  config.hiddenActivation = kind;
  config.head = head;
  return config;
}

// A trainer over all of `data` (no test set), full batch, no shuffling, plain SGD at `rate`.
Trainer fullBatch(const NetworkConfig& config, const Dataset& data, double rate) {
  TrainSettings settings;
  settings.learningRate = rate;
  settings.batchSize = static_cast<int>(data.size());
  return Trainer(config, splitDataset(data, 1.0, 1), settings, 0, 1, false);
}

TEST(Regression, OneWeightNeuronTakesTheHandComputedStep) {
  // y = w x with w = 0.5 on (0.5, 1) and (1, 1.5): errors -0.75 and -1, loss = (0.28125 + 0.5) / 2
  // = 0.390625, dL/dw = (-0.75 * 0.5 + -1 * 1) / 2 = -0.6875, so rate 0.1 gives w = 0.56875; no bias moves.
  NetworkConfig config = oneInput({}, OutputHead::LinearSquaredError);
  config.bias = false;
  Trainer trainer = fullBatch(config, regressionFromPoints({0.5, 1}, {1, 1.5}, 1), 0.1);
  trainer.editNetwork().setParameters(0, {0.5}, {0.0});
  EXPECT_DOUBLE_EQ(trainer.network().loss(trainer.data().train), 0.390625);
  trainer.train(1);
  EXPECT_DOUBLE_EQ(trainer.network().weights(0)[0], 0.56875);
  EXPECT_EQ(trainer.network().biases(0)[0], 0.0) << "bias: false keeps every bias at 0";
  EXPECT_EQ(trainer.network().parameterCount(), 1.0) << "only the weight counts as a parameter";
}

TEST(Regression, ReluUnitAndLinearOutputTakeTheHandComputedStep) {
  // Hidden z = 1 x - 0.5, a = relu(z); y = 2 a + 0.1. At x = 1, t = 0.3: a = 0.5, y = 1.1, error 0.8,
  // loss 0.32. Gradients: dc = 0.8, dv = 0.8 * 0.5 = 0.4, dz = 0.8 * 2 = 1.6 so dw = db = 1.6.
  // Rate 0.5: c = -0.3, v = 1.8, w = 0.2, b = -1.3.
  Trainer trainer = fullBatch(oneInput({1}, OutputHead::LinearSquaredError), regressionFromPoints({1}, {0.3}, 1), 0.5);
  Network& net = trainer.editNetwork();
  net.setParameters(0, {1.0}, {-0.5});
  net.setParameters(1, {2.0}, {0.1});
  EXPECT_DOUBLE_EQ(net.loss(trainer.data().train), 0.32);
  trainer.train(1);
  EXPECT_DOUBLE_EQ(net.weights(0)[0], 0.2);
  EXPECT_DOUBLE_EQ(net.biases(0)[0], -1.3);
  EXPECT_DOUBLE_EQ(net.weights(1)[0], 1.8);
  EXPECT_DOUBLE_EQ(net.biases(1)[0], -0.3);
}

TEST(Regression, SigmoidOutputTrainsOnARealTarget) {
  // y = sigmoid(w x + b) with w = b = 0 at x = 1.2, t = 0.8: y = 0.5, loss = 0.09 / 2 = 0.045,
  // dL/dz = (0.5 - 0.8) * 0.25 = -0.075, dw = -0.09, db = -0.075; rate 1 gives w = 0.09, b = 0.075.
  Trainer trainer = fullBatch(oneInput({}, OutputHead::SigmoidSquaredError), regressionFromPoints({1.2}, {0.8}, 1), 1.0);
  trainer.editNetwork().setParameters(0, {0.0}, {0.0});
  EXPECT_DOUBLE_EQ(trainer.network().loss(trainer.data().train), 0.045);
  trainer.train(1);
  EXPECT_DOUBLE_EQ(trainer.network().weights(0)[0], 0.09);
  EXPECT_DOUBLE_EQ(trainer.network().biases(0)[0], 0.075);
}

TEST(Regression, GradientMatchesCentralDifferencesForEveryParameter) {
  Dataset data = makeCurve(CurveKind::Sin, 12, 0.5, 3);
  for (const OutputHead head : {OutputHead::LinearSquaredError, OutputHead::SigmoidSquaredError}) {
    NetworkConfig config = oneInput({5, 3}, head, ActivationKind::Tanh);
    if (head == OutputHead::SigmoidSquaredError)
      for (double& t : data.target) t = 0.5 + 0.4 * std::tanh(t);
    Network net(config);
    Rng rng(5);
    for (std::size_t l = 0; l < net.layerCount(); ++l) {
      std::vector<double> b(net.biases(l).size());
      for (double& v : b) v = rng.uniform(-0.5, 0.5);
      net.setParameters(l, net.weights(l), b);
    }
    std::vector<std::size_t> all(data.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    net.accumulateGradient(data, all.data(), all.size());
    double largest = 0;
    for (std::size_t l = 0; l < net.layerCount(); ++l) {
      for (std::size_t i = 0; i < net.weights(l).size(); ++i) {
        std::vector<double> w = net.weights(l);
        const double original = w[i], h = 1e-6;
        w[i] = original + h;
        Network plus = net;
        plus.setParameters(l, w, net.biases(l));
        w[i] = original - h;
        Network minus = net;
        minus.setParameters(l, w, net.biases(l));
        const double numeric = (plus.loss(data) - minus.loss(data)) / (2 * h);
        EXPECT_NEAR(net.weightGradient(l)[i], numeric, 1e-7) << outputHeadName(head) << " layer " << l << " weight " << i;
        largest = std::max(largest, std::fabs(numeric));
      }
    }
    EXPECT_GT(largest, 1e-3) << "the gradient must not be trivially zero";
  }
}

TEST(Regression, HeadsThatNeedLabelsRefuseTargetsAndSigmoidTargetsStayInZeroToOne) {
  const Dataset data = regressionFromPoints({0.1, 0.2}, {0.5, 2.0}, 1);
  for (const OutputHead head : {OutputHead::TanhSquaredError, OutputHead::SigmoidCrossEntropy})
    EXPECT_THROW(fullBatch(oneInput({2}, head), data, 0.1), std::invalid_argument) << outputHeadName(head);
  try {
    fullBatch(oneInput({2}, OutputHead::SigmoidSquaredError), data, 0.1);
    FAIL() << "a target of 2 is outside sigmoid_mse's [0, 1]";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("target 2"), std::string::npos) << error.what();
  }
  EXPECT_THROW(regressionFromPoints({0.1}, {1000}, 1), std::invalid_argument) << "targets outside limits::targetValue";
  EXPECT_THROW(regressionFromPoints({0.1, 0.2}, {1}, 1), std::invalid_argument) << "two coordinates for one target";
}

TEST(Regression, AccuracyIsZeroInTheHistoryAndRefusedDirectly) {
  Trainer trainer = fullBatch(oneInput({3}, OutputHead::LinearSquaredError), makeCurve(CurveKind::Abs, 10, 0, 1), 0.1);
  trainer.recordStats();
  EXPECT_EQ(trainer.history().back().trainAccuracy, 0.0) << "no classes: histories never hold NaN";
  EXPECT_THROW(trainer.network().accuracy(trainer.data().train), std::invalid_argument);
  EXPECT_EQ(trainer.units().total, 3) << "dead units are classified on 1-D data too";
}

TEST(Regression, BiasFalseRefusesNonZeroBiases) {
  NetworkConfig config = oneInput({2}, OutputHead::LinearSquaredError);
  config.bias = false;
  Network net(config);
  EXPECT_THROW(net.setParameters(0, net.weights(0), {0.0, 0.1}), std::invalid_argument);
  EXPECT_EQ(net.parameterCount(), 4.0) << "2 input weights and 2 outgoing weights";
}

TEST(Regression, SplittingOneInputDataKeepsEachXWithItsTarget) {
  const Dataset data = makeCurve(CurveKind::Square, 20, 0, 1);
  const DatasetSplit split = splitDataset(data, 0.75, 4);
  EXPECT_EQ(split.train.size(), 15u);
  EXPECT_EQ(split.test.size(), 5u);
  for (const Dataset* part : {&split.train, &split.test}) {
    EXPECT_TRUE(part->regression);
    EXPECT_EQ(part->inputs, 1);
    for (std::size_t i = 0; i < part->size(); ++i) EXPECT_DOUBLE_EQ(part->target[i], part->x[i] * part->x[i]);
  }
}

TEST(Curves, SampleTheirFormulasOnMinusOneToOne) {
  const Dataset sin = makeCurve(CurveKind::Sin, 5, 0, 1);  // x = -1, -0.5, 0, 0.5, 1
  EXPECT_EQ(sin.x, (std::vector<double>{-1, -0.5, 0, 0.5, 1}));
  EXPECT_NEAR(sin.target[1], -1.0, 1e-15);
  EXPECT_NEAR(sin.target[3], 1.0, 1e-15);
  EXPECT_EQ(makeCurve(CurveKind::Step, 5, 0, 1).target, (std::vector<double>{0, 0, 0, 1, 1}));
  EXPECT_EQ(makeCurve(CurveKind::Abs, 5, 0, 1).target, (std::vector<double>{1, 0.5, 0, 0.5, 1}));
  EXPECT_EQ(makeCurve(CurveKind::Sawtooth, 5, 0, 1).target, (std::vector<double>{-1, 0, -1, 0, -1}));
  const Dataset noisy = makeCurve(CurveKind::Square, 200, 1, 7);
  double sum = 0, squares = 0;
  for (std::size_t i = 0; i < noisy.size(); ++i) {
    const double e = noisy.target[i] - noisy.x[i] * noisy.x[i];
    sum += e;
    squares += e * e;
  }
  EXPECT_NEAR(std::sqrt(squares / 200 - (sum / 200) * (sum / 200)), 0.3, 0.05) << "noise 1 has standard deviation 0.3";
  EXPECT_EQ(makeCurve(CurveKind::Square, 200, 1, 7).target, noisy.target) << "same seed, same noise";
  EXPECT_THROW(makeCurve(CurveKind::Sin, 1, 0, 1), std::invalid_argument);
  EXPECT_THROW(curveKindFromName("cos"), std::invalid_argument);
}

}  // namespace
}  // namespace alab
