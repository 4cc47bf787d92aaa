// Seeded 2-D datasets for the trainer: every point lies in about [-1, 1]^2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace alab {

enum class DatasetKind { Circle, Xor, Gaussians, Spiral, Moons, ThreeClass, Plane, Bumps };

/// Points with class labels (label[i] in [0, classes)) or, when regression is set, real-valued
/// targets (target[i]; label stays empty). x is row-major n x inputs.
struct Dataset {
  std::vector<double> x;
  std::vector<int> label;
  int classes = 2;
  int inputs = 2;
  bool regression = false;
  std::vector<double> target;
  std::size_t size() const { return regression ? target.size() : label.size(); }
};

/// A dataset split in two disjoint parts.
struct DatasetSplit {
  Dataset train;
  Dataset test;
};

/// Every kind, in display order.
const std::vector<DatasetKind>& datasetKinds();

/// Number of classes a kind generates: 3 for three_class, 0 for the regression kinds, 2 otherwise.
int datasetClasses(DatasetKind kind);

/// True for the kinds with real-valued targets: plane and bumps.
bool datasetIsRegression(DatasetKind kind);

/// Identifier used by the JS API: "circle", "xor", "gaussians", "spiral", "moons", "three_class",
/// "plane", "bumps".
const char* datasetName(DatasetKind kind);

/// The kind named `name`; throws std::invalid_argument listing the known names otherwise.
DatasetKind datasetKindFromName(const std::string& name);

/// Largest number of points a generator accepts.
constexpr std::size_t maxDatasetPoints = 20000;

/// n points of `kind` with noise in [0, 1] (0 = clean; 1 = classes overlap a lot), from `seed`.
/// Classes are balanced (sizes differ by at most one). The regression kinds draw points uniformly
/// in [-1, 1]^2 with target (x1 + x2) / 2 (plane) or a sum of six signed Gaussian bumps (bumps),
/// plus Gaussian noise of standard deviation 0.2 x noise on the target. Throws
/// std::invalid_argument for n < 2 (n < 3 for three_class), n > maxDatasetPoints, or noise
/// outside [0, 1] or NaN.
Dataset makeDataset(DatasetKind kind, std::size_t n, double noise, uint64_t seed);

/// Shuffles with `seed` and puts round(trainFraction * n) points in train, the rest in test.
/// Throws std::invalid_argument unless 0 < trainFraction <= 1; train is never empty.
DatasetSplit splitDataset(const Dataset& data, double trainFraction, uint64_t seed);

/// Builds a dataset from caller-supplied points (the student's own clicks): x is n x inputs (1 or 2).
/// Throws std::invalid_argument for empty, mismatched, non-finite or out-of-range input.
Dataset datasetFromPoints(const std::vector<double>& x, const std::vector<int>& label, int classes, int inputs = 2);

/// A regression dataset from caller-supplied points: x is n x inputs (1 or 2), target[i] in
/// limits::targetValue. Throws std::invalid_argument like datasetFromPoints.
Dataset regressionFromPoints(const std::vector<double>& x, const std::vector<double>& target, int inputs);

}  // namespace alab
