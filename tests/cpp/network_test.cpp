#include "network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "activations.hpp"
#include "rng.hpp"

namespace alab {
namespace {

const OutputHead allHeads[] = {OutputHead::TanhSquaredError, OutputHead::SigmoidSquaredError,
                               OutputHead::SigmoidCrossEntropy, OutputHead::SoftmaxCrossEntropy,
                               OutputHead::LinearSquaredError};

// n points uniform in [-1, 1]^inputs with labels cycling through `classes`.
Dataset randomPoints(std::size_t n, int inputs, int classes, uint64_t seed) {
  Rng rng(seed);
  Dataset data;
  data.classes = classes;
  for (std::size_t p = 0; p < n; ++p) {
    for (int i = 0; i < inputs; ++i) data.x.push_back(rng.uniform(-1.0, 1.0));
    data.label.push_back(static_cast<int>(p % classes));
  }
  return data;
}

NetworkConfig smallConfig(ActivationKind kind, OutputHead head) {
  NetworkConfig config;
  config.inputs = 2;
  config.hiddenUnits = {3, 4};
  config.hiddenActivation = kind;
  config.alpha = activationInfo(kind).defaultAlpha;
  config.head = head;
  config.classes = head == OutputHead::SoftmaxCrossEntropy ? 3 : 2;
  config.seed = 11;
  return config;
}

// Gives every bias a random value in [-0.5, 0.5] so bias gradients are exercised too.
void randomiseBiases(Network& net, uint64_t seed) {
  Rng rng(seed);
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    std::vector<double> biases(net.biases(l).size());
    for (double& b : biases) b = rng.uniform(-0.5, 0.5);
    net.setParameters(l, net.weights(l), biases);
  }
}

std::vector<std::size_t> allIndices(const Dataset& data) {
  std::vector<std::size_t> indices(data.size());
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  return indices;
}

// Central finite difference of loss() with respect to one weight (isBias false) or bias.
double numericGradient(Network& net, const Dataset& data, std::size_t layer, bool isBias, std::size_t index) {
  const double h = 1e-5;
  std::vector<double> weights = net.weights(layer), biases = net.biases(layer);
  double& value = isBias ? biases[index] : weights[index];
  const double original = value;
  value = original + h;
  net.setParameters(layer, weights, biases);
  const double up = net.loss(data);
  value = original - h;
  net.setParameters(layer, weights, biases);
  const double down = net.loss(data);
  value = original;
  net.setParameters(layer, weights, biases);
  return (up - down) / (2.0 * h);
}

void expectGradientMatchesFiniteDifferences(const NetworkConfig& config) {
  Network net(config);
  randomiseBiases(net, 5);
  const Dataset data = randomPoints(6, config.inputs, net.outputs() > 1 ? net.outputs() : 2, 3);
  const auto indices = allIndices(data);
  const double loss = net.accumulateGradient(data, indices.data(), indices.size());
  EXPECT_NEAR(loss, net.loss(data), 1e-12) << "accumulateGradient returns the mean loss";
  const bool stepHidden = config.hiddenActivation == ActivationKind::Step;
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    const bool hidden = l + 1 < net.layerCount();
    double largest = 0.0;
    for (int isBias = 0; isBias < 2; ++isBias) {
      const std::vector<double> analytic = isBias ? net.biasGradient(l) : net.weightGradient(l);
      for (std::size_t i = 0; i < analytic.size(); ++i) {
        largest = std::max(largest, std::fabs(analytic[i]));
        if (stepHidden && hidden) {
          EXPECT_EQ(analytic[i], 0.0) << "step passes no gradient: layer " << l << (isBias ? " bias " : " weight ") << i;
          continue;
        }
        const double numeric = numericGradient(net, data, l, isBias, i);
        EXPECT_NEAR(analytic[i], numeric, 1e-7 + 1e-5 * std::fabs(numeric))
            << "layer " << l << (isBias ? " bias " : " weight ") << i;
      }
    }
    if (!(stepHidden && hidden)) {
      EXPECT_GT(largest, 1e-6) << "layer " << l << " gradient is not all zeros";
    }
  }
}

