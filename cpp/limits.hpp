// Every range, default and cost limit of the engine's public API, in one place: the manifest
// (manifest.hpp) publishes them and the validators of the core read them.
#pragma once

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

#include "format.hpp"

namespace alab {

/// A closed range [min, max] (or half-open where minOpen / maxOpen), its default and whether only
/// integers belong to it. defaultValue is NaN where a field has no default.
struct Range {
  double min = 0, max = 0;
  double defaultValue = NAN;
  bool integer = false;
  bool minOpen = false, maxOpen = false;
  /// True when value lies in the range (and is an integer where integer is set).
  bool contains(double value) const {
    if (!(value >= min && value <= max)) return false;
    if ((minOpen && value == min) || (maxOpen && value == max)) return false;
    return !integer || value == std::floor(value);
  }
};

/// An integer range with a default.
constexpr Range integers(double min, double max, double defaultValue) {
  return {min, max, defaultValue, true, false, false};
}
/// A real range with a default.
constexpr Range reals(double min, double max, double defaultValue) {
  return {min, max, defaultValue, false, false, false};
}
/// A real range [min, max) with a default.
constexpr Range realsBelow(double min, double max, double defaultValue) {
  return {min, max, defaultValue, false, false, true};
}

namespace limits {

constexpr Range seed = integers(0, 2147483647, 1);
constexpr Range trainFraction = {0, 1, 0.8, false, true, false};
constexpr double maxPointCoordinate = 1.5;
constexpr Range datasetNoise = reals(0, 1, 0.1);
constexpr double defaultDatasetSize = 200;
constexpr Range pointInputs = integers(1, 2, 2);      // values per point of a dataset (its dimension)
constexpr Range targetValue = reals(-100, 100, NAN);  // real-valued targets of a regression dataset

constexpr double curveDomain = 1;                     // generated curves sample x in [-1, 1]
constexpr Range curveSize = integers(2, 2000, 60);
constexpr Range curveNoise = reals(0, 1, 0);          // Gaussian target noise of standard deviation 0.3 * noise
constexpr Range curveSlope = reals(-100, 100, NAN);   // input weight editUnit may give a hidden unit
constexpr Range curvePoints = integers(1, 4000, NAN); // x values of one curve view

constexpr Range learningRate = reals(1e-4, 10, 0.03);
constexpr Range batchSize = integers(1, 20000, 10);
constexpr Range momentum = realsBelow(0, 1, 0);
constexpr Range l2 = reals(0, 10, 0);
constexpr Range l1 = reals(0, 10, 0);
constexpr Range beta1 = realsBelow(0, 1, 0.9);     // adam
constexpr Range beta2 = realsBelow(0, 1, 0.999);   // adam
constexpr Range rho = realsBelow(0, 1, 0.9);       // rmsprop
constexpr Range epsilon = reals(1e-12, 1, 1e-8);   // adam and rmsprop
constexpr Range initialBias = reals(-1, 1, 0);     // every hidden unit's starting bias
constexpr Range statsEvery = integers(0, 1000000, 50);

constexpr Range raceStart = reals(-1000, 1000, 0.9);
constexpr Range raceLearningRate = reals(1e-5, 100, 0.2);
constexpr Range raceTarget = reals(-1000, 1000, 0.5);
constexpr Range raceDepth = integers(1, 50, 1);
constexpr Range raceMaxSteps = integers(1, 1000000, 100000);

constexpr Range meanShiftSamples = integers(1, 1000000, 10000);
constexpr Range meanShiftBins = integers(1, 1000, 40);

constexpr Range sweepSteps = integers(1, 100000, 600);
constexpr Range sweepLearningRate = reals(1e-5, 100, NAN);
constexpr Range sweepPoints = integers(2, 20000, 500);
constexpr double sweepMaxRuns = 1000;
constexpr double sweepRateLow = 1e-3, sweepRateHigh = 3, sweepRateCount = 9;  // default log-spaced rates

constexpr Range bornDeadWidth = integers(1, 32, 2);
constexpr Range bornDeadDepth = integers(1, 50, 2);
constexpr Range bornDeadTrials = integers(1, 100000, 200);
constexpr Range bornDeadProbePoints = integers(2, 10000, 200);

constexpr Range histogramSamples = integers(1, 20000, 2000);
constexpr Range histogramBins = integers(1, 1000, 30);

constexpr Range logSpacedBound = reals(1e-12, 1e12, NAN);
constexpr Range logSpacedCount = integers(1, 1000, NAN);

constexpr Range gridCoordinate = reals(-1000, 1000, NAN);
constexpr Range gridResolution = integers(2, 400, 100);
constexpr Range pointCoordinate = reals(-1000, 1000, NAN);

constexpr Range collapseUnits = integers(1, 64, 1);
constexpr Range collapseValue = reals(-1e6, 1e6, NAN);        // weights, biases and inputs of linearCollapse
constexpr Range activationInput = reals(-1e308, 1e308, NAN);  // evaluate / derivative inputs
constexpr Range softmaxTemperature = reals(1e-3, 1000, 1);
constexpr double maxLogits = 64;

constexpr Range unitHistogramBins = integers(1, 200, 30);
/// A run's timeline: the first keyframe interval in steps (it doubles whenever the keyframes
/// pass their budget) and the bytes of keyframes kept at most.
constexpr double keyframeEvery = 50;
constexpr double keyframeBudgetBytes = 48 * 1024 * 1024;
/// Sub-intervals of the search for unit changes one settleLife call may search (each one replay and scan).
constexpr Range lifeIntervals = integers(1, 1000, 1);

/// Longest array any call takes or gives (values, not points).
constexpr double maxArrayLength = 1000000;
/// Most multiply-adds one call may do: steps x examples x parameters for training, trials x probe
/// points x depth x width^2 for bornDead, points x parameters for grids, predictions and collapses.
constexpr double maxWorkPerCall = 5e8;
/// Most trials x probe points of one bornDead call.
constexpr double maxBornDeadProbes = 1000000;
/// Most steps x depth of one race.
constexpr double maxRaceWork = 10000000;
/// Most steps of one train() call.
constexpr double maxTrainSteps = 10000000;

}  // namespace limits

/// "an integer in [1, 50]" or "a number in [0, 1)".
inline std::string describeRange(const Range& range) {
  return std::string(range.integer ? "an integer" : "a number") + " in " + (range.minOpen ? "(" : "[") +
         formatNumber(range.min) + ", " + formatNumber(range.max) + (range.maxOpen ? ")" : "]");
}

/// Throws std::invalid_argument "<name> must be <range>, got <value>" unless range holds value.
inline void requireInRange(const char* name, double value, const Range& range) {
  if (!range.contains(value))
    throw std::invalid_argument(std::string(name) + " must be " + describeRange(range) + ", got " +
                                formatNumber(value));
}

/// Throws std::invalid_argument naming the limit when work exceeds it.
inline void requireWork(const char* what, double work, double limit = limits::maxWorkPerCall,
                        const char* limitName = "costs.maxWorkPerCall") {
  if (!(work <= limit))
    throw std::invalid_argument(std::string(what) + " costs " + formatNumber(work) + ", over the limit of " +
                                formatNumber(limit) + " per call (" + limitName + "): split it into smaller calls");
}

}  // namespace alab
