#include "timeline.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace alab {

StepBatch advance(RunState& run, const Dataset& train, const TrainSettings& settings, bool shuffle) {
  const std::size_t n = run.order.size();
  const std::size_t position = run.cursor % n;
  if (position == 0 && run.cursor > 0 && shuffle) run.rng.shuffle(run.order.data(), n);
  const std::size_t count = std::min(static_cast<std::size_t>(settings.batchSize), n - position);
  const auto [loss, finite] = run.network.trainStep(train, run.order.data() + position, count, settings);
  run.cursor += count;
  ++run.step;
  if (!std::isfinite(loss) || !finite) run.diverged = true;
  return {position, count};
}

Timeline::Timeline(const TimelineOptions& options) : every_(options.keyframeEvery), budget_(options.keyframeBudget) {
  if (every_ < 1) throw std::invalid_argument("keyframeEvery must be >= 1, got " + std::to_string(every_));
  if (budget_ == 0) throw std::invalid_argument("keyframeBudget must be > 0 bytes");
}

void Timeline::restart(const RunState& run, const TrainSettings& settings) {
  keyframes_.clear();
  keyframeBytes_ = 0;
  settings_.assign(1, {run.step, settings});
  record(run);
}

std::size_t Timeline::keyframeBytes(const Keyframe& keyframe, const Keyframe* previous) {
  const bool shared = previous != nullptr && previous->order == keyframe.order;
  return sizeof(Keyframe) + keyframe.state.capacity() * sizeof(double) +
         (shared ? 0 : sizeof(*keyframe.order) + keyframe.order->capacity() * sizeof(uint32_t));
}

void Timeline::recordKeyframe(const RunState& run) {
  if (run.diverged) return;
  if (!keyframes_.empty() && (run.step <= keyframes_.back().step || (run.step - origin()) % every_ != 0)) return;
  const Keyframe* previous = keyframes_.empty() ? nullptr : &keyframes_.back();
  const bool sameOrder = previous != nullptr &&
                         std::equal(run.order.begin(), run.order.end(), previous->order->begin(), previous->order->end());
  Keyframe keyframe{run.step, run.cursor, run.rng, std::vector<double>(run.network.stateSize()),
                    sameOrder ? previous->order
                              : std::make_shared<const std::vector<uint32_t>>(run.order.begin(), run.order.end())};
  run.network.saveState(keyframe.state.data());
  keyframeBytes_ += keyframeBytes(keyframe, previous);
  keyframes_.push_back(std::move(keyframe));
  thin();
  findNextKeyframe();
}

void Timeline::findNextKeyframe() {
  if (keyframes_.empty()) return;
  const long first = origin();
  nextKeyframe_ = first + ((keyframes_.back().step - first) / every_ + 1) * every_;
}

void Timeline::thin() {
  while (keyframeBytes_ > budget_ && keyframes_.size() > 1) {
    every_ *= 2;
    const long first = origin();
    std::vector<Keyframe> kept;
    keyframeBytes_ = 0;
    for (Keyframe& keyframe : keyframes_)
      if ((keyframe.step - first) % every_ == 0) {
        keyframeBytes_ += keyframeBytes(keyframe, kept.empty() ? nullptr : &kept.back());
        kept.push_back(std::move(keyframe));
      }
    keyframes_ = std::move(kept);
  }
}

void Timeline::logSettings(long step, const TrainSettings& settings) {
  validateSettings(settings);
  if (!settings_.empty() && settings_.back().first == step) {
    settings_.back().second = settings;
    return;
  }
  if (!settings_.empty() && settings_.back().first > step)
    throw std::invalid_argument("setting change at step " + std::to_string(step) + " is before the last one at step " +
                                std::to_string(settings_.back().first));
  settings_.emplace_back(step, settings);
}

const TrainSettings& Timeline::settingsAt(long step) const {
  auto after = std::upper_bound(settings_.begin(), settings_.end(), step,
                                [](long s, const std::pair<long, TrainSettings>& entry) { return s < entry.first; });
  if (after == settings_.begin())
    throw std::invalid_argument("step " + std::to_string(step) + " is before the timeline's origin " +
                                std::to_string(origin()));
  return std::prev(after)->second;
}

long Timeline::nextChangeAfter(long step) const {
  auto after = std::upper_bound(settings_.begin(), settings_.end(), step,
                                [](long s, const std::pair<long, TrainSettings>& entry) { return s < entry.first; });
  return after == settings_.end() ? std::numeric_limits<long>::max() : after->first;
}

long Timeline::keyframeBefore(long step) const {
  auto after = std::upper_bound(keyframes_.begin(), keyframes_.end(), step,
                                [](long s, const Keyframe& keyframe) { return s < keyframe.step; });
  return after == keyframes_.begin() ? origin() - 1 : std::prev(after)->step;
}

void Timeline::restore(long step, RunState& run) const {
  auto after = std::upper_bound(keyframes_.begin(), keyframes_.end(), step,
                                [](long s, const Keyframe& keyframe) { return s < keyframe.step; });
  if (after == keyframes_.begin())
    throw std::invalid_argument("step " + std::to_string(step) + " is before the timeline's origin " +
                                std::to_string(origin()));
  const Keyframe& keyframe = *std::prev(after);
  run.network.loadState(keyframe.state.data());
  run.rng = keyframe.rng;
  run.order.assign(keyframe.order->begin(), keyframe.order->end());
  run.cursor = keyframe.cursor;
  run.step = keyframe.step;
  run.diverged = false;
}

void Timeline::replay(RunState& run, long step, const Dataset& train, bool shuffle) const {
  while (run.step < step && !run.diverged) {
    const TrainSettings& settings = settingsAt(run.step);
    const long until = std::min(step, nextChangeAfter(run.step));
    while (run.step < until && !run.diverged) advance(run, train, settings, shuffle);
  }
}

void Timeline::truncateAfter(long step) {
  while (keyframes_.size() > 1 && keyframes_.back().step > step) {
    keyframeBytes_ -= keyframeBytes(keyframes_.back(), &keyframes_[keyframes_.size() - 2]);
    keyframes_.pop_back();
  }
  findNextKeyframe();
  while (settings_.size() > 1 && settings_.back().first >= step) settings_.pop_back();
}

std::size_t Timeline::bytes() const {
  return keyframeBytes_ + settings_.capacity() * sizeof(settings_[0]) + keyframes_.capacity() * sizeof(Keyframe);
}

}  // namespace alab
