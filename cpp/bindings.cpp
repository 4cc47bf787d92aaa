// The embind facade: converts between JS values and the core's types and wraps every call in a
// {value} / {error: message} envelope, so no C++ exception ever crosses into JS (an exception
// that crosses leaks heap in Emscripten 3.1.6). It decides nothing: names, ranges, defaults and
// limits are the core's. web/src/engine.js checks every argument before it calls in here, and
// hands over fresh plain objects and typed arrays only, so reading them cannot throw.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "experiments.hpp"
#include "manifest.hpp"
#include "network.hpp"
#include "trainer.hpp"

using emscripten::val;
using namespace alab;

namespace {

// ---- the envelope -------------------------------------------------------------------------

template <class Body>
val guarded(Body&& body) {
  val result = val::object();
  try {
    result.set("value", body());
  } catch (const std::exception& error) {
    result.set("error", std::string(error.what()));
  } catch (...) {
    result.set("error", std::string("unexpected internal error"));
  }
  return result;
}

/// Envelope<&f>::call has f's parameters and returns {value: f(...)} or {error}.
template <auto Body>
struct Envelope;
template <class Result, class... Args, Result (*Body)(Args...)>
struct Envelope<Body> {
  static val call(Args... args) {
    return guarded([&] { return val(Body(args...)); });
  }
};

// ---- JS to C++ ----------------------------------------------------------------------------

template <class T>
T get(const val& object, const char* key, T fallback) {
  const val field = object[key];
  return field.isUndefined() ? fallback : field.as<T>();
}

bool has(const val& object, const char* key) { return !object[key].isUndefined(); }
val child(const val& object, const char* key) { return has(object, key) ? object[key] : val::object(); }
std::vector<double> numbers(const val& array) { return emscripten::convertJSArrayToNumberVector<double>(array); }
std::vector<int> integers(const val& array) { return emscripten::convertJSArrayToNumberVector<int>(array); }
uint64_t seedOf(const val& object, const char* key, uint64_t fallback) {
  return static_cast<uint64_t>(get<double>(object, key, static_cast<double>(fallback)));
}

ActivationKind activationOf(const val& spec, const char* key, ActivationKind fallback) {
  return has(spec, key) ? activationFromName(spec[key].as<std::string>()) : fallback;
}
double alphaOf(const val& spec, ActivationKind kind) { return get<double>(spec, "alpha", activationInfo(kind).defaultAlpha); }

/// A network spec; classes defaults to the data's class count.
NetworkConfig networkConfig(const val& spec, int dataClasses) {
  NetworkConfig config;
  if (has(spec, "hiddenLayers")) config.hiddenUnits = integers(spec["hiddenLayers"]);
  config.hiddenActivation = activationOf(spec, "activation", config.hiddenActivation);
  config.alpha = alphaOf(spec, config.hiddenActivation);
  if (has(spec, "head")) config.head = outputHeadFromName(spec["head"].as<std::string>());
  config.classes = get<int>(spec, "classes", dataClasses);
  if (has(spec, "init")) config.init = initSchemeFromName(spec["init"].as<std::string>());
  config.seed = seedOf(spec, "seed", config.seed);
  validateConfig(config);
  return config;
}

TrainSettings trainSettings(const val& spec, TrainSettings settings) {
  settings.learningRate = get<double>(spec, "learningRate", settings.learningRate);
  settings.batchSize = get<int>(spec, "batchSize", settings.batchSize);
  settings.momentum = get<double>(spec, "momentum", settings.momentum);
  settings.l2 = get<double>(spec, "l2", settings.l2);
  validateSettings(settings);
  return settings;
}

Dataset datasetOf(const val& spec) {
  if (has(spec, "x")) return datasetFromPoints(numbers(spec["x"]), integers(spec["label"]), get<int>(spec, "classes", 2));
  const DatasetKind kind = has(spec, "kind") ? datasetKindFromName(spec["kind"].as<std::string>()) : DatasetKind::Circle;
  return makeDataset(kind, static_cast<std::size_t>(get<double>(spec, "size", limits::defaultDatasetSize)),
                     get<double>(spec, "noise", limits::datasetNoise.defaultValue), seedOf(spec, "seed", 1));
}

DenseLayer denseLayer(const val& spec) {
  return {get<int>(spec, "inputs", 1), get<int>(spec, "outputs", 1), numbers(spec["weights"]), numbers(spec["biases"])};
}

SweepConfig sweepConfig(const val& spec) {
  SweepConfig config;
  const val data = child(spec, "data");
  if (has(data, "kind")) config.dataset = datasetKindFromName(data["kind"].as<std::string>());
  config.points = static_cast<std::size_t>(get<double>(data, "size", static_cast<double>(config.points)));
  config.noise = get<double>(data, "noise", config.noise);
  config.trainFraction = get<double>(data, "trainFraction", config.trainFraction);
  config.dataSeed = seedOf(data, "seed", config.dataSeed);
  if (has(spec, "network")) {
    config.network = networkConfig(spec["network"], datasetClasses(config.dataset));
    // The sweep swaps the activation per run: without an explicit alpha, leaky_relu keeps its 0.01.
    if (!has(spec["network"], "alpha")) config.network.alpha = NetworkConfig{}.alpha;
  }
  config.batchSize = get<int>(spec, "batchSize", config.batchSize);
  config.steps = static_cast<long>(get<double>(spec, "steps", static_cast<double>(config.steps)));
  config.learningRates = has(spec, "learningRates") ? numbers(spec["learningRates"])
                                                    : logSpaced(limits::sweepRateLow, limits::sweepRateHigh,
                                                                static_cast<int>(limits::sweepRateCount));
  if (has(spec, "seeds")) {
    config.seeds.clear();
    for (double s : numbers(spec["seeds"])) config.seeds.push_back(static_cast<uint64_t>(s));
  }
  if (has(spec, "activations")) {
    config.activations.clear();
    const val names = spec["activations"];
    for (int i = 0; i < names["length"].as<int>(); ++i) config.activations.push_back(activationFromName(names[i].as<std::string>()));
  }
  return config;
}

// ---- C++ to JS ----------------------------------------------------------------------------

template <class T>
val typedArray(const char* type, const std::vector<T>& values) {
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}
val doubles(const std::vector<double>& values) { return typedArray("Float64Array", values); }
val ints(const std::vector<int>& values) { return typedArray("Int32Array", values); }

/// A JS object from name, value pairs.
template <class... Fields>
val object(Fields&&... fields) {
  val result = val::object();
  (result.set(fields.first, fields.second), ...);
  return result;
}
template <class T>
std::pair<const char*, val> f(const char* name, T&& value) { return {name, val(std::forward<T>(value))}; }

template <class List, class Convert>
val array(const List& list, Convert&& convert) {
  val result = val::array();
  for (const auto& item : list) result.call<void>("push", convert(item));
  return result;
}

val histogramValue(const Histogram& h) { return object(f("lo", h.lo), f("hi", h.hi), f("counts", ints(h.counts))); }
val datasetValue(const Dataset& d) { return object(f("x", doubles(d.x)), f("label", ints(d.label)), f("classes", d.classes)); }
val layerValue(const DenseLayer& l) {
  return object(f("inputs", l.inputs), f("outputs", l.outputs), f("weights", doubles(l.weights)), f("biases", doubles(l.biases)));
}
val sweepRunValue(const SweepRun& run) {
  return object(f("activation", std::string(activationInfo(run.activation).name)), f("learningRate", run.learningRate),
                f("seed", static_cast<double>(run.seed)), f("deadFraction", run.deadFraction),
                f("dormantFraction", run.dormantFraction), f("finalLoss", run.finalLoss),
                f("trainAccuracy", run.trainAccuracy), f("testAccuracy", run.testAccuracy), f("diverged", run.diverged));
}

// ---- engine functions ---------------------------------------------------------------------

std::string manifest() { return manifestJson(engineManifest()); }

val evaluate(std::string name, val options, val inputs, bool derivative) {
  const ActivationKind kind = activationFromName(name);
  const double alpha = alphaOf(options, kind);
  validateAlpha(kind, alpha);
  const std::vector<double> z = numbers(inputs);
  std::vector<double> out(z.size());
  (derivative ? evaluateDerivative : evaluateActivation)(kind, alpha, z.data(), out.data(), z.size());
  return doubles(out);
}

val softmaxOf(val logits, double temperature) {
  const std::vector<double> z = numbers(logits);
  return doubles(softmax(z.data(), z.size(), temperature));
}
val jacobianOf(val probabilities) { return doubles(softmaxJacobian(numbers(probabilities))); }
val crossEntropyGradientOf(val probabilities, int label) {
  return doubles(softmaxCrossEntropyGradient(numbers(probabilities), static_cast<std::size_t>(label)));
}

val raceOf(val spec) {
  const ActivationKind kind = activationOf(spec, "activation", ActivationKind::Sigmoid);
  const RaceResult result = gradientRace(
      kind, alphaOf(spec, kind), get<double>(spec, "start", limits::raceStart.defaultValue),
      get<double>(spec, "learningRate", limits::raceLearningRate.defaultValue),
      get<double>(spec, "target", limits::raceTarget.defaultValue), get<int>(spec, "depth", 1),
      get<int>(spec, "maxSteps", static_cast<int>(limits::raceMaxSteps.defaultValue)));
  std::vector<double> x, output, gradient;
  for (const RacePoint& point : result.trajectory) {
    x.push_back(point.x);
    output.push_back(point.output);
    gradient.push_back(point.gradient);
  }
  return object(f("x", doubles(x)), f("output", doubles(output)), f("gradient", doubles(gradient)),
                f("steps", result.steps), f("stop", result.stop));
}

val meanShiftOf(val spec) {
  const ActivationKind kind = activationOf(spec, "activation", ActivationKind::Sigmoid);
  const MeanShiftResult result =
      meanShift(kind, alphaOf(spec, kind),
                static_cast<std::size_t>(get<double>(spec, "samples", limits::meanShiftSamples.defaultValue)),
                seedOf(spec, "seed", 1), get<int>(spec, "bins", static_cast<int>(limits::meanShiftBins.defaultValue)));
  return object(f("inputMean", result.inputMean), f("outputMean", result.outputMean),
                f("inputHistogram", histogramValue(result.inputHistogram)),
                f("outputHistogram", histogramValue(result.outputHistogram)));
}

val linearCollapseOf(val spec) {
  const ActivationKind between = activationOf(spec, "between", ActivationKind::Relu);
  const CollapseResult result = linearCollapse(denseLayer(spec["first"]), denseLayer(spec["second"]),
                                               numbers(spec["inputs"]), between, alphaOf(spec, between));
  return object(f("composed", layerValue(result.composed)), f("twoLayerOutput", doubles(result.twoLayerOutput)),
                f("composedOutput", doubles(result.composedOutput)), f("bentOutput", doubles(result.bentOutput)),
                f("maxAbsDifference", result.maxAbsDifference));
}

val makeDatasetOf(val spec) { return datasetValue(datasetOf(spec)); }

val sweepPointOf(val spec, std::string activation, double learningRate, double runSeed) {
  return sweepRunValue(
      runSweepPoint(sweepConfig(spec), activationFromName(activation), learningRate, static_cast<uint64_t>(runSeed)));
}

val learningRateSweepOf(val spec) { return array(learningRateSweep(sweepConfig(spec)), sweepRunValue); }

val logSpacedOf(double lo, double hi, int count) { return doubles(logSpaced(lo, hi, count)); }

double bornDeadOf(val spec) {
  using namespace limits;
  return bornDeadProbability(get<int>(spec, "width", static_cast<int>(bornDeadWidth.defaultValue)),
                             get<int>(spec, "depth", static_cast<int>(bornDeadDepth.defaultValue)),
                             get<int>(spec, "trials", static_cast<int>(bornDeadTrials.defaultValue)),
                             seedOf(spec, "seed", 1),
                             get<int>(spec, "probePoints", static_cast<int>(bornDeadProbePoints.defaultValue)));
}

val initialHistogramsOf(val spec) {
  const auto histograms = initialActivationHistograms(
      networkConfig(child(spec, "network"), 2),
      static_cast<std::size_t>(get<double>(spec, "samples", limits::histogramSamples.defaultValue)), seedOf(spec, "seed", 1),
      get<int>(spec, "bins", static_cast<int>(limits::histogramBins.defaultValue)));
  return array(histograms, histogramValue);
}

double heapBytesInUse() { return static_cast<double>(mallinfo().uordblks); }

// ---- the trainer handle -------------------------------------------------------------------

/// A training run owned by JS: `new TrainerHandle()`, then init(spec); freed with delete().
struct TrainerHandle {
  std::unique_ptr<Trainer> run;
};

Trainer& trainerOf(TrainerHandle& handle) {
  if (!handle.run) throw std::invalid_argument("trainer is not initialised");
  return *handle.run;
}

val statusValue(const Trainer& t, long done) {
  return object(f("done", static_cast<double>(done)), f("step", static_cast<double>(t.step())), f("epoch", t.epoch()),
                f("diverged", t.diverged()));
}

bool init(TrainerHandle& handle, val spec) {
  const val data = child(spec, "data");
  DatasetSplit split = splitDataset(datasetOf(data), get<double>(data, "trainFraction", limits::trainFraction.defaultValue),
                                    seedOf(data, "splitSeed", 1));
  const NetworkConfig config = networkConfig(child(spec, "network"), split.train.classes);
  handle.run = std::make_unique<Trainer>(config, std::move(split), trainSettings(child(spec, "settings"), TrainSettings{}),
                                         static_cast<long>(get<double>(spec, "statsEvery", limits::statsEvery.defaultValue)),
                                         seedOf(spec, "shuffleSeed", 1), get<bool>(spec, "shuffle", true));
  handle.run->recordStats();
  return true;
}

bool setSettings(TrainerHandle& h, val spec) {
  trainerOf(h).setSettings(trainSettings(spec, trainerOf(h).settings()));
  return true;
}
val train(TrainerHandle& h, double steps) { return statusValue(trainerOf(h), trainerOf(h).train(static_cast<long>(steps))); }
val status(TrainerHandle& h) { return statusValue(trainerOf(h), 0); }
bool recordStats(TrainerHandle& h) {
  trainerOf(h).recordStats();
  return true;
}

val units(TrainerHandle& h) {
  const UnitReport report = trainerOf(h).units();
  val layers = val::array();
  for (std::size_t l = 0; l < report.layers.size(); ++l) {
    const LayerUnits& layer = report.layers[l];
    const val state = array(layer.state, [](UnitState s) { return val(std::string(unitStateName(s))); });
    layers.call<void>("push", object(f("state", state), f("activeFraction", doubles(layer.activeFraction)),
                                     f("revivals", ints(trainerOf(h).revivals()[l])), f("dead", layer.dead),
                                     f("dormant", layer.dormant)));
  }
  return object(f("layers", layers), f("dead", report.dead), f("dormant", report.dormant), f("total", report.total));
}

val history(TrainerHandle& h, double from) {
  const HistoryColumns c = trainerOf(h).historyColumns(static_cast<std::size_t>(from));
  return object(f("from", static_cast<double>(c.from)), f("layers", c.layers), f("step", doubles(c.step)),
                f("trainLoss", doubles(c.trainLoss)), f("testLoss", doubles(c.testLoss)),
                f("trainAccuracy", doubles(c.trainAccuracy)), f("testAccuracy", doubles(c.testAccuracy)),
                f("dead", ints(c.dead)), f("dormant", ints(c.dormant)), f("deadPerLayer", ints(c.deadPerLayer)),
                f("dormantPerLayer", ints(c.dormantPerLayer)), f("revivals", ints(c.revivals)));
}

val gridActivations(TrainerHandle& h, double xMin, double xMax, double yMin, double yMax, int resolution) {
  return doubles(trainerOf(h).gridActivations(GridSpec{xMin, xMax, yMin, yMax, resolution}));
}
val predict(TrainerHandle& h, val points) { return doubles(trainerOf(h).predict(numbers(points))); }

val parameters(TrainerHandle& h) {
  const Network& net = trainerOf(h).finiteNetwork();
  val layers = val::array();
  for (std::size_t l = 0; l < net.layerCount(); ++l)
    layers.call<void>("push", layerValue({net.layerInputs(l), net.layerOutputs(l), net.weights(l), net.biases(l)}));
  return layers;
}

bool setParameters(TrainerHandle& h, val layers) {
  Network& net = trainerOf(h).network();
  const std::size_t count = layers["length"].as<std::size_t>();
  if (count != net.layerCount())
    throw std::invalid_argument("parameters must be an array of " + std::to_string(net.layerCount()) + " layers, got " +
                                std::to_string(count));
  for (std::size_t l = 0; l < count; ++l) net.setParameters(l, numbers(layers[l]["weights"]), numbers(layers[l]["biases"]));
  return true;
}

val data(TrainerHandle& h) {
  return object(f("train", datasetValue(trainerOf(h).data().train)), f("test", datasetValue(trainerOf(h).data().test)));
}

}  // namespace

