#include "dead_units.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "trainer.hpp"

namespace alab {
namespace {

// Ten points: x1 = -0.45, -0.35, ..., 0.45 (five of them positive), x2 alternating +-0.5.
Dataset tenPoints() {
  Dataset data;
  for (int p = 0; p < 10; ++p) {
    data.x.push_back(-0.45 + 0.1 * p);
    data.x.push_back(p % 2 == 0 ? 0.5 : -0.5);
    data.label.push_back(p % 2);
  }
  return data;
}

NetworkConfig threeUnitConfig(ActivationKind kind) {
  NetworkConfig config;
  config.hiddenUnits = {3};
  config.hiddenActivation = kind;
  config.alpha = kind == ActivationKind::LeakyRelu ? 0.1 : 0.01;
  return config;
}

// Unit 0 is never positive on [-1, 1]^2; unit 1 follows x1 (active for half the points);
// unit 2 is x2 - 0.4, active where x2 = 0.5 (also half the points).
void setThreeUnits(Network& net) {
  net.setParameters(0, {-0.2, 0.2, 1.0, 0.0, 0.0, 1.0}, {-1.0, 0.0, -0.4});
  net.setParameters(1, {1.0, 1.0, 1.0}, {0.0});
}

TEST(DeadUnits, NeverPositiveReluUnitIsDead) {
  Network net(threeUnitConfig(ActivationKind::Relu));
  setThreeUnits(net);
  const UnitReport report = classifyUnits(net, tenPoints());
  ASSERT_EQ(report.layers.size(), 1u);
  const LayerUnits& layer = report.layers[0];
  EXPECT_EQ(layer.state, (std::vector<UnitState>{UnitState::Dead, UnitState::Alive, UnitState::Alive}));
  EXPECT_EQ(layer.activeFraction, (std::vector<double>{0.0, 0.5, 0.5}));
  EXPECT_EQ(layer.dead, 1);
  EXPECT_EQ(layer.dormant, 0);
  EXPECT_EQ(report.dead, 1);
  EXPECT_EQ(report.dormant, 0);
  EXPECT_EQ(report.total, 3);
}

TEST(DeadUnits, NeverPositiveLeakyReluUnitIsDormantNotDead) {
  Network net(threeUnitConfig(ActivationKind::LeakyRelu));
  setThreeUnits(net);
  const UnitReport report = classifyUnits(net, tenPoints());
  EXPECT_EQ(report.layers[0].state, (std::vector<UnitState>{UnitState::Dormant, UnitState::Alive, UnitState::Alive}));
  EXPECT_EQ(report.dead, 0);
  EXPECT_EQ(report.dormant, 1);
}

TEST(DeadUnits, StepUnitsCanDieAndSmoothUnitsOnlySleep) {
  for (const ActivationKind kind : {ActivationKind::Step, ActivationKind::Sigmoid, ActivationKind::Tanh}) {
    Network net(threeUnitConfig(kind));
    setThreeUnits(net);
    const UnitState expected = kind == ActivationKind::Step ? UnitState::Dead : UnitState::Dormant;
    EXPECT_EQ(classifyUnits(net, tenPoints()).layers[0].state[0], expected)
        << activationInfo(kind).name << ": dead only where the gradient vanishes below 0";
  }
}

TEST(DeadUnits, ActiveFractionCountsStrictlyPositivePreActivations) {
  Network net(threeUnitConfig(ActivationKind::Relu));
  // Unit 0: x1 + 0.2 > 0 for x1 >= -0.15 (7 points); unit 1: exactly 0 everywhere (dead:
  // relu'(0) = 0); unit 2: x1 - 0.3 > 0 for x1 >= 0.35 (2 points).
  net.setParameters(0, {1.0, 0.0, 0.0, 0.0, 1.0, 0.0}, {0.2, 0.0, -0.3});
  const LayerUnits layer = classifyUnits(net, tenPoints()).layers[0];
  EXPECT_DOUBLE_EQ(layer.activeFraction[0], 0.7);
  EXPECT_EQ(layer.activeFraction[1], 0.0);
  EXPECT_DOUBLE_EQ(layer.activeFraction[2], 0.2);
  EXPECT_EQ(layer.state[1], UnitState::Dead) << "a pre-activation of exactly 0 is not positive";
}

TEST(DeadUnits, ReportsEveryLayer) {
  NetworkConfig config;
  config.hiddenUnits = {4, 3, 2};
  const UnitReport report = classifyUnits(Network(config), tenPoints());
  ASSERT_EQ(report.layers.size(), 3u);
  EXPECT_EQ(report.layers[1].state.size(), 3u);
  EXPECT_EQ(report.layers[2].activeFraction.size(), 2u);
  EXPECT_EQ(report.total, 9);
}

TEST(DeadUnits, RejectsEmptyOrMisshapenData) {
  const Network net(threeUnitConfig(ActivationKind::Relu));
  EXPECT_THROW(classifyUnits(net, Dataset{}), std::invalid_argument);
  Dataset data = tenPoints();
  data.x.pop_back();
  EXPECT_THROW(classifyUnits(net, data), std::invalid_argument);
}

Trainer threeUnitTrainer(ActivationKind kind) {
  TrainSettings settings;
  settings.learningRate = 0.5;
  settings.batchSize = 4;
  Trainer trainer(threeUnitConfig(kind), DatasetSplit{tenPoints(), Dataset{}}, settings, 0, 3);
  setThreeUnits(trainer.editNetwork());
  return trainer;
}

TEST(DeadUnits, DeadFirstLayerReluUnitStaysDeadUnderPlainSgd) {
  Trainer trainer = threeUnitTrainer(ActivationKind::Relu);
  const std::vector<double> before = trainer.network().weights(0);
  trainer.train(200);
  const std::vector<double>& after = trainer.network().weights(0);
  EXPECT_EQ(after[0], before[0]) << "a dead unit's incoming weights get no gradient";
  EXPECT_EQ(after[1], before[1]);
  EXPECT_EQ(trainer.network().biases(0)[0], -1.0) << "nor does its bias";
  EXPECT_NE(after[2], before[2]) << "a live unit does learn";
  EXPECT_EQ(trainer.units().layers[0].state[0], UnitState::Dead);
}

TEST(DeadUnits, DormantLeakyUnitKeepsLearning) {
  Trainer trainer = threeUnitTrainer(ActivationKind::LeakyRelu);
  trainer.train(50);
  EXPECT_NE(trainer.network().biases(0)[0], -1.0) << "the leaky slope passes gradient to a dormant unit";
}

TEST(DeadUnits, SecondLayerUnitRevivesWhenTheFirstLayerGrows) {
  Dataset data;
  for (int p = 0; p < 10; ++p) {
    data.x.push_back(-0.4 + 0.1 * p);
    data.x.push_back(0.0);
    data.label.push_back(1);
  }
  NetworkConfig config;
  config.hiddenUnits = {1, 2};
  config.head = OutputHead::LinearSquaredError;
  TrainSettings settings;
  settings.learningRate = 0.1;
  settings.batchSize = 10;
  Trainer trainer(config, DatasetSplit{data, Dataset{}}, settings, 5, 1, false);
  Network& net = trainer.editNetwork();
  // h = relu(x1 + 0.5) <= 1 on the data; unit A = relu(h) is alive, unit B = relu(h - 1.05) is
  // dead. The output 0.5 A must reach the target 1, so training raises h and B comes alive.
  net.setParameters(0, {1.0, 0.0}, {0.5});
  net.setParameters(1, {1.0, 1.0}, {0.0, -1.05});
  net.setParameters(2, {0.5, 0.0}, {0.0});
  trainer.recordStats();
  ASSERT_EQ(trainer.units().layers[1].state[1], UnitState::Dead);
  EXPECT_EQ(trainer.history().back().revivals, 0);
  trainer.train(20);
  EXPECT_EQ(trainer.units().layers[1].state[1], UnitState::Alive);
  EXPECT_EQ(trainer.revivals()[1][1], 1) << "unit B went from dead to alive once";
  EXPECT_EQ(trainer.revivals()[1][0], 0);
  EXPECT_EQ(trainer.revivals()[0][0], 0);
  EXPECT_EQ(trainer.history().back().revivals, 1);
  EXPECT_EQ(trainer.history().back().deadPerLayer, (std::vector<int>{0, 0}));
  EXPECT_EQ(trainer.history().front().deadPerLayer, (std::vector<int>{0, 1}));
}

}  // namespace
}  // namespace alab
