#include "manifest.hpp"

#include <algorithm>
#include <stdexcept>

#include "activations.hpp"
#include "curve_view.hpp"
#include "curves.hpp"
#include "datasets.hpp"
#include "experiments.hpp"
#include "features.hpp"
#include "dead_units.hpp"
#include "format.hpp"
#include "network.hpp"
#include "optimizers.hpp"
#include "output_heads.hpp"

namespace alab {

namespace {

ManifestSection section(std::string name, std::vector<NamedRange> ranges,
                        std::vector<std::pair<std::string, double>> numbers = {}) {
  return {std::move(name), std::move(ranges), std::move(numbers)};
}

Manifest build() {
  Manifest m;
  for (const ActivationInfo& info : activationTable())
    m.activations.push_back({info.name, info.usesAlpha, info.alpha, info.kinks, info.gradientVanishesBelowZero});
  for (DatasetKind kind : datasetKinds()) {
    const int classes = datasetClasses(kind);
    m.datasets.push_back({datasetName(kind), classes,
                          integers(std::max(classes, 2), static_cast<double>(maxDatasetPoints), limits::defaultDatasetSize),
                          limits::datasetNoise, datasetIsRegression(kind)});
  }
  for (InputFeature feature : inputFeatures()) m.features.push_back(inputFeatureName(feature));
  for (OutputHead head : outputHeads())
    m.heads.push_back({outputHeadName(head), head == OutputHead::SoftmaxCrossEntropy, headTakesTargets(head),
                       headTargetRange(head)});
  for (CurveKind kind : curveKinds()) m.curves.push_back(curveName(kind));
  for (const ActivationInfo& info : activationTable())
    if (piecewiseLinear(info.kind)) m.piecewiseLinear.push_back(info.name);
  for (InitScheme scheme : initSchemes()) m.inits.push_back(initSchemeName(scheme));
  for (Optimizer optimizer : optimizers()) m.optimizers.push_back(optimizerName(optimizer));
  m.unitStates = {unitStateName(UnitState::Alive), unitStateName(UnitState::Dead), unitStateName(UnitState::Dormant)};
  const NetworkConfig defaults;
  m.maxLayers = maxHiddenLayers;
  m.maxUnits = maxUnitsPerLayer;
  m.classes = integers(2, maxClasses, 2);
  m.defaultHiddenLayers = defaults.hiddenUnits;
  m.defaultActivation = activationInfo(defaults.hiddenActivation).name;
  m.defaultHead = outputHeadName(defaults.head);
  m.defaultInit = initSchemeName(defaults.init);
  m.defaultFeatures = {inputFeatureName(InputFeature::X1), inputFeatureName(InputFeature::X2)};
  using namespace limits;
  m.sections = {
      section("network", {{"seed", seed}, {"units", integers(1, maxUnitsPerLayer, 8)}, {"initialBias", initialBias}}),
      section("data", {{"trainFraction", trainFraction},
                       {"seed", seed},
                       {"coordinate", reals(-maxPointCoordinate, maxPointCoordinate, NAN)},
                       {"inputs", pointInputs},
                       {"target", targetValue},
                       {"points", integers(1, static_cast<double>(maxDatasetPoints), NAN)}}),
      section("training", {{"learningRate", learningRate},
                           {"batchSize", batchSize},
                           {"momentum", momentum},
                           {"l2", l2},
                           {"l1", l1},
                           {"beta1", beta1},
                           {"beta2", beta2},
                           {"rho", rho},
                           {"epsilon", epsilon},
                           {"statsEvery", statsEvery},
                           {"shuffleSeed", seed},
                           {"steps", integers(0, maxTrainSteps, NAN)}}),
      section("race", {{"start", raceStart},
                       {"learningRate", raceLearningRate},
                       {"target", raceTarget},
                       {"depth", raceDepth},
                       {"maxSteps", raceMaxSteps}}),
      section("meanShift", {{"samples", meanShiftSamples}, {"bins", meanShiftBins}}),
      section("sweep", {{"steps", sweepSteps}, {"learningRate", sweepLearningRate}, {"points", sweepPoints}},
              {{"maxRuns", sweepMaxRuns}}),
      section("bornDead", {{"width", bornDeadWidth},
                           {"depth", bornDeadDepth},
                           {"trials", bornDeadTrials},
                           {"probePoints", bornDeadProbePoints}}),
      section("initialHistograms", {{"samples", histogramSamples}, {"bins", histogramBins}}),
      section("logSpaced", {{"bound", logSpacedBound}, {"count", logSpacedCount}}),
      section("grid", {{"coordinate", gridCoordinate}, {"resolution", gridResolution}}),
      section("predict", {{"coordinate", pointCoordinate}}),
      section("evaluate", {{"input", activationInput}}),
      section("linearCollapse", {{"units", collapseUnits}, {"value", collapseValue}}),
      section("softmax", {{"temperature", softmaxTemperature}}, {{"maxLogits", maxLogits}}),
      section("timeline", {{"bins", unitHistogramBins}, {"lifeIntervals", lifeIntervals}},
              {{"keyframeEvery", keyframeEvery}, {"keyframeBudgetBytes", keyframeBudgetBytes}}),
      section("curve", {{"size", curveSize}, {"noise", curveNoise}, {"slope", curveSlope}, {"points", curvePoints}},
              {{"domain", curveDomain}}),
  };
  m.costs = section("costs", {},
                    {{"maxArrayLength", maxArrayLength},
                     {"maxWorkPerCall", maxWorkPerCall},
                     {"maxBornDeadProbes", maxBornDeadProbes},
                     {"maxRaceWork", maxRaceWork}});
  return m;
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string number(double value) { return formatNumber(value); }

std::string rangeJson(const Range& r) {
  std::string out = "{\"min\":" + number(r.min) + ",\"max\":" + number(r.max);
  if (!std::isnan(r.defaultValue)) out += ",\"default\":" + number(r.defaultValue);
  out += std::string(",\"integer\":") + (r.integer ? "true" : "false");
  if (r.minOpen) out += ",\"minOpen\":true";
  if (r.maxOpen) out += ",\"maxOpen\":true";
  return out + "}";
}

template <class List, class Write>
std::string listJson(const List& list, Write&& write) {
  std::string out = "[";
  for (const auto& item : list) out += (out.size() > 1 ? "," : "") + write(item);
  return out + "]";
}

std::string field(const std::string& name, const std::string& json) { return quoted(name) + ":" + json; }

std::string sectionBody(const ManifestSection& s) {
  std::string out;
  for (const NamedRange& r : s.ranges) out += (out.empty() ? "" : ",") + field(r.name, rangeJson(r.range));
  for (const auto& [name, value] : s.numbers) out += (out.empty() ? "" : ",") + field(name, number(value));
  return out;
}

// The sweep's default activations, learning rates (log-spaced) and seeds, from SweepConfig.
std::string sweepDefaults() {
  const SweepConfig config;
  const auto activation = [](ActivationKind kind) { return quoted(activationInfo(kind).name); };
  const auto seedText = [](uint64_t value) { return std::to_string(value); };
  return field("defaults", "{" + field("activations", listJson(config.activations, activation)) + "," +
                               field("learningRates", "{" + field("lo", number(limits::sweepRateLow)) + "," +
                                                          field("hi", number(limits::sweepRateHigh)) + "," +
                                                          field("count", number(limits::sweepRateCount)) + "}") +
                               "," + field("seeds", listJson(config.seeds, seedText)) + "}");
}

}  // namespace

const char* unitStateName(UnitState state) {
  switch (state) {
    case UnitState::Alive:
      return "alive";
    case UnitState::Dead:
      return "dead";
    case UnitState::Dormant:
      break;
  }
  return "dormant";
}

const Manifest& engineManifest() {
  static const Manifest manifest = build();
  return manifest;
}

std::string manifestJson(const Manifest& m) {
  const auto activation = [](const ActivationEntry& a) {
    return "{" + field("name", quoted(a.name)) + "," + field("usesAlpha", a.usesAlpha ? "true" : "false") + "," +
           field("alpha", a.usesAlpha ? rangeJson(a.alpha) : "null") + "," + field("kinks", listJson(a.kinks, number)) +
           "," + field("diesBelowZero", a.diesBelowZero ? "true" : "false") + "}";
  };
  const auto dataset = [](const DatasetEntry& d) {
    return "{" + field("name", quoted(d.name)) + "," + field("classes", number(d.classes)) + "," +
           field("size", rangeJson(d.size)) + "," + field("noise", rangeJson(d.noise)) + "," +
           field("regression", d.regression ? "true" : "false") + "}";
  };
  const auto head = [](const HeadEntry& h) {
    return "{" + field("name", quoted(h.name)) + "," + field("outputs", quoted(h.outputPerClass ? "perClass" : "one")) +
           "," + field("targets", h.takesTargets ? rangeJson(h.targets) : "null") + "}";
  };
  const auto name = [](const std::string& text) { return quoted(text); };
  const auto integer = [](int value) { return std::to_string(value); };
  std::string out = "{" + field("activations", listJson(m.activations, activation)) + "," +
                    field("datasets", listJson(m.datasets, dataset)) + "," + field("heads", listJson(m.heads, head)) +
                    "," + field("inits", listJson(m.inits, name)) + "," +
                    field("optimizers", listJson(m.optimizers, name)) + "," +
                    field("unitStates", listJson(m.unitStates, name)) + "," +
                    field("features", "{" + field("names", listJson(m.features, name)) + "," +
                                          field("default", listJson(m.defaultFeatures, name)) + "}");
  for (const ManifestSection& s : m.sections) {
    std::string body = sectionBody(s);
    if (s.name == "network")
      body = field("inputs", integer(m.inputs)) + "," + field("maxLayers", integer(m.maxLayers)) + "," +
             field("maxUnits", integer(m.maxUnits)) + "," + field("classes", rangeJson(m.classes)) + "," + body + "," +
             field("defaults", "{" + field("hiddenLayers", listJson(m.defaultHiddenLayers, integer)) + "," +
                                   field("activation", quoted(m.defaultActivation)) + "," +
                                   field("head", quoted(m.defaultHead)) + "," + field("init", quoted(m.defaultInit)) +
                                   "," + field("bias", "true") + "}");
    if (s.name == "training")
      body += "," + field("shuffle", "{\"default\":true}") + "," +
              field("optimizer", "{" + field("default", quoted(optimizerName(TrainSettings{}.optimizer))) + "}");
    if (s.name == "sweep") body += "," + sweepDefaults();
    if (s.name == "curve")
      body += "," + field("kinds", listJson(m.curves, name)) + "," +
              field("piecewiseLinear", listJson(m.piecewiseLinear, name));
    out += "," + field(s.name, "{" + body + "}");
  }
  return out + "," + field("costs", "{" + sectionBody(m.costs) + "}") + "}";
}

const Range& manifestRange(const std::string& sectionName, const std::string& fieldName) {
  for (const ManifestSection& s : engineManifest().sections)
    if (s.name == sectionName)
      for (const NamedRange& r : s.ranges)
        if (r.name == fieldName) return r.range;
  throw std::invalid_argument("the manifest has no range " + sectionName + "." + fieldName);
}

}  // namespace alab
