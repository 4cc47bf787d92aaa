// The embind facade: reads plain JS objects and typed arrays, calls the core, and returns
// {value} or {error: message}. No C++ exception ever crosses into JS (see TOOLCHAIN.md):
// web/src/engine.js turns {error} into a thrown Error.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <cmath>
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
#include "format.hpp"
#include "unit_life.hpp"

using emscripten::val;
using namespace alab;

namespace {

// ---- results and conversions -------------------------------------------------------------

template <class Body>
val guarded(Body&& body) {
  try {
    val result = val::object();
    result.set("value", body());
    return result;
  } catch (const std::exception& error) {
    val result = val::object();
    result.set("error", std::string(error.what()));
    return result;
  } catch (...) {
    val result = val::object();
    result.set("error", std::string("unexpected internal error"));
    return result;
  }
}

template <class T>
val typedArray(const char* type, const std::vector<T>& values) {
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}
val doubles(const std::vector<double>& values) { return typedArray("Float64Array", values); }
val ints(const std::vector<int>& values) { return typedArray("Int32Array", values); }

void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument(message);
}

bool has(const val& object, const char* key) { return !object[key].isUndefined(); }

double number(const val& object, const char* key, double fallback) {
  if (!has(object, key)) return fallback;
  const val field = object[key];
  require(field.typeOf().as<std::string>() == "number", std::string(key) + " must be a number");
  return field.as<double>();
}

long integer(const val& object, const char* key, long fallback, long lo, long hi) {
  const double value = number(object, key, static_cast<double>(fallback));
  require(std::isfinite(value) && value == std::floor(value) && value >= lo && value <= hi,
          std::string(key) + " must be a whole number from " + std::to_string(lo) + " to " +
              std::to_string(hi) + ", got " + std::to_string(value));
  return static_cast<long>(value);
}

uint64_t seed(const val& object, const char* key, uint64_t fallback) {
  return static_cast<uint64_t>(integer(object, key, static_cast<long>(fallback), 0, 2147483647));
}

std::string text(const val& object, const char* key, const std::string& fallback) {
  if (!has(object, key)) return fallback;
  const val field = object[key];
  require(field.typeOf().as<std::string>() == "string", std::string(key) + " must be a string");
  return field.as<std::string>();
}

// The JS layer passes arrays as Float64Array / Int32Array; NaN and emptiness are checked here.
std::vector<double> finiteNumbers(const val& array, const char* what) {
  auto values = emscripten::convertJSArrayToNumberVector<double>(array);
  require(!values.empty(), std::string(what) + " is empty");
  for (std::size_t i = 0; i < values.size(); ++i)
    require(std::isfinite(values[i]), std::string(what) + " holds a non-finite value at index " + std::to_string(i));
  return values;
}

ActivationKind activationNamed(const std::string& name) {
  if (const ActivationInfo* info = findActivation(name)) return info->kind;
  std::string known;
  for (const auto& row : activationTable()) known += (known.empty() ? "" : ", ") + std::string(row.name);
  throw std::invalid_argument("unknown activation '" + name + "' (known: " + known + ")");
}

double alphaFor(const val& object, ActivationKind kind) {
  const double alpha = number(object, "alpha", activationInfo(kind).defaultAlpha);
  validateAlpha(kind, alpha);
  return alpha;
}

val histogramObject(const Histogram& histogram) {
  val result = val::object();
  result.set("lo", histogram.lo);
  result.set("hi", histogram.hi);
  result.set("counts", ints(histogram.counts));
  return result;
}

val datasetObject(const Dataset& data) {
  val result = val::object();
  result.set("x", doubles(data.x));
  result.set("label", ints(data.label));
  result.set("classes", data.classes);
  return result;
}

// ---- config readers --------------------------------------------------------------------

