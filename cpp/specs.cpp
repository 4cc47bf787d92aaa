#include "specs.hpp"

#include <algorithm>
#include <utility>

#include "curves.hpp"
#include "limits.hpp"

namespace alab {

namespace {

uint64_t seedOf(const Spec& spec, const char* key) {
  return static_cast<uint64_t>(spec.number(key, limits::seed.defaultValue));
}

ActivationKind activationOf(const Spec& spec, const char* key, ActivationKind fallback) {
  return spec.has(key) ? activationFromName(spec.text(key)) : fallback;
}

double alphaOf(const Spec& spec, ActivationKind kind) {
  return spec.number("alpha", activationInfo(kind).defaultAlpha);
}

DenseLayer denseLayerFrom(const Spec& spec) {
  return {spec.integer("inputs", 1), spec.integer("outputs", 1), spec.numbers("weights"), spec.numbers("biases")};
}

}  // namespace

NetworkConfig networkConfigFrom(const Spec& spec, int dataClasses, int dataInputs) {
  NetworkConfig config;
  config.inputs = dataInputs;
  if (spec.has("bias")) config.bias = spec.flag("bias");
  if (spec.has("hiddenLayers")) {
    config.hiddenUnits.clear();
    for (double units : spec.numbers("hiddenLayers")) config.hiddenUnits.push_back(static_cast<int>(units));
  }
  config.hiddenActivation = activationOf(spec, "activation", config.hiddenActivation);
  config.alpha = alphaOf(spec, config.hiddenActivation);
  if (spec.has("head")) config.head = outputHeadFromName(spec.text("head"));
  config.classes = spec.integer("classes", dataClasses);
  if (spec.has("init")) config.init = initSchemeFromName(spec.text("init"));
  config.initialBias = spec.number("initialBias", config.initialBias);
  config.seed = seedOf(spec, "seed");
  validateConfig(config);
  return config;
}

FeatureMap featureMapFrom(const Spec& spec) {
  return spec.has("features") ? featureMapFromNames(spec.texts("features")) : FeatureMap{};
}

TrainSettings trainSettingsFrom(const Spec& spec, TrainSettings settings) {
  settings.learningRate = spec.number("learningRate", settings.learningRate);
  settings.batchSize = spec.integer("batchSize", settings.batchSize);
  settings.momentum = spec.number("momentum", settings.momentum);
  settings.l2 = spec.number("l2", settings.l2);
  settings.l1 = spec.number("l1", settings.l1);
  if (spec.has("optimizer")) settings.optimizer = optimizerFromName(spec.text("optimizer"));
  settings.beta1 = spec.number("beta1", settings.beta1);
  settings.beta2 = spec.number("beta2", settings.beta2);
  settings.rho = spec.number("rho", settings.rho);
  settings.epsilon = spec.number("epsilon", settings.epsilon);
  validateSettings(settings);
  return settings;
}

Dataset datasetFrom(const Spec& spec) {
  const int inputs = spec.integer("inputs", limits::pointInputs.defaultValue);
  if (spec.has("x") && spec.has("target")) return regressionFromPoints(spec.numbers("x"), spec.numbers("target"), inputs);
  if (spec.has("x")) {
    std::vector<int> labels;
    for (double label : spec.numbers("label")) labels.push_back(static_cast<int>(label));
    return datasetFromPoints(spec.numbers("x"), labels, spec.integer("classes", 2), inputs);
  }
  if (spec.has("curve"))
    return makeCurve(curveKindFromName(spec.text("curve")),
                     static_cast<std::size_t>(spec.number("size", limits::curveSize.defaultValue)),
                     spec.number("noise", limits::curveNoise.defaultValue), seedOf(spec, "seed"));
  const DatasetKind kind = spec.has("kind") ? datasetKindFromName(spec.text("kind")) : DatasetKind::Circle;
  return makeDataset(kind, static_cast<std::size_t>(spec.number("size", limits::defaultDatasetSize)),
                     spec.number("noise", limits::datasetNoise.defaultValue), seedOf(spec, "seed"));
}

CollapseResult linearCollapseFrom(const Spec& spec) {
  const ActivationKind between = activationOf(spec, "between", ActivationKind::Relu);
  return linearCollapse(denseLayerFrom(*spec.child("first")), denseLayerFrom(*spec.child("second")),
                        spec.numbers("inputs"), between, alphaOf(spec, between));
}

RaceResult raceFrom(const Spec& spec) {
  using namespace limits;
  const ActivationKind kind = activationOf(spec, "activation", ActivationKind::Sigmoid);
  return gradientRace(kind, alphaOf(spec, kind), spec.number("start", raceStart.defaultValue),
                      spec.number("learningRate", raceLearningRate.defaultValue),
                      spec.number("target", raceTarget.defaultValue), spec.integer("depth", raceDepth.defaultValue),
                      spec.integer("maxSteps", raceMaxSteps.defaultValue));
}

MeanShiftResult meanShiftFrom(const Spec& spec) {
  const ActivationKind kind = activationOf(spec, "activation", ActivationKind::Sigmoid);
  return meanShift(kind, alphaOf(spec, kind),
                   static_cast<std::size_t>(spec.number("samples", limits::meanShiftSamples.defaultValue)),
                   seedOf(spec, "seed"), spec.integer("bins", limits::meanShiftBins.defaultValue));
}

SweepConfig sweepConfigFrom(const Spec& spec) {
  SweepConfig config;
  const auto data = spec.child("data");
  if (data->has("kind")) config.dataset = datasetKindFromName(data->text("kind"));
  config.points = static_cast<std::size_t>(data->number("size", static_cast<double>(config.points)));
  config.noise = data->number("noise", config.noise);
  config.trainFraction = data->number("trainFraction", config.trainFraction);
  config.dataSeed = seedOf(*data, "seed");
  const auto network = spec.child("network");
  if (spec.has("network")) config.network = networkConfigFrom(*network, std::max(datasetClasses(config.dataset), 2));
  // The sweep swaps the activation per run: without an explicit alpha, leaky_relu keeps its 0.01.
  if (!network->has("alpha")) config.network.alpha = NetworkConfig{}.alpha;
  if (spec.has("optimizer")) config.optimizer = optimizerFromName(spec.text("optimizer"));
  config.batchSize = spec.integer("batchSize", config.batchSize);
  config.steps = static_cast<long>(spec.number("steps", static_cast<double>(config.steps)));
  config.learningRates = spec.has("learningRates") ? spec.numbers("learningRates") : defaultSweepRates();
  if (spec.has("seeds")) {
    config.seeds.clear();
    for (double seed : spec.numbers("seeds")) config.seeds.push_back(static_cast<uint64_t>(seed));
  }
  if (spec.has("activations")) {
    config.activations.clear();
    for (const std::string& name : spec.texts("activations")) config.activations.push_back(activationFromName(name));
  }
  return config;
}

double bornDeadFrom(const Spec& spec) {
  using namespace limits;
  return bornDeadProbability(spec.integer("width", bornDeadWidth.defaultValue),
                             spec.integer("depth", bornDeadDepth.defaultValue),
                             spec.integer("trials", bornDeadTrials.defaultValue), seedOf(spec, "seed"),
                             spec.integer("probePoints", bornDeadProbePoints.defaultValue));
}

std::vector<Histogram> initialHistogramsFrom(const Spec& spec) {
  return initialActivationHistograms(
      networkConfigFrom(*spec.child("network"), 2),
      static_cast<std::size_t>(spec.number("samples", limits::histogramSamples.defaultValue)), seedOf(spec, "seed"),
      spec.integer("bins", limits::histogramBins.defaultValue));
}

std::unique_ptr<Trainer> trainerFrom(const Spec& spec) {
  const auto data = spec.child("data");
  DatasetSplit split =
      splitDataset(datasetFrom(*data), data->number("trainFraction", limits::trainFraction.defaultValue),
                   seedOf(*data, "splitSeed"));
  const auto network = spec.child("network");
  FeatureMap features = featureMapFrom(*network);
  const NetworkConfig config =
      networkConfigFrom(*network, split.train.classes, features.empty() ? split.train.inputs : features.inputs());
  auto trainer =
      std::make_unique<Trainer>(config, std::move(split), trainSettingsFrom(*spec.child("settings"), TrainSettings{}),
                                static_cast<long>(spec.number("statsEvery", limits::statsEvery.defaultValue)),
                                seedOf(spec, "shuffleSeed"), spec.has("shuffle") ? spec.flag("shuffle") : true,
                                TimelineOptions{}, 0, std::move(features));
  trainer->recordStats();
  return trainer;
}

}  // namespace alab
