// Input features of the training panel's network (as TensorFlow Playground offers): a feature
// map turns a point (x1, x2) into the values the first layer takes, one per chosen feature.
#pragma once

#include <string>
#include <vector>

#include "datasets.hpp"

namespace alab {

enum class InputFeature { X1, X2, X1Squared, X2Squared, X1X2, SinX1, SinX2 };

/// Every feature, in display order.
const std::vector<InputFeature>& inputFeatures();

/// Identifier used by the JS API: "x1", "x2", "x1_squared", "x2_squared", "x1_x2", "sin_x1", "sin_x2".
const char* inputFeatureName(InputFeature feature);

/// The feature named `name`; throws std::invalid_argument listing the known names otherwise.
InputFeature inputFeatureFromName(const std::string& name);

/// The feature's value at (x1, x2); sin takes radians.
double featureValue(InputFeature feature, double x1, double x2);

/// The feature's partial derivatives d/dx1 and d/dx2 at (x1, x2).
void featureGradient(InputFeature feature, double x1, double x2, double& d1, double& d2);

/// The chosen features in input order; empty means the raw coordinates go to the network as they are.
struct FeatureMap {
  std::vector<InputFeature> features;
  bool empty() const { return features.empty(); }
  int inputs() const { return static_cast<int>(features.size()); }
};

/// The map of `names` in the given order; throws std::invalid_argument for none, an unknown name or a repeat.
FeatureMap featureMapFromNames(const std::vector<std::string>& names);

/// Network inputs for x1, x2 pairs: n x map.inputs() values, point-major (the pairs unchanged for an empty map).
/// Throws std::invalid_argument for an odd number of values.
std::vector<double> mapFeatures(const FeatureMap& map, const std::vector<double>& points);

/// The dataset with its points replaced by their features (unchanged for an empty map); labels and
/// targets are kept. Throws std::invalid_argument unless the points have 2 coordinates.
Dataset mapDataset(const FeatureMap& map, const Dataset& data);

}  // namespace alab