/// A network spec; classes defaults to the data's class count (2 for the binary heads).
NetworkConfig networkConfig(const val& spec, int dataClasses = 2) {
  NetworkConfig config;
  if (has(spec, "hiddenLayers")) {
    const val layers = spec["hiddenLayers"];
    require(layers.isArray(), "hiddenLayers must be an array of unit counts");
    const long count = layers["length"].as<long>();
    require(count <= maxHiddenLayers, "too many hidden layers: " + std::to_string(count) + " (at most " +
                                          std::to_string(maxHiddenLayers) + ")");
    config.hiddenUnits.clear();
    for (long i = 0; i < count; ++i) {
      require(layers[i].typeOf().as<std::string>() == "number", "hiddenLayers must hold numbers");
      const double units = layers[i].as<double>();
      require(units == std::floor(units) && units >= 1 && units <= maxUnitsPerLayer,
              "hidden layer " + std::to_string(i + 1) + " has " + std::to_string(units) + " units; allowed 1 to " +
                  std::to_string(maxUnitsPerLayer));
      config.hiddenUnits.push_back(static_cast<int>(units));
    }
  }
  config.hiddenActivation = activationNamed(text(spec, "activation", "relu"));
  config.alpha = alphaFor(spec, config.hiddenActivation);
  config.head = outputHeadFromName(text(spec, "head", "sigmoid_cross_entropy"));
  config.classes = static_cast<int>(integer(spec, "classes", dataClasses, 2, maxClasses));
  config.init = initSchemeFromName(text(spec, "init", "he"));
  config.seed = seed(spec, "seed", 1);
  validateConfig(config);
  return config;
}

TrainSettings trainSettings(const val& spec, TrainSettings settings = {}) {
  settings.learningRate = number(spec, "learningRate", settings.learningRate);
  settings.batchSize = static_cast<int>(integer(spec, "batchSize", settings.batchSize, 1, 1 << 20));
  settings.momentum = number(spec, "momentum", settings.momentum);
  settings.l2 = number(spec, "l2", settings.l2);
  validateSettings(settings);
  return settings;
}

Dataset datasetFromSpec(const val& spec) {
  if (has(spec, "x")) {
    const auto x = finiteNumbers(spec["x"], "x");
    const auto labels = emscripten::convertJSArrayToNumberVector<int>(spec["label"]);
    return datasetFromPoints(x, labels, static_cast<int>(integer(spec, "classes", 2, 2, maxClasses)));
  }
  const double size = number(spec, "size", 200);
  require(size == std::floor(size) && size >= 0 && size <= static_cast<double>(maxDatasetPoints),
          "dataset size must be between 2 and " + std::to_string(maxDatasetPoints) + ", got " + std::to_string(size));
  return makeDataset(datasetKindFromName(text(spec, "kind", "circle")), static_cast<std::size_t>(size),
                     number(spec, "noise", 0.1), seed(spec, "seed", 1));
}

DatasetSplit splitFromSpec(const val& spec) {
  return splitDataset(datasetFromSpec(spec), number(spec, "trainFraction", 0.8), seed(spec, "splitSeed", 1));
}

// ---- stateless functions -------------------------------------------------------------

val activations() {
  return guarded([] {
    val list = val::array();
    for (const auto& row : activationTable()) {
      val item = val::object();
      item.set("name", std::string(row.name));
      item.set("usesAlpha", row.usesAlpha);
      item.set("defaultAlpha", row.defaultAlpha);
      item.set("diesBelowZero", row.gradientVanishesBelowZero);
      list.call<void>("push", item);
    }
    return list;
  });
}

val manifestOf() {
  return guarded([] { return val(manifestJson(engineManifest())); });
}

val evaluate(std::string name, val options, val inputs, bool derivative) {
  return guarded([&] {
    const ActivationKind kind = activationNamed(name);
    const double alpha = alphaFor(options, kind);
    const auto z = finiteNumbers(inputs, "input");
    std::vector<double> out(z.size());
    (derivative ? evaluateDerivative : evaluateActivation)(kind, alpha, z.data(), out.data(), z.size());
    return doubles(out);
  });
}

