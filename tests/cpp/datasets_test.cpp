#include "datasets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace alab {
namespace {

const DatasetKind allKinds[] = {DatasetKind::Circle, DatasetKind::Xor,   DatasetKind::Gaussians,
                                DatasetKind::Spiral, DatasetKind::Moons, DatasetKind::ThreeClass};

std::string errorOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "(no exception)";
}

double radius(const Dataset& d, std::size_t i) { return std::hypot(d.x[2 * i], d.x[2 * i + 1]); }

TEST(Datasets, NamesRoundTripAndUnknownNameListsKnownOnes) {
  for (DatasetKind kind : allKinds) EXPECT_EQ(datasetKindFromName(datasetName(kind)), kind) << datasetName(kind);
  EXPECT_EQ(errorOf([] { datasetKindFromName("foo"); }),
            "unknown dataset 'foo' (known: circle, xor, gaussians, spiral, moons, three_class, plane, bumps)");
}

TEST(Datasets, EveryKindIsBalancedWithValidLabelsAndTwoCoordinatesPerPoint) {
  for (DatasetKind kind : allKinds) {
    for (std::size_t n : {3u, 7u, 2000u}) {
      const Dataset d = makeDataset(kind, n, 0.3, 5);
      const int classes = kind == DatasetKind::ThreeClass ? 3 : 2;
      ASSERT_EQ(d.classes, classes) << datasetName(kind);
      ASSERT_EQ(d.size(), n);
      ASSERT_EQ(d.x.size(), 2 * n);
      std::vector<int> counts(static_cast<std::size_t>(classes), 0);
      for (int label : d.label) {
        ASSERT_TRUE(label >= 0 && label < classes) << datasetName(kind) << " label " << label;
        ++counts[static_cast<std::size_t>(label)];
      }
      const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
      EXPECT_LE(*hi - *lo, 1) << datasetName(kind) << " n=" << n << ": class sizes should differ by at most one";
    }
  }
}

TEST(Datasets, SameSeedGivesIdenticalPointsAndAnotherSeedDifferentOnes) {
  for (DatasetKind kind : allKinds) {
    const Dataset a = makeDataset(kind, 500, 0.2, 11);
    const Dataset b = makeDataset(kind, 500, 0.2, 11);
    const Dataset c = makeDataset(kind, 500, 0.2, 12);
    EXPECT_EQ(a.x, b.x) << datasetName(kind) << ": same seed must give bit-identical points";
    EXPECT_EQ(a.label, b.label);
    EXPECT_NE(a.x, c.x) << datasetName(kind) << ": another seed should move the points";
  }
}

TEST(Datasets, CleanPointsLieInTheUnitSquareAndNoisyOnesNearIt) {
  for (DatasetKind kind : allKinds) {
    const Dataset clean = makeDataset(kind, 2000, 0.0, 3);
    const Dataset noisy = makeDataset(kind, 2000, 1.0, 3);
    for (double v : noisy.x) ASSERT_LE(std::fabs(v), 3.5) << datasetName(kind) << " at noise 1";
    if (kind == DatasetKind::Gaussians || kind == DatasetKind::ThreeClass) continue;  // blobs have tails
    for (double v : clean.x) ASSERT_LE(std::fabs(v), 1.0) << datasetName(kind) << " at noise 0";
  }
}

TEST(Datasets, CleanCircleHasTheDiskInsideAndTheRingOutside) {
  const Dataset d = makeDataset(DatasetKind::Circle, 2000, 0.0, 1);
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (d.label[i] == 1) {
      ASSERT_LE(radius(d, i), 0.5) << "label 1 is the inner disk";
    } else {
      ASSERT_GE(radius(d, i), 0.7) << "label 0 is the outer ring";
      ASSERT_LE(radius(d, i), 1.0);
    }
  }
}

