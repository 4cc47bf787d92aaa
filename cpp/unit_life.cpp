#include "unit_life.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "activations.hpp"
#include "limits.hpp"

namespace alab {

static_assert(maxDatasetPoints <= std::numeric_limits<uint16_t>::max(), "active counts fit 16 bits");

UnitScan scanUnits(const Network& network, const Dataset& data) {
  const std::size_t n = data.size();
  if (n == 0) throw std::invalid_argument("cannot scan units on an empty dataset");
  const auto units = static_cast<std::size_t>(network.hiddenUnitCount());
  std::vector<std::size_t> positive(units, 0);
  std::vector<double> largest(units, -std::numeric_limits<double>::infinity());
  network.hiddenActivity(data.x.data(), n, positive.data(), largest.data());
  const bool vanishes = activationInfo(network.config().hiddenActivation).gradientVanishesBelowZero;
  UnitScan scan;
  for (std::size_t u = 0; u < units; ++u) {
    scan.state.push_back(positive[u] > 0 ? UnitState::Alive : vanishes ? UnitState::Dead : UnitState::Dormant);
    scan.positive.push_back(static_cast<uint32_t>(positive[u]));
  }
  scan.maxPre = std::move(largest);
  return scan;
}

std::vector<UnitState> flatStates(const UnitReport& report) {
  std::vector<UnitState> states;
  for (const LayerUnits& layer : report.layers) states.insert(states.end(), layer.state.begin(), layer.state.end());
  return states;
}

KillingUpdate killingUpdate(const Network& probe, const Network& after, const TrainSettings& settings, int layer,
                            int unit) {
  KillingUpdate update;
  update.layer = layer;
  update.unit = unit;
  update.settings = settings;
  const auto l = static_cast<std::size_t>(layer);
  const auto inputs = static_cast<std::size_t>(probe.layerInputs(l));
  const std::size_t row = static_cast<std::size_t>(unit) * inputs;
  const bool sgd = settings.optimizer == Optimizer::Sgd;  // adam and rmsprop: the whole change is their step
  for (std::size_t i = row; i < row + inputs; ++i) {
    const double w = probe.weights(l)[i];
    update.weightsBefore.push_back(w);
    update.weightsAfter.push_back(after.weights(l)[i]);
    double gradient = probe.weightGradient(l)[i] + settings.l2 * w;
    if (settings.l1 > 0.0) gradient += w > 0.0 ? settings.l1 : (w < 0.0 ? -settings.l1 : 0.0);
    update.gradientPart.push_back(sgd ? -(settings.learningRate * gradient) : after.weights(l)[i] - w);
    update.momentumPart.push_back(sgd ? settings.momentum * probe.weightVelocity(l)[i] : 0.0);
  }
  update.biasBefore = probe.biases(l)[unit];
  update.biasAfter = after.biases(l)[unit];
  const bool trainedBias = probe.config().bias;
  update.gradientPart.push_back(!trainedBias ? 0.0
                                : sgd        ? -(settings.learningRate * probe.biasGradient(l)[unit])
                                             : update.biasAfter - update.biasBefore);
  update.momentumPart.push_back(trainedBias && sgd ? settings.momentum * probe.biasVelocity(l)[unit] : 0.0);
  return update;
}

void requireHiddenUnit(const NetworkConfig& config, int layer, int unit) {
  const std::vector<int>& widths = config.hiddenUnits;
  if (layer < 0 || layer >= static_cast<int>(widths.size()))
    throw std::invalid_argument("hidden layer " + std::to_string(layer) + " does not exist; the network has " +
                                std::to_string(widths.size()) + " hidden layers (0-based)");
  if (unit < 0 || unit >= widths[layer])
    throw std::invalid_argument("unit " + std::to_string(unit) + " does not exist; hidden layer " +
                                std::to_string(layer) + " has " + std::to_string(widths[layer]) + " units (0-based)");
}

PreActivationHistogram preActivationHistogram(const Network& network, const Dataset& data, int layer, int unit,
                                              int bins) {
  const std::vector<int>& widths = network.config().hiddenUnits;
  requireHiddenUnit(network.config(), layer, unit);
  requireInRange("bins", bins, limits::unitHistogramBins);
  const std::size_t n = data.size();
  if (n == 0) throw std::invalid_argument("cannot take a histogram over an empty dataset");
  std::vector<double> pre(static_cast<std::size_t>(network.hiddenUnitCount()) * n);
  network.hiddenPreActivations(data.x.data(), n, pre.data());
  int flat = unit;
  for (int l = 0; l < layer; ++l) flat += widths[l];
  const double* z = pre.data() + static_cast<std::size_t>(flat) * n;
  PreActivationHistogram histogram;
  histogram.lo = std::min(0.0, *std::min_element(z, z + n));
  histogram.hi = std::max(0.0, *std::max_element(z, z + n));
  if (histogram.hi == histogram.lo) histogram.hi = histogram.lo + 1.0;
  histogram.nonPositive.assign(bins, 0);
  histogram.positive.assign(bins, 0);
  const double width = (histogram.hi - histogram.lo) / bins;
  for (std::size_t p = 0; p < n; ++p) {
    const int bin = std::min(bins - 1, static_cast<int>((z[p] - histogram.lo) / width));
    ++(z[p] > 0.0 ? histogram.positive : histogram.nonPositive)[bin];
  }
  return histogram;
}

void UnitLife::reset(const std::vector<int>& hiddenUnits) {
  offsets_.assign(1, 0);
  for (const int units : hiddenUnits) offsets_.push_back(offsets_.back() + units);
  events_.clear();
  deaths_.clear();
  sampleSteps_.clear();
  sampleCounts_.clear();
}

void UnitLife::addSample(long step, const std::vector<uint32_t>& positive) {
  if (positive.size() != static_cast<std::size_t>(units()))
    throw std::invalid_argument("a sample needs " + std::to_string(units()) + " active counts, got " +
                                std::to_string(positive.size()));
  if (!sampleSteps_.empty() && sampleSteps_.back() >= step) return;
  sampleSteps_.push_back(step);
  sampleCounts_.insert(sampleCounts_.end(), positive.begin(), positive.end());
}

void UnitLife::truncateAfter(long step) {
  while (!events_.empty() && events_.back().step > step) events_.pop_back();
  while (!deaths_.empty() && deaths_.back().step > step) deaths_.pop_back();
  while (!sampleSteps_.empty() && sampleSteps_.back() > step) {
    sampleSteps_.pop_back();
    sampleCounts_.resize(sampleSteps_.size() * static_cast<std::size_t>(units()));
  }
}

std::vector<std::vector<int>> UnitLife::revivalsUpTo(long step) const {
  std::vector<std::vector<int>> revivals;
  for (std::size_t l = 0; l + 1 < offsets_.size(); ++l) revivals.emplace_back(offsets_[l + 1] - offsets_[l], 0);
  for (const LifeEvent& event : events_)
    if (event.step <= step && event.state == UnitState::Alive) ++revivals[event.layer][event.unit];
  return revivals;
}

std::size_t UnitLife::bytes() const {
  std::size_t total = events_.capacity() * sizeof(LifeEvent) + deaths_.capacity() * sizeof(KillingUpdate) +
                      sampleSteps_.capacity() * sizeof(long) + sampleCounts_.capacity() * sizeof(uint16_t);
  for (const KillingUpdate& death : deaths_)
    total += death.batch.capacity() * sizeof(uint32_t) +
             (death.weightsBefore.capacity() + death.weightsAfter.capacity() + death.gradientPart.capacity() +
              death.momentumPart.capacity()) *
                 sizeof(double);
  return total;
}

}  // namespace alab