val softmaxOf(val logits, double temperature) {
  return guarded([&] {
    const auto z = finiteNumbers(logits, "logits");
    require(z.size() <= 64, "at most 64 logits, got " + std::to_string(z.size()));
    return doubles(softmax(z.data(), z.size(), temperature));
  });
}

val jacobianOf(val probabilities) {
  return guarded([&] {
    const auto p = finiteNumbers(probabilities, "probabilities");
    require(p.size() <= 64, "at most 64 probabilities, got " + std::to_string(p.size()));
    return doubles(softmaxJacobian(p));
  });
}

val crossEntropyGradientOf(val probabilities, int label) {
  return guarded([&] {
    const auto p = finiteNumbers(probabilities, "probabilities");
    require(label >= 0, "label must be >= 0");
    return doubles(softmaxCrossEntropyGradient(p, static_cast<std::size_t>(label)));
  });
}

val race(val spec) {
  return guarded([&] {
    const ActivationKind kind = activationNamed(text(spec, "activation", "sigmoid"));
    const RaceResult result =
        gradientRace(kind, alphaFor(spec, kind), number(spec, "start", 0.9), number(spec, "learningRate", 0.2),
                     number(spec, "target", 0.5), static_cast<int>(integer(spec, "depth", 1, 1, 50)),
                     static_cast<int>(integer(spec, "maxSteps", 100000, 1, 1000000)));
    std::vector<double> x, output, gradient;
    for (const RacePoint& point : result.trajectory) {
      x.push_back(point.x);
      output.push_back(point.output);
      gradient.push_back(point.gradient);
    }
    val value = val::object();
    value.set("x", doubles(x));
    value.set("output", doubles(output));
    value.set("gradient", doubles(gradient));
    value.set("steps", result.steps);
    value.set("stop", result.stop);
    return value;
  });
}

val meanShiftOf(val spec) {
  return guarded([&] {
    const ActivationKind kind = activationNamed(text(spec, "activation", "sigmoid"));
    const MeanShiftResult result =
        meanShift(kind, alphaFor(spec, kind), static_cast<std::size_t>(integer(spec, "samples", 10000, 1, 1000000)),
                  seed(spec, "seed", 1), static_cast<int>(integer(spec, "bins", 40, 1, 1000)));
    val value = val::object();
    value.set("inputMean", result.inputMean);
    value.set("outputMean", result.outputMean);
    value.set("inputHistogram", histogramObject(result.inputHistogram));
    value.set("outputHistogram", histogramObject(result.outputHistogram));
    return value;
  });
}

DenseLayer denseLayer(const val& spec, const char* what) {
  require(spec.typeOf().as<std::string>() == "object", std::string(what) + " layer must be an object");
  DenseLayer layer;
  layer.inputs = static_cast<int>(integer(spec, "inputs", 1, 1, 64));
  layer.outputs = static_cast<int>(integer(spec, "outputs", 1, 1, 64));
  layer.weights = finiteNumbers(spec["weights"], (std::string(what) + " weights").c_str());
  layer.biases = finiteNumbers(spec["biases"], (std::string(what) + " biases").c_str());
  return layer;
}

val linearCollapseOf(val spec) {
  return guarded([&] {
    const ActivationKind between = activationNamed(text(spec, "between", "relu"));
    const CollapseResult result = linearCollapse(denseLayer(spec["first"], "first"), denseLayer(spec["second"], "second"),
                                                 finiteNumbers(spec["inputs"], "inputs"), between,
                                                 alphaFor(spec, between));
    val composed = val::object();
    composed.set("inputs", result.composed.inputs);
    composed.set("outputs", result.composed.outputs);
    composed.set("weights", doubles(result.composed.weights));
    composed.set("biases", doubles(result.composed.biases));
    val value = val::object();
    value.set("composed", composed);
    value.set("twoLayerOutput", doubles(result.twoLayerOutput));
    value.set("composedOutput", doubles(result.composedOutput));
    value.set("bentOutput", doubles(result.bentOutput));
    value.set("maxAbsDifference", result.maxAbsDifference);
    return value;
  });
}

