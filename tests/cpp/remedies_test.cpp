// PReLU's learnt slopes, the initial bias and the per-layer gradient sizes.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "datasets.hpp"
#include "experiments.hpp"
#include "network.hpp"
#include "trainer.hpp"

namespace alab {
namespace {

std::vector<std::size_t> allIndices(const Dataset& data) {
  std::vector<std::size_t> indices(data.size());
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  return indices;
}

NetworkConfig preluConfig() {
  NetworkConfig config;
  config.hiddenUnits = {5, 4};
  config.hiddenActivation = ActivationKind::Prelu;
  config.alpha = 0.25;
  config.initialBias = -0.3;  // pushes many pre-activations below 0, where the slope matters
  config.seed = 4;
  return config;
}

// Central finite difference of the loss with respect to slope j of hidden layer l.
double numericSlopeGradient(Network& net, const Dataset& data, std::size_t l, std::size_t j) {
  const double h = 1e-6;
  std::vector<double> slopes = net.slopes(l);
  const double original = slopes[j];
  slopes[j] = original + h;
  net.setSlopes(l, slopes);
  const double up = net.loss(data);
  slopes[j] = original - h;
  net.setSlopes(l, slopes);
  const double down = net.loss(data);
  slopes[j] = original;
  net.setSlopes(l, slopes);
  return (up - down) / (2 * h);
}

TEST(Prelu, EveryUnitStartsAtTheConfiguredSlopeAndOtherActivationsHaveNone) {
  const Network net(preluConfig());
  for (std::size_t l = 0; l < 2; ++l) EXPECT_EQ(net.slopes(l), std::vector<double>(l == 0 ? 5 : 4, 0.25));
  NetworkConfig leaky = preluConfig();
  leaky.hiddenActivation = ActivationKind::LeakyRelu;
  EXPECT_TRUE(Network(leaky).slopes(0).empty());
  EXPECT_THROW(Network(leaky).setSlopes(0, {0.1}), std::invalid_argument);
}

TEST(Prelu, EachUnitUsesItsOwnSlopeBelowZero) {
  Network net(preluConfig());
  net.setSlopes(0, {0.1, 0.2, 0.3, 0.4, 0.5});
  const Dataset data = makeDataset(DatasetKind::Circle, 20, 0.1, 2);
  std::vector<double> z(9 * 20), a(11 * 20);
  net.hiddenPreActivations(data.x.data(), 20, z.data());
  net.unitActivations(data.x.data(), 20, a.data());
  int negatives = 0;
  for (std::size_t unit = 0; unit < 5; ++unit)
    for (std::size_t p = 0; p < 20; ++p) {
      const double zp = z[unit * 20 + p];
      negatives += zp < 0;
      EXPECT_DOUBLE_EQ(a[unit * 20 + p], zp > 0 ? zp : 0.1 * (unit + 1) * zp) << "unit " << unit << " point " << p;
    }
  EXPECT_GT(negatives, 10) << "some pre-activations are negative, so the slopes are exercised";
}

TEST(Prelu, SlopeGradientMatchesCentralFiniteDifferences) {
  Network net(preluConfig());
  net.setSlopes(0, {0.25, -0.1, 0.6, 0.05, 1.2});
  const Dataset data = makeDataset(DatasetKind::Xor, 16, 0.1, 9);
  const auto indices = allIndices(data);
  net.accumulateGradient(data, indices.data(), indices.size());
  double largest = 0;
  for (std::size_t l = 0; l < 2; ++l)
    for (std::size_t j = 0; j < net.slopes(l).size(); ++j) {
      const double analytic = net.slopeGradient(l)[j];
      const double numeric = numericSlopeGradient(net, data, l, j);
      largest = std::max(largest, std::fabs(analytic));
      EXPECT_NEAR(analytic, numeric, 1e-8 + 1e-5 * std::fabs(numeric)) << "layer " << l << " slope " << j;
    }
  EXPECT_GT(largest, 1e-4) << "the slope gradient is not trivially zero";
}

TEST(Prelu, TrainingLearnsTheSlopesWithEveryOptimiser) {
  const Dataset data = makeDataset(DatasetKind::Xor, 100, 0.1, 3);
  for (const Optimizer optimizer : optimizers()) {
    TrainSettings settings;
    settings.optimizer = optimizer;
    settings.learningRate = optimizer == Optimizer::Sgd ? 0.1 : 0.01;
    Trainer trainer(preluConfig(), {data, {}}, settings, 0, 1);
    trainer.train(200);
    double moved = 0;
    for (double slope : trainer.network().slopes(0)) moved = std::max(moved, std::fabs(slope - 0.25));
    EXPECT_GT(moved, 1e-3) << optimizerName(optimizer) << " changes the slopes";
  }
}

TEST(InitialBias, HiddenBiasesStartThereOutputBiasesAtZeroAndWeightsAreUnchanged) {
  NetworkConfig config;
  config.hiddenUnits = {3, 2};
  const Network zero(config);
  config.initialBias = 0.1;
  const Network tenth(config);
  for (std::size_t l = 0; l < tenth.layerCount(); ++l) {
    const double expected = l + 1 < tenth.layerCount() ? 0.1 : 0.0;
    for (double b : tenth.biases(l)) EXPECT_EQ(b, expected) << "layer " << l;
    EXPECT_EQ(tenth.weights(l), zero.weights(l)) << "the bias does not change the weight draws";
  }
  for (double bad : {-1.5, 2.0, std::nan("")}) {
    config.initialBias = bad;
    EXPECT_THROW(Network{config}, std::invalid_argument) << bad;
  }
}

// Gradient norms per dense layer of a 6 x 8 network at initialisation, on the circle.
std::vector<double> deepNorms(ActivationKind kind, InitScheme init) {
  NetworkConfig config;
  config.hiddenUnits = std::vector<int>(6, 8);
  config.hiddenActivation = kind;
  config.init = init;
  config.seed = 1;
  const Network net(config);
  return net.weightGradientNorms(makeDataset(DatasetKind::Circle, 200, 0.1, 1));
}

TEST(GradientSizes, DeepSigmoidWithXavierVanishesTowardsTheInputButReluWithHeDoesNot) {
  const std::vector<double> sigmoid = deepNorms(ActivationKind::Sigmoid, InitScheme::Xavier);
  const std::vector<double> relu = deepNorms(ActivationKind::Relu, InitScheme::He);
  ASSERT_EQ(sigmoid.size(), 7u);
  const double sigmoidRatio = sigmoid.front() / sigmoid.back();
  const double reluRatio = relu.front() / relu.back();
  EXPECT_LT(sigmoidRatio, 1e-3) << "sigmoid first / last layer: " << sigmoidRatio;
  EXPECT_GT(reluRatio, 0.1) << "relu first / last layer: " << reluRatio;
  for (std::size_t l = 1; l < sigmoid.size(); ++l)
    EXPECT_LT(sigmoid[l - 1], sigmoid[l]) << "sigmoid gradients shrink layer by layer towards the input, layer " << l;
}

TEST(GradientSizes, NormsAreThoseOfTheFullBatchGradientAndLeaveTheNetworkUntouched) {
  NetworkConfig config;
  config.hiddenUnits = {4, 3};
  Network net(config);
  const Dataset data = makeDataset(DatasetKind::Circle, 30, 0.1, 5);
  const std::vector<double> norms = net.weightGradientNorms(data);
  for (std::size_t l = 0; l < net.layerCount(); ++l) EXPECT_EQ(net.weightGradient(l), std::vector<double>(net.weights(l).size(), 0.0));
  const auto indices = allIndices(data);
  net.accumulateGradient(data, indices.data(), indices.size());
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    double squares = 0;
    for (double g : net.weightGradient(l)) squares += g * g;
    EXPECT_NEAR(norms[l], std::sqrt(squares), 1e-15 + 1e-13 * norms[l]) << "layer " << l;
  }
}

TEST(GradientSizes, UpdateRatioIsTheLastWeightStepOverTheWeights) {
  NetworkConfig config;
  config.hiddenUnits = {4};
  Network net(config);
  EXPECT_EQ(net.updateRatios(), std::vector<double>(2, 0.0)) << "no update yet";
  const Dataset data = makeDataset(DatasetKind::Circle, 30, 0.1, 5);
  const auto indices = allIndices(data);
  net.accumulateGradient(data, indices.data(), indices.size());
  const std::vector<double> g = net.weightGradient(0), before = net.weights(0);
  TrainSettings settings;
  settings.learningRate = 0.5;
  settings.l2 = 0.1;
  net.applyGradient(settings);
  double step = 0, size = 0;
  for (std::size_t i = 0; i < g.size(); ++i) {
    const double change = 0.5 * (g[i] + 0.1 * before[i]);
    step += change * change;
    size += net.weights(0)[i] * net.weights(0)[i];
  }
  EXPECT_NEAR(net.updateRatios()[0], std::sqrt(step / size), 1e-12);
}

TEST(GradientSizes, HistoryRecordsThemPerDenseLayer) {
  NetworkConfig config;
  config.hiddenUnits = {4, 3};
  const Dataset data = makeDataset(DatasetKind::Circle, 60, 0.1, 5);
  Trainer trainer(config, {data, {}}, TrainSettings{}, 10, 1);
  trainer.recordStats();
  trainer.train(20);
  const auto& history = trainer.history();
  ASSERT_EQ(history.size(), 3u);
  for (const HistoryEntry& entry : history) {
    ASSERT_EQ(entry.gradientNorms.size(), 3u);
    ASSERT_EQ(entry.updateRatios.size(), 3u);
    for (double norm : entry.gradientNorms) EXPECT_GT(norm, 0.0) << "step " << entry.step;
  }
  EXPECT_EQ(history[0].updateRatios, std::vector<double>(3, 0.0));
  for (double ratio : history[2].updateRatios) EXPECT_GT(ratio, 0.0);
  EXPECT_EQ(history[2].gradientNorms, trainer.network().weightGradientNorms(data));
  const HistoryColumns columns = trainer.historyColumns(1);
  EXPECT_EQ(columns.denseLayers, 3);
  ASSERT_EQ(columns.gradientNorm.size(), 6u);
  EXPECT_EQ(columns.gradientNorm[3], history[2].gradientNorms[0]);
  EXPECT_EQ(columns.updateRatio[5], history[2].updateRatios[2]);
}

}  // namespace
}  // namespace alab

