// The training experiments: the learning-rate sweep, the born-dead probability of a fresh ReLU
// network and the hidden activations' histograms at initialisation.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "dead_units.hpp"
#include "experiments.hpp"
#include "format.hpp"
#include "limits.hpp"
#include "rng.hpp"
#include "trainer.hpp"

namespace alab {

namespace {

constexpr long sweepCheckpointEvery = 25;  // steps between copies of a still-finite network

void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument(message);
}

// Histogram of values over [min, max] of the values (a unit-wide range when they are all equal).
Histogram histogramOverRange(const std::vector<double>& values, int bins) {
  double lo = values.empty() ? 0 : *std::min_element(values.begin(), values.end());
  double hi = values.empty() ? 1 : *std::max_element(values.begin(), values.end());
  if (!(hi > lo)) {
    lo -= 0.5;
    hi = lo + 1;
  }
  return makeHistogram(values.data(), values.size(), bins, lo, hi);
}

}  // namespace

std::vector<double> defaultSweepRates() {
  return logSpaced(limits::sweepRateLow, limits::sweepRateHigh, static_cast<int>(limits::sweepRateCount));
}

double sweepRunWork(const SweepConfig& config) {
  const double trainPoints = std::max(1.0, std::round(config.trainFraction * static_cast<double>(config.points)));
  return static_cast<double>(config.steps) * std::min<double>(config.batchSize, trainPoints) *
         Network(config.network).parameterCount();
}

// Trains one network; a diverged run reports every metric from its last checkpoint (taken every
// sweepCheckpointEvery steps) whose parameters were all finite.
SweepRun runSweepPoint(const SweepConfig& config, ActivationKind activation, double learningRate, uint64_t seed) {
  require(std::isfinite(learningRate) && learningRate > 0,
          "learning rate must be > 0 and finite, got " + formatNumber(learningRate));
  require(config.steps >= 1, "steps must be >= 1, got " + std::to_string(config.steps));
  requireWork("sweepPoint (steps x batch x parameters)", sweepRunWork(config));
  NetworkConfig network = config.network;
  network.hiddenActivation = activation;
  network.seed = seed;
  TrainSettings settings;
  settings.learningRate = learningRate;
  settings.batchSize = config.batchSize;
  settings.optimizer = config.optimizer;
  DatasetSplit split = splitDataset(makeDataset(config.dataset, config.points, config.noise, config.dataSeed),
                                    config.trainFraction, config.dataSeed);
  Trainer trainer(network, std::move(split), settings, 0, seed);
  Network lastFinite = trainer.network();
  for (long done = 0; done < config.steps && !trainer.diverged();) {
    const long ran = trainer.train(std::min(sweepCheckpointEvery, config.steps - done));
    if (ran <= 0) break;
    done += ran;
    if (!trainer.diverged()) lastFinite = trainer.network();
  }
  const DatasetSplit& data = trainer.data();
  const UnitReport units = classifyUnits(lastFinite, data.train);
  SweepRun run{};
  run.activation = activation;
  run.optimizer = config.optimizer;
  run.initialBias = network.initialBias;
  run.learningRate = learningRate;
  run.seed = seed;
  run.deadFraction = units.total > 0 ? static_cast<double>(units.dead) / units.total : 0.0;
  run.dormantFraction = units.total > 0 ? static_cast<double>(units.dormant) / units.total : 0.0;
  run.finalLoss = lastFinite.loss(data.train);
  run.trainAccuracy = lastFinite.accuracy(data.train);
  run.testAccuracy = data.test.size() > 0 ? lastFinite.accuracy(data.test) : 0.0;
  run.diverged = trainer.diverged();
  return run;
}

std::vector<SweepRun> learningRateSweep(const SweepConfig& config) {
  require(!config.activations.empty(), "the sweep needs at least one activation");
  require(!config.learningRates.empty(), "the sweep needs at least one learning rate");
  require(!config.seeds.empty(), "the sweep needs at least one seed");
  for (double rate : config.learningRates)
    require(std::isfinite(rate) && rate > 0, "learning rate must be > 0 and finite, got " + formatNumber(rate));
  const double runCount =
      static_cast<double>(config.activations.size() * config.learningRates.size() * config.seeds.size());
  requireWork("learningRateSweep runs", runCount, limits::sweepMaxRuns, "sweep.maxRuns");
  requireWork("learningRateSweep (runs x steps x batch x parameters)", runCount * sweepRunWork(config));
  std::vector<SweepRun> runs;
  runs.reserve(config.activations.size() * config.learningRates.size() * config.seeds.size());
  for (ActivationKind activation : config.activations)
    for (double rate : config.learningRates)
      for (uint64_t seed : config.seeds) runs.push_back(runSweepPoint(config, activation, rate, seed));
  return runs;
}

