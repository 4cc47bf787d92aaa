// The embind facade: converts between JS values and the core's types and wraps every call in a
// {value} / {error: message} envelope, so no C++ exception ever crosses into JS (a crossing
// leaks heap in Emscripten 3.1.6; the generic conversions are in binding_values.hpp). It decides nothing: names, ranges, defaults and limits are the
// core's. web/src/engine.js checks every argument first and passes fresh plain objects and typed
// arrays only, so reading them here cannot throw.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "activations.hpp"
#include "binding_values.hpp"
#include "curve_view.hpp"
#include "datasets.hpp"
#include "experiments.hpp"
#include "manifest.hpp"
#include "network.hpp"
#include "specs.hpp"
#include "trainer.hpp"
#include "unit_life.hpp"

using emscripten::val;
using namespace alab;
using namespace alab::js;

namespace {

/// Unit states by name.
val stateNames(const std::vector<UnitState>& states) {
  return array(states, [](UnitState s) { return val(std::string(unitStateName(s))); });
}

val histogramValue(const Histogram& h) { return object("lo", h.lo, "hi", h.hi, "counts", ints(h.counts)); }
val datasetValue(const Dataset& d) {
  if (d.regression) return object("x", doubles(d.x), "target", doubles(d.target), "inputs", d.inputs);
  return object("x", doubles(d.x), "label", ints(d.label), "classes", d.classes, "inputs", d.inputs);
}
val layerValue(const DenseLayer& l) {
  return object("inputs", l.inputs, "outputs", l.outputs, "weights", doubles(l.weights), "biases", doubles(l.biases));
}
val sweepRunValue(const SweepRun& r) {
  return object("activation", std::string(activationInfo(r.activation).name), "optimizer",
                std::string(optimizerName(r.optimizer)), "initialBias", r.initialBias, "learningRate", r.learningRate, "seed",
                static_cast<double>(r.seed), "deadFraction", r.deadFraction, "dormantFraction", r.dormantFraction,
                "finalLoss", r.finalLoss, "trainAccuracy", r.trainAccuracy, "testAccuracy", r.testAccuracy, "diverged",
                r.diverged);
}

// ---- engine functions -----------------------------------------------------------------------

std::string manifest() { return manifestJson(engineManifest()); }

val evaluate(std::string name, val options, val inputs, bool derivative) {
  const ActivationKind kind = activationFromName(name);
  const double alpha = ValSpec(options).number("alpha", activationInfo(kind).defaultAlpha);
  validateAlpha(kind, alpha);
  const std::vector<double> z = ValSpec::numbersOf(inputs);
  std::vector<double> out(z.size());
  (derivative ? evaluateDerivative : evaluateActivation)(kind, alpha, z.data(), out.data(), z.size());
  return doubles(out);
}

val softmaxOf(val logits, double temperature) {
  const std::vector<double> z = ValSpec::numbersOf(logits);
  return doubles(softmax(z.data(), z.size(), temperature));
}
val jacobianOf(val probabilities) { return doubles(softmaxJacobian(ValSpec::numbersOf(probabilities))); }
val crossEntropyGradientOf(val probabilities, int label) {
  return doubles(softmaxCrossEntropyGradient(ValSpec::numbersOf(probabilities), static_cast<std::size_t>(label)));
}

val raceOf(val spec) {
  const RaceResult result = raceFrom(ValSpec(spec));
  const auto& points = result.trajectory;
  return object("x", column(points, &RacePoint::x), "output", column(points, &RacePoint::output), "gradient",
                column(points, &RacePoint::gradient), "steps", result.steps, "stop", result.stop);
}

val meanShiftOf(val spec) {
  const MeanShiftResult r = meanShiftFrom(ValSpec(spec));
  return object("inputMean", r.inputMean, "outputMean", r.outputMean, "inputHistogram",
                histogramValue(r.inputHistogram), "outputHistogram", histogramValue(r.outputHistogram));
}

val linearCollapseOf(val spec) {
  const CollapseResult r = linearCollapseFrom(ValSpec(spec));
  return object("composed", layerValue(r.composed), "twoLayerOutput", doubles(r.twoLayerOutput), "composedOutput",
                doubles(r.composedOutput), "bentOutput", doubles(r.bentOutput), "maxAbsDifference", r.maxAbsDifference);
}

val makeDatasetOf(val spec) { return datasetValue(datasetFrom(ValSpec(spec))); }
val sweepPointOf(val spec, std::string activation, double learningRate, double seed) {
  const SweepConfig config = sweepConfigFrom(ValSpec(spec));
  return sweepRunValue(
      runSweepPoint(config, activationFromName(activation), learningRate, static_cast<uint64_t>(seed)));
}
val learningRateSweepOf(val spec) { return array(learningRateSweep(sweepConfigFrom(ValSpec(spec))), sweepRunValue); }
val logSpacedOf(double lo, double hi, int count) { return doubles(logSpaced(lo, hi, count)); }
double bornDeadOf(val spec) { return bornDeadFrom(ValSpec(spec)); }
val initialHistogramsOf(val spec) { return array(initialHistogramsFrom(ValSpec(spec)), histogramValue); }
double heapBytesInUse() { return static_cast<double>(mallinfo().uordblks); }

// ---- the trainer handle: a training run owned by JS, freed with delete() ---------------------

struct TrainerHandle {
  std::unique_ptr<Trainer> run;
};

Trainer& trainerOf(TrainerHandle& handle) {
  if (!handle.run) throw std::invalid_argument("trainer is not initialised");
  return *handle.run;
}

val statusValue(const Trainer& t, long done) {
  return object("done", static_cast<double>(done), "step", static_cast<double>(t.step()), "epoch", t.epoch(),
                "diverged", t.diverged());
}

bool init(TrainerHandle& handle, val spec) { return (handle.run = trainerFrom(ValSpec(spec))) != nullptr; }
bool setSettings(TrainerHandle& h, val spec) {
  trainerOf(h).setSettings(trainSettingsFrom(ValSpec(spec), trainerOf(h).settings()));
  return true;
}
val train(TrainerHandle& h, double steps) {
  return statusValue(trainerOf(h), trainerOf(h).train(static_cast<long>(steps)));
}
val status(TrainerHandle& h) { return statusValue(trainerOf(h), 0); }
bool recordStats(TrainerHandle& h, bool settle) { return trainerOf(h).recordStats(settle); }

val units(TrainerHandle& h, bool settle) {
  if (settle) trainerOf(h).settleAll();
  const UnitReport report = trainerOf(h).units();
  val layers = val::array();
  for (std::size_t l = 0; l < report.layers.size(); ++l) {
    const LayerUnits& layer = report.layers[l];
    const val state = stateNames(layer.state);
    layers.call<void>("push", object("state", state, "activeFraction", doubles(layer.activeFraction), "revivals",
                                     ints(trainerOf(h).revivals()[l]), "dead", layer.dead, "dormant", layer.dormant,
                                     "slopes", doubles(trainerOf(h).network().slopes(l))));
  }
  return object("layers", layers, "dead", report.dead, "dormant", report.dormant, "total", report.total);
}

val history(TrainerHandle& h, double from) {
  const HistoryColumns c = trainerOf(h).historyColumns(static_cast<std::size_t>(from));
  return object("from", static_cast<double>(c.from), "layers", c.layers, "step", doubles(c.step), "trainLoss",
                doubles(c.trainLoss), "testLoss", doubles(c.testLoss), "trainAccuracy", doubles(c.trainAccuracy),
                "testAccuracy", doubles(c.testAccuracy), "dead", ints(c.dead), "dormant", ints(c.dormant),
                "deadPerLayer", ints(c.deadPerLayer), "dormantPerLayer", ints(c.dormantPerLayer), "revivals",
                ints(c.revivals), "denseLayers", c.denseLayers, "gradientNorm", doubles(c.gradientNorm), "updateRatio",
                doubles(c.updateRatio));
}

val gridActivations(TrainerHandle& h, double xMin, double xMax, double yMin, double yMax, int resolution,
                    val resolutions, int rowFrom, int rowTo, bool frozen) {
  const GridSpec grid{xMin, xMax, yMin, yMax, resolution};
  if (resolutions.isNull()) return doubles(trainerOf(h).gridActivations(grid));
  return doubles(trainerOf(h).gridActivations(grid, emscripten::vecFromJSArray<int>(resolutions), {rowFrom, rowTo}, frozen));
}
double freezeGrid(TrainerHandle& h) { return static_cast<double>(trainerOf(h).freezeGrid()); }
val inputGrid(TrainerHandle& h, double xMin, double xMax, double yMin, double yMax, int resolution) {
  return doubles(trainerOf(h).inputGrid({xMin, xMax, yMin, yMax, resolution}));
}
val predict(TrainerHandle& h, val points) { return doubles(trainerOf(h).predict(ValSpec::numbersOf(points))); }

val parameters(TrainerHandle& h) {
  const Network& net = trainerOf(h).finiteNetwork();
  val layers = val::array();
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    val layer = layerValue({net.layerInputs(l), net.layerOutputs(l), net.weights(l), net.biases(l)});
    if (l + 1 < net.layerCount() && !net.slopes(l).empty()) layer.set("slopes", doubles(net.slopes(l)));
    layers.call<void>("push", layer);
  }
  return layers;
}

