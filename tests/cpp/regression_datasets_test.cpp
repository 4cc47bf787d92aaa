// The regression data sets of the training panel: targets from their formulas, seeds, noise.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "datasets.hpp"

namespace alab {
namespace {

TEST(RegressionDatasets, PlaneTargetIsTheMeanOfTheCoordinatesWithoutNoise) {
  const Dataset d = makeDataset(DatasetKind::Plane, 300, 0, 7);
  ASSERT_TRUE(d.regression);
  ASSERT_EQ(d.size(), 300u);
  ASSERT_EQ(d.x.size(), 600u);
  EXPECT_TRUE(d.label.empty());
  for (std::size_t i = 0; i < d.size(); ++i) {
    ASSERT_LE(std::fabs(d.x[2 * i]), 1.0);
    ASSERT_LE(std::fabs(d.x[2 * i + 1]), 1.0);
    EXPECT_EQ(d.target[i], (d.x[2 * i] + d.x[2 * i + 1]) / 2) << "point " << i;
  }
}

TEST(RegressionDatasets, BumpsPeakAtTheirCentresWithAlternatingSigns) {
  const Dataset d = makeDataset(DatasetKind::Bumps, 4000, 0, 3);
  double top = -10, bottom = 10;
  for (std::size_t i = 0; i < d.size(); ++i) {
    top = std::max(top, d.target[i]);
    bottom = std::min(bottom, d.target[i]);
    const double x1 = d.x[2 * i], x2 = d.x[2 * i + 1];
    if (std::hypot(x1 + 0.6, x2 - 0.5) < 0.05) {
      EXPECT_GT(d.target[i], 0.8) << "near the bump at (-0.6, 0.5)";
    }
    if (std::hypot(x1, x2 - 0.5) < 0.05) {
      EXPECT_LT(d.target[i], -0.8) << "near the bump at (0, 0.5)";
    }
  }
  EXPECT_GT(top, 0.9);
  EXPECT_LT(bottom, -0.9);
  EXPECT_LT(top, 1.1);
  EXPECT_GT(bottom, -1.1);
}

TEST(RegressionDatasets, SeedsRepeatAndNoiseHasTheStatedSpreadOnTheTarget) {
  for (DatasetKind kind : {DatasetKind::Plane, DatasetKind::Bumps}) {
    const Dataset a = makeDataset(kind, 200, 0.5, 9), b = makeDataset(kind, 200, 0.5, 9);
    EXPECT_EQ(a.x, b.x) << datasetName(kind);
    EXPECT_EQ(a.target, b.target) << datasetName(kind);
    EXPECT_NE(makeDataset(kind, 200, 0.5, 10).x, a.x) << datasetName(kind);
  }
  const Dataset noisy = makeDataset(DatasetKind::Plane, 4000, 1, 9);
  double squared = 0;
  for (std::size_t i = 0; i < noisy.size(); ++i)
    squared += std::pow(noisy.target[i] - (noisy.x[2 * i] + noisy.x[2 * i + 1]) / 2, 2);
  EXPECT_NEAR(std::sqrt(squared / 4000), 0.2, 0.01) << "noise 1 adds a standard deviation of 0.2 to the target";
}

TEST(RegressionDatasets, SplitKeepsTargetsAndTheManifestSizeRuleHolds) {
  const DatasetSplit split = splitDataset(makeDataset(DatasetKind::Bumps, 50, 0.2, 1), 0.8, 2);
  EXPECT_TRUE(split.train.regression);
  EXPECT_EQ(split.train.target.size(), 40u);
  EXPECT_EQ(split.test.target.size(), 10u);
  EXPECT_EQ(datasetClasses(DatasetKind::Plane), 0);
  EXPECT_TRUE(datasetIsRegression(DatasetKind::Bumps));
  EXPECT_FALSE(datasetIsRegression(DatasetKind::Circle));
  EXPECT_THROW(makeDataset(DatasetKind::Plane, 1, 0, 1), std::invalid_argument);
}

}  // namespace
}  // namespace alab
