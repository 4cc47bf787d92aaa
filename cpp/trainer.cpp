#include "trainer.hpp"
#include "limits.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
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

// Every weight, bias and prelu slope, layer by layer: what a unit report depends on.
std::vector<double> parameterValues(const Network& net) {
  std::vector<double> parameters;
  std::size_t size = 0;
  for (std::size_t l = 0; l < net.layerCount(); ++l)
    size += net.weights(l).size() + net.biases(l).size() + (l + 1 < net.layerCount() ? net.slopes(l).size() : 0);
  parameters.reserve(size);
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    parameters.insert(parameters.end(), net.weights(l).begin(), net.weights(l).end());
    parameters.insert(parameters.end(), net.biases(l).begin(), net.biases(l).end());
    if (l + 1 < net.layerCount()) parameters.insert(parameters.end(), net.slopes(l).begin(), net.slopes(l).end());
  }
  return parameters;
}

bool sameSettings(const TrainSettings& a, const TrainSettings& b) {
  return a.learningRate == b.learningRate && a.batchSize == b.batchSize && a.momentum == b.momentum && a.l2 == b.l2 &&
         a.l1 == b.l1;
}

}  // namespace

Trainer::Trainer(const NetworkConfig& config, DatasetSplit data, const TrainSettings& settings, long statsEvery,
                 uint64_t shuffleSeed, bool shuffle, const TimelineOptions& timeline, long lifeEvery,
                 FeatureMap features)
    : run_{Network(config), Rng(shuffleSeed), {}, 0, 0, false},
      features_(std::move(features)),
      points_(std::move(data)),
      data_{mapDataset(features_, points_.train), mapDataset(features_, points_.test)},
      settings_(settings),
      statsEvery_(statsEvery),
      shuffle_(shuffle),
      lifeEvery_(lifeEvery),
      timeline_(timeline) {
  validateSettings(settings_);
  if (statsEvery_ < 0) throw std::invalid_argument("statsEvery must be >= 0, got " + std::to_string(statsEvery_));
  if (lifeEvery_ < 0) throw std::invalid_argument("lifeEvery must be >= 0, got " + std::to_string(lifeEvery_));
  if (data_.train.size() == 0) throw std::invalid_argument("the training set is empty");
  checkData(data_.train, run_.network, "training");
  checkData(data_.test, run_.network, "test");
  run_.order.resize(data_.train.size());
  std::iota(run_.order.begin(), run_.order.end(), std::size_t{0});
  if (shuffle_) run_.rng.shuffle(run_.order.data(), run_.order.size());
}

Network& Trainer::editNetwork() {
  originStale_ = true;
  return run_.network;
}

void Trainer::dropLaterHistory() {
  while (!history_.empty() && history_.back().step > run_.step) history_.pop_back();
  countedRows_ = std::min(countedRows_, history_.size());
}

void Trainer::ensureOrigin() {
  if (!originStale_) return;
  originStale_ = false;
  timeline_.restart(run_, settings_);
  dropLaterHistory();
  liveEnd_ = run_.step;
  life_.reset(run_.network.config().hiddenUnits);
  lifeSearch_.clear();
  markChecked(flatStates(units()));
}

void Trainer::setSettings(const TrainSettings& settings) {
  validateSettings(settings);
  ensureOrigin();
  if (run_.step < liveEnd_) {
    if (sameSettings(settings, timeline_.settingsAt(run_.step))) return;
    throw std::invalid_argument("the run is at step " + std::to_string(run_.step) + ", before its live end " +
                                std::to_string(liveEnd_) + ": new settings here would drop the later steps (branch)");
  }
  timeline_.logSettings(run_.step, settings);
  settings_ = settings;
}

void Trainer::branch(const TrainSettings& settings) {
  validateSettings(settings);
  ensureOrigin();
  checkUnits();
  timeline_.truncateAfter(run_.step);
  life_.truncateAfter(run_.step);
  dropLaterHistory();
  if (lastCheck_ > run_.step) markChecked(flatStates(units()));
  liveEnd_ = run_.step;
  timeline_.logSettings(run_.step, settings);
  settings_ = settings;
}

