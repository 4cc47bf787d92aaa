// A training run: a network, its data, optimiser settings, a step counter, divergence and a
// history of losses and dead units. Same config, data and seeds give the same run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "datasets.hpp"
#include "dead_units.hpp"
#include "network.hpp"
#include "rng.hpp"

namespace alab {

/// Statistics recorded every `statsEvery` steps (and on demand).
struct HistoryEntry {
  long step = 0;
  double trainLoss = 0, testLoss = 0;          // mean data loss (test: 0 when there is no test set)
  double trainAccuracy = 0, testAccuracy = 0;  // fractions in [0, 1]; 0 for regression (no classes)
  std::vector<int> deadPerLayer, dormantPerLayer;
  int revivals = 0;                            // revivals counted so far, all layers
};

/// History entries [from, end) as columns; per-layer counts are entry-major (layers values per entry).
struct HistoryColumns {
  std::size_t from = 0;
  int layers = 0;
  std::vector<double> step, trainLoss, testLoss, trainAccuracy, testAccuracy;
  std::vector<int> dead, dormant, deadPerLayer, dormantPerLayer, revivals;
};

/// A square grid over [xMin, xMax] x [yMin, yMax]: resolution x resolution cell centres.
struct GridSpec {
  double xMin = -1, xMax = 1, yMin = -1, yMax = 1;
  int resolution = 100;
};

/// Cell centres of `grid` as x, y pairs, row-major with row 0 at yMax (the top of a heatmap).
/// Throws std::invalid_argument for bounds outside limits::gridCoordinate, min >= max or a bad resolution.
std::vector<double> gridPoints(const GridSpec& grid);

class Trainer {
 public:
  /// Validates (std::invalid_argument) and initialises. statsEvery = 0 records only on demand;
  /// shuffleSeed drives the per-epoch reshuffle of the training set.
  Trainer(const NetworkConfig& config, DatasetSplit data, const TrainSettings& settings,
          long statsEvery, uint64_t shuffleSeed, bool shuffle = true);

  void setSettings(const TrainSettings& settings);  // validates
  const TrainSettings& settings() const { return settings_; }

  /// Runs up to `steps` mini-batch steps; stops at once when the loss or a parameter becomes
  /// NaN or infinite (diverged). Returns the number of steps done. Throws std::invalid_argument
  /// when steps x batch x parameters exceeds limits::maxWorkPerCall.
  long train(long steps);
  /// Records a history entry for the current step (if none exists for it yet).
  void recordStats();

  long step() const { return step_; }
  /// Completed passes over the training set (fractional).
  double epoch() const;
  bool diverged() const { return diverged_; }
  const Network& network() const { return network_; }
  Network& network() { return network_; }
  const DatasetSplit& data() const { return data_; }

  /// Units classified on the training set now; throws once the run diverged.
  UnitReport units() const;
  /// The network while its parameters are finite; throws std::invalid_argument naming the step
  /// once the run diverged (parameters, predictions and grids are refused, never NaN).
  const Network& finiteNetwork() const;
  /// Outputs for x, y pairs (coordinates in limits::pointCoordinate); throws when diverged or not finite.
  std::vector<double> predict(const std::vector<double>& points) const;
  /// Every hidden unit's then every output's activation on the grid, unit-major (see gridPoints).
  std::vector<double> gridActivations(const GridSpec& grid) const;
  /// History entries from index `from` on (clamped to the end) as columns with per-entry totals.
  HistoryColumns historyColumns(std::size_t from) const;
  /// Per hidden layer and unit: how many times the unit went from dead or dormant back to alive.
  const std::vector<std::vector<int>>& revivals() const { return revivals_; }
  const std::vector<HistoryEntry>& history() const { return history_; }

 private:
  Network network_;
  DatasetSplit data_;
  TrainSettings settings_;
  long statsEvery_;
  Rng shuffleRng_;
  bool shuffle_;
  std::vector<std::size_t> order_;
  uint64_t cursor_ = 0;
  long step_ = 0;
  bool diverged_ = false;
  std::vector<HistoryEntry> history_;
  std::vector<std::vector<UnitState>> lastStates_;
  std::vector<std::vector<int>> revivals_;
};

}  // namespace alab
