// A run's timeline: keyframes (the whole training state every K steps) and the log of setting
// changes with their steps, so that any earlier step can be rebuilt by deterministic replay.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "datasets.hpp"
#include "limits.hpp"
#include "network.hpp"
#include "rng.hpp"

namespace alab {

/// Everything that decides the next training step besides the data and the settings.
struct RunState {
  Network network;
  Rng rng;
  std::vector<std::size_t> order;  // training-set indices in the current epoch's order
  uint64_t cursor = 0;             // examples drawn so far
  long step = 0;
  bool diverged = false;
};

/// Where one step's mini-batch sits in RunState::order after the step: [first, first + count).
struct StepBatch {
  std::size_t first = 0, count = 0;
};

/// One mini-batch step (reshuffling at each epoch's start when `shuffle`); sets run.diverged
/// when the loss or a parameter is NaN or infinite. A batch never crosses an epoch boundary.
StepBatch advance(RunState& run, const Dataset& train, const TrainSettings& settings, bool shuffle);

/// Keyframe spacing and memory budget of a Timeline.
struct TimelineOptions {
  long keyframeEvery = static_cast<long>(limits::keyframeEvery);  // initial K; doubles over budget
  std::size_t keyframeBudget = static_cast<std::size_t>(limits::keyframeBudgetBytes);  // bytes kept at most
};

class Timeline {
 public:
  /// Throws std::invalid_argument for keyframeEvery < 1 or a budget under one keyframe's worth.
  explicit Timeline(const TimelineOptions& options = {});

  /// Starts the timeline at run's step (its origin) with the settings in force there.
  void restart(const RunState& run, const TrainSettings& settings);
  /// Called after each live step: stores a keyframe every K steps, thinning to every 2K over budget.
  void record(const RunState& run) {
    if (keyframes_.empty() || run.step >= nextKeyframe_) recordKeyframe(run);
  }
  /// Settings used for the steps after `step` from now on (replaces a change logged at the same step).
  void logSettings(long step, const TrainSettings& settings);
  /// The settings in force for the update from `step` to step + 1.
  const TrainSettings& settingsAt(long step) const;
  /// The first step after `step` at which logged settings take over (LONG_MAX when none is logged
  /// after it): settingsAt is the same for every step from `step` up to that one.
  long nextChangeAfter(long step) const;
  /// Step of the latest keyframe at or before `step` (origin() - 1 when there is none).
  long keyframeBefore(long step) const;
  /// Restores into `run` the latest keyframe at or before `step` (>= origin()).
  void restore(long step, RunState& run) const;
  /// Replays `run` forward to `step` with the logged settings; stops early if it diverges.
  void replay(RunState& run, long step, const Dataset& train, bool shuffle) const;
  /// Drops keyframes after `step` and setting changes at or after it.
  void truncateAfter(long step);

  long origin() const { return keyframes_.empty() ? 0 : keyframes_.front().step; }
  long keyframeEvery() const { return every_; }
  std::size_t keyframeCount() const { return keyframes_.size(); }
  /// Step of keyframe i (in increasing order).
  long keyframeStep(std::size_t i) const { return keyframes_[i].step; }
  /// Bytes held by keyframes and the settings log (vector capacities included).
  std::size_t bytes() const;
  /// Number of setting changes logged, the origin's settings included.
  std::size_t settingChanges() const { return settings_.size(); }

 private:
  struct Keyframe {
    long step;
    uint64_t cursor;
    Rng rng;
    std::vector<double> state;
    // The epoch's order, shared by consecutive keyframes while it does not change (it changes only
    // when an epoch starts with a shuffle), so a keyframe of a small network is mostly its state.
    std::shared_ptr<const std::vector<uint32_t>> order;
  };
  // Bytes of `keyframe` after `previous` (null for the first): its order counts where it is not shared with previous.
  static std::size_t keyframeBytes(const Keyframe& keyframe, const Keyframe* previous);
  void recordKeyframe(const RunState& run);
  void thin();
  void findNextKeyframe();  // after a change of the keyframes or their spacing

  long every_;
  std::size_t budget_;
  std::vector<Keyframe> keyframes_;
  std::size_t keyframeBytes_ = 0;
  long nextKeyframe_ = 0;  // the first step after the last keyframe that is a multiple of every_ from the origin
  std::vector<std::pair<long, TrainSettings>> settings_;
};

}  // namespace alab