TEST(NetworkGradient, MatchesFiniteDifferencesForEveryHeadAndActivation) {
  for (const OutputHead head : allHeads) {
    for (const ActivationInfo& info : activationTable()) {
      SCOPED_TRACE(std::string(outputHeadName(head)) + " with " + info.name);
      expectGradientMatchesFiniteDifferences(smallConfig(info.kind, head));
    }
  }
}

TEST(NetworkGradient, MatchesFiniteDifferencesWithoutHiddenLayers) {
  for (const OutputHead head : allHeads) {
    SCOPED_TRACE(outputHeadName(head));
    NetworkConfig config = smallConfig(ActivationKind::Relu, head);
    config.hiddenUnits.clear();
    expectGradientMatchesFiniteDifferences(config);
  }
}

TEST(NetworkGradient, MatchesFiniteDifferencesForADeepWideNetwork) {
  NetworkConfig config = smallConfig(ActivationKind::Tanh, OutputHead::SoftmaxCrossEntropy);
  config.inputs = 5;
  config.hiddenUnits = {12, 9, 1, 7, 10, 4};
  config.init = InitScheme::Xavier;
  expectGradientMatchesFiniteDifferences(config);
}

TEST(NetworkGradient, AccumulatesAcrossCallsAndApplyClearsIt) {
  Network net(smallConfig(ActivationKind::Tanh, OutputHead::SigmoidCrossEntropy));
  const Dataset data = randomPoints(4, 2, 2, 9);
  const auto indices = allIndices(data);
  net.accumulateGradient(data, indices.data(), indices.size());
  const std::vector<double> once = net.weightGradient(0);
  net.accumulateGradient(data, indices.data(), indices.size());
  for (std::size_t i = 0; i < once.size(); ++i) EXPECT_DOUBLE_EQ(net.weightGradient(0)[i], 2.0 * once[i]);
  net.applyGradient(TrainSettings{});
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    for (const double g : net.weightGradient(l)) EXPECT_EQ(g, 0.0) << "applyGradient clears the weight gradient";
    for (const double g : net.biasGradient(l)) EXPECT_EQ(g, 0.0) << "applyGradient clears the bias gradient";
  }
}

TEST(NetworkUpdate, MomentumAndL2FollowTheClassicFormulas) {
  Network net(smallConfig(ActivationKind::Relu, OutputHead::LinearSquaredError));
  randomiseBiases(net, 4);
  const Dataset data = randomPoints(5, 2, 2, 8);
  const auto indices = allIndices(data);
  TrainSettings settings;
  settings.learningRate = 0.1;
  settings.momentum = 0.9;
  settings.l2 = 0.01;
  const std::size_t out = net.layerCount() - 1;
  std::vector<double> w = net.weights(out), b = net.biases(out);
  std::vector<double> vw(w.size(), 0.0), vb(b.size(), 0.0);
  for (int step = 0; step < 2; ++step) {
    net.accumulateGradient(data, indices.data(), indices.size());
    const std::vector<double> gw = net.weightGradient(out), gb = net.biasGradient(out);
    net.applyGradient(settings);
    for (std::size_t i = 0; i < w.size(); ++i) {
      vw[i] = 0.9 * vw[i] - 0.1 * (gw[i] + 0.01 * w[i]);
      w[i] += vw[i];
      EXPECT_DOUBLE_EQ(net.weights(out)[i], w[i]) << "step " << step << " weight " << i << ": v = mu v - lr (g + l2 w)";
    }
    for (std::size_t i = 0; i < b.size(); ++i) {
      vb[i] = 0.9 * vb[i] - 0.1 * gb[i];
      b[i] += vb[i];
      EXPECT_DOUBLE_EQ(net.biases(out)[i], b[i]) << "step " << step << " bias " << i << ": no L2 on biases";
    }
  }
}

