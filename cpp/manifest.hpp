// The engine describes itself: names, ranges, defaults and cost limits of the public API, built
// from the core's own tables (activations, datasets, heads, inits) and limits.hpp.
#pragma once

#include <string>
#include <vector>

#include "limits.hpp"

namespace alab {

struct ActivationEntry {
  std::string name;
  bool usesAlpha = false;
  Range alpha;                 // meaningful only when usesAlpha
  std::vector<double> kinks;   // inputs where f, f' or f'' jumps
  bool diesBelowZero = false;  // a never-positive unit gets no gradient (dead)
};

struct DatasetEntry {
  std::string name;
  int classes = 2;  // 0 for a regression kind
  Range size, noise;
  bool regression = false;  // real-valued targets (a linear_mse head), no classes
};

struct HeadEntry {
  std::string name;
  bool outputPerClass = false;  // softmax: one output per class; the binary heads: one output
  bool takesTargets = false;    // linear_mse and sigmoid_mse also train on real-valued targets
  Range targets;                // meaningful only when takesTargets
};

struct NamedRange {
  std::string name;  // the field's name in the API, e.g. "learningRate"
  Range range;
};

struct ManifestSection {
  std::string name;  // e.g. "training", "race"
  std::vector<NamedRange> ranges;
  std::vector<std::pair<std::string, double>> numbers;  // plain limits, e.g. maxRuns
};

struct Manifest {
  std::vector<ActivationEntry> activations;
  std::vector<DatasetEntry> datasets;
  std::vector<HeadEntry> heads;
  std::vector<std::string> inits;
  std::vector<std::string> optimizers;  // display order; the first is the default
  std::vector<std::string> unitStates;  // index = the core's UnitState value
  std::vector<std::string> features, defaultFeatures;  // input features in display order; the panel's default
  // network
  int inputs = 2, maxLayers = 0, maxUnits = 0;
  Range classes;
  std::vector<int> defaultHiddenLayers;
  std::string defaultActivation, defaultHead, defaultInit;
  std::vector<std::string> curves;               // curve kinds of the regression data, in display order
  std::vector<std::string> piecewiseLinear;      // hidden activations whose curves are piecewise linear
  std::vector<ManifestSection> sections;  // network, data, training, race, meanShift, sweep, curve, ...
  ManifestSection costs;
};

/// The engine's manifest (built once).
const Manifest& engineManifest();

/// The manifest as JSON text: numbers round-trip exactly, ranges are {min, max, default, integer}.
std::string manifestJson(const Manifest& manifest);

/// The range `section.field` of the manifest; throws std::invalid_argument when there is none.
const Range& manifestRange(const std::string& section, const std::string& field);

}  // namespace alab