bool setParameters(TrainerHandle& h, val layers) {
  Network& net = trainerOf(h).editNetwork();
  const std::size_t count = layers["length"].as<std::size_t>();
  if (count != net.layerCount())
    throw std::invalid_argument("parameters must be an array of " + std::to_string(net.layerCount()) + " layers, got " +
                                std::to_string(count));
  for (std::size_t l = 0; l < count; ++l) {
    const ValSpec layer(layers[l]);
    net.setParameters(l, layer.numbers("weights"), layer.numbers("biases"));
    if (layer.has("slopes")) net.setSlopes(l, layer.numbers("slopes"));
  }
  return true;
}

val curve(TrainerHandle& h, val xs, double lo, double hi) {
  const CurveView v = curveView(trainerOf(h).finiteNetwork(), ValSpec::numbersOf(xs), lo, hi);
  return object("output", doubles(v.output), "contributions", doubles(v.contributions), "outputBias", v.outputBias,
                "kinks", doubles(v.kinks), "hasKink", ints(v.hasKink), "kinksPerUnit", v.kinksPerUnit, "slopes",
                doubles(v.slopes), "breakpoints", doubles(v.breakpoints), "pieces", v.pieces);
}
bool placeKinkOf(TrainerHandle& h, int unit, double x) { return placeKink(trainerOf(h).editNetwork(), unit, x), true; }
bool unitSlopeOf(TrainerHandle& h, int unit, double w) {
  return setUnitSlope(trainerOf(h).editNetwork(), unit, w), true;
}
val data(TrainerHandle& h) {
  return object("train", datasetValue(trainerOf(h).points().train), "test", datasetValue(trainerOf(h).points().test));
}