TEST(NetworkUpdate, PlainSgdSubtractsRateTimesGradient) {
  Network net(smallConfig(ActivationKind::Sigmoid, OutputHead::SigmoidSquaredError));
  const Dataset data = randomPoints(5, 2, 2, 8);
  const auto indices = allIndices(data);
  const std::vector<double> before = net.weights(0);
  net.accumulateGradient(data, indices.data(), indices.size());
  const std::vector<double> gradient = net.weightGradient(0);
  TrainSettings settings;
  settings.learningRate = 0.5;
  net.applyGradient(settings);
  for (std::size_t i = 0; i < before.size(); ++i)
    EXPECT_DOUBLE_EQ(net.weights(0)[i], before[i] - 0.5 * gradient[i]) << "weight " << i;
}

// Pooled mean and variance of every weight divided by its layer's expected standard deviation.
void expectStandardisedMoments(const Network& net, double (*expectedSd)(int fanIn, int fanOut)) {
  double sum = 0.0, squares = 0.0;
  std::size_t count = 0;
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    const double sd = expectedSd(net.layerInputs(l), net.layerOutputs(l));
    for (const double w : net.weights(l)) {
      sum += w / sd;
      squares += (w / sd) * (w / sd);
      ++count;
    }
    for (const double b : net.biases(l)) EXPECT_EQ(b, 0.0) << "biases start at 0";
  }
  const double mean = sum / count;
  EXPECT_NEAR(mean, 0.0, 0.05) << "standardised weight mean over " << count << " weights";
  EXPECT_NEAR(squares / count - mean * mean, 1.0, 0.06) << "standardised weight variance over " << count << " weights";
}

NetworkConfig wideConfig(InitScheme init) {
  NetworkConfig config;
  config.inputs = 16;
  config.hiddenUnits = {32, 32, 32, 32, 32, 32};
  config.head = OutputHead::SoftmaxCrossEntropy;
  config.classes = 10;
  config.init = init;
  config.seed = 2024;
  return config;
}

TEST(NetworkInit, HeWeightsHaveStandardDeviationSqrtTwoOverFanIn) {
  expectStandardisedMoments(Network(wideConfig(InitScheme::He)),
                            [](int fanIn, int) { return std::sqrt(2.0 / fanIn); });
}

TEST(NetworkInit, XavierWeightsHaveStandardDeviationSqrtTwoOverFanInPlusFanOut) {
  expectStandardisedMoments(Network(wideConfig(InitScheme::Xavier)),
                            [](int fanIn, int fanOut) { return std::sqrt(2.0 / (fanIn + fanOut)); });
}

TEST(NetworkInit, SmallUniformWeightsLieInHalfUnitInterval) {
  const Network net(wideConfig(InitScheme::SmallUniform));
  expectStandardisedMoments(net, [](int, int) { return std::sqrt(1.0 / 12.0); });
  for (std::size_t l = 0; l < net.layerCount(); ++l)
    for (const double w : net.weights(l)) {
      EXPECT_GE(w, -0.5);
      EXPECT_LE(w, 0.5);
    }
}

TEST(NetworkInit, DrawsLayerByLayerRowMajorFromTheSeed) {
  NetworkConfig config = smallConfig(ActivationKind::Relu, OutputHead::SigmoidCrossEntropy);
  const Network net(config);
  Rng rng(config.seed);
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    const double sd = std::sqrt(2.0 / net.layerInputs(l));
    for (std::size_t i = 0; i < net.weights(l).size(); ++i)
      EXPECT_EQ(net.weights(l)[i], rng.normal(0.0, sd)) << "layer " << l << " weight " << i;
  }
}

