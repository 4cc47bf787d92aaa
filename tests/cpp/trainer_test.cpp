#include "trainer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "rng.hpp"

namespace alab {
namespace {

// n points uniform in [-1, 1]^2; class 1 inside the circle of radius sqrt(0.5).
Dataset circle(std::size_t n, uint64_t seed) {
  Rng rng(seed);
  Dataset data;
  for (std::size_t p = 0; p < n; ++p) {
    const double x = rng.uniform(-1.0, 1.0), y = rng.uniform(-1.0, 1.0);
    data.x.push_back(x);
    data.x.push_back(y);
    data.label.push_back(x * x + y * y < 0.5 ? 1 : 0);
  }
  return data;
}

// Three well separated Gaussian blobs (sd 0.15) at radius 0.6, one per class.
Dataset blobs(std::size_t perClass, uint64_t seed) {
  Rng rng(seed);
  Dataset data;
  data.classes = 3;
  const double centres[3][2] = {{0.6, 0.0}, {-0.3, 0.52}, {-0.3, -0.52}};
  for (std::size_t p = 0; p < 3 * perClass; ++p) {
    const int label = static_cast<int>(p % 3);
    data.x.push_back(rng.normal(centres[label][0], 0.15));
    data.x.push_back(rng.normal(centres[label][1], 0.15));
    data.label.push_back(label);
  }
  return data;
}

NetworkConfig reluConfig() {
  NetworkConfig config;
  config.hiddenUnits = {8, 8};
  config.hiddenActivation = ActivationKind::Relu;
  config.head = OutputHead::SigmoidCrossEntropy;
  config.seed = 3;
  return config;
}

TrainSettings rate(double learningRate, int batchSize = 10) {
  TrainSettings settings;
  settings.learningRate = learningRate;
  settings.batchSize = batchSize;
  return settings;
}

bool sameParameters(const Network& a, const Network& b) {
  for (std::size_t l = 0; l < a.layerCount(); ++l)
    if (a.weights(l) != b.weights(l) || a.biases(l) != b.biases(l)) return false;
  return true;
}

TEST(Trainer, ReluNetworkLearnsACircle) {
  Trainer trainer(reluConfig(), DatasetSplit{circle(200, 1), circle(100, 2)}, rate(0.3), 100, 1);
  EXPECT_EQ(trainer.train(400), 400);
  const HistoryEntry& last = trainer.history().back();
  EXPECT_EQ(last.step, 400);
  EXPECT_GT(last.trainAccuracy, 0.9);
  EXPECT_GT(last.testAccuracy, 0.9);
  EXPECT_LT(last.trainLoss, trainer.history().front().trainLoss) << "the loss falls";
}

TEST(Trainer, SoftmaxHeadSeparatesThreeBlobs) {
  NetworkConfig config;
  config.hiddenUnits = {8};
  config.hiddenActivation = ActivationKind::Tanh;
  config.head = OutputHead::SoftmaxCrossEntropy;
  config.classes = 3;
  Trainer trainer(config, DatasetSplit{blobs(40, 1), blobs(20, 2)}, rate(0.3), 0, 1);
  trainer.train(200);
  trainer.recordStats();
  EXPECT_GT(trainer.history().back().trainAccuracy, 0.95);
  EXPECT_GT(trainer.history().back().testAccuracy, 0.95);
}

TEST(Trainer, SameSeedsGiveTheSameRunAndAnotherShuffleSeedDiffers) {
  TrainSettings settings = rate(0.1, 7);
  settings.momentum = 0.5;
  settings.l2 = 0.001;
  const DatasetSplit data{circle(50, 4), circle(20, 5)};
  Trainer first(reluConfig(), data, settings, 10, 9), second(reluConfig(), data, settings, 10, 9),
      other(reluConfig(), data, settings, 10, 10);
  first.train(60);
  second.train(60);
  other.train(60);
  EXPECT_TRUE(sameParameters(first.network(), second.network())) << "bit-identical parameters";
  ASSERT_EQ(first.history().size(), second.history().size());
  for (std::size_t i = 0; i < first.history().size(); ++i)
    EXPECT_EQ(first.history()[i].trainLoss, second.history()[i].trainLoss) << "history entry " << i;
  EXPECT_FALSE(sameParameters(first.network(), other.network())) << "another shuffle order gives another run";
}

TEST(Trainer, WithoutShuffleBatchesFollowTheDataOrderAndTheLastBatchIsShorter) {
  const Dataset data = circle(25, 6);
  Trainer trainer(reluConfig(), DatasetSplit{data, Dataset{}}, rate(0.1), 0, 1, false);
  Network manual(reluConfig());
  std::vector<std::size_t> order(25);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Epoch of 25 points in batches of 10: 10, 10, 5; then the next epoch starts at point 0.
  const std::size_t starts[] = {0, 10, 20, 0}, sizes[] = {10, 10, 5, 10};
  const double epochs[] = {0.4, 0.8, 1.0, 1.4};
  for (int step = 0; step < 4; ++step) {
    manual.accumulateGradient(data, order.data() + starts[step], sizes[step]);
    manual.applyGradient(rate(0.1));
    trainer.train(1);
    EXPECT_TRUE(sameParameters(trainer.network(), manual)) << "after step " << step + 1;
    EXPECT_DOUBLE_EQ(trainer.epoch(), epochs[step]) << "after step " << step + 1;
  }
}

TEST(Trainer, ShuffleChangesTheBatchesButAnEpochStillVisitsEveryPointOnce) {
  const Dataset data = circle(30, 7);
  Trainer shuffled(reluConfig(), DatasetSplit{data, Dataset{}}, rate(0.1, 30), 0, 2);
  Trainer sequential(reluConfig(), DatasetSplit{data, Dataset{}}, rate(0.1, 30), 0, 2, false);
  shuffled.train(1);
  sequential.train(1);
  for (std::size_t l = 0; l < shuffled.network().layerCount(); ++l)
    for (std::size_t i = 0; i < shuffled.network().weights(l).size(); ++i)
      EXPECT_NEAR(shuffled.network().weights(l)[i], sequential.network().weights(l)[i], 1e-12)
          << "a batch of the whole epoch holds every point once, in another order";
  Trainer shuffledSmall(reluConfig(), DatasetSplit{data, Dataset{}}, rate(0.1, 10), 0, 2);
  Trainer sequentialSmall(reluConfig(), DatasetSplit{data, Dataset{}}, rate(0.1, 10), 0, 2, false);
  shuffledSmall.train(1);
  sequentialSmall.train(1);
  EXPECT_FALSE(sameParameters(shuffledSmall.network(), sequentialSmall.network()))
      << "the first shuffled batch is not points 0 to 9";
}

TEST(Trainer, BatchLargerThanTheTrainingSetUsesAllOfIt) {
  Trainer trainer(reluConfig(), DatasetSplit{circle(12, 8), Dataset{}}, rate(0.1, 100), 0, 1);
  trainer.train(3);
  EXPECT_DOUBLE_EQ(trainer.epoch(), 3.0);
}

TEST(Trainer, StatsAreRecordedOnScheduleAndOnDemandOncePerStep) {
  Trainer trainer(reluConfig(), DatasetSplit{circle(40, 9), Dataset{}}, rate(0.1), 5, 1);
  trainer.recordStats();
  trainer.recordStats();
  trainer.train(12);
  trainer.recordStats();
  std::vector<long> steps;
  for (const HistoryEntry& entry : trainer.history()) steps.push_back(entry.step);
  EXPECT_EQ(steps, (std::vector<long>{0, 5, 10, 12}));
  for (const HistoryEntry& entry : trainer.history()) {
    EXPECT_EQ(entry.testLoss, 0.0) << "no test set";
    EXPECT_EQ(entry.testAccuracy, 0.0);
    EXPECT_EQ(entry.deadPerLayer.size(), 2u);
    EXPECT_EQ(entry.dormantPerLayer.size(), 2u);
  }
  EXPECT_EQ(trainer.step(), 12);
}

TEST(Trainer, HugeLearningRateDivergesWithoutNaNInTheHistory) {
  NetworkConfig leaky = reluConfig();
  leaky.hiddenActivation = ActivationKind::LeakyRelu;
  NetworkConfig linear = reluConfig();
  linear.hiddenActivation = ActivationKind::Linear;
  linear.head = OutputHead::LinearSquaredError;
  for (const NetworkConfig& config : {leaky, linear}) {
    SCOPED_TRACE(activationInfo(config.hiddenActivation).name);
    Trainer trainer(config, DatasetSplit{circle(100, 10), circle(40, 11)}, rate(1e6), 1, 1);
    trainer.recordStats();
    const long done = trainer.train(500);
    EXPECT_TRUE(trainer.diverged());
    EXPECT_LT(done, 500) << "training stops at the first non-finite loss or parameter";
    EXPECT_EQ(trainer.step(), done);
    EXPECT_EQ(trainer.train(10), 0) << "a diverged trainer takes no more steps";
    EXPECT_EQ(trainer.step(), done);
    const std::size_t entries = trainer.history().size();
    trainer.recordStats();
    EXPECT_EQ(trainer.history().size(), entries) << "nothing is recorded after divergence";
    for (const HistoryEntry& entry : trainer.history()) {
      EXPECT_TRUE(std::isfinite(entry.trainLoss) && std::isfinite(entry.testLoss)) << "step " << entry.step;
      EXPECT_TRUE(std::isfinite(entry.trainAccuracy) && std::isfinite(entry.testAccuracy)) << "step " << entry.step;
    }
  }
}

TEST(Trainer, SaturatedTanhNetworkFreezesInsteadOfDiverging) {
  NetworkConfig config = reluConfig();
  config.hiddenActivation = ActivationKind::Tanh;
  config.head = OutputHead::TanhSquaredError;
  Trainer trainer(config, DatasetSplit{circle(100, 10), Dataset{}}, rate(1e6), 50, 1);
  EXPECT_EQ(trainer.train(300), 300) << "tanh outputs are bounded, so each update is at most lr x O(1)";
  EXPECT_FALSE(trainer.diverged());
  EXPECT_TRUE(trainer.network().parametersFinite());
}

TEST(Trainer, SettingsAreValidated) {
  Trainer trainer(reluConfig(), DatasetSplit{circle(20, 12), Dataset{}}, rate(0.1), 0, 1);
  EXPECT_THROW(trainer.setSettings(rate(0.0)), std::invalid_argument);
  EXPECT_EQ(trainer.settings().learningRate, 0.1) << "a rejected change keeps the old settings";
  trainer.setSettings(rate(0.5, 4));
  EXPECT_EQ(trainer.settings().batchSize, 4);
  EXPECT_THROW(Trainer(reluConfig(), DatasetSplit{circle(20, 12), Dataset{}}, rate(-1.0), 0, 1), std::invalid_argument);
}

TEST(Trainer, ConstructorRejectsBadData) {
  EXPECT_THROW(Trainer(reluConfig(), DatasetSplit{}, rate(0.1), 0, 1), std::invalid_argument) << "empty training set";
  Dataset threeClasses = blobs(5, 1);
  EXPECT_THROW(Trainer(reluConfig(), DatasetSplit{threeClasses, Dataset{}}, rate(0.1), 0, 1), std::invalid_argument)
      << "label 2 for a binary head";
  Dataset misshapen = circle(5, 1);
  misshapen.x.pop_back();
  EXPECT_THROW(Trainer(reluConfig(), DatasetSplit{circle(5, 1), misshapen}, rate(0.1), 0, 1), std::invalid_argument)
      << "test set with a missing value";
  EXPECT_THROW(Trainer(reluConfig(), DatasetSplit{circle(5, 1), Dataset{}}, rate(0.1), -1, 1), std::invalid_argument)
      << "negative statsEvery";
}

}  // namespace
}  // namespace alab
