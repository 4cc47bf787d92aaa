// A training run: a network, its data, optimiser settings, a step counter, divergence, a
// history of losses and dead units, a timeline to replay any earlier step, and the life of
// every hidden unit. Same config, data, seeds and setting changes give the same run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "datasets.hpp"
#include "dead_units.hpp"
#include "features.hpp"
#include "life_search.hpp"
#include "network.hpp"
#include "rng.hpp"
#include "timeline.hpp"
#include "unit_life.hpp"

namespace alab {

/// Statistics recorded every `statsEvery` steps (and on demand).
struct HistoryEntry {
  long step = 0;
  double trainLoss = 0, testLoss = 0;          // mean data loss (test: 0 when there is no test set)
  double trainAccuracy = 0, testAccuracy = 0;  // fractions in [0, 1]; 0 for regression (no classes)
  std::vector<int> deadPerLayer, dormantPerLayer;
  int revivals = 0;                            // revivals counted so far, all layers (-1 until the life record reaches the step)
  std::vector<double> gradientNorms;  // per dense layer: |dL/dW| of the mean data loss on the training set
  std::vector<double> updateRatios;   // per dense layer: |last update of W| / |W| (0 at step 0)
};

/// History entries [from, end) as columns; per-layer values are entry-major (layers values per
/// entry for the hidden-layer counts, denseLayers values for the gradient sizes).
struct HistoryColumns {
  std::size_t from = 0;
  int layers = 0, denseLayers = 0;
  std::vector<double> step, trainLoss, testLoss, trainAccuracy, testAccuracy, gradientNorm, updateRatio;
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
/// Rows [rowFrom, rowTo) of gridPoints(grid) (0 <= rowFrom <= rowTo <= resolution).
std::vector<double> gridPoints(const GridSpec& grid, int rowFrom, int rowTo);

/// Rows [from, to) of a grid of `resolution` rows: the band of a banded grid call, clamped to the grid.
struct GridRows {
  int from = 0, to = 0;
};

/// Where a run's timeline stands; its life record is complete up to lifeCheckedTo, and holds `deaths` killing updates so far.
struct TimelineSummary {
  long step = 0, origin = 0, liveEnd = 0, lifeCheckedTo = 0, keyframeEvery = 0;
  std::size_t keyframes = 0, bytes = 0, deaths = 0;  // bytes: keyframes, life record and pending search together
  bool lifePending = false;  // a search for changes waits: lifeCheckedTo is before the last check
};

/// One hidden unit's life: its state changes, its active fraction at the sampled steps, its deaths.
struct UnitLifeColumns {
  std::vector<double> eventSteps;
  std::vector<UnitState> eventStates, eventPrevious;
  std::vector<double> sampleSteps, activeFraction;  // fraction of the training set with z > 0
  std::vector<KillingUpdate> deaths;
};

/// Losses and accuracies at the current step, as in a history entry.
struct Evaluation {
  double trainLoss = 0, testLoss = 0, trainAccuracy = 0, testAccuracy = 0;
};

class Trainer {
 public:
  /// Validates (std::invalid_argument) and initialises. statsEvery = 0 records only on demand;
  /// shuffleSeed drives the per-epoch reshuffle of the training set. Unit states are checked
  /// at every recordStats and every lifeEvery steps; lifeEvery 0 means every max(10, 7 x train
  /// size / batch size) steps, which keeps the checks' forward passes near 5 % of training time.
  /// A non-empty feature map turns every point (x1, x2) into the network's inputs: training,
  /// predictions, grids and evaluations all go through it (config.inputs must be features.inputs()).
  Trainer(const NetworkConfig& config, DatasetSplit data, const TrainSettings& settings,
          long statsEvery, uint64_t shuffleSeed, bool shuffle = true, const TimelineOptions& timeline = {},
          long lifeEvery = 0, FeatureMap features = {});

  /// Validates and applies settings from the current step on; at a step before the live end
  /// only the settings already in force there are accepted (use branch to change them).
  void setSettings(const TrainSettings& settings);
  /// Drops everything recorded after the current step and continues from it with `settings`.
  void branch(const TrainSettings& settings);
  const TrainSettings& settings() const { return settings_; }

  /// Runs up to `steps` mini-batch steps; stops at once when the loss or a parameter becomes
  /// NaN or infinite (diverged). Before the live end it replays the recorded run. Returns the steps
  /// done. Throws std::invalid_argument when steps x batch x parameters exceeds limits::maxWorkPerCall.
  long train(long steps);
  /// Moves to `step` (origin() to liveEnd()) by restoring a keyframe and replaying.
  void seek(long step);
  /// Records a history entry for the current step (if none exists for it yet); only at the live end.
  /// Returns true when it recorded one. With settle false the search for changes its check of the
  /// units queues stays pending (settleLife): the row's revivals are counted, and historyColumns
  /// gives the row, once the life record reaches its step.
  bool recordStats(bool settle = true);
  /// Brings the unit life record up to the current step (no-op before the last check): checks the
  /// units now and settles every search for changes still pending.
  void checkUnits();
  /// Searches at most `maxIntervals` of the sub-intervals training left pending (see LifeSearch::work);
  /// true when the life record is complete up to the last check. Training checks the units every few
  /// epochs and queues the search where they changed, so that no train() call carries a long search;
  /// deathsFrom, unitLife, units and recordStats settle it. Throws std::invalid_argument outside
  /// limits::lifeIntervals.
  bool settleLife(long maxIntervals);
  /// Settles every pending search (see settleLife).
  void settleAll();

