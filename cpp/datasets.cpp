// Seeded 2-D generators. Every draw goes through Rng and every angle through portableSinCos,
// so a seed gives bit-identical points natively and in WebAssembly. Point i has label
// i % classes, which keeps the classes balanced; noise adds Gaussian jitter (or widens blobs).
#include "datasets.hpp"
#include "format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <stdexcept>
#include <string>

#include "limits.hpp"
#include "network.hpp"
#include "rng.hpp"

namespace alab {

namespace {

constexpr double pi = 3.14159265358979323846;

// Largest |coordinate| datasetFromPoints accepts: the plot shows [-1, 1]^2 with a margin.
constexpr double maxPointCoordinate = 1.5;

struct Point {
  double x, y;
};


Point onCircle(double radius, double angle) {
  double sine, cosine;
  portableSinCos(angle, sine, cosine);
  return {radius * cosine, radius * sine};
}

Point jitter(Point p, double stddev, Rng& rng) {
  if (stddev == 0) return p;
  const double dx = rng.normal(0, stddev);
  const double dy = rng.normal(0, stddev);
  return {p.x + dx, p.y + dy};
}

// Label 1: disk of radius 0.5; label 0: ring from 0.7 to 1 (uniform in area).
Point circlePoint(int label, double noise, Rng& rng) {
  const double inner = label == 1 ? 0.0 : 0.7;
  const double outer = label == 1 ? 0.5 : 1.0;
  const double radius = std::sqrt(rng.uniform(inner * inner, outer * outer));
  return jitter(onCircle(radius, rng.uniform(0, 2 * pi)), 0.2 * noise, rng);
}

// Label 1: quadrants where x and y share a sign; points keep 0.05 away from the axes.
Point xorPoint(int label, double noise, Rng& rng) {
  const double sx = rng.uniform() < 0.5 ? -1.0 : 1.0;
  const double sy = label == 1 ? sx : -sx;
  const double ax = rng.uniform(0.05, 1.0);
  const double ay = rng.uniform(0.05, 1.0);
  return jitter({sx * ax, sy * ay}, 0.2 * noise, rng);
}

// Blobs at (0.5, 0.5) (label 1) and (-0.5, -0.5); the spread grows from 0.15 to 0.5 with noise.
Point gaussiansPoint(int label, double noise, Rng& rng) {
  const double centre = label == 1 ? 0.5 : -0.5;
  return jitter({centre, centre}, 0.15 + 0.35 * noise, rng);
}

// Two arms of 1.75 turns, the second rotated by half a turn; radius grows from 0.05 to 0.95.
Point spiralPoint(int label, double noise, Rng& rng) {
  const double t = rng.uniform();
  const Point p = onCircle(0.05 + 0.9 * t, 3.5 * pi * t + label * pi);
  return jitter(p, 0.1 * noise, rng);
}

// scikit-learn's moons (upper arc label 0, lower arc label 1), shifted and scaled by 2/3 so
// x spans [-1, 1] and y spans [-0.5, 0.5].
Point moonsPoint(int label, double noise, Rng& rng) {
  double sine, cosine;
  portableSinCos(rng.uniform(0, pi), sine, cosine);
  const Point raw = label == 0 ? Point{cosine, sine} : Point{1.0 - cosine, 0.5 - sine};
  const Point p{(raw.x - 0.5) * (2.0 / 3.0), (raw.y - 0.25) * (2.0 / 3.0)};
  return jitter(p, 0.2 * noise, rng);
}

// Three blobs at radius 0.55 and angles 90, 210 and 330 degrees; spread 0.12 to 0.42.
Point threeClassPoint(int label, double noise, Rng& rng) {
  const Point centre = onCircle(0.55, pi / 2 + label * (2 * pi / 3));
  return jitter(centre, 0.12 + 0.3 * noise, rng);
}

// Bumps of standard deviation 0.25 at x1 = -0.6, 0, 0.6 and x2 = +-0.5, signs alternating.
double bumpsTarget(double x1, double x2) {
  constexpr double width = 0.25;
  double sum = 0;
  for (int row = 0; row < 2; ++row)
    for (int col = 0; col < 3; ++col) {
      const double dx = x1 - 0.6 * (col - 1), dy = x2 - (row == 0 ? 0.5 : -0.5);
      const double sign = (row + col) % 2 == 0 ? 1.0 : -1.0;
      sum += sign * portableExp(-(dx * dx + dy * dy) / (2 * width * width));
    }
  return sum;
}

Dataset regressionDataset(DatasetKind kind, std::size_t n, double noise, Rng& rng) {
  Dataset data;
  data.regression = true;
  data.x.reserve(2 * n);
  data.target.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double x1 = rng.uniform(-1, 1), x2 = rng.uniform(-1, 1);
    const double clean = kind == DatasetKind::Plane ? (x1 + x2) / 2 : bumpsTarget(x1, x2);
    data.x.push_back(x1);
    data.x.push_back(x2);
    data.target.push_back(noise == 0 ? clean : clean + rng.normal(0, 0.2 * noise));
  }
  return data;
}

}  // namespace

