#include "timeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "trainer.hpp"
#include "test_helpers.hpp"

namespace alab {
namespace {

DatasetSplit circleSplit(std::size_t n, uint64_t seed) {
  return splitDataset(makeDataset(DatasetKind::Circle, n, 0.1, seed), 0.5, seed);
}

TrainSettings settingsOf(double learningRate, int batchSize, double momentum = 0.0, double l2 = 0.0) {
  TrainSettings settings;
  settings.learningRate = learningRate;
  settings.batchSize = batchSize;
  settings.momentum = momentum;
  settings.l2 = l2;
  return settings;
}

NetworkConfig netConfig(std::vector<int> hidden, uint64_t seed) {
  NetworkConfig config;
  config.hiddenUnits = std::move(hidden);
  config.seed = seed;
  return config;
}

using testing::sameBits;
using testing::stateOf;

// The scripted run: settings change at steps 37 and 137; 337 steps in all.
struct Change {
  long step;
  TrainSettings settings;
};
const std::vector<Change> script = {{0, settingsOf(0.1, 10)},
                                    {37, settingsOf(0.5, 7, 0.9)},
                                    {137, settingsOf(0.05, 16, 0.5, 0.001)}};

Trainer scriptedTrainer(const TimelineOptions& options = {}) {
  return Trainer(netConfig({8, 8}, 4), circleSplit(300, 2), script[0].settings, 0, 9, true, options);
}

// A fresh run trained to `step` with the script's setting changes, without any seeking.
Trainer freshRunTo(long step) {
  Trainer trainer = scriptedTrainer();
  for (std::size_t i = 0; i < script.size() && script[i].step <= step; ++i) {
    trainer.train(script[i].step - trainer.step());
    trainer.setSettings(script[i].settings);
  }
  trainer.train(step - trainer.step());
  return trainer;
}

TEST(Timeline, SeekGivesBitIdenticalStateToAFreshRunWithTheSameSettingChanges) {
  Trainer run = freshRunTo(337);
  Trainer scrubbed = scriptedTrainer(TimelineOptions{16, 48u << 20});
  for (const Change& change : script) {
    scrubbed.train(change.step - scrubbed.step());
    scrubbed.setSettings(change.settings);
  }
  scrubbed.train(337 - scrubbed.step());
  ASSERT_TRUE(sameBits(stateOf(run), stateOf(scrubbed)));
  for (const long step : {0L, 1L, 15L, 16L, 36L, 37L, 38L, 100L, 137L, 200L, 336L, 337L, 5L}) {
    scrubbed.seek(step);
    EXPECT_EQ(scrubbed.step(), step);
    EXPECT_TRUE(sameBits(stateOf(scrubbed), stateOf(freshRunTo(step)))) << "state at step " << step;
  }
  EXPECT_EQ(scrubbed.liveEnd(), 337) << "seeking keeps the live end";
}

TEST(Timeline, TrainingFromAnEarlierStepReplaysTheRecordedRun) {
  Trainer trainer = freshRunTo(337);
  const std::vector<double> end = stateOf(trainer);
  trainer.recordStats();
  const std::size_t entries = trainer.history().size();
  trainer.seek(20);
  EXPECT_EQ(trainer.settings().learningRate, 0.1);
  trainer.recordStats();
  EXPECT_EQ(trainer.history().size(), entries) << "no stats are recorded before the live end";
  EXPECT_EQ(trainer.train(317), 317);
  EXPECT_TRUE(sameBits(stateOf(trainer), end)) << "the logged setting changes are replayed";
  EXPECT_EQ(trainer.settings().learningRate, 0.05);
}

TEST(Timeline, NewSettingsBeforeTheLiveEndNeedABranch) {
  Trainer trainer = freshRunTo(337);
  trainer.seek(100);
  EXPECT_NO_THROW(trainer.setSettings(script[1].settings)) << "the settings already in force are accepted";
  EXPECT_THROW(trainer.setSettings(settingsOf(2.0, 10)), std::invalid_argument);
  EXPECT_THROW(trainer.seek(338), std::invalid_argument) << "past the live end";
  EXPECT_THROW(trainer.seek(-1), std::invalid_argument);
}

TEST(Timeline, BranchDropsTheOldFutureAndContinuesWithNewSettings) {
  Trainer trainer = freshRunTo(100);
  trainer.recordStats();
  trainer.train(37);
  trainer.setSettings(script[2].settings);
  trainer.train(200);
  trainer.recordStats();
  ASSERT_EQ(trainer.history().size(), 2u);
  trainer.seek(100);
  trainer.branch(settingsOf(0.2, 5));
  EXPECT_EQ(trainer.liveEnd(), 100);
  ASSERT_EQ(trainer.history().size(), 1u) << "history after the branch point is dropped";
  EXPECT_EQ(trainer.history().back().step, 100);
  trainer.train(50);

  Trainer fresh = freshRunTo(100);
  fresh.setSettings(settingsOf(0.2, 5));
  fresh.train(50);
  EXPECT_TRUE(sameBits(stateOf(trainer), stateOf(fresh)));
  trainer.seek(120);
  fresh = freshRunTo(100);
  fresh.setSettings(settingsOf(0.2, 5));
  fresh.train(20);
  EXPECT_TRUE(sameBits(stateOf(trainer), stateOf(fresh))) << "seeking inside the new branch";
}

TEST(Timeline, EditingTheNetworkRestartsTheTimelineAtTheCurrentStep) {
  Trainer trainer = freshRunTo(60);
  std::vector<double> biases = trainer.network().biases(0);
  biases[0] += 1.0;
  trainer.editNetwork().setParameters(0, trainer.network().weights(0), biases);
  trainer.train(10);
  EXPECT_EQ(trainer.origin(), 60);
  EXPECT_THROW(trainer.seek(59), std::invalid_argument);
  const std::vector<double> at70 = stateOf(trainer);
  trainer.seek(60);
  EXPECT_EQ(trainer.network().biases(0)[0], biases[0]) << "the edited parameters are the new origin";
  trainer.seek(70);
  EXPECT_TRUE(sameBits(stateOf(trainer), at70));
}

TEST(Timeline, EditingTheNetworkAtAnEarlierStepDropsTheLaterHistory) {
  Trainer trainer = freshRunTo(100);
  trainer.recordStats();
  trainer.train(100);
  trainer.recordStats();
  ASSERT_EQ(trainer.history().size(), 2u);
  trainer.seek(100);
  std::vector<double> biases = trainer.network().biases(0);
  biases[0] += 1.0;
  trainer.editNetwork().setParameters(0, trainer.network().weights(0), biases);
  trainer.recordStats();
  ASSERT_EQ(trainer.history().size(), 1u) << "the row at step 200 belongs to the run before the edit";
  EXPECT_EQ(trainer.history().back().step, 100);
  EXPECT_EQ(trainer.liveEnd(), 100);
}

TEST(Timeline, SeekingToADivergedLiveEndIsDivergedAgain) {
  NetworkConfig config = netConfig({8, 8}, 1);
  config.hiddenActivation = ActivationKind::Linear;
  config.head = OutputHead::LinearSquaredError;
  Trainer trainer(config, circleSplit(200, 3), settingsOf(1e6, 10), 0, 1);
  trainer.train(1000);
  ASSERT_TRUE(trainer.diverged());
  const long end = trainer.liveEnd();
  trainer.seek(0);
  EXPECT_FALSE(trainer.diverged());
  trainer.seek(end);
  EXPECT_TRUE(trainer.diverged());
}

// The record for the largest network over 100,000 steps stays under 64 MB; no training needed,
// since a keyframe's size does not depend on the parameters' values. The order changes at every
// step (as if every step began a shuffled epoch), so no keyframe shares its order: the worst case.
TEST(Timeline, LargestNetworkOverOneHundredThousandStepsFitsTheBudget) {
  RunState run{Network(netConfig({32, 32, 32, 32, 32, 32}, 1)), Rng(1), std::vector<std::size_t>(250), 0, 0, false};
  Timeline timeline;
  timeline.restart(run, settingsOf(0.1, 10));
  for (run.step = 1; run.step <= 100000; ++run.step) {
    run.order[0] = static_cast<std::size_t>(run.step);
    timeline.record(run);
  }
  const std::size_t keyframeValues = run.network.stateSize() * sizeof(double) + 250 * sizeof(uint32_t);
  EXPECT_LT(timeline.bytes(), std::size_t{64} << 20);
  EXPECT_GE(timeline.bytes(), timeline.keyframeCount() * keyframeValues);
  EXPECT_LE(timeline.bytes(), (std::size_t{48} << 20) + timeline.keyframeCount() * 256);
  EXPECT_EQ(timeline.keyframeEvery(), 200) << "thinned from 50 to 200";
  for (std::size_t i = 0; i < timeline.keyframeCount(); ++i)
    ASSERT_EQ(timeline.keyframeStep(i), static_cast<long>(i) * timeline.keyframeEvery());
  EXPECT_EQ(timeline.keyframeStep(timeline.keyframeCount() - 1), 100000);
}

// Keyframes within one epoch hold one copy of its order: the default network's keyframes at batch
// 1 on 500 points (ten to an epoch) take about the bytes of their states alone, a new epoch's
// shuffled order is stored anew, and restoring any keyframe gives back its epoch's order.
TEST(Timeline, KeyframesOfOneEpochShareItsOrder) {
  const DatasetSplit data = circleSplit(1000, 1);  // 500 training points
  RunState run{Network(netConfig({8, 8}, 1)), Rng(7), std::vector<std::size_t>(data.train.size()), 0, 0, false};
  std::iota(run.order.begin(), run.order.end(), std::size_t{0});
  const TrainSettings settings = settingsOf(0.03, 1);
  Timeline timeline;
  timeline.restart(run, settings);
  std::vector<std::vector<std::size_t>> orders{run.order};  // the order of each epoch
  for (long step = 1; step <= 2000; ++step) {
    advance(run, data.train, settings, true);
    if (run.cursor % run.order.size() == 1 && run.cursor > 1) orders.push_back(run.order);
    timeline.record(run);
  }
  ASSERT_EQ(orders.size(), 4u);
  ASSERT_NE(orders[0], orders[1]) << "each epoch is shuffled";
  ASSERT_EQ(timeline.keyframeCount(), 41u);
  const std::size_t state = run.network.stateSize() * sizeof(double), order = 500 * sizeof(uint32_t);
  EXPECT_LE(timeline.bytes(), timeline.keyframeCount() * (state + 256) + orders.size() * (order + 256))
      << "one order per epoch, not one per keyframe";
  EXPECT_GE(timeline.bytes(), timeline.keyframeCount() * state + orders.size() * order);
  for (std::size_t i = 0; i < timeline.keyframeCount(); ++i) {
    RunState restored = run;
    const long step = timeline.keyframeStep(i);
    timeline.restore(step, restored);
    ASSERT_EQ(restored.step, step);
    // Step s has drawn s examples: the order after step s is that of epoch (s - 1) / 500 (epoch 0 at step 0).
    EXPECT_EQ(restored.order, orders[step == 0 ? 0 : (step - 1) / 500]) << "keyframe at step " << step;
  }
}

TEST(Timeline, NamesTheNextSettingChangeAndTheLatestKeyframe) {
  const Trainer trainer = freshRunTo(337);
  const Timeline& timeline = trainer.timeline();
  EXPECT_EQ(timeline.nextChangeAfter(0), 37) << "the first change after the origin";
  EXPECT_EQ(timeline.nextChangeAfter(36), 37);
  EXPECT_EQ(timeline.nextChangeAfter(37), 137) << "a change at the step itself is already in force";
  EXPECT_EQ(timeline.nextChangeAfter(137), std::numeric_limits<long>::max()) << "no change after the last one";
  for (long step = 0; step < 337; ++step)
    EXPECT_EQ(&timeline.settingsAt(step), &timeline.settingsAt(std::min(timeline.nextChangeAfter(step) - 1, 336L)))
        << "the settings at step " << step << " last until the next change";
  const long every = timeline.keyframeEvery();
  EXPECT_EQ(timeline.keyframeBefore(0), 0) << "the origin's keyframe";
  EXPECT_EQ(timeline.keyframeBefore(every - 1), 0);
  EXPECT_EQ(timeline.keyframeBefore(every), every);
  EXPECT_EQ(timeline.keyframeBefore(336), 336 / every * every);
  EXPECT_EQ(timeline.keyframeBefore(-1), -1) << "before the origin there is none";
}

TEST(Timeline, OptionsAreValidated) {
  EXPECT_THROW(Timeline(TimelineOptions{0, 1024}), std::invalid_argument);
  EXPECT_THROW(Timeline(TimelineOptions{10, 0}), std::invalid_argument);
  EXPECT_THROW(Trainer(netConfig({4}, 1), circleSplit(50, 1), settingsOf(0.1, 10), 0, 1, true, {}, -1),
               std::invalid_argument);
}

}  // namespace
}  // namespace alab
