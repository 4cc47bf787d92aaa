// The timeline with the remedies' training state: keyframes save and restore Adam's and RMSprop's
// moments, the PReLU slopes and the optimiser in use, so seek() reproduces a fresh run bit for bit.
#include <gtest/gtest.h>

#include <vector>

#include "timeline.hpp"
#include "trainer.hpp"
#include "unit_life.hpp"
#include "test_helpers.hpp"

namespace alab {
namespace {

TrainSettings with(Optimizer optimizer, double rate, int batch) {
  TrainSettings settings;
  settings.optimizer = optimizer;
  settings.learningRate = rate;
  settings.batchSize = batch;
  settings.momentum = optimizer == Optimizer::Sgd ? 0.9 : 0.0;
  settings.beta1 = 0.8;
  return settings;
}

// Adam from step 0, RMSprop from 41, SGD with momentum from 90, Adam again from 150; 220 steps.
const std::vector<std::pair<long, TrainSettings>> script = {{0, with(Optimizer::Adam, 0.01, 10)},
                                                            {41, with(Optimizer::RmsProp, 0.003, 7)},
                                                            {90, with(Optimizer::Sgd, 0.05, 12)},
                                                            {150, with(Optimizer::Adam, 0.02, 10)}};

Trainer preluTrainer(const TimelineOptions& options = {}) {
  NetworkConfig config;
  config.hiddenUnits = {6, 5};
  config.hiddenActivation = ActivationKind::Prelu;
  config.alpha = 0.25;
  config.initialBias = 0.1;
  config.seed = 3;
  return Trainer(config, splitDataset(makeDataset(DatasetKind::Xor, 240, 0.1, 5), 0.5, 5), script[0].second, 0, 8,
                 true, options);
}

void trainScriptTo(Trainer& trainer, long step) {
  for (const auto& [at, settings] : script) {
    if (at > step) break;
    if (at < trainer.step()) continue;
    trainer.train(at - trainer.step());
    trainer.setSettings(settings);
  }
  trainer.train(step - trainer.step());
}

using testing::sameBits;
using testing::stateOf;

TEST(RemedyTimeline, SeekWithAdamRmspropAndPreluSlopesIsBitIdenticalToAFreshRun) {
  Trainer scrubbed = preluTrainer(TimelineOptions{16, 48u << 20});
  trainScriptTo(scrubbed, 220);
  for (const long step : {0L, 5L, 16L, 40L, 41L, 42L, 89L, 90L, 100L, 149L, 150L, 151L, 219L, 220L, 33L}) {
    Trainer fresh = preluTrainer();
    trainScriptTo(fresh, step);
    scrubbed.seek(step);
    ASSERT_EQ(scrubbed.step(), step);
    EXPECT_TRUE(sameBits(stateOf(scrubbed), stateOf(fresh))) << "state after seeking to step " << step;
    EXPECT_EQ(scrubbed.network().slopes(0), fresh.network().slopes(0)) << "slopes at step " << step;
  }
  scrubbed.seek(220);
  double moved = 0;
  for (double slope : scrubbed.network().slopes(0)) moved = std::max(moved, std::fabs(slope - 0.25));
  EXPECT_GT(moved, 1e-4) << "the slopes were learnt, so restoring them is not trivial";
}

TEST(RemedyTimeline, TheStateHoldsOnlyTheBuffersOfTheOptimiserInUse) {
  Trainer trainer = preluTrainer();
  trainScriptTo(trainer, 10);
  const std::size_t adam = trainer.network().stateSize();
  trainScriptTo(trainer, 45);  // rmsprop: no first moments
  const std::size_t rmsprop = trainer.network().stateSize();
  trainScriptTo(trainer, 95);  // sgd: no mean squares
  const std::size_t sgd = trainer.network().stateSize();
  std::size_t parameters = 0;
  for (std::size_t l = 0; l < trainer.network().layerCount(); ++l)
    parameters += trainer.network().weights(l).size() + trainer.network().biases(l).size();
  for (std::size_t l = 0; l + 1 < trainer.network().layerCount(); ++l) parameters += trainer.network().slopes(l).size();
  EXPECT_EQ(adam, 3 * parameters + 3 + 3);
  EXPECT_EQ(rmsprop, 2 * parameters + 3 + 3);
  EXPECT_EQ(sgd, rmsprop);
}

}  // namespace
}  // namespace alab

namespace alab {
namespace {

TEST(RemedyTimeline, AnAdamDeathRecordsAdamsWholeStepAsItsChangeAndNoMomentumPart) {
  NetworkConfig config;
  config.hiddenUnits = {8, 8};
  config.seed = 12;
  TrainSettings settings;
  settings.optimizer = Optimizer::Adam;
  settings.learningRate = 3;
  settings.momentum = 0.9;  // sgd's; adam ignores it
  Trainer trainer(config, splitDataset(makeDataset(DatasetKind::Circle, 500, 0.1, 1), 0.8, 1), settings, 0, 1);
  trainer.train(200);
  const std::vector<KillingUpdate> deaths = trainer.deathsFrom(0);
  ASSERT_FALSE(deaths.empty()) << "Adam at rate 3 kills units";
  for (const KillingUpdate& death : deaths) {
    const std::size_t n = death.weightsBefore.size();
    for (std::size_t i = 0; i <= n; ++i) {
      const double before = i < n ? death.weightsBefore[i] : death.biasBefore;
      const double after = i < n ? death.weightsAfter[i] : death.biasAfter;
      EXPECT_EQ(death.gradientPart[i], after - before) << "step " << death.step << " parameter " << i;
      EXPECT_EQ(death.momentumPart[i], 0.0);
    }
  }
}

}  // namespace
}  // namespace alab