val makeDatasetOf(val spec) {
  return guarded([&] { return datasetObject(datasetFromSpec(spec)); });
}

SweepConfig sweepConfig(const val& spec) {
  SweepConfig config;
  if (has(spec, "data")) {
    const val data = spec["data"];
    config.dataset = datasetKindFromName(text(data, "kind", "circle"));
    config.points = static_cast<std::size_t>(integer(data, "size", 500, 2, maxDatasetPoints));
    config.noise = number(data, "noise", config.noise);
    config.trainFraction = number(data, "trainFraction", config.trainFraction);
    config.dataSeed = seed(data, "seed", config.dataSeed);
  }
  if (has(spec, "network")) {
    const val network = spec["network"];
    config.network = networkConfig(network, config.dataset == DatasetKind::ThreeClass ? 3 : 2);
    // The sweep swaps the activation per run: without an explicit alpha, leaky_relu keeps its 0.01.
    if (!has(network, "alpha")) config.network.alpha = NetworkConfig{}.alpha;
  }
  config.batchSize = static_cast<int>(integer(spec, "batchSize", config.batchSize, 1, 1 << 20));
  config.steps = integer(spec, "steps", config.steps, 1, 100000);
  config.learningRates = has(spec, "learningRates") ? finiteNumbers(spec["learningRates"], "learningRates")
                                                    : logSpaced(1e-3, 3, 9);
  if (has(spec, "seeds")) {
    config.seeds.clear();
    for (double s : finiteNumbers(spec["seeds"], "seeds")) config.seeds.push_back(static_cast<uint64_t>(s));
  }
  if (has(spec, "activations")) {
    config.activations.clear();
    const val names = spec["activations"];
    require(names.isArray(), "activations must be an array of names");
    for (long i = 0; i < names["length"].as<long>(); ++i)
      config.activations.push_back(activationNamed(names[i].as<std::string>()));
  }
  return config;
}

val sweepRunObject(const SweepRun& run) {
  val value = val::object();
  value.set("activation", std::string(activationInfo(run.activation).name));
  value.set("learningRate", run.learningRate);
  value.set("seed", static_cast<double>(run.seed));
  value.set("deadFraction", run.deadFraction);
  value.set("dormantFraction", run.dormantFraction);
  value.set("finalLoss", run.finalLoss);
  value.set("trainAccuracy", run.trainAccuracy);
  value.set("testAccuracy", run.testAccuracy);
  value.set("diverged", run.diverged);
  return value;
}

val sweepPointOf(val spec, std::string activation, double learningRate, double runSeed) {
  return guarded([&] {
    require(std::isfinite(learningRate) && learningRate > 0, "learning rate must be > 0 and finite");
    return sweepRunObject(runSweepPoint(sweepConfig(spec), activationNamed(activation), learningRate,
                                        static_cast<uint64_t>(runSeed)));
  });
}

val learningRateSweepOf(val spec) {
  return guarded([&] {
    val runs = val::array();
    for (const SweepRun& run : learningRateSweep(sweepConfig(spec))) runs.call<void>("push", sweepRunObject(run));
    return runs;
  });
}

val logSpacedOf(double lo, double hi, int count) {
  return guarded([&] { return doubles(logSpaced(lo, hi, count)); });
}

val bornDeadOf(val spec) {
  return guarded([&] {
    return bornDeadProbability(static_cast<int>(integer(spec, "width", 2, 1, maxUnitsPerLayer)),
                               static_cast<int>(integer(spec, "depth", 2, 1, 50)),
                               static_cast<int>(integer(spec, "trials", 200, 1, 100000)), seed(spec, "seed", 1),
                               static_cast<int>(integer(spec, "probePoints", 200, 2, 10000)));
  });
}

