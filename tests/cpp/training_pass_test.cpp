// Network::trainingPass against the separate passes it replaces: score, a gradient accumulated on a
// copy of the network, and classifyUnits, bit for bit.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "dead_units.hpp"
#include "test_helpers.hpp"
#include "trainer.hpp"
#include "unit_life.hpp"

namespace alab {
namespace {

using testing::sameBits;
using testing::settle;

// The weight gradient norms from accumulateGradient on a copy (its buffers start at zero).
std::vector<double> referenceNorms(const Network& net, const Dataset& data) {
  Network copy(net);
  std::vector<std::size_t> indices(data.size());
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  copy.accumulateGradient(data, indices.data(), indices.size());
  std::vector<double> norms;
  for (std::size_t l = 0; l < copy.layerCount(); ++l) {
    double squares = 0;
    for (const double g : copy.weightGradient(l)) squares += g * g;
    norms.push_back(std::sqrt(squares));
  }
  return norms;
}

// Trains a few steps (so some units die or saturate), then compares the pass with the separate ones.
void expectSameAsSeparatePasses(const NetworkConfig& config, DatasetKind kind, const char* what) {
  const DatasetSplit split = splitDataset(makeDataset(kind, 203, 0.2, 5), 0.7, 6);
  TrainSettings settings;
  settings.learningRate = 0.3;
  Trainer trainer(config, split, settings, 0, 7);
  trainer.train(40);
  const Network& net = trainer.network();
  const Dataset& data = trainer.data().train;
  const TrainingPass pass = net.trainingPass(data);
  const NetworkScore score = net.score(data);
  EXPECT_TRUE(sameBits(pass.score.loss, score.loss)) << what << ": loss " << pass.score.loss << " vs " << score.loss;
  EXPECT_TRUE(sameBits(pass.score.accuracy, score.accuracy)) << what << ": accuracy";
  const std::vector<double> norms = referenceNorms(net, data);
  ASSERT_EQ(pass.gradientNorms.size(), norms.size()) << what;
  for (std::size_t l = 0; l < norms.size(); ++l) {
    EXPECT_TRUE(sameBits(pass.gradientNorms[l], norms[l])) << what << ": layer " << l << " gradient norm";
    EXPECT_GT(norms[l], 0.0) << what << ": layer " << l << " has a gradient";
  }
  const UnitReport separate = classifyUnits(net, data), fused = classifyUnits(net, pass.positive, data.size());
  ASSERT_EQ(fused.layers.size(), separate.layers.size()) << what;
  for (std::size_t l = 0; l < separate.layers.size(); ++l) {
    EXPECT_EQ(fused.layers[l].state, separate.layers[l].state) << what << ": layer " << l << " states";
    EXPECT_EQ(fused.layers[l].activeFraction, separate.layers[l].activeFraction) << what << ": layer " << l;
  }
  EXPECT_EQ(fused.dead, separate.dead) << what;
  EXPECT_EQ(fused.dormant, separate.dormant) << what;
  EXPECT_EQ(pass.maxPre, scanUnits(net, data).maxPre) << what << ": largest pre-activations";
}

NetworkConfig configOf(std::vector<int> hidden, ActivationKind activation, OutputHead head, int classes = 2) {
  NetworkConfig config;
  config.hiddenUnits = std::move(hidden);
  config.hiddenActivation = activation;
  config.head = head;
  config.classes = classes;
  return config;
}

TEST(TrainingPass, MatchesScoreGradientNormsAndUnitsBitForBit) {
  expectSameAsSeparatePasses(configOf({8, 8}, ActivationKind::Relu, OutputHead::SigmoidCrossEntropy), DatasetKind::Circle,
                             "relu 8-8 sigmoid cross-entropy");
  expectSameAsSeparatePasses(configOf({12, 9, 7}, ActivationKind::Tanh, OutputHead::SoftmaxCrossEntropy, 3),
                             DatasetKind::ThreeClass, "tanh 12-9-7 softmax");
  expectSameAsSeparatePasses(configOf({5, 6}, ActivationKind::Prelu, OutputHead::TanhSquaredError), DatasetKind::Xor,
                             "prelu 5-6 tanh squared error");
  expectSameAsSeparatePasses(configOf({32, 32}, ActivationKind::LeakyRelu, OutputHead::LinearSquaredError),
                             DatasetKind::Bumps, "leaky relu 32-32 regression");
  NetworkConfig noBias = configOf({4}, ActivationKind::Relu, OutputHead::SigmoidCrossEntropy);
  noBias.bias = false;
  expectSameAsSeparatePasses(noBias, DatasetKind::Gaussians, "relu 4 without bias");
}

TEST(TrainingPass, EmptyDatasetGivesZeros) {
  const Network net(configOf({3, 2}, ActivationKind::Relu, OutputHead::SigmoidCrossEntropy));
  const TrainingPass pass = net.trainingPass(Dataset{});
  EXPECT_EQ(pass.score.loss, 0.0);
  EXPECT_EQ(pass.gradientNorms, std::vector<double>(3, 0.0));
  EXPECT_EQ(pass.positive, std::vector<std::size_t>(5, 0));
}

TEST(TrainingPass, ClassifyUnitsFromCountsRefusesWrongInput) {
  const Network net(configOf({3, 2}, ActivationKind::Relu, OutputHead::SigmoidCrossEntropy));
  EXPECT_THROW(classifyUnits(net, std::vector<std::size_t>(4, 1), 10), std::invalid_argument);
  EXPECT_THROW(classifyUnits(net, std::vector<std::size_t>(5, 0), 0), std::invalid_argument);
}

TEST(TrainingPass, RecordStatsStoresTheSeparatePassesValues) {
  const DatasetSplit split = splitDataset(makeDataset(DatasetKind::Spiral, 300, 0.1, 2), 0.5, 3);
  Trainer trainer(configOf({16, 16, 16}, ActivationKind::Relu, OutputHead::SigmoidCrossEntropy), split, TrainSettings{},
                  0, 4);
  trainer.train(25);
  trainer.recordStats();
  const HistoryEntry& entry = trainer.history().back();
  const Network& net = trainer.network();
  const Dataset& train = trainer.data().train;
  EXPECT_TRUE(sameBits(entry.trainLoss, net.score(train).loss));
  EXPECT_TRUE(sameBits(entry.testLoss, net.score(trainer.data().test).loss));
  const std::vector<double> norms = referenceNorms(net, train);
  for (std::size_t l = 0; l < norms.size(); ++l) EXPECT_TRUE(sameBits(entry.gradientNorms[l], norms[l])) << "layer " << l;
  const UnitReport units = classifyUnits(net, train);
  for (std::size_t l = 0; l < units.layers.size(); ++l) EXPECT_EQ(entry.deadPerLayer[l], units.layers[l].dead);
  EXPECT_EQ(trainer.units().dead, units.dead);
}

// A ReLU run where units die (as in unit_life_test), its unit life checked every 20 steps.
Trainer dyingRun(long statsEvery, long lifeEvery) {
  NetworkConfig config;
  config.hiddenUnits = {5, 3, 3};
  config.seed = 4;
  TrainSettings settings;
  settings.learningRate = 1.0;
  settings.momentum = 0.3;
  const DatasetSplit data = splitDataset(makeDataset(DatasetKind::Xor, 200, 0.1, 7), 0.5, 7);
  return Trainer(config, data, settings, statsEvery, 5, true, TimelineOptions{20, 1u << 20}, lifeEvery);
}

TEST(TrainingPass, UnitLifeFromRecordStatsEqualsTheOneFromSeparateScans) {
  Trainer viaStats = dyingRun(20, std::numeric_limits<long>::max()), viaChecks = dyingRun(0, 20);
  viaStats.train(300);
  viaChecks.train(300);
  settle(viaChecks);
  const auto& events = viaStats.life().events();
  const auto& expected = viaChecks.life().events();
  ASSERT_EQ(events.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(events[i].step, expected[i].step) << "event " << i;
    EXPECT_EQ(events[i].layer * 100 + events[i].unit, expected[i].layer * 100 + expected[i].unit) << "event " << i;
    EXPECT_EQ(events[i].state, expected[i].state) << "event " << i;
  }
  const auto& deaths = viaStats.life().deaths();
  ASSERT_EQ(deaths.size(), viaChecks.life().deaths().size());
  ASSERT_GT(deaths.size(), 0u) << "the run must kill units to test anything";
  for (std::size_t i = 0; i < deaths.size(); ++i) {
    const KillingUpdate& want = viaChecks.life().deaths()[i];
    EXPECT_EQ(deaths[i].step, want.step) << "death " << i;
    EXPECT_TRUE(sameBits(deaths[i].maxPreBefore, want.maxPreBefore)) << "death " << i;
    EXPECT_TRUE(sameBits(deaths[i].maxPreAfter, want.maxPreAfter)) << "death " << i;
    EXPECT_EQ(deaths[i].batch, want.batch) << "death " << i;
    EXPECT_EQ(deaths[i].weightsAfter, want.weightsAfter) << "death " << i;
  }
}

}  // namespace
}  // namespace alab
