// The life of every hidden unit over a run: the steps at which it changed state, the update
// that made it dead or dormant, and its active count at sampled steps. Units are numbered
// flat, layer by layer (hidden layer 0 first); steps count updates (step s = after s updates).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "datasets.hpp"
#include "dead_units.hpp"
#include "network.hpp"

namespace alab {

/// A unit changed state: after `step` updates it is `state`, after step - 1 it was `previous`.
struct LifeEvent {
  long step = 0;
  int layer = 0, unit = 0;
  UnitState previous = UnitState::Alive, state = UnitState::Alive;
};

/// The update from step - 1 to step that made a unit dead or dormant.
struct KillingUpdate {
  long step = 0;
  int layer = 0, unit = 0;
  UnitState state = UnitState::Dead;
  TrainSettings settings;                           // the settings of that update
  std::vector<uint32_t> batch;                      // training-set indices of its mini-batch
  std::vector<double> weightsBefore, weightsAfter;  // the unit's incoming weights
  double biasBefore = 0, biasAfter = 0;
  std::vector<double> gradientPart;  // per weight then the bias: -lr (g + l2 w), l2 on weights only
  std::vector<double> momentumPart;  // per weight then the bias: momentum x previous velocity
  double maxPreBefore = 0, maxPreAfter = 0;  // largest pre-activation over the training set
};

/// Every hidden unit (flat) on a dataset: state, number of points with z > 0, largest z.
struct UnitScan {
  std::vector<UnitState> state;
  std::vector<uint32_t> positive;
  std::vector<double> maxPre;
};

/// One forward pass over `data`; the same classification as classifyUnits.
UnitScan scanUnits(const Network& network, const Dataset& data);

/// The states of a UnitReport, flat.
std::vector<UnitState> flatStates(const UnitReport& report);

/// The killing update of hidden unit `unit` of `layer`. `probe` is the network before the update
/// with that update's gradient accumulated (not applied); `after` the network after it.
KillingUpdate killingUpdate(const Network& probe, const Network& after, const TrainSettings& settings, int layer,
                            int unit);

/// One hidden unit's pre-activation over a dataset in equal-width bins over [lo, hi] (the range
/// of z widened to include 0): per bin the counts of z <= 0 and of z > 0.
struct PreActivationHistogram {
  double lo = 0, hi = 0;
  std::vector<int> nonPositive, positive;
};

/// Throws std::invalid_argument unless hidden layer `layer` (0-based) has a unit `unit`.
void requireHiddenUnit(const NetworkConfig& config, int layer, int unit);

/// Throws std::invalid_argument for a layer or unit that does not exist or bins outside limits::unitHistogramBins.
PreActivationHistogram preActivationHistogram(const Network& network, const Dataset& data, int layer, int unit,
                                              int bins);

class UnitLife {
 public:
  /// Empties the record for a network with these hidden layer widths.
  void reset(const std::vector<int>& hiddenUnits);
  void addEvent(const LifeEvent& event) { events_.push_back(event); }
  void addDeath(KillingUpdate death) { deaths_.push_back(std::move(death)); }
  /// Active counts (points with z > 0) of every unit, flat, at `step` (later than the last sample).
  void addSample(long step, const std::vector<uint32_t>& positive);
  /// Drops everything recorded after `step`.
  void truncateAfter(long step);

  /// State changes in step order.
  const std::vector<LifeEvent>& events() const { return events_; }
  /// Killing updates in step order.
  const std::vector<KillingUpdate>& deaths() const { return deaths_; }
  const std::vector<long>& sampleSteps() const { return sampleSteps_; }
  /// Sample-major active counts: sample i, unit u at i * units() + u.
  const std::vector<uint16_t>& sampleCounts() const { return sampleCounts_; }
  int units() const { return offsets_.empty() ? 0 : offsets_.back(); }
  /// Flat index of (layer, unit).
  int flat(int layer, int unit) const { return offsets_[layer] + unit; }
  /// Per layer and unit: returns to alive from dead or dormant at steps <= step.
  std::vector<std::vector<int>> revivalsUpTo(long step) const;
  /// Bytes held by the record (vector capacities included).
  std::size_t bytes() const;

 private:
  std::vector<int> offsets_;  // flat index of each layer's first unit, then the total
  std::vector<LifeEvent> events_;
  std::vector<KillingUpdate> deaths_;
  std::vector<long> sampleSteps_;
  std::vector<uint16_t> sampleCounts_;
};

}  // namespace alab