TEST(NetworkInit, SameSeedGivesIdenticalWeightsAndAnotherSeedDiffers) {
  NetworkConfig config = smallConfig(ActivationKind::Relu, OutputHead::SigmoidCrossEntropy);
  const Network first(config), second(config);
  config.seed = 12;
  const Network other(config);
  for (std::size_t l = 0; l < first.layerCount(); ++l) EXPECT_EQ(first.weights(l), second.weights(l)) << "layer " << l;
  EXPECT_NE(first.weights(0), other.weights(0)) << "a different seed gives different weights";
}

TEST(NetworkShape, LayersFollowTheConfig) {
  NetworkConfig config = smallConfig(ActivationKind::Relu, OutputHead::SoftmaxCrossEntropy);
  config.classes = 4;
  const Network net(config);
  ASSERT_EQ(net.layerCount(), 3u);
  EXPECT_EQ(net.outputs(), 4);
  EXPECT_EQ(net.hiddenUnitCount(), 7);
  EXPECT_EQ(net.layerInputs(0), 2);
  EXPECT_EQ(net.layerOutputs(0), 3);
  EXPECT_EQ(net.layerInputs(2), 4);
  EXPECT_EQ(net.layerOutputs(2), 4);
  EXPECT_EQ(net.weights(1).size(), 12u) << "4 x 3 row-major";
  EXPECT_EQ(net.biases(2).size(), 4u);
  config.head = OutputHead::TanhSquaredError;
  config.classes = 2;
  EXPECT_EQ(Network(config).outputs(), 1) << "binary heads have one output";
}

