#include "trainer.hpp"
#include "limits.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace alab {

namespace {

void checkData(const Dataset& data, const Network& network, const char* part) {
  const auto inputs = static_cast<std::size_t>(network.config().inputs);
  if (data.x.size() != data.size() * inputs)
    throw std::invalid_argument(std::string(part) + " set has " + std::to_string(data.x.size()) + " values for " +
                                std::to_string(data.size()) + " points; the network takes " +
                                std::to_string(inputs) + " inputs per point");
  if (data.regression) {
    const OutputHead head = network.config().head;
    if (!headTakesTargets(head))
      throw std::invalid_argument(std::string(part) + " set has real-valued targets; the head " +
                                  outputHeadName(head) + " needs class labels (use linear_mse or sigmoid_mse)");
    const Range targets = headTargetRange(head);
    for (std::size_t p = 0; p < data.size(); ++p)
      if (!targets.contains(data.target[p]))
        throw std::invalid_argument(std::string(part) + " point " + std::to_string(p) + " has target " +
                                    formatNumber(data.target[p]) + "; " + outputHeadName(head) + " needs " +
                                    describeRange(targets));
    return;
  }
  const int classes = std::max(network.outputs(), 2);
  for (std::size_t p = 0; p < data.size(); ++p)
    if (data.label[p] < 0 || data.label[p] >= classes)
      throw std::invalid_argument(std::string(part) + " point " + std::to_string(p) + " has label " +
                                  std::to_string(data.label[p]) + "; the network has " + std::to_string(classes) +
                                  " classes");
}

}  // namespace

Trainer::Trainer(const NetworkConfig& config, DatasetSplit data, const TrainSettings& settings, long statsEvery,
                 uint64_t shuffleSeed, bool shuffle)
    : network_(config),
      data_(std::move(data)),
      settings_(settings),
      statsEvery_(statsEvery),
      shuffleRng_(shuffleSeed),
      shuffle_(shuffle) {
  validateSettings(settings_);
  if (statsEvery_ < 0) throw std::invalid_argument("statsEvery must be >= 0, got " + std::to_string(statsEvery_));
  if (data_.train.size() == 0) throw std::invalid_argument("the training set is empty");
  checkData(data_.train, network_, "training");
  checkData(data_.test, network_, "test");
  order_.resize(data_.train.size());
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  if (shuffle_) shuffleRng_.shuffle(order_.data(), order_.size());
  for (const int units : config.hiddenUnits) revivals_.emplace_back(units, 0);
}

void Trainer::setSettings(const TrainSettings& settings) {
  validateSettings(settings);
  settings_ = settings;
}

// cursor_ counts every example drawn so far; a batch never crosses an epoch boundary (a
// multiple of the training-set size), so an epoch's last batch may be shorter than batchSize.
long Trainer::train(long steps) {
  if (steps < 0) throw std::invalid_argument("steps must be >= 0, got " + std::to_string(steps));
  const std::size_t n = order_.size();
  const double examples = static_cast<double>(std::min(static_cast<std::size_t>(settings_.batchSize), n));
  requireWork(("train(" + std::to_string(steps) + ")").c_str(),
              static_cast<double>(steps) * examples * network_.parameterCount());
  if (diverged_) return 0;
  long done = 0;
  while (done < steps) {
    const std::size_t position = cursor_ % n;
    if (position == 0 && cursor_ > 0 && shuffle_) shuffleRng_.shuffle(order_.data(), n);
    const std::size_t count = std::min(static_cast<std::size_t>(settings_.batchSize), n - position);
    const double loss = network_.accumulateGradient(data_.train, order_.data() + position, count);
    const bool finite = network_.applyGradient(settings_);
    cursor_ += count;
    ++step_;
    ++done;
    if (!std::isfinite(loss) || !finite) {
      diverged_ = true;
      break;
    }
    if (statsEvery_ > 0 && step_ % statsEvery_ == 0) recordStats();
  }
  return done;
}

void Trainer::recordStats() {
  if (diverged_ || (!history_.empty() && history_.back().step == step_)) return;
  HistoryEntry entry;
  entry.step = step_;
  entry.trainLoss = network_.loss(data_.train);
  entry.testLoss = network_.loss(data_.test);
  if (!std::isfinite(entry.trainLoss) || !std::isfinite(entry.testLoss)) {
    diverged_ = true;
    return;
  }
  const bool labelled = !data_.train.regression;
  entry.trainAccuracy = labelled ? network_.accuracy(data_.train) : 0.0;
  entry.testAccuracy = labelled ? network_.accuracy(data_.test) : 0.0;

  const UnitReport report = units();
  std::vector<std::vector<UnitState>> states;
  for (std::size_t l = 0; l < report.layers.size(); ++l) {
    const LayerUnits& layer = report.layers[l];
    entry.deadPerLayer.push_back(layer.dead);
    entry.dormantPerLayer.push_back(layer.dormant);
    if (!lastStates_.empty()) {
      for (std::size_t j = 0; j < layer.state.size(); ++j)
        if (lastStates_[l][j] != UnitState::Alive && layer.state[j] == UnitState::Alive) ++revivals_[l][j];
    }
    states.push_back(layer.state);
  }
  lastStates_ = std::move(states);
  for (const auto& layer : revivals_) entry.revivals += std::accumulate(layer.begin(), layer.end(), 0);
  history_.push_back(std::move(entry));
}

double Trainer::epoch() const { return static_cast<double>(cursor_) / static_cast<double>(order_.size()); }

UnitReport Trainer::units() const { return classifyUnits(finiteNetwork(), data_.train); }

const Network& Trainer::finiteNetwork() const {
  if (diverged_)
    throw std::invalid_argument("the run diverged at step " + std::to_string(step_) +
                                ": its parameters are not finite; reset it or create a new trainer");
  return network_;
}

}  // namespace alab