namespace alab {
namespace {

TEST(SweepRemedies, ARunTrainsWithTheSweepsOptimiserAndInitialBiasAndReportsThem) {
  SweepConfig config;
  config.points = 200;
  config.steps = 100;
  const SweepRun plain = runSweepPoint(config, ActivationKind::Relu, 0.03, 2);
  EXPECT_EQ(plain.optimizer, Optimizer::Sgd);
  EXPECT_EQ(plain.initialBias, 0.0);
  config.optimizer = Optimizer::Adam;
  config.network.initialBias = 0.1;
  const SweepRun remedy = runSweepPoint(config, ActivationKind::Relu, 0.03, 2);
  EXPECT_EQ(remedy.optimizer, Optimizer::Adam);
  EXPECT_EQ(remedy.initialBias, 0.1);
  EXPECT_NE(remedy.finalLoss, plain.finalLoss) << "the remedy changes the run";

  TrainSettings settings;
  settings.learningRate = 0.03;
  settings.optimizer = Optimizer::Adam;
  NetworkConfig network = config.network;
  network.seed = 2;
  Trainer trainer(network, splitDataset(makeDataset(config.dataset, 200, config.noise, 1), config.trainFraction, 1),
                  settings, 0, 2);
  trainer.train(100);
  EXPECT_EQ(remedy.finalLoss, trainer.network().loss(trainer.data().train)) << "the same run as a Trainer's";
}

}  // namespace
}  // namespace alab
