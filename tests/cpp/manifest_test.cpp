#include "manifest.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "activations.hpp"
#include "datasets.hpp"
#include "network.hpp"

namespace alab {
namespace {

// Largest jump of f, f' or f'' across z, from one-sided differences of f' (h = 1e-4).
double smoothnessJump(const ActivationInfo& info, double z) {
  const double h = 1e-4, a = info.defaultAlpha;
  const double valueJump = std::fabs(info.f(z + h * 1e-3, a) - info.f(z - h * 1e-3, a)) / 1e-3;
  const double slopeJump = std::fabs(info.df(z + h, a) - info.df(z - h, a));
  const double curvatureJump =
      std::fabs((info.df(z + 2 * h, a) - info.df(z + h, a)) / h - (info.df(z - h, a) - info.df(z - 2 * h, a)) / h);
  return std::fmax(valueJump, std::fmax(slopeJump * 10, curvatureJump));
}

TEST(Manifest, ListsEveryActivationWithItsAlphaRangeAndKinks) {
  const Manifest& m = engineManifest();
  ASSERT_EQ(m.activations.size(), activationTable().size());
  for (std::size_t i = 0; i < m.activations.size(); ++i) {
    const ActivationEntry& entry = m.activations[i];
    const ActivationInfo& info = activationTable()[i];
    EXPECT_EQ(entry.name, info.name);
    EXPECT_EQ(entry.diesBelowZero, info.gradientVanishesBelowZero) << entry.name;
    if (entry.usesAlpha) {
      EXPECT_TRUE(entry.alpha.contains(info.defaultAlpha)) << entry.name;
    }
    for (double kink : entry.kinks) EXPECT_GT(smoothnessJump(info, kink), 0.05) << entry.name << " kink at " << kink;
    for (double z = -4.75; z <= 4.75; z += 0.5)
      EXPECT_LT(smoothnessJump(info, z), 0.05) << entry.name << " smooth at " << z;
  }
  const ActivationEntry& leaky = m.activations[3];
  EXPECT_EQ(leaky.name, "leaky_relu");
  EXPECT_TRUE(leaky.alpha.contains(0.99));
  EXPECT_FALSE(leaky.alpha.contains(1.0));
}

TEST(Manifest, DefaultsMatchTheCoreStructsAndLieInTheirRanges) {
  const Manifest& m = engineManifest();
  const NetworkConfig network;
  EXPECT_EQ(m.defaultHiddenLayers, network.hiddenUnits);
  EXPECT_EQ(m.defaultActivation, "relu");
  EXPECT_EQ(m.defaultHead, "sigmoid_cross_entropy");
  EXPECT_EQ(m.maxLayers, maxHiddenLayers);
  const TrainSettings settings;
  EXPECT_EQ(manifestRange("training", "learningRate").defaultValue, settings.learningRate);
  EXPECT_EQ(manifestRange("training", "batchSize").defaultValue, settings.batchSize);
  EXPECT_EQ(manifestRange("training", "momentum").defaultValue, settings.momentum);
  EXPECT_EQ(manifestRange("training", "beta1").defaultValue, settings.beta1);
  EXPECT_EQ(manifestRange("training", "beta2").defaultValue, settings.beta2);
  EXPECT_EQ(manifestRange("training", "rho").defaultValue, settings.rho);
  EXPECT_EQ(manifestRange("training", "epsilon").defaultValue, settings.epsilon);
  EXPECT_EQ(manifestRange("network", "initialBias").defaultValue, network.initialBias);
  EXPECT_EQ(m.optimizers, (std::vector<std::string>{"sgd", "adam", "rmsprop"}));
  for (const ManifestSection& s : m.sections)
    for (const NamedRange& r : s.ranges) {
      EXPECT_LT(r.range.min, r.range.max) << s.name << "." << r.name;
      if (!std::isnan(r.range.defaultValue)) {
        EXPECT_TRUE(r.range.contains(r.range.defaultValue)) << s.name << "." << r.name;
      }
    }
  EXPECT_THROW(manifestRange("training", "learningrate"), std::invalid_argument);
}

TEST(Manifest, DatasetsGiveTheirClassesAndSmallestSize) {
  const Manifest& m = engineManifest();
  ASSERT_EQ(m.datasets.size(), datasetKinds().size());
  for (const DatasetEntry& d : m.datasets) {
    const Dataset data = makeDataset(datasetKindFromName(d.name), static_cast<std::size_t>(d.size.min), 0.1, 1);
    EXPECT_EQ(data.regression, d.regression) << d.name;
    EXPECT_EQ(d.regression ? 0 : data.classes, d.classes) << d.name;
    EXPECT_THROW(makeDataset(datasetKindFromName(d.name), static_cast<std::size_t>(d.size.min) - 1, 0.1, 1),
                 std::invalid_argument)
        << d.name;
  }
}

TEST(Manifest, JsonHoldsExactNumbersAndNamedStates) {
  const std::string json = manifestJson(engineManifest());
  EXPECT_NE(json.find("\"unitStates\":[\"alive\",\"dead\",\"dormant\"]"), std::string::npos);
  EXPECT_NE(json.find("\"optimizers\":[\"sgd\",\"adam\",\"rmsprop\"]"), std::string::npos);
  EXPECT_NE(json.find("\"optimizer\":{\"default\":\"sgd\"}"), std::string::npos);
  EXPECT_NE(json.find("{\"name\":\"leaky_relu\",\"usesAlpha\":true,\"alpha\":{\"min\":0,\"max\":1,\"default\":0.01,"
                      "\"integer\":false,\"maxOpen\":true},\"kinks\":[0],\"diesBelowZero\":false}"),
            std::string::npos);
  EXPECT_NE(json.find("\"learningRate\":{\"min\":0.0001,\"max\":10,\"default\":0.03,\"integer\":false}"),
            std::string::npos);
  int depth = 0;
  for (char c : json) {
    depth += (c == '{' || c == '[') - (c == '}' || c == ']');
    ASSERT_GE(depth, 0);
  }
  EXPECT_EQ(depth, 0);
}

}  // namespace
}  // namespace alab
