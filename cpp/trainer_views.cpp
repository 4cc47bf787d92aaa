// What a Trainer shows: predictions, the heatmap grid of every unit and the history as columns.
#include <algorithm>
#include <cmath>
#include <string>

#include "format.hpp"
#include "limits.hpp"
#include "trainer.hpp"

namespace alab {

namespace {

// Throws unless every value is finite: a network with huge (finite) weights can still overflow.
void requireFinite(const std::vector<double>& values, const char* what) {
  for (double v : values)
    if (!std::isfinite(v))
      throw std::invalid_argument(std::string(what) +
                                  " overflowed: the network's weights are too large for these inputs");
}

// Throws std::invalid_argument for bounds outside limits::gridCoordinate or min >= max.
void requireBounds(const GridSpec& grid) {
  requireInRange("grid xMin", grid.xMin, limits::gridCoordinate);
  requireInRange("grid xMax", grid.xMax, limits::gridCoordinate);
  requireInRange("grid yMin", grid.yMin, limits::gridCoordinate);
  requireInRange("grid yMax", grid.yMax, limits::gridCoordinate);
  if (!(grid.xMin < grid.xMax) || !(grid.yMin < grid.yMax))
    throw std::invalid_argument("grid bounds need xMin < xMax and yMin < yMax, got x [" + formatNumber(grid.xMin) +
                                ", " + formatNumber(grid.xMax) + "], y [" + formatNumber(grid.yMin) + ", " +
                                formatNumber(grid.yMax) + "]");
}

}  // namespace

std::vector<double> gridPoints(const GridSpec& grid) { return gridPoints(grid, 0, grid.resolution); }

std::vector<double> gridPoints(const GridSpec& grid, int rowFrom, int rowTo) {
  requireBounds(grid);
  requireInRange("grid resolution", grid.resolution, limits::gridResolution);
  const int n = grid.resolution;
  if (rowFrom < 0 || rowFrom > rowTo || rowTo > n)
    throw std::invalid_argument("grid rows must satisfy 0 <= from <= to <= resolution (" + std::to_string(n) + "), got [" +
                                std::to_string(rowFrom) + ", " + std::to_string(rowTo) + ")");
  std::vector<double> points(2 * static_cast<std::size_t>(rowTo - rowFrom) * n);
  for (int row = rowFrom; row < rowTo; ++row)
    for (int col = 0; col < n; ++col) {
      const std::size_t i = static_cast<std::size_t>(row - rowFrom) * n + col;
      points[2 * i] = grid.xMin + (grid.xMax - grid.xMin) * (col + 0.5) / n;
      points[2 * i + 1] = grid.yMax - (grid.yMax - grid.yMin) * (row + 0.5) / n;
    }
  return points;
}

std::vector<double> Trainer::predict(const std::vector<double>& points) const {
  const Network& net = finiteNetwork();
  if (points.size() % 2 != 0)
    throw std::invalid_argument("points must hold x, y pairs, got " + std::to_string(points.size()) + " values");
  for (double v : points) requireInRange("point coordinate", v, limits::pointCoordinate);
  const std::size_t n = points.size() / 2;
  requireWork("predict", static_cast<double>(n) * net.parameterCount());
  std::vector<double> out(n * static_cast<std::size_t>(net.outputs()));
  net.predict(mapFeatures(features_, points).data(), n, out.data());
  requireFinite(out, "predict");
  return out;
}

std::vector<double> Trainer::gridActivations(const GridSpec& grid) const {
  const Network& net = finiteNetwork();
  const std::vector<double> points = gridPoints(grid);
  const std::size_t n = points.size() / 2;
  requireWork("gridActivations", static_cast<double>(n) * net.parameterCount());
  const std::vector<double> inputs = mapFeatures(features_, points);
  std::vector<double> out(static_cast<std::size_t>(net.hiddenUnitCount() + net.outputs()) * n);
  net.unitActivations(inputs.data(), n, out.data());
  requireFinite(out, "gridActivations");
  return out;
}

std::vector<double> Trainer::gridActivations(const GridSpec& bounds, const std::vector<int>& resolutions) const {
  return gridActivations(bounds, resolutions, {0, static_cast<int>(limits::gridResolution.max)}, false);
}

std::vector<double> Trainer::gridActivations(const GridSpec& bounds, const std::vector<int>& resolutions, GridRows rows,
                                             bool frozen) const {
  if (frozen && !gridNetwork_) throw std::invalid_argument("no frozen grid network: call freezeGrid first");
  const Network& net = frozen ? *gridNetwork_ : finiteNetwork();
  requireBounds(bounds);
  if (rows.from < 0 || rows.from > rows.to)
    throw std::invalid_argument("grid rows must satisfy 0 <= from <= to, got [" + std::to_string(rows.from) + ", " +
                                std::to_string(rows.to) + ")");
  const std::size_t units = static_cast<std::size_t>(net.hiddenUnitCount() + net.outputs());
  if (resolutions.size() != units)
    throw std::invalid_argument("resolutions must hold one entry per hidden unit and output (" + std::to_string(units) +
                                "), got " + std::to_string(resolutions.size()));
  const auto band = [&](int r) { return GridRows{std::min(rows.from, r), std::min(rows.to, r)}; };
  std::vector<int> distinct;
  std::vector<std::size_t> offsets(units + 1, 0);
  for (std::size_t u = 0; u < units; ++u) {
    const int r = resolutions[u];
    if (r != 0) requireInRange("grid resolution", r, limits::gridResolution);
    if (r != 0 && std::find(distinct.begin(), distinct.end(), r) == distinct.end()) distinct.push_back(r);
    offsets[u + 1] = offsets[u] + static_cast<std::size_t>(band(r).to - band(r).from) * r;
  }
  double points = 0;
  for (const int r : distinct) points += static_cast<double>(band(r).to - band(r).from) * r;
  requireWork("gridActivations", points * net.parameterCount());
  std::vector<double> out(offsets[units]);
  std::vector<double*> blocks(units);
  for (const int r : distinct) {
    GridSpec grid = bounds;
    grid.resolution = r;
    const GridRows own = band(r);
    if (own.from == own.to) continue;
    const std::vector<double> cells = mapFeatures(features_, gridPoints(grid, own.from, own.to));
    for (std::size_t u = 0; u < units; ++u) blocks[u] = resolutions[u] == r ? out.data() + offsets[u] : nullptr;
    net.unitActivations(cells.data(), static_cast<std::size_t>(own.to - own.from) * static_cast<std::size_t>(r),
                        blocks.data());
  }
  requireFinite(out, "gridActivations");
  return out;
}

long Trainer::freezeGrid() {
  gridNetwork_.emplace(finiteNetwork());
  return run_.step;
}

std::vector<double> Trainer::inputGrid(const GridSpec& grid) const {
  const int networkInputs = run_.network.config().inputs;
  if (features_.empty() && networkInputs != 2)
    throw std::invalid_argument("inputGrid needs a network on points in the plane; this one takes " +
                                std::to_string(networkInputs) + " input");
  const std::vector<double> inputs = mapFeatures(features_, gridPoints(grid));
  const std::size_t k = static_cast<std::size_t>(networkInputs), n = inputs.size() / k;
  std::vector<double> out(inputs.size());
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t i = 0; i < k; ++i) out[i * n + p] = inputs[p * k + i];
  return out;
}

