#include "specs.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace alab {
namespace {

// An option object for tests: numbers, texts, lists and nested objects by key.
struct MapSpec final : Spec {
  std::map<std::string, double> values;
  std::map<std::string, std::string> strings;
  std::map<std::string, std::vector<double>> lists;
  std::map<std::string, MapSpec> children;

  bool has(const char* key) const override {
    return values.count(key) || strings.count(key) || lists.count(key) || children.count(key);
  }
  double number(const char* key) const override { return values.at(key); }
  bool flag(const char* key) const override { return values.at(key) != 0; }
  std::string text(const char* key) const override { return strings.at(key); }
  std::vector<double> numbers(const char* key) const override { return lists.at(key); }
  std::vector<std::string> texts(const char* key) const override { return {strings.at(key)}; }
  std::unique_ptr<Spec> child(const char* key) const override {
    return std::make_unique<MapSpec>(children.count(key) ? children.at(key) : MapSpec{});
  }
  using Spec::number;
};

TEST(Specs, AnEmptyNetworkSpecIsTheDefaultConfigWithTheDataClasses) {
  const NetworkConfig config = networkConfigFrom(MapSpec{}, 2);
  EXPECT_EQ(config.hiddenUnits, (std::vector<int>{8, 8}));
  EXPECT_EQ(config.hiddenActivation, ActivationKind::Relu);
  EXPECT_EQ(config.init, InitScheme::He);
  EXPECT_EQ(config.seed, 1u);
  MapSpec softmax;
  softmax.strings["head"] = "softmax_cross_entropy";
  EXPECT_EQ(networkConfigFrom(softmax, 3).classes, 3) << "classes default to the data's";
}

TEST(Specs, AlphaDefaultsToTheActivationsOwn) {
  MapSpec elu;
  elu.strings["activation"] = "elu";
  EXPECT_EQ(networkConfigFrom(elu, 2).alpha, 1.0);
  MapSpec sweep;
  sweep.children["network"] = elu;
  EXPECT_EQ(sweepConfigFrom(sweep).network.alpha, 0.01) << "a sweep without alpha keeps leaky_relu's 0.01";
  sweep.children["network"].values["alpha"] = 0.5;
  EXPECT_EQ(sweepConfigFrom(sweep).network.alpha, 0.5);
  EXPECT_EQ(sweepConfigFrom(MapSpec{}).learningRates, defaultSweepRates());
}

TEST(Specs, DefaultsReproduceTheChaptersRaceAndAreValidatedWhereTheyEnter) {
  EXPECT_EQ(raceFrom(MapSpec{}).steps, 67) << "sigmoid from 0.9 to 0.5 at rate 0.2";
  MapSpec bad;
  bad.values["batchSize"] = 0;
  EXPECT_THROW(trainSettingsFrom(bad, TrainSettings{}), std::invalid_argument);
}

TEST(Specs, ATrainerFromOwnPointsTakesTheirClasses) {
  MapSpec data;
  data.lists["x"] = {0, 0, 1, 1, -1, 1, 0.5, -0.5};
  data.lists["label"] = {0, 1, 2, 1};
  data.values["classes"] = 3;
  data.values["trainFraction"] = 1;
  MapSpec spec;
  spec.children["data"] = data;
  spec.children["network"].strings["head"] = "softmax_cross_entropy";
  const auto trainer = trainerFrom(spec);
  EXPECT_EQ(trainer->network().outputs(), 3);
  EXPECT_EQ(trainer->data().train.size(), 4u);
  EXPECT_EQ(trainer->history().size(), 1u) << "stats are recorded at step 0";
}

}  // namespace
}  // namespace alab