EMSCRIPTEN_BINDINGS(activation_lab) {
  using emscripten::function;
  function("manifest", &Envelope<&manifest>::call);
  function("evaluate", &Envelope<&evaluate>::call);
  function("softmax", &Envelope<&softmaxOf>::call);
  function("softmaxJacobian", &Envelope<&jacobianOf>::call);
  function("softmaxCrossEntropyGradient", &Envelope<&crossEntropyGradientOf>::call);
  function("race", &Envelope<&raceOf>::call);
  function("meanShift", &Envelope<&meanShiftOf>::call);
  function("linearCollapse", &Envelope<&linearCollapseOf>::call);
  function("makeDataset", &Envelope<&makeDatasetOf>::call);
  function("sweepPoint", &Envelope<&sweepPointOf>::call);
  function("learningRateSweep", &Envelope<&learningRateSweepOf>::call);
  function("logSpaced", &Envelope<&logSpacedOf>::call);
  function("bornDead", &Envelope<&bornDeadOf>::call);
  function("initialHistograms", &Envelope<&initialHistogramsOf>::call);
  function("heapBytesInUse", &heapBytesInUse);
  emscripten::class_<TrainerHandle>("TrainerHandle")
      .constructor<>()
      .function("init", &Envelope<&init>::call)
      .function("setSettings", &Envelope<&setSettings>::call)
      .function("train", &Envelope<&train>::call)
      .function("status", &Envelope<&status>::call)
      .function("recordStats", &Envelope<&recordStats>::call)
      .function("units", &Envelope<&units>::call)
      .function("history", &Envelope<&history>::call)
      .function("gridActivations", &Envelope<&gridActivations>::call)
      .function("predict", &Envelope<&predict>::call)
      .function("parameters", &Envelope<&parameters>::call)
      .function("setParameters", &Envelope<&setParameters>::call)
      .function("data", &Envelope<&data>::call);
}
