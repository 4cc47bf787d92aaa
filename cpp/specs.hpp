// Reading the API's option objects: a Spec is a read-only view of one (the binding wraps a JS
// object, the tests a map), and the functions below turn specs into the core's configs, with
// the core's defaults for absent fields. Values are already checked by the JS facade; the
// configs are validated again where they enter the core.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "datasets.hpp"
#include "experiments.hpp"
#include "features.hpp"
#include "network.hpp"
#include "trainer.hpp"

namespace alab {

/// A read-only option object: fields by name, nested objects by child().
class Spec {
 public:
  virtual ~Spec() = default;
  virtual bool has(const char* key) const = 0;
  virtual double number(const char* key) const = 0;
  virtual bool flag(const char* key) const = 0;
  virtual std::string text(const char* key) const = 0;
  virtual std::vector<double> numbers(const char* key) const = 0;
  virtual std::vector<std::string> texts(const char* key) const = 0;
  /// The nested object `key`, or an empty spec when absent.
  virtual std::unique_ptr<Spec> child(const char* key) const = 0;

  /// number(key), or fallback when absent.
  double number(const char* key, double fallback) const { return has(key) ? number(key) : fallback; }
  /// An integer field, or fallback when absent.
  int integer(const char* key, double fallback) const { return static_cast<int>(number(key, fallback)); }
};

/// {hiddenLayers, activation, alpha, head, classes (default dataClasses), init, initialBias, seed, bias};
/// the network takes dataInputs inputs (the data's dimension).
NetworkConfig networkConfigFrom(const Spec& spec, int dataClasses, int dataInputs = 2);
/// The network spec's {features: [names]}; empty (the raw points) when absent.
FeatureMap featureMapFrom(const Spec& spec);
/// {learningRate, batchSize, momentum, l2, l1, optimizer, beta1, beta2, rho, epsilon} over `base`.
TrainSettings trainSettingsFrom(const Spec& spec, TrainSettings base);
/// Own points {x, label, classes, inputs} or {x, target, inputs} (regression), a generated set
/// {kind, size, noise, seed} or a curve {curve, size, noise, seed} (regression, 1 input).
Dataset datasetFrom(const Spec& spec);
/// {first, second, inputs, between, alpha} of linearCollapse.
CollapseResult linearCollapseFrom(const Spec& spec);
/// {activation, alpha, start, learningRate, target, depth, maxSteps}.
RaceResult raceFrom(const Spec& spec);
/// {activation, alpha, samples, seed, bins}.
MeanShiftResult meanShiftFrom(const Spec& spec);
/// {data: {kind, size, noise, trainFraction, seed}, network, optimizer, batchSize, steps, learningRates, seeds, activations}.
SweepConfig sweepConfigFrom(const Spec& spec);
/// {width, depth, trials, seed, probePoints}.
double bornDeadFrom(const Spec& spec);
/// {network, samples, seed, bins}.
std::vector<Histogram> initialHistogramsFrom(const Spec& spec);
/// {network (+ features), data (+ trainFraction, splitSeed), settings, statsEvery, shuffleSeed, shuffle}, stats
/// recorded at step 0.
std::unique_ptr<Trainer> trainerFrom(const Spec& spec);

}  // namespace alab