const std::vector<DatasetKind>& datasetKinds() {
  static const std::vector<DatasetKind> kinds{DatasetKind::Circle, DatasetKind::Xor,        DatasetKind::Gaussians,
                                              DatasetKind::Spiral, DatasetKind::Moons,      DatasetKind::ThreeClass,
                                              DatasetKind::Plane,  DatasetKind::Bumps};
  return kinds;
}

bool datasetIsRegression(DatasetKind kind) { return kind == DatasetKind::Plane || kind == DatasetKind::Bumps; }

int datasetClasses(DatasetKind kind) {
  if (datasetIsRegression(kind)) return 0;
  return kind == DatasetKind::ThreeClass ? 3 : 2;
}

const char* datasetName(DatasetKind kind) {
  switch (kind) {
    case DatasetKind::Circle: return "circle";
    case DatasetKind::Xor: return "xor";
    case DatasetKind::Gaussians: return "gaussians";
    case DatasetKind::Spiral: return "spiral";
    case DatasetKind::Moons: return "moons";
    case DatasetKind::ThreeClass: return "three_class";
    case DatasetKind::Plane: return "plane";
    case DatasetKind::Bumps: break;
  }
  return "bumps";
}

DatasetKind datasetKindFromName(const std::string& name) {
  std::string known;
  for (DatasetKind kind : datasetKinds()) {
    if (name == datasetName(kind)) return kind;
    known += (known.empty() ? "" : ", ") + std::string(datasetName(kind));
  }
  throw std::invalid_argument("unknown dataset '" + name + "' (known: " + known + ")");
}

Dataset makeDataset(DatasetKind kind, std::size_t n, double noise, uint64_t seed) {
  const int classes = datasetClasses(kind);
  const std::size_t minimum = static_cast<std::size_t>(std::max(classes, 2));
  if (n < minimum || n > maxDatasetPoints)
    throw std::invalid_argument("dataset size must be between " + std::to_string(minimum) + " and " +
                                std::to_string(maxDatasetPoints) + ", got " + std::to_string(n));
  if (!(noise >= 0 && noise <= 1))
    throw std::invalid_argument("noise must be in [0, 1], got " + formatNumber(noise));
  Rng rng(seed);
  if (datasetIsRegression(kind)) return regressionDataset(kind, n, noise, rng);
  Dataset data;
  data.classes = classes;
  data.x.reserve(2 * n);
  data.label.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const int label = static_cast<int>(i % static_cast<std::size_t>(classes));
    Point p{0, 0};
    switch (kind) {
      case DatasetKind::Circle: p = circlePoint(label, noise, rng); break;
      case DatasetKind::Xor: p = xorPoint(label, noise, rng); break;
      case DatasetKind::Gaussians: p = gaussiansPoint(label, noise, rng); break;
      case DatasetKind::Spiral: p = spiralPoint(label, noise, rng); break;
      case DatasetKind::Moons: p = moonsPoint(label, noise, rng); break;
      case DatasetKind::ThreeClass: p = threeClassPoint(label, noise, rng); break;
      default: break;
    }
    data.x.push_back(p.x);
    data.x.push_back(p.y);
    data.label.push_back(label);
  }
  return data;
}