val initialHistogramsOf(val spec) {
  return guarded([&] {
    val list = val::array();
    for (const Histogram& h : initialActivationHistograms(
             networkConfig(spec["network"]), static_cast<std::size_t>(integer(spec, "samples", 2000, 1, 100000)),
             seed(spec, "seed", 1), static_cast<int>(integer(spec, "bins", 30, 1, 1000))))
      list.call<void>("push", histogramObject(h));
    return list;
  });
}

val heapBytesInUse() { return val(static_cast<double>(mallinfo().uordblks)); }

}  // namespace

// ---- the trainer handle ------------------------------------------------------------------

/// A training run owned by JS: create with `new TrainerHandle()`, then init(spec); free with delete().
class TrainerHandle {
 public:
  val init(val spec) {
    return guarded([&] {
      require(spec.typeOf().as<std::string>() == "object", "trainer spec must be an object");
      const val data = has(spec, "data") ? spec["data"] : val::object();
      const val net = has(spec, "network") ? spec["network"] : val::object();
      const val opts = has(spec, "settings") ? spec["settings"] : val::object();
      DatasetSplit split = splitFromSpec(data);
      const NetworkConfig config = networkConfig(net, split.train.classes);
      trainer_ = std::make_unique<Trainer>(config, std::move(split), trainSettings(opts),
                                           integer(spec, "statsEvery", 50, 0, 1000000),
                                           seed(spec, "shuffleSeed", 1), !has(spec, "shuffle") || spec["shuffle"].as<bool>());
      trainer_->recordStats();
      return true;
    });
  }

  val setSettings(val spec) {
    return guarded([&] {
      trainer().setSettings(trainSettings(spec, trainer().settings()));
      return true;
    });
  }

  val train(double steps) {
    return guarded([&] {
      require(std::isfinite(steps) && steps >= 0 && steps <= 1e7, "steps must be from 0 to 10000000");
      const long done = trainer().train(static_cast<long>(steps));
      return statusObject(done);
    });
  }

  val status() {
    return guarded([&] { return statusObject(0); });
  }

  val recordStats() {
    return guarded([&] {
      trainer().recordStats();
      return true;
    });
  }

  val units() {
    return guarded([&] {
      const UnitReport report = trainer().units();
      val layers = val::array();
      for (std::size_t l = 0; l < report.layers.size(); ++l) {
        const LayerUnits& layer = report.layers[l];
        std::vector<uint8_t> state;
        for (UnitState unit : layer.state) state.push_back(static_cast<uint8_t>(unit));
        val item = val::object();
        item.set("state", typedArray("Uint8Array", state));
        item.set("activeFraction", doubles(layer.activeFraction));
        item.set("revivals", ints(trainer().revivals()[l]));
        item.set("dead", layer.dead);
        item.set("dormant", layer.dormant);
        layers.call<void>("push", item);
      }
      val value = val::object();
      value.set("layers", layers);
      value.set("dead", report.dead);
      value.set("dormant", report.dormant);
      value.set("total", report.total);
      return value;
    });
  }

  val history(int from) {
    return guarded([&] {
      const auto& entries = trainer().history();
      const std::size_t start = from < 0 ? 0 : std::min<std::size_t>(from, entries.size());
      std::vector<double> step, trainLoss, testLoss, trainAccuracy, testAccuracy;
      std::vector<int> dead, dormant, deadPerLayer, dormantPerLayer, revivals;
      for (std::size_t i = start; i < entries.size(); ++i) {
        const HistoryEntry& e = entries[i];
        step.push_back(static_cast<double>(e.step));
        trainLoss.push_back(e.trainLoss);
        testLoss.push_back(e.testLoss);
        trainAccuracy.push_back(e.trainAccuracy);
        testAccuracy.push_back(e.testAccuracy);
        int deadTotal = 0, dormantTotal = 0;
        for (std::size_t l = 0; l < e.deadPerLayer.size(); ++l) {
          deadTotal += e.deadPerLayer[l];
          dormantTotal += e.dormantPerLayer[l];
          deadPerLayer.push_back(e.deadPerLayer[l]);
          dormantPerLayer.push_back(e.dormantPerLayer[l]);
        }
        dead.push_back(deadTotal);
        dormant.push_back(dormantTotal);
        revivals.push_back(e.revivals);
      }
      val value = val::object();
      value.set("from", static_cast<int>(start));
      value.set("layers", static_cast<int>(trainer().network().config().hiddenUnits.size()));
      value.set("step", doubles(step));
      value.set("trainLoss", doubles(trainLoss));
      value.set("testLoss", doubles(testLoss));
      value.set("trainAccuracy", doubles(trainAccuracy));
      value.set("testAccuracy", doubles(testAccuracy));
      value.set("dead", ints(dead));
      value.set("dormant", ints(dormant));
      value.set("deadPerLayer", ints(deadPerLayer));
      value.set("dormantPerLayer", ints(dormantPerLayer));
      value.set("revivals", ints(revivals));
      return value;
    });
  }