// Message of the std::invalid_argument thrown by `body`, or "" when none is thrown.
template <class Body>
std::string errorOf(Body body) {
  try {
    body();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

void expectConfigError(const NetworkConfig& config, const std::string& expected) {
  const std::string message = errorOf([&] { validateConfig(config); });
  EXPECT_NE(message.find(expected), std::string::npos) << "expected an error containing '" << expected << "', got '"
                                                       << message << "'";
}

void expectSettingsError(const TrainSettings& settings, const std::string& expected) {
  const std::string message = errorOf([&] { validateSettings(settings); });
  EXPECT_NE(message.find(expected), std::string::npos) << "expected an error containing '" << expected << "', got '"
                                                       << message << "'";
}

TEST(NetworkValidation, HiddenLayerCountsFromZeroToSixAreValid) {
  NetworkConfig config;
  for (std::size_t layers = 0; layers <= 6; ++layers) {
    config.hiddenUnits.assign(layers, 4);
    EXPECT_NO_THROW(validateConfig(config)) << layers << " hidden layers";
  }
  config.hiddenUnits.clear();
  EXPECT_EQ(Network(config).layerCount(), 1u) << "0 hidden layers: only the output layer";
}

TEST(NetworkValidation, RejectsTooManyLayersAndBadUnitCounts) {
  NetworkConfig config;
  config.hiddenUnits.assign(7, 4);
  expectConfigError(config, "too many hidden layers: 7 (at most 6)");
  config.hiddenUnits.assign(100, 4);
  expectConfigError(config, "too many hidden layers: 100 (at most 6)");
  config.hiddenUnits = {8, 8, 40};
  expectConfigError(config, "hidden layer 3 has 40 units; allowed 1 to 32");
  config.hiddenUnits = {0};
  expectConfigError(config, "hidden layer 1 has 0 units; allowed 1 to 32");
  config.hiddenUnits = {33, 8};
  expectConfigError(config, "hidden layer 1 has 33 units");
  config.hiddenUnits = {1, 32};
  EXPECT_NO_THROW(validateConfig(config)) << "1 and 32 units are allowed";
}

TEST(NetworkValidation, RejectsBadInputsAlphaAndClasses) {
  NetworkConfig config;
  config.inputs = 0;
  expectConfigError(config, "inputs must be 1 to 16, got 0");
  config.inputs = 17;
  expectConfigError(config, "inputs must be 1 to 16, got 17");
  config = NetworkConfig{};
  config.hiddenActivation = ActivationKind::LeakyRelu;
  config.alpha = -0.1;
  expectConfigError(config, "alpha");
  config = NetworkConfig{};
  config.classes = 3;
  expectConfigError(config, "classes must be 2 for the binary head sigmoid_cross_entropy, got 3");
  config.head = OutputHead::SoftmaxCrossEntropy;
  EXPECT_NO_THROW(validateConfig(config)) << "softmax takes 3 classes";
  config.classes = 1;
  expectConfigError(config, "classes must be 2 to 10 for softmax_cross_entropy, got 1");
  config.classes = 11;
  expectConfigError(config, "got 11");
  config.classes = 3;
  config.hiddenUnits.assign(7, 2);
  EXPECT_THROW(Network{config}, std::invalid_argument) << "the constructor validates";
}

TEST(NetworkValidation, RejectsBadTrainSettings) {
  TrainSettings settings;
  EXPECT_NO_THROW(validateSettings(settings));
  settings.learningRate = 0;
  expectSettingsError(settings, "learning rate must be > 0 and finite, got 0");
  settings.learningRate = -0.5;
  expectSettingsError(settings, "learning rate must be > 0 and finite, got -0.5");
  settings.learningRate = std::nan("");
  expectSettingsError(settings, "learning rate must be > 0 and finite, got nan");
  settings.learningRate = std::numeric_limits<double>::infinity();
  expectSettingsError(settings, "learning rate must be > 0 and finite, got inf");
  settings = TrainSettings{};
  settings.batchSize = 0;
  expectSettingsError(settings, "batch size must be >= 1, got 0");
  settings = TrainSettings{};
  settings.momentum = 1.5;
  expectSettingsError(settings, "momentum must be in [0, 1), got 1.5");
  settings.momentum = 1.0;
  expectSettingsError(settings, "momentum must be in [0, 1), got 1");
  settings.momentum = -0.1;
  expectSettingsError(settings, "got -0.1");
  settings.momentum = std::nan("");
  expectSettingsError(settings, "momentum must be in [0, 1), got nan");
  settings = TrainSettings{};
  settings.l2 = -1;
  expectSettingsError(settings, "l2 must be >= 0 and finite, got -1");
}

TEST(NetworkNames, HeadsAndInitSchemesRoundTrip) {
  for (const OutputHead head : allHeads) EXPECT_EQ(outputHeadFromName(outputHeadName(head)), head);
  for (const InitScheme init : {InitScheme::He, InitScheme::Xavier, InitScheme::SmallUniform})
    EXPECT_EQ(initSchemeFromName(initSchemeName(init)), init);
  EXPECT_STREQ(outputHeadName(OutputHead::SigmoidCrossEntropy), "sigmoid_cross_entropy");
  EXPECT_STREQ(initSchemeName(InitScheme::SmallUniform), "small_uniform");
  EXPECT_NE(errorOf([] { outputHeadFromName("mse"); }).find("unknown output head 'mse'"), std::string::npos);
  EXPECT_NE(errorOf([] { initSchemeFromName("zeros"); }).find("unknown init scheme 'zeros'"), std::string::npos);
}

TEST(NetworkParameters, SetParametersChecksSizesAndFiniteness) {
  Network net(smallConfig(ActivationKind::Relu, OutputHead::SigmoidCrossEntropy));
  EXPECT_THROW(net.setParameters(0, std::vector<double>(5), std::vector<double>(3)), std::invalid_argument);
  EXPECT_THROW(net.setParameters(0, std::vector<double>(6), std::vector<double>(2)), std::invalid_argument);
  EXPECT_THROW(net.setParameters(3, {}, {}), std::invalid_argument) << "layer 3 does not exist";
  std::vector<double> weights(6, 0.1);
  weights[2] = std::nan("");
  EXPECT_THROW(net.setParameters(0, weights, std::vector<double>(3)), std::invalid_argument);
  EXPECT_TRUE(net.parametersFinite());
  weights[2] = 0.3;
  net.setParameters(0, weights, {1, 2, 3});
  EXPECT_EQ(net.weights(0), weights);
  EXPECT_EQ(net.biases(0), (std::vector<double>{1, 2, 3}));
}

// A network without hidden layers and one input: the logit is w x + b.
Network oneLogit(OutputHead head, double w, double b) {
  NetworkConfig config;
  config.inputs = 1;
  config.hiddenUnits.clear();
  config.head = head;
  Network net(config);
  net.setParameters(0, {w}, {b});
  return net;
}

Dataset onePoint(double x, int label) {
  Dataset data;
  data.x = {x};
  data.label = {label};
  return data;
}

TEST(NetworkLoss, HeadsUseTheirTargetsAndHalfSquaredError) {
  const double z = 0.3;
  EXPECT_DOUBLE_EQ(oneLogit(OutputHead::TanhSquaredError, 1, z).loss(onePoint(0, 0)),
                   0.5 * (std::tanh(z) + 1) * (std::tanh(z) + 1))
      << "tanh head: class 0 -> -1";
  const double s = 1 / (1 + std::exp(-z));
  EXPECT_DOUBLE_EQ(oneLogit(OutputHead::SigmoidSquaredError, 1, z).loss(onePoint(0, 0)), 0.5 * s * s)
      << "sigmoid head: class 0 -> 0";
  EXPECT_DOUBLE_EQ(oneLogit(OutputHead::SigmoidCrossEntropy, 1, z).loss(onePoint(0, 1)), -std::log(s));
  EXPECT_DOUBLE_EQ(oneLogit(OutputHead::LinearSquaredError, 1, z).loss(onePoint(0, 1)), 0.5 * 0.7 * 0.7);
}

TEST(NetworkLoss, CrossEntropyIsStableForHugeLogits) {
  EXPECT_DOUBLE_EQ(oneLogit(OutputHead::SigmoidCrossEntropy, 1, 800).loss(onePoint(0, 0)), 800)
      << "-log(1 - sigmoid(800)) = 800, not inf";
  EXPECT_EQ(oneLogit(OutputHead::SigmoidCrossEntropy, 1, 800).loss(onePoint(0, 1)), 0.0);
  NetworkConfig config;
  config.inputs = 1;
  config.hiddenUnits.clear();
  config.head = OutputHead::SoftmaxCrossEntropy;
  config.classes = 3;
  Network net(config);
  net.setParameters(0, {0, 0, 0}, {1000, 999, 0});
  Dataset data = onePoint(0, 1);
  data.classes = 3;
  EXPECT_NEAR(net.loss(data), 1 + std::log(1 + std::exp(-1.0) + std::exp(-1000.0)), 1e-12)
      << "max-shifted softmax cross-entropy";
  double probabilities[3];
  net.predict(data.x.data(), 1, probabilities);
  EXPECT_NEAR(probabilities[0] + probabilities[1] + probabilities[2], 1.0, 1e-15);
}

TEST(NetworkPredict, OutputsAndAccuracyFollowTheHead) {
  const Dataset data = randomPoints(40, 2, 2, 21);
  for (const OutputHead head : {OutputHead::TanhSquaredError, OutputHead::SigmoidCrossEntropy, OutputHead::LinearSquaredError}) {
    SCOPED_TRACE(outputHeadName(head));
    const Network net(smallConfig(ActivationKind::Tanh, head));
    std::vector<double> y(data.size());
    net.predict(data.x.data(), data.size(), y.data());
    const double threshold = head == OutputHead::TanhSquaredError ? 0.0 : 0.5;
    std::size_t correct = 0;
    for (std::size_t p = 0; p < data.size(); ++p) {
      const double lowest = head == OutputHead::TanhSquaredError ? -1.0 : 0.0;
      if (head != OutputHead::LinearSquaredError) {
        EXPECT_TRUE(y[p] > lowest && y[p] < 1) << "output " << y[p] << " lies in the head's open range";
      }
      correct += (y[p] > threshold ? 1 : 0) == data.label[p] ? 1 : 0;
    }
    EXPECT_DOUBLE_EQ(net.accuracy(data), static_cast<double>(correct) / data.size());
  }
}

TEST(NetworkPredict, SoftmaxOutputsAreProbabilitiesAndAccuracyUsesArgmax) {
  const Dataset data = randomPoints(30, 2, 3, 22);
  const Network net(smallConfig(ActivationKind::Elu, OutputHead::SoftmaxCrossEntropy));
  std::vector<double> y(3 * data.size());
  net.predict(data.x.data(), data.size(), y.data());
  std::size_t correct = 0;
  for (std::size_t p = 0; p < data.size(); ++p) {
    const double* row = &y[3 * p];
    EXPECT_NEAR(row[0] + row[1] + row[2], 1.0, 1e-12) << "point " << p;
    const int best = static_cast<int>(std::max_element(row, row + 3) - row);
    correct += best == data.label[p] ? 1 : 0;
  }
  EXPECT_DOUBLE_EQ(net.accuracy(data), static_cast<double>(correct) / data.size());
}

TEST(NetworkUnits, ActivationsAreUnitMajorAndEndWithThePrediction) {
  for (const OutputHead head : {OutputHead::SigmoidCrossEntropy, OutputHead::SoftmaxCrossEntropy}) {
    SCOPED_TRACE(outputHeadName(head));
    Network net(smallConfig(ActivationKind::LeakyRelu, head));
    randomiseBiases(net, 6);
    const std::size_t n = 5;
    const Dataset data = randomPoints(n, 2, 2, 23);
    const int hidden = net.hiddenUnitCount(), outputs = net.outputs();
    std::vector<double> activations((hidden + outputs) * n), pre(hidden * n), y(outputs * n);
    net.unitActivations(data.x.data(), n, activations.data());
    net.hiddenPreActivations(data.x.data(), n, pre.data());
    net.predict(data.x.data(), n, y.data());
    const auto& w = net.weights(0);
    const auto& b = net.biases(0);
    for (std::size_t p = 0; p < n; ++p) {
      const double* x = &data.x[2 * p];
      for (int j = 0; j < 3; ++j)
        EXPECT_DOUBLE_EQ(pre[j * n + p], b[j] + w[2 * j] * x[0] + w[2 * j + 1] * x[1])
            << "first-layer unit " << j << " at point " << p;
      for (int u = 0; u < hidden; ++u)
        EXPECT_EQ(activations[u * n + p], fn::LeakyRelu::f(pre[u * n + p], net.config().alpha))
            << "unit " << u << " at point " << p;
      for (int k = 0; k < outputs; ++k)
        EXPECT_EQ(activations[(hidden + k) * n + p], y[p * outputs + k]) << "output " << k << " at point " << p;
    }
  }
}

TEST(NetworkData, RejectsMismatchedShapesAndLabels) {
  Network net(smallConfig(ActivationKind::Relu, OutputHead::SigmoidCrossEntropy));
  Dataset data = randomPoints(4, 3, 2, 1);
  const std::size_t index = 0;
  EXPECT_THROW(net.loss(data), std::invalid_argument) << "3 values per point for a 2-input network";
  EXPECT_THROW(net.accumulateGradient(data, &index, 1), std::invalid_argument);
  data = randomPoints(4, 2, 2, 1);
  data.label[0] = 2;
  EXPECT_THROW(net.accumulateGradient(data, &index, 1), std::invalid_argument) << "label 2 for a binary head";
  const std::size_t outside = 4;
  data.label[0] = 0;
  EXPECT_THROW(net.accumulateGradient(data, &outside, 1), std::invalid_argument) << "index past the end";
  EXPECT_EQ(net.loss(Dataset{}), 0.0) << "an empty dataset has loss 0";
  EXPECT_EQ(net.accuracy(Dataset{}), 0.0);
}

}  // namespace
}  // namespace alab