TEST(Datasets, NoiseMakesTheCircleClassesOverlap) {
  const auto misplaced = [](double noise) {
    const Dataset d = makeDataset(DatasetKind::Circle, 4000, noise, 2);
    int wrong = 0;
    for (std::size_t i = 0; i < d.size(); ++i) wrong += (radius(d, i) < 0.6) != (d.label[i] == 1);
    return static_cast<double>(wrong) / static_cast<double>(d.size());
  };
  EXPECT_EQ(misplaced(0.0), 0.0);
  EXPECT_GT(misplaced(0.5), misplaced(0.1));
  EXPECT_GT(misplaced(1.0), 0.1) << "noise 1 should make the classes overlap a lot";
}

TEST(Datasets, CleanXorLabelsPointsByQuadrant) {
  const Dataset d = makeDataset(DatasetKind::Xor, 2000, 0.0, 4);
  for (std::size_t i = 0; i < d.size(); ++i)
    ASSERT_EQ(d.x[2 * i] * d.x[2 * i + 1] > 0, d.label[i] == 1) << "label 1 where x and y share a sign";
}

TEST(Datasets, BlobCentresMatchTheirLabels) {
  const auto centre = [](const Dataset& d, int label) {
    double sx = 0, sy = 0;
    int count = 0;
    for (std::size_t i = 0; i < d.size(); ++i) {
      if (d.label[i] != label) continue;
      sx += d.x[2 * i];
      sy += d.x[2 * i + 1];
      ++count;
    }
    return std::make_pair(sx / count, sy / count);
  };
  const Dataset two = makeDataset(DatasetKind::Gaussians, 4000, 0.0, 6);
  EXPECT_NEAR(centre(two, 1).first, 0.5, 0.02);
  EXPECT_NEAR(centre(two, 1).second, 0.5, 0.02);
  EXPECT_NEAR(centre(two, 0).first, -0.5, 0.02);
  const Dataset three = makeDataset(DatasetKind::ThreeClass, 6000, 0.0, 6);
  EXPECT_NEAR(centre(three, 0).first, 0.0, 0.02);
  EXPECT_NEAR(centre(three, 0).second, 0.55, 0.02);
  EXPECT_NEAR(centre(three, 1).first, -0.55 * std::sqrt(3.0) / 2, 0.02);
  EXPECT_NEAR(centre(three, 2).second, -0.275, 0.02);
}

TEST(Datasets, CleanSpiralArmsAndMoonsKeepTheirShape) {
  const Dataset spiral = makeDataset(DatasetKind::Spiral, 2000, 0.0, 7);
  for (std::size_t i = 0; i < spiral.size(); ++i) {
    ASSERT_GE(radius(spiral, i), 0.05 - 1e-12);
    ASSERT_LE(radius(spiral, i), 0.95 + 1e-12);
  }
  const Dataset moons = makeDataset(DatasetKind::Moons, 2000, 0.0, 7);
  double lowY = 1, highY = -1;
  for (std::size_t i = 0; i < moons.size(); ++i) {
    lowY = std::min(lowY, moons.x[2 * i + 1]);
    highY = std::max(highY, moons.x[2 * i + 1]);
  }
  EXPECT_GE(lowY, -0.5 - 1e-12);
  EXPECT_LE(highY, 0.5 + 1e-12);
}

TEST(Datasets, RejectsBadSizeAndNoiseWithMessagesNamingTheProblem) {
  EXPECT_EQ(errorOf([] { makeDataset(DatasetKind::Circle, 0, 0.1, 1); }),
            "dataset size must be between 2 and 20000, got 0");
  EXPECT_EQ(errorOf([] { makeDataset(DatasetKind::Circle, 1000000000, 0.1, 1); }),
            "dataset size must be between 2 and 20000, got 1000000000");
  EXPECT_EQ(errorOf([] { makeDataset(DatasetKind::ThreeClass, 2, 0.1, 1); }),
            "dataset size must be between 3 and 20000, got 2");
  EXPECT_EQ(errorOf([] { makeDataset(DatasetKind::Xor, 100, std::nan(""), 1); }),
            "noise must be in [0, 1], got nan");
  EXPECT_EQ(errorOf([] { makeDataset(DatasetKind::Xor, 100, 1.5, 1); }), "noise must be in [0, 1], got 1.5");
  EXPECT_EQ(errorOf([] { makeDataset(DatasetKind::Xor, 100, -0.1, 1); }), "noise must be in [0, 1], got -0.1");
  EXPECT_EQ(makeDataset(DatasetKind::Moons, maxDatasetPoints, 1.0, 1).size(), maxDatasetPoints);
}