  val gridActivations(double xMin, double xMax, double yMin, double yMax, int resolution) {
    return guarded([&] {
      require(std::isfinite(xMin) && std::isfinite(xMax) && xMin < xMax, "grid x range must be finite with min < max");
      require(std::isfinite(yMin) && std::isfinite(yMax) && yMin < yMax, "grid y range must be finite with min < max");
      require(resolution >= 2 && resolution <= 400, "grid resolution must be from 2 to 400");
      const std::size_t n = static_cast<std::size_t>(resolution) * resolution;
      grid_.resize(2 * n);
      for (int row = 0; row < resolution; ++row)
        for (int col = 0; col < resolution; ++col) {
          const std::size_t i = static_cast<std::size_t>(row) * resolution + col;
          grid_[2 * i] = xMin + (xMax - xMin) * (col + 0.5) / resolution;
          grid_[2 * i + 1] = yMax - (yMax - yMin) * (row + 0.5) / resolution;
        }
      const Network& net = trainer().network();
      gridOut_.resize((net.hiddenUnitCount() + net.outputs()) * n);
      net.unitActivations(grid_.data(), n, gridOut_.data());
      return doubles(gridOut_);
    });
  }

  val predict(val points) {
    return guarded([&] {
      const auto x = finiteNumbers(points, "points");
      require(x.size() % 2 == 0, "points must hold x, y pairs");
      const Network& net = trainer().network();
      std::vector<double> out(x.size() / 2 * net.outputs());
      net.predict(x.data(), x.size() / 2, out.data());
      return doubles(out);
    });
  }

  val parameters() {
    return guarded([&] {
      const Network& net = trainer().network();
      val layers = val::array();
      for (std::size_t l = 0; l < net.layerCount(); ++l) {
        val layer = val::object();
        layer.set("inputs", net.layerInputs(l));
        layer.set("outputs", net.layerOutputs(l));
        layer.set("weights", doubles(net.weights(l)));
        layer.set("biases", doubles(net.biases(l)));
        layers.call<void>("push", layer);
      }
      return layers;
    });
  }

  val setParameters(val layers) {
    return guarded([&] {
      Network& net = trainer().editNetwork();
      require(layers.isArray() && layers["length"].as<std::size_t>() == net.layerCount(),
              "parameters must be an array of " + std::to_string(net.layerCount()) + " layers");
      for (std::size_t l = 0; l < net.layerCount(); ++l)
        net.setParameters(l, finiteNumbers(layers[l]["weights"], "weights"), finiteNumbers(layers[l]["biases"], "biases"));
      return true;
    });
  }

  val data() {
    return guarded([&] {
      val value = val::object();
      value.set("train", datasetObject(trainer().data().train));
      value.set("test", datasetObject(trainer().data().test));
      return value;
    });
  }

  // ---- timeline and unit life ------------------------------------------------------------

  // A whole number from JS, refused (not rounded) otherwise.
  static int whole(double value, const char* what) {
    require(std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e9,
            std::string(what) + " must be a whole number, got " + formatNumber(value));
    return static_cast<int>(value);
  }