// Each trial draws He weights (normal, sd sqrt(2 / fan_in)) for every hidden layer and runs the
// probes through them; it counts as born dead when the last hidden layer's activations are the
// same for every probe (the output layer then gives one value everywhere).
double bornDeadProbability(int width, int depth, int trials, uint64_t seed, int probePoints) {
  requireInRange("width", width, limits::bornDeadWidth);
  requireInRange("depth", depth, limits::bornDeadDepth);
  requireInRange("trials", trials, limits::bornDeadTrials);
  requireInRange("probe points", probePoints, limits::bornDeadProbePoints);
  const double probesTotal = static_cast<double>(trials) * probePoints;
  requireWork("bornDead trials x probePoints", probesTotal, limits::maxBornDeadProbes, "costs.maxBornDeadProbes");
  requireWork("bornDead", probesTotal * width * (2.0 + (depth - 1.0) * width));
  Rng rng(seed);
  const std::size_t probes = static_cast<std::size_t>(probePoints);
  std::vector<double> input(2 * probes);
  for (double& v : input) v = rng.uniform(-1.0, 1.0);
  const std::size_t w = static_cast<std::size_t>(width);
  std::vector<double> weights, current, next(probes * w);
  int dead = 0;
  for (int trial = 0; trial < trials; ++trial) {
    current = input;
    std::size_t fanIn = 2;
    for (int layer = 0; layer < depth; ++layer) {
      weights.resize(w * fanIn);
      const double stddev = std::sqrt(2.0 / static_cast<double>(fanIn));
      for (double& weight : weights) weight = rng.normal(0, stddev);
      for (std::size_t p = 0; p < probes; ++p) {
        for (std::size_t u = 0; u < w; ++u) {
          double sum = 0;
          for (std::size_t i = 0; i < fanIn; ++i) sum += weights[u * fanIn + i] * current[p * fanIn + i];
          next[p * w + u] = sum > 0 ? sum : 0.0;
        }
      }
      current.swap(next);
      next.resize(probes * w);
      fanIn = w;
    }
    bool constant = true;
    for (std::size_t p = 1; p < probes && constant; ++p)
      constant = std::equal(current.begin(), current.begin() + static_cast<std::ptrdiff_t>(w),
                            current.begin() + static_cast<std::ptrdiff_t>(p * w));
    if (constant) ++dead;
  }
  return static_cast<double>(dead) / trials;
}

// Every histogram covers the same range, [min, max] of all hidden activations, so the layers
// can be compared on one axis.
std::vector<Histogram> initialActivationHistograms(const NetworkConfig& config, std::size_t samples,
                                                   uint64_t inputSeed, int bins) {
  requireInRange("samples", static_cast<double>(samples), limits::histogramSamples);
  requireInRange("bins", bins, limits::histogramBins);
  const Network network(config);
  requireWork("initialHistograms", static_cast<double>(samples) * network.parameterCount());
  Rng rng(inputSeed);
  std::vector<double> x(samples * static_cast<std::size_t>(config.inputs));
  for (double& v : x) v = rng.uniform(-1.0, 1.0);
  const std::size_t units = static_cast<std::size_t>(network.hiddenUnitCount());
  std::vector<double> activations((units + static_cast<std::size_t>(network.outputs())) * samples);
  network.unitActivations(x.data(), samples, activations.data());
  activations.resize(units * samples);
  const Histogram all = histogramOverRange(activations, bins);
  std::vector<Histogram> histograms;
  std::size_t offset = 0;
  for (int layerUnits : config.hiddenUnits) {
    const std::size_t count = static_cast<std::size_t>(layerUnits) * samples;
    histograms.push_back(makeHistogram(&activations[offset], count, bins, all.lo, all.hi));
    offset += count;
  }
  return histograms;
}

}  // namespace alab