  long step() const { return run_.step; }
  /// The furthest step trained, and the first step the timeline can replay.
  long liveEnd() const { return liveEnd_; }
  long origin() const { return timeline_.origin(); }
  /// Completed passes over the training set (fractional).
  double epoch() const;
  bool diverged() const { return run_.diverged; }
  const Network& network() const { return run_.network; }
  /// Mutable network for replacing parameters; the timeline then restarts at the current step.
  Network& editNetwork();
  /// The data as the network takes it (after the feature map).
  const DatasetSplit& data() const { return data_; }
  /// The data as given (points before the feature map).
  const DatasetSplit& points() const { return points_; }
  /// The feature map (empty: the points are the network's inputs).
  const FeatureMap& features() const { return features_; }

  /// Units classified on the training set now; throws once the run diverged.
  UnitReport units() const;
  /// The network while its parameters are finite; throws std::invalid_argument naming the step
  /// once the run diverged (parameters, predictions and grids are refused, never NaN).
  const Network& finiteNetwork() const;
  /// Outputs for x1, x2 pairs (coordinates in limits::pointCoordinate; through the feature map);
  /// throws when diverged or not finite.
  std::vector<double> predict(const std::vector<double>& points) const;
  /// Every hidden unit's then every output's activation on the grid, unit-major (see gridPoints).
  std::vector<double> gridActivations(const GridSpec& grid) const;
  /// Unit u's activation (hidden units, then outputs) on its own resolutions[u]^2 grid over the
  /// bounds of `grid` (its resolution unused; 0 leaves the unit out): blocks in unit order.
  std::vector<double> gridActivations(const GridSpec& grid, const std::vector<int>& resolutions) const;
  /// Rows [rows.from, rows.to) of every block of gridActivations(grid, resolutions) (each clamped to
  /// its block's resolution), so a large grid can be computed in bands over several calls; with
  /// `frozen`, of the network freezeGrid() kept instead of the current one (all bands then show one step).
  std::vector<double> gridActivations(const GridSpec& grid, const std::vector<int>& resolutions, GridRows rows,
                                      bool frozen) const;
  /// Keeps a copy of the current network for frozen grid calls (replacing the last one); returns its step.
  long freezeGrid();
  /// Every network input (each feature, or each coordinate without a map) on the grid, input-major
  /// blocks of resolution^2 values (see gridPoints).
  std::vector<double> inputGrid(const GridSpec& grid) const;
  /// History entries from index `from` on (clamped to the end) as columns with per-entry totals, up
  /// to the last one the life record has reached (lifeCheckedTo(); the later ones wait for settleLife).
  HistoryColumns historyColumns(std::size_t from) const;
  /// Per hidden layer and unit: returns from dead or dormant to alive up to the current step, as far
  /// as the life record is settled (lifeCheckedTo()).
  std::vector<std::vector<int>> revivals() const { return life_.revivalsUpTo(run_.step); }
  const std::vector<HistoryEntry>& history() const { return history_; }
  const UnitLife& life() const { return life_; }
  const Timeline& timeline() const { return timeline_; }
  /// Steps up to which the life record is complete.
  long lifeCheckedTo() const { return lifeSearch_.settledTo(lastCheck_); }
  /// True while a search for changes is pending (lifeCheckedTo() is then before the last check).
  bool lifePending() const { return !lifeSearch_.empty(); }
  /// The timeline's position and size, and how far the life record is checked (no scan: deathsFrom,
  /// unitLife and recordStats check it up to the current step; training checks it every few epochs).
  TimelineSummary timelineSummary();
  /// Killing updates from index `from` on (clamped), after checking unit life up to the current step.
  std::vector<KillingUpdate> deathsFrom(std::size_t from);
  /// Hidden unit (layer, unit)'s life (0-based; std::invalid_argument if it does not exist).
  UnitLifeColumns unitLife(int layer, int unit);
  /// Losses and accuracies now; throws once the run diverged.
  Evaluation evaluation() const;
  /// Hidden unit (layer, unit)'s pre-activation over the training set now, in `bins` bins.
  PreActivationHistogram unitHistogram(int layer, int unit, int bins) const;

 private:
  void ensureOrigin();
  /// Drops the history rows after the current step (they belong to a run the timeline no longer holds).
  void dropLaterHistory();
  /// Checks the units now (a scan unless units() has one of these parameters) and queues the search where they changed.
  void queueCheck();
  void queueCheck(const UnitReport& report, std::optional<UnitScan> scan = std::nullopt);
  void queueSearch(long from, const std::optional<UnitScan>& toScan);
  void countRevivals();
  void markChecked(std::vector<UnitState> states, std::optional<UnitScan> scan = std::nullopt);
  long checkInterval() const;

  RunState run_;
  FeatureMap features_;
  DatasetSplit points_, data_;
  TrainSettings settings_;
  long statsEvery_;
  bool shuffle_;
  long lifeEvery_;
  Timeline timeline_;
  UnitLife life_;
  LifeSearch lifeSearch_;  // what training left to search of the changes between its checks
  long liveEnd_ = 0;
  bool originStale_ = true;
  long lastCheck_ = 0;
  std::vector<UnitState> lastStates_;
  std::optional<RunState> checkedRun_;  // the run at lastCheck_, where a search for changes starts
  std::optional<UnitScan> checkedScan_;  // its units on the training set, when the check had them
  std::vector<HistoryEntry> history_;
  std::size_t countedRows_ = 0;  // the rows before it have their revivals counted
  std::optional<Network> gridNetwork_;  // the network freezeGrid() kept
  // The last units() report and the parameters it was computed for (a frame asks twice per step).
  mutable std::optional<std::pair<std::vector<double>, UnitReport>> unitsCache_;
};

}  // namespace alab
