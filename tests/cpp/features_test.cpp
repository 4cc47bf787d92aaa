// Input features: values by hand, derivatives and first-layer gradients against central finite
// differences, and every trainer path (training, predictions, grids, timeline) through the map.
#include "features.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_helpers.hpp"
#include "trainer.hpp"

namespace alab {
namespace {

using testing::errorOf;

std::vector<std::string> allNames() {
  std::vector<std::string> names;
  for (InputFeature feature : inputFeatures()) names.push_back(inputFeatureName(feature));
  return names;
}

TEST(Features, NamesRoundTripAndBadListsAreRefusedWithTheReason) {
  for (InputFeature feature : inputFeatures()) EXPECT_EQ(inputFeatureFromName(inputFeatureName(feature)), feature);
  EXPECT_EQ(errorOf([] { inputFeatureFromName("x3"); }),
            "unknown input feature 'x3' (known: x1, x2, x1_squared, x2_squared, x1_x2, sin_x1, sin_x2)");
  EXPECT_EQ(errorOf([] { featureMapFromNames({}); }), "features must name at least one input feature");
  EXPECT_EQ(errorOf([] { featureMapFromNames({"x1", "sin_x1", "x1"}); }), "input feature 'x1' is named twice");
}

TEST(Features, ValuesAtAPointMatchHandComputedOnes) {
  const FeatureMap map = featureMapFromNames(allNames());
  const std::vector<double> out = mapFeatures(map, {0.5, -0.25});
  const std::vector<double> expected{0.5, -0.25, 0.25, 0.0625, -0.125, 0.479425538604203, -0.247403959254523};
  ASSERT_EQ(out.size(), expected.size());
  for (std::size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], expected[i], 1e-15) << allNames()[i];
  EXPECT_EQ(mapFeatures(FeatureMap{}, {0.5, -0.25}), (std::vector<double>{0.5, -0.25}));
  EXPECT_EQ(errorOf([&] { mapFeatures(map, {0.5}); }), "points must hold x1, x2 pairs, got 1 values");
}

TEST(Features, DerivativesMatchCentralDifferences) {
  const double h = 1e-6;
  for (InputFeature feature : inputFeatures())
    for (const auto& [x1, x2] : std::vector<std::pair<double, double>>{{0.3, -0.7}, {-1.2, 0.9}, {0.0, 0.4}}) {
      double d1, d2;
      featureGradient(feature, x1, x2, d1, d2);
      const double fd1 = (featureValue(feature, x1 + h, x2) - featureValue(feature, x1 - h, x2)) / (2 * h);
      const double fd2 = (featureValue(feature, x1, x2 + h) - featureValue(feature, x1, x2 - h)) / (2 * h);
      EXPECT_NEAR(d1, fd1, 1e-8) << inputFeatureName(feature) << " d/dx1 at " << x1 << ", " << x2;
      EXPECT_NEAR(d2, fd2, 1e-8) << inputFeatureName(feature) << " d/dx2 at " << x1 << ", " << x2;
    }
}

// A 7-feature network with one hidden tanh layer on the plane data, linear output, MSE.
Trainer featureTrainer(long steps) {
  NetworkConfig config;
  config.inputs = static_cast<int>(inputFeatures().size());
  config.hiddenUnits = {3};
  config.hiddenActivation = ActivationKind::Tanh;
  config.head = OutputHead::LinearSquaredError;
  TrainSettings settings;
  settings.learningRate = 0.05;
  Trainer trainer(config, splitDataset(makeDataset(DatasetKind::Bumps, 60, 0.1, 4), 0.8, 2), settings, 0, 3, true,
                  {}, 0, featureMapFromNames(allNames()));
  trainer.train(steps);
  return trainer;
}

// Mean (y - t)^2 / 2 over the raw training points, through Trainer::predict.
double rawLoss(const Trainer& trainer) {
  const Dataset& points = trainer.points().train;
  const std::vector<double> y = trainer.predict(points.x);
  double sum = 0;
  for (std::size_t p = 0; p < y.size(); ++p) sum += (y[p] - points.target[p]) * (y[p] - points.target[p]) / 2;
  return sum / static_cast<double>(y.size());
}

TEST(Features, FirstLayerGradientOverMappedDataMatchesDifferencesOfTheRawPointLoss) {
  Trainer trainer = featureTrainer(20);
  ASSERT_EQ(trainer.data().train.inputs, 7);
  ASSERT_EQ(trainer.points().train.inputs, 2);
  Network net = trainer.network();
  std::vector<std::size_t> all(trainer.data().train.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  EXPECT_NEAR(net.accumulateGradient(trainer.data().train, all.data(), all.size()), rawLoss(trainer), 1e-14);
  const std::vector<double> gradient = net.weightGradient(0), weights = trainer.network().weights(0);
  const std::vector<double> biases = trainer.network().biases(0);
  const double h = 1e-6;
  double largest = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    std::vector<double> moved = weights;
    moved[i] = weights[i] + h;
    trainer.editNetwork().setParameters(0, moved, biases);
    const double up = rawLoss(trainer);
    moved[i] = weights[i] - h;
    trainer.editNetwork().setParameters(0, moved, biases);
    const double down = rawLoss(trainer);
    EXPECT_NEAR(gradient[i], (up - down) / (2 * h), 1e-7) << "first-layer weight " << i;
    largest = std::max(largest, std::fabs(gradient[i]));
  }
  EXPECT_GT(largest, 1e-3) << "the first-layer gradient should not be trivially zero";
}

TEST(Features, OutputSlopeInX1IsTheChainRuleThroughEveryFeature) {
  NetworkConfig config;
  config.inputs = 7;
  config.hiddenUnits = {};
  config.head = OutputHead::LinearSquaredError;
  Trainer trainer(config, splitDataset(makeDataset(DatasetKind::Plane, 20, 0, 1), 1, 1), TrainSettings{}, 0, 1, true,
                  {}, 0, featureMapFromNames(allNames()));
  const std::vector<double> w{0.3, -0.2, 0.5, 0.7, -0.4, 0.9, -0.6};
  trainer.editNetwork().setParameters(0, w, {0.1});
  const double x1 = 0.4, x2 = -0.8, h = 1e-6;
  double chain = 0;
  for (std::size_t f = 0; f < w.size(); ++f) {
    double d1, d2;
    featureGradient(inputFeatures()[f], x1, x2, d1, d2);
    chain += w[f] * d1;
  }
  const double fd = (trainer.predict({x1 + h, x2})[0] - trainer.predict({x1 - h, x2})[0]) / (2 * h);
  EXPECT_NEAR(chain, fd, 1e-8);
}

TEST(Features, GridsAndTheTimelineGoThroughTheMap) {
  Trainer trainer = featureTrainer(40);
  const GridSpec grid{-1, 1, -1, 1, 6};
  const std::vector<double> mapped = mapFeatures(trainer.features(), gridPoints(grid));
  std::vector<double> expected(static_cast<std::size_t>(trainer.network().hiddenUnitCount() + 1) * 36);
  trainer.network().unitActivations(mapped.data(), 36, expected.data());
  EXPECT_EQ(trainer.gridActivations(grid), expected);
  EXPECT_EQ(trainer.gridActivations(grid, {6, 0, 6, 6}).size(), 3u * 36);
  const std::vector<double> at40 = trainer.network().weights(0);
  trainer.seek(10);
  trainer.train(30);
  EXPECT_EQ(trainer.network().weights(0), at40) << "replaying the timeline must give the same run";
}

TEST(Features, OneCoordinateDataIsRefused) {
  NetworkConfig config;
  config.inputs = 1;
  config.head = OutputHead::LinearSquaredError;
  const Dataset line = regressionFromPoints({0.1, 0.2}, {1, 2}, 1);
  EXPECT_EQ(errorOf([&] {
              Trainer(config, splitDataset(line, 1, 1), TrainSettings{}, 0, 1, true, {}, 0, featureMapFromNames({"x1"}));
            }),
            "input features need points with 2 coordinates (x1, x2), got 1");
}

}  // namespace
}  // namespace alab
