// The timeline with this additions: seek() on a curve (real targets, one input), with
// bias: false, with L1 switched on and off mid-run (a change of l1 alone is a setting change the
// timeline records), and after a kink edit, gives bit-identical states to fresh runs.
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "curve_view.hpp"
#include "curves.hpp"
#include "trainer.hpp"
#include "test_helpers.hpp"

namespace alab {
namespace {

TrainSettings settingsWith(double l1) {
  TrainSettings settings;
  settings.learningRate = 0.1;
  settings.batchSize = 7;
  settings.momentum = 0.5;
  settings.l1 = l1;
  return settings;
}

// l1 goes 0 -> 0.01 at step 40 and back to 0 at step 120; nothing else changes.
const std::vector<std::pair<long, double>> l1Script = {{0, 0.0}, {40, 0.01}, {120, 0.0}};

Trainer curveTrainer(bool bias) {
  NetworkConfig config;
  config.inputs = 1;
  config.hiddenUnits = {6, 4};
  config.head = OutputHead::LinearSquaredError;
  config.bias = bias;
  config.seed = 3;
  return Trainer(config, splitDataset(makeCurve(CurveKind::Sawtooth, 50, 0.3, 2), 0.8, 5), settingsWith(0.0), 0, 7,
                 true, TimelineOptions{16, 48u << 20});
}

Trainer freshRunTo(bool bias, long step) {
  Trainer trainer = curveTrainer(bias);
  for (const auto& [at, l1] : l1Script) {
    if (at > step) break;
    trainer.train(at - trainer.step());
    trainer.setSettings(settingsWith(l1));
  }
  trainer.train(step - trainer.step());
  return trainer;
}

using testing::sameBits;
using testing::stateOf;

TEST(RegressionTimeline, SeekingACurveRunWithL1ChangesIsBitIdenticalToFreshRuns) {
  for (const bool bias : {true, false}) {
    Trainer run = freshRunTo(bias, 200);
    for (const long step : {0L, 39L, 40L, 41L, 100L, 119L, 120L, 121L, 199L, 200L, 17L}) {
      run.seek(step);
      EXPECT_TRUE(sameBits(stateOf(run), stateOf(freshRunTo(bias, step)))) << "bias " << bias << ", step " << step;
    }
    run.seek(100);
    EXPECT_NO_THROW(run.setSettings(settingsWith(0.01))) << "the l1 in force at step 100";
    EXPECT_THROW(run.setSettings(settingsWith(0.0)), std::invalid_argument) << "another l1 before the live end needs a branch";
    Trainer withoutL1 = curveTrainer(bias);
    withoutL1.train(120);
    EXPECT_FALSE(sameBits(stateOf(withoutL1), stateOf(freshRunTo(bias, 120)))) << "the l1 stretch changes the run";
  }
}

TEST(RegressionTimeline, AKinkEditRestartsTheTimelineAndLaterSeeksReplayFromIt) {
  Trainer trainer = curveTrainer(true);
  trainer.train(60);
  placeKink(trainer.editNetwork(), 2, 0.25);
  trainer.train(40);
  const std::vector<double> atEnd = stateOf(trainer);
  EXPECT_THROW(trainer.seek(59), std::invalid_argument) << "before the edit is gone";
  trainer.seek(60);
  EXPECT_NEAR(curveView(trainer.network(), {0}, -1, 1).kinks[2], 0.25, 1e-15) << "the edited kink is the new origin";
  trainer.seek(100);
  EXPECT_TRUE(sameBits(stateOf(trainer), atEnd));
}

}  // namespace
}  // namespace alab