DatasetSplit splitDataset(const Dataset& data, double trainFraction, uint64_t seed) {
  if (!(trainFraction > 0 && trainFraction <= 1))
    throw std::invalid_argument("train fraction must be in (0, 1], got " + formatNumber(trainFraction));
  const std::size_t n = data.size();
  if (n == 0) throw std::invalid_argument("cannot split an empty dataset");
  const auto inputs = static_cast<std::size_t>(data.inputs);
  if (data.x.size() != inputs * n)
    throw std::invalid_argument("dataset holds " + std::to_string(data.x.size()) + " coordinates for " +
                                std::to_string(n) + " points, expected " + std::to_string(inputs * n));
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  Rng rng(seed);
  rng.shuffle(order.data(), n);
  std::size_t trainCount = static_cast<std::size_t>(std::llround(trainFraction * static_cast<double>(n)));
  if (trainCount == 0) trainCount = 1;
  DatasetSplit split;
  for (Dataset* part : {&split.train, &split.test}) {
    part->classes = data.classes;
    part->inputs = data.inputs;
    part->regression = data.regression;
  }
  for (std::size_t k = 0; k < n; ++k) {
    Dataset& part = k < trainCount ? split.train : split.test;
    const std::size_t i = order[k];
    part.x.insert(part.x.end(), data.x.begin() + i * inputs, data.x.begin() + (i + 1) * inputs);
    if (data.regression) {
      part.target.push_back(data.target[i]);
    } else {
      part.label.push_back(data.label[i]);
    }
  }
  return split;
}

namespace {

// Checks the caller's coordinates for n points of `inputs` values each.
void checkPoints(const std::vector<double>& x, std::size_t n, int inputs, const char* values) {
  requireInRange("inputs per point", inputs, limits::pointInputs);
  if (n == 0) throw std::invalid_argument("a dataset needs at least one point");
  if (n > maxDatasetPoints)
    throw std::invalid_argument("dataset size must be at most " + std::to_string(maxDatasetPoints) + ", got " +
                                std::to_string(n));
  const auto dims = static_cast<std::size_t>(inputs);
  if (x.size() != dims * n)
    throw std::invalid_argument("points need " + std::to_string(inputs) + " coordinates each: got " +
                                std::to_string(x.size()) + " coordinates for " + std::to_string(n) + " " + values);
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(std::fabs(x[i]) <= maxPointCoordinate))
      throw std::invalid_argument("point " + std::to_string(i / dims) + " has coordinate " + formatNumber(x[i]) +
                                  ", expected a finite value in [" +
                                  formatNumber(-maxPointCoordinate) + ", " + formatNumber(maxPointCoordinate) + "]");
  }
}

}  // namespace

Dataset datasetFromPoints(const std::vector<double>& x, const std::vector<int>& label, int classes, int inputs) {
  if (classes < 2 || classes > maxClasses)
    throw std::invalid_argument("classes must be between 2 and " + std::to_string(maxClasses) + ", got " +
                                std::to_string(classes));
  checkPoints(x, label.size(), inputs, "labels");
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] < 0 || label[i] >= classes)
      throw std::invalid_argument("point " + std::to_string(i) + " has label " + std::to_string(label[i]) +
                                  ", expected 0 to " + std::to_string(classes - 1));
  }
  Dataset data;
  data.x = x;
  data.label = label;
  data.classes = classes;
  data.inputs = inputs;
  return data;
}

Dataset regressionFromPoints(const std::vector<double>& x, const std::vector<double>& target, int inputs) {
  checkPoints(x, target.size(), inputs, "targets");
  for (std::size_t i = 0; i < target.size(); ++i)
    if (!limits::targetValue.contains(target[i]))
      throw std::invalid_argument("point " + std::to_string(i) + " has target " + formatNumber(target[i]) +
                                  ", expected " + describeRange(limits::targetValue));
  Dataset data;
  data.x = x;
  data.target = target;
  data.inputs = inputs;
  data.regression = true;
  return data;
}

}  // namespace alab