TEST(Datasets, SplitShufflesIntoDisjointPartsOfTheRequestedSize) {
  const Dataset d = makeDataset(DatasetKind::Spiral, 501, 0.2, 8);
  const DatasetSplit split = splitDataset(d, 0.8, 3);
  EXPECT_EQ(split.train.size(), 401u);
  EXPECT_EQ(split.test.size(), 100u);
  EXPECT_EQ(split.train.classes, 2);
  EXPECT_EQ(split.test.classes, 2);
  std::vector<std::pair<double, int>> original, parts;
  for (std::size_t i = 0; i < d.size(); ++i) original.emplace_back(d.x[2 * i], d.label[i]);
  for (const Dataset* part : {&split.train, &split.test})
    for (std::size_t i = 0; i < part->size(); ++i) parts.emplace_back(part->x[2 * i], part->label[i]);
  EXPECT_NE(std::vector<double>(split.train.x.begin(), split.train.x.begin() + 20),
            std::vector<double>(d.x.begin(), d.x.begin() + 20))
      << "the split should shuffle";
  std::sort(original.begin(), original.end());
  std::sort(parts.begin(), parts.end());
  EXPECT_EQ(original, parts) << "train and test together must hold every point exactly once";
  EXPECT_EQ(splitDataset(d, 0.8, 3).train.x, split.train.x) << "same seed, same split";
  EXPECT_NE(splitDataset(d, 0.8, 4).train.x, split.train.x) << "another seed, another split";
}

TEST(Datasets, SplitKeepsTrainNonEmptyAndRejectsBadFractions) {
  const Dataset d = makeDataset(DatasetKind::Circle, 10, 0.0, 1);
  EXPECT_EQ(splitDataset(d, 0.01, 1).train.size(), 1u);
  EXPECT_EQ(splitDataset(d, 1.0, 1).test.size(), 0u);
  EXPECT_EQ(errorOf([&] { splitDataset(d, 0.0, 1); }), "train fraction must be in (0, 1], got 0");
  EXPECT_EQ(errorOf([&] { splitDataset(d, std::nan(""), 1); }), "train fraction must be in (0, 1], got nan");
  EXPECT_EQ(errorOf([&] { splitDataset(Dataset{}, 0.5, 1); }), "cannot split an empty dataset");
}

TEST(Datasets, FromPointsKeepsValidPointsAndRejectsBadOnes) {
  const Dataset d = datasetFromPoints({0.1, -0.2, 1.5, -1.5, 0, 0}, {0, 2, 1}, 3);
  EXPECT_EQ(d.size(), 3u);
  EXPECT_EQ(d.classes, 3);
  EXPECT_EQ(d.x[2], 1.5);
  EXPECT_EQ(errorOf([] { datasetFromPoints({}, {}, 2); }), "a dataset needs at least one point");
  EXPECT_EQ(errorOf([] { datasetFromPoints({0.1, 0.2, 0.3}, {0, 1}, 2); }),
            "points need 2 coordinates each: got 3 coordinates for 2 labels");
  EXPECT_EQ(errorOf([] { datasetFromPoints({0.1, std::numeric_limits<double>::infinity()}, {0}, 2); }),
            "point 0 has coordinate inf, expected a finite value in [-1.5, 1.5]");
  EXPECT_EQ(errorOf([] { datasetFromPoints({0.1, 0.2, 0.3, -1.6}, {0, 1}, 2); }),
            "point 1 has coordinate -1.6, expected a finite value in [-1.5, 1.5]");
  EXPECT_EQ(errorOf([] { datasetFromPoints({0.1, 0.2}, {2}, 2); }), "point 0 has label 2, expected 0 to 1");
  EXPECT_EQ(errorOf([] { datasetFromPoints({0.1, 0.2}, {0}, 1); }), "classes must be between 2 and 10, got 1");
}

}  // namespace
}  // namespace alab