// Steps before liveEnd_ replay the recorded run (its logged settings; nothing new is recorded).
long Trainer::train(long steps) {
  if (steps < 0) throw std::invalid_argument("steps must be >= 0, got " + std::to_string(steps));
  const std::size_t n = run_.order.size();
  const double examples = static_cast<double>(std::min(static_cast<std::size_t>(settings_.batchSize), n));
  requireWork(("train(" + std::to_string(steps) + ")").c_str(),
              static_cast<double>(steps) * examples * run_.network.parameterCount());
  ensureOrigin();
  const long interval = checkInterval();
  long done = 0;
  long settingsUntil = -1;  // the settings below are in force for the steps before this one
  const TrainSettings* settings = nullptr;
  while (done < steps && !run_.diverged) {
    if (run_.step >= settingsUntil) {
      settings = &timeline_.settingsAt(run_.step);
      settingsUntil = timeline_.nextChangeAfter(run_.step);
    }
    const bool live = run_.step >= liveEnd_;
    advance(run_, data_.train, *settings, shuffle_);
    ++done;
    if (live) {
      liveEnd_ = run_.step;
      timeline_.record(run_);
    }
    if (run_.diverged) break;
    if (live && statsEvery_ > 0 && run_.step % statsEvery_ == 0) recordStats();
    else if (run_.step - lastCheck_ >= interval) queueCheck();
  }
  settings_ = timeline_.settingsAt(run_.step);
  return done;
}

void Trainer::seek(long step) {
  ensureOrigin();
  if (step < origin() || step > liveEnd_)
    throw std::invalid_argument("step must be from " + std::to_string(origin()) + " to " + std::to_string(liveEnd_) +
                                " (the timeline's origin to its live end), got " + std::to_string(step));
  const bool shortReplay = step >= run_.step && !run_.diverged && step - run_.step < timeline_.keyframeEvery();
  if (!shortReplay) timeline_.restore(step, run_);
  timeline_.replay(run_, step, data_.train, shuffle_);
  settings_ = timeline_.settingsAt(run_.step);
}

bool Trainer::recordStats(bool settle) {
  ensureOrigin();
  if (run_.diverged || run_.step < liveEnd_ || (!history_.empty() && history_.back().step >= run_.step)) return false;
  HistoryEntry entry;
  entry.step = run_.step;
  const TrainingPass pass = run_.network.trainingPass(data_.train);
  const NetworkScore& train = pass.score;
  const NetworkScore test = run_.network.score(data_.test);
  entry.trainLoss = train.loss;
  entry.testLoss = test.loss;
  if (!std::isfinite(entry.trainLoss) || !std::isfinite(entry.testLoss)) {
    run_.diverged = true;
    return false;
  }
  entry.trainAccuracy = train.accuracy;
  entry.testAccuracy = test.accuracy;
  entry.gradientNorms = pass.gradientNorms;
  entry.updateRatios = run_.network.updateRatios();
  const UnitReport report = classifyUnits(run_.network, pass.positive, data_.train.size());
  unitsCache_.emplace(parameterValues(run_.network), report);
  for (const LayerUnits& layer : report.layers) {
    entry.deadPerLayer.push_back(layer.dead);
    entry.dormantPerLayer.push_back(layer.dormant);
  }
  UnitScan scan{flatStates(report), std::vector<uint32_t>(pass.positive.begin(), pass.positive.end()), pass.maxPre};
  queueCheck(report, std::move(scan));
  if (settle) settleAll();
  entry.revivals = -1;
  history_.push_back(std::move(entry));
  countRevivals();
  return true;
}

double Trainer::epoch() const {
  return static_cast<double>(run_.cursor) / static_cast<double>(run_.order.size());
}

// One scan gives the report (kept for units()) and the scan the search for changes starts from.
void Trainer::queueCheck() {
  ensureOrigin();
  if (run_.diverged || run_.step <= lastCheck_) return;
  std::vector<double> parameters = parameterValues(run_.network);
  std::optional<UnitScan> scan;  // none when units() has already reported on these parameters
  if (!unitsCache_ || unitsCache_->first != parameters) {
    scan = scanUnits(run_.network, data_.train);
    const std::vector<std::size_t> positive(scan->positive.begin(), scan->positive.end());
    unitsCache_.emplace(std::move(parameters), classifyUnits(run_.network, positive, data_.train.size()));
  }
  queueCheck(unitsCache_->second, std::move(scan));
}

UnitReport Trainer::units() const {
  const Network& net = finiteNetwork();
  const std::vector<double> parameters = parameterValues(net);
  if (!unitsCache_ || unitsCache_->first != parameters) unitsCache_.emplace(parameters, classifyUnits(net, data_.train));
  return unitsCache_->second;
}

const Network& Trainer::finiteNetwork() const {
  if (run_.diverged)
    throw std::invalid_argument("the run diverged at step " + std::to_string(run_.step) +
                                ": its parameters are not finite; reset it or create a new trainer");
  return run_.network;
}

}  // namespace alab