  val seek(double step) {
    return guarded([&] {
      trainer().seek(whole(step, "step"));
      return statusObject(0);
    });
  }

  val branch(val spec) {
    return guarded([&] {
      trainer().branch(trainSettings(spec, trainer().settings()));
      return statusObject(0);
    });
  }

  val timeline() {
    return guarded([&] {
      Trainer& t = trainer();
      t.checkUnits();
      val value = val::object();
      value.set("step", static_cast<double>(t.step()));
      value.set("origin", static_cast<double>(t.origin()));
      value.set("liveEnd", static_cast<double>(t.liveEnd()));
      value.set("lifeCheckedTo", static_cast<double>(t.lifeCheckedTo()));
      value.set("keyframeEvery", static_cast<double>(t.timeline().keyframeEvery()));
      value.set("keyframes", static_cast<double>(t.timeline().keyframeCount()));
      value.set("bytes", static_cast<double>(t.timeline().bytes() + t.life().bytes()));
      value.set("deaths", static_cast<double>(t.life().deaths().size()));
      return value;
    });
  }

  val deaths(double fromIndex) {
    return guarded([&] {
      const int from = whole(fromIndex, "from");
      trainer().checkUnits();
      const auto& all = trainer().life().deaths();
      val list = val::array();
      for (std::size_t i = from < 0 ? 0 : static_cast<std::size_t>(from); i < all.size(); ++i)
        list.call<void>("push", deathObject(all[i]));
      return list;
    });
  }

  val unitLife(double layerIndex, double unitIndex) {
    return guarded([&] {
      const int layer = whole(layerIndex, "layer"), unit = whole(unitIndex, "unit");
      trainer().checkUnits();
      const Trainer& t = trainer();
      const UnitLife& life = t.life();
      const auto& widths = t.network().config().hiddenUnits;
      require(layer >= 0 && layer < static_cast<int>(widths.size()) && unit >= 0 && unit < widths[layer],
              "no hidden unit " + std::to_string(unit) + " in layer " + std::to_string(layer) + " (both 0-based)");
      std::vector<double> steps, sampleSteps, fractions;
      std::vector<uint8_t> states, previous;
      for (const LifeEvent& e : life.events())
        if (e.layer == layer && e.unit == unit) {
          steps.push_back(static_cast<double>(e.step));
          states.push_back(static_cast<uint8_t>(e.state));
          previous.push_back(static_cast<uint8_t>(e.previous));
        }
      const std::size_t u = static_cast<std::size_t>(life.flat(layer, unit));
      const double n = static_cast<double>(t.data().train.size());
      for (std::size_t i = 0; i < life.sampleSteps().size(); ++i) {
        sampleSteps.push_back(static_cast<double>(life.sampleSteps()[i]));
        fractions.push_back(life.sampleCounts()[i * life.units() + u] / n);
      }
      val deathList = val::array();
      for (const KillingUpdate& death : life.deaths())
        if (death.layer == layer && death.unit == unit) deathList.call<void>("push", deathObject(death));
      val value = val::object();
      value.set("eventSteps", doubles(steps));
      value.set("eventStates", typedArray("Uint8Array", states));
      value.set("eventPrevious", typedArray("Uint8Array", previous));
      value.set("sampleSteps", doubles(sampleSteps));
      value.set("activeFraction", doubles(fractions));
      value.set("deaths", deathList);
      return value;
    });
  }

  val evaluation() {
    return guarded([&] {
      const Trainer& t = trainer();
      val value = val::object();
      value.set("trainLoss", t.network().loss(t.data().train));
      value.set("testLoss", t.network().loss(t.data().test));
      value.set("trainAccuracy", t.network().accuracy(t.data().train));
      value.set("testAccuracy", t.network().accuracy(t.data().test));
      return value;
    });
  }

