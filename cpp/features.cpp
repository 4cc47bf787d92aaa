#include "features.hpp"

#include <stdexcept>

#include "portable_math.hpp"

namespace alab {

const std::vector<InputFeature>& inputFeatures() {
  static const std::vector<InputFeature> features{InputFeature::X1,        InputFeature::X2,   InputFeature::X1Squared,
                                                  InputFeature::X2Squared, InputFeature::X1X2, InputFeature::SinX1,
                                                  InputFeature::SinX2};
  return features;
}

const char* inputFeatureName(InputFeature feature) {
  switch (feature) {
    case InputFeature::X1: return "x1";
    case InputFeature::X2: return "x2";
    case InputFeature::X1Squared: return "x1_squared";
    case InputFeature::X2Squared: return "x2_squared";
    case InputFeature::X1X2: return "x1_x2";
    case InputFeature::SinX1: return "sin_x1";
    case InputFeature::SinX2: break;
  }
  return "sin_x2";
}

InputFeature inputFeatureFromName(const std::string& name) {
  std::string known;
  for (InputFeature feature : inputFeatures()) {
    if (name == inputFeatureName(feature)) return feature;
    known += (known.empty() ? "" : ", ") + std::string(inputFeatureName(feature));
  }
  throw std::invalid_argument("unknown input feature '" + name + "' (known: " + known + ")");
}

namespace {

double sine(double angle) {
  double s, c;
  portableSinCos(angle, s, c);
  return s;
}

double cosine(double angle) {
  double s, c;
  portableSinCos(angle, s, c);
  return c;
}

}  // namespace

double featureValue(InputFeature feature, double x1, double x2) {
  switch (feature) {
    case InputFeature::X1: return x1;
    case InputFeature::X2: return x2;
    case InputFeature::X1Squared: return x1 * x1;
    case InputFeature::X2Squared: return x2 * x2;
    case InputFeature::X1X2: return x1 * x2;
    case InputFeature::SinX1: return sine(x1);
    case InputFeature::SinX2: break;
  }
  return sine(x2);
}

void featureGradient(InputFeature feature, double x1, double x2, double& d1, double& d2) {
  d1 = 0;
  d2 = 0;
  switch (feature) {
    case InputFeature::X1: d1 = 1; break;
    case InputFeature::X2: d2 = 1; break;
    case InputFeature::X1Squared: d1 = 2 * x1; break;
    case InputFeature::X2Squared: d2 = 2 * x2; break;
    case InputFeature::X1X2: d1 = x2; d2 = x1; break;
    case InputFeature::SinX1: d1 = cosine(x1); break;
    case InputFeature::SinX2: d2 = cosine(x2); break;
  }
}

FeatureMap featureMapFromNames(const std::vector<std::string>& names) {
  if (names.empty()) throw std::invalid_argument("features must name at least one input feature");
  FeatureMap map;
  for (const std::string& name : names) {
    const InputFeature feature = inputFeatureFromName(name);
    for (InputFeature chosen : map.features)
      if (chosen == feature) throw std::invalid_argument("input feature '" + name + "' is named twice");
    map.features.push_back(feature);
  }
  return map;
}

std::vector<double> mapFeatures(const FeatureMap& map, const std::vector<double>& points) {
  if (points.size() % 2 != 0)
    throw std::invalid_argument("points must hold x1, x2 pairs, got " + std::to_string(points.size()) + " values");
  if (map.empty()) return points;
  const std::size_t n = points.size() / 2;
  std::vector<double> out;
  out.reserve(n * map.features.size());
  for (std::size_t p = 0; p < n; ++p)
    for (InputFeature feature : map.features) out.push_back(featureValue(feature, points[2 * p], points[2 * p + 1]));
  return out;
}

Dataset mapDataset(const FeatureMap& map, const Dataset& data) {
  if (map.empty()) return data;
  if (data.inputs != 2)
    throw std::invalid_argument("input features need points with 2 coordinates (x1, x2), got " +
                                std::to_string(data.inputs));
  Dataset mapped = data;
  mapped.x = mapFeatures(map, data.x);
  mapped.inputs = map.inputs();
  return mapped;
}

}  // namespace alab