bool seek(TrainerHandle& h, double step) { return trainerOf(h).seek(static_cast<long>(step)), true; }
val branch(TrainerHandle& h, val spec) {
  trainerOf(h).branch(trainSettingsFrom(ValSpec(spec), trainerOf(h).settings()));
  return statusValue(trainerOf(h), 0);
}

val timeline(TrainerHandle& h) {
  const TimelineSummary s = trainerOf(h).timelineSummary();
  return object("step", double(s.step), "origin", double(s.origin), "liveEnd", double(s.liveEnd), "lifeCheckedTo",
                double(s.lifeCheckedTo), "keyframeEvery", double(s.keyframeEvery), "keyframes", double(s.keyframes),
                "bytes", double(s.bytes), "deaths", double(s.deaths), "lifePending", s.lifePending);
}
bool settleLife(TrainerHandle& h, double maxIntervals) { return trainerOf(h).settleLife(static_cast<long>(maxIntervals)); }

val deathValue(const KillingUpdate& d) {
  const TrainSettings& s = d.settings;
  return object("step", double(d.step), "layer", d.layer, "unit", d.unit, "state", std::string(unitStateName(d.state)),
                "optimizer", std::string(optimizerName(s.optimizer)), "learningRate", s.learningRate, "batchSize",
                s.batchSize, "momentum", s.optimizer == Optimizer::Sgd ? s.momentum : 0.0, "l2", s.l2, "batch",
                typedArray("Uint32Array", d.batch), "weightsBefore", doubles(d.weightsBefore), "weightsAfter",
                doubles(d.weightsAfter), "biasBefore", d.biasBefore, "biasAfter", d.biasAfter, "gradientPart",
                doubles(d.gradientPart), "momentumPart", doubles(d.momentumPart), "maxPreBefore", d.maxPreBefore,
                "maxPreAfter", d.maxPreAfter);
}
val deaths(TrainerHandle& h, double from) {
  return array(trainerOf(h).deathsFrom(static_cast<std::size_t>(from)), deathValue);
}

val unitLife(TrainerHandle& h, int layer, int unit) {
  const UnitLifeColumns c = trainerOf(h).unitLife(layer, unit);
  return object("eventSteps", doubles(c.eventSteps), "eventStates", stateNames(c.eventStates), "eventPrevious",
                stateNames(c.eventPrevious), "sampleSteps", doubles(c.sampleSteps), "activeFraction",
                doubles(c.activeFraction), "deaths", array(c.deaths, deathValue));
}
val unitHistogram(TrainerHandle& h, int layer, int unit, int bins) {
  const PreActivationHistogram r = trainerOf(h).unitHistogram(layer, unit, bins);
  return object("lo", r.lo, "hi", r.hi, "nonPositive", ints(r.nonPositive), "positive", ints(r.positive));
}
val evaluation(TrainerHandle& h) {
  const Evaluation e = trainerOf(h).evaluation();
  return object("trainLoss", e.trainLoss, "testLoss", e.testLoss, "trainAccuracy", e.trainAccuracy, "testAccuracy",
                e.testAccuracy);
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
      .function("freezeGrid", &Envelope<&freezeGrid>::call)
      .function("inputGrid", &Envelope<&inputGrid>::call)
      .function("predict", &Envelope<&predict>::call)
      .function("parameters", &Envelope<&parameters>::call)
      .function("setParameters", &Envelope<&setParameters>::call)
      .function("data", &Envelope<&data>::call)
      .function("curve", &Envelope<&curve>::call)
      .function("placeKink", &Envelope<&placeKinkOf>::call)
      .function("setUnitSlope", &Envelope<&unitSlopeOf>::call)
      .function("seek", &Envelope<&seek>::call)
      .function("branch", &Envelope<&branch>::call)
      .function("timeline", &Envelope<&timeline>::call)
      .function("deaths", &Envelope<&deaths>::call)
      .function("settleLife", &Envelope<&settleLife>::call)
      .function("unitLife", &Envelope<&unitLife>::call)
      .function("unitHistogram", &Envelope<&unitHistogram>::call)
      .function("evaluation", &Envelope<&evaluation>::call);
}