HistoryColumns Trainer::historyColumns(std::size_t from) const {
  HistoryColumns columns;
  columns.from = std::min(from, countedRows_);
  columns.layers = static_cast<int>(run_.network.config().hiddenUnits.size());
  columns.denseLayers = static_cast<int>(run_.network.layerCount());
  for (std::size_t i = columns.from; i < countedRows_; ++i) {
    const HistoryEntry& e = history_[i];
    columns.step.push_back(static_cast<double>(e.step));
    columns.trainLoss.push_back(e.trainLoss);
    columns.testLoss.push_back(e.testLoss);
    columns.trainAccuracy.push_back(e.trainAccuracy);
    columns.testAccuracy.push_back(e.testAccuracy);
    int dead = 0, dormant = 0;
    for (std::size_t l = 0; l < e.deadPerLayer.size(); ++l) {
      dead += e.deadPerLayer[l];
      dormant += e.dormantPerLayer[l];
      columns.deadPerLayer.push_back(e.deadPerLayer[l]);
      columns.dormantPerLayer.push_back(e.dormantPerLayer[l]);
    }
    columns.dead.push_back(dead);
    columns.dormant.push_back(dormant);
    columns.revivals.push_back(e.revivals);
    columns.gradientNorm.insert(columns.gradientNorm.end(), e.gradientNorms.begin(), e.gradientNorms.end());
    columns.updateRatio.insert(columns.updateRatio.end(), e.updateRatios.begin(), e.updateRatios.end());
  }
  return columns;
}

}  // namespace alab