  val unitHistogram(double layer, double unit, double bins) {
    return guarded([&] {
      const PreActivationHistogram h = preActivationHistogram(trainer().network(), trainer().data().train,
                                                              whole(layer, "layer"), whole(unit, "unit"),
                                                              whole(bins, "bins"));
      val value = val::object();
      value.set("lo", h.lo);
      value.set("hi", h.hi);
      value.set("nonPositive", ints(h.nonPositive));
      value.set("positive", ints(h.positive));
      return value;
    });
  }

 private:
  static val deathObject(const KillingUpdate& death) {
    val value = val::object();
    value.set("step", static_cast<double>(death.step));
    value.set("layer", death.layer);
    value.set("unit", death.unit);
    value.set("state", static_cast<int>(death.state));
    value.set("learningRate", death.settings.learningRate);
    value.set("batchSize", death.settings.batchSize);
    value.set("momentum", death.settings.momentum);
    value.set("l2", death.settings.l2);
    value.set("batch", typedArray("Uint32Array", death.batch));
    value.set("weightsBefore", doubles(death.weightsBefore));
    value.set("weightsAfter", doubles(death.weightsAfter));
    value.set("biasBefore", death.biasBefore);
    value.set("biasAfter", death.biasAfter);
    value.set("gradientPart", doubles(death.gradientPart));
    value.set("momentumPart", doubles(death.momentumPart));
    value.set("maxPreBefore", death.maxPreBefore);
    value.set("maxPreAfter", death.maxPreAfter);
    return value;
  }

  Trainer& trainer() {
    require(trainer_ != nullptr, "trainer is not initialised");
    return *trainer_;
  }

  val statusObject(long done) {
    Trainer& t = trainer();
    val value = val::object();
    value.set("done", static_cast<double>(done));
    value.set("step", static_cast<double>(t.step()));
    value.set("epoch", t.epoch());
    value.set("diverged", t.diverged());
    return value;
  }

  std::unique_ptr<Trainer> trainer_;
  std::vector<double> grid_, gridOut_;
};

EMSCRIPTEN_BINDINGS(activation_lab) {
  emscripten::function("manifest", &manifestOf);
  emscripten::function("activations", &activations);
  emscripten::function("evaluate", &evaluate);
  emscripten::function("softmax", &softmaxOf);
  emscripten::function("softmaxJacobian", &jacobianOf);
  emscripten::function("softmaxCrossEntropyGradient", &crossEntropyGradientOf);
  emscripten::function("race", &race);
  emscripten::function("meanShift", &meanShiftOf);
  emscripten::function("linearCollapse", &linearCollapseOf);
  emscripten::function("makeDataset", &makeDatasetOf);
  emscripten::function("sweepPoint", &sweepPointOf);
  emscripten::function("learningRateSweep", &learningRateSweepOf);
  emscripten::function("logSpaced", &logSpacedOf);
  emscripten::function("bornDead", &bornDeadOf);
  emscripten::function("initialHistograms", &initialHistogramsOf);
  emscripten::function("heapBytesInUse", &heapBytesInUse);
  emscripten::class_<TrainerHandle>("TrainerHandle")
      .constructor<>()
      .function("init", &TrainerHandle::init)
      .function("setSettings", &TrainerHandle::setSettings)
      .function("train", &TrainerHandle::train)
      .function("status", &TrainerHandle::status)
      .function("recordStats", &TrainerHandle::recordStats)
      .function("units", &TrainerHandle::units)
      .function("history", &TrainerHandle::history)
      .function("gridActivations", &TrainerHandle::gridActivations)
      .function("predict", &TrainerHandle::predict)
      .function("parameters", &TrainerHandle::parameters)
      .function("setParameters", &TrainerHandle::setParameters)
      .function("data", &TrainerHandle::data)
      .function("seek", &TrainerHandle::seek)
      .function("branch", &TrainerHandle::branch)
      .function("timeline", &TrainerHandle::timeline)
      .function("deaths", &TrainerHandle::deaths)
      .function("unitLife", &TrainerHandle::unitLife)
      .function("unitHistogram", &TrainerHandle::unitHistogram)
      .function("evaluation", &TrainerHandle::evaluation);
}
