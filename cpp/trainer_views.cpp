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

}  // namespace

std::vector<double> gridPoints(const GridSpec& grid) {
  requireInRange("grid xMin", grid.xMin, limits::gridCoordinate);
  requireInRange("grid xMax", grid.xMax, limits::gridCoordinate);
  requireInRange("grid yMin", grid.yMin, limits::gridCoordinate);
  requireInRange("grid yMax", grid.yMax, limits::gridCoordinate);
  requireInRange("grid resolution", grid.resolution, limits::gridResolution);
  if (!(grid.xMin < grid.xMax) || !(grid.yMin < grid.yMax))
    throw std::invalid_argument("grid bounds need xMin < xMax and yMin < yMax, got x [" + formatNumber(grid.xMin) +
                                ", " + formatNumber(grid.xMax) + "], y [" + formatNumber(grid.yMin) + ", " +
                                formatNumber(grid.yMax) + "]");
  const int n = grid.resolution;
  std::vector<double> points(2 * static_cast<std::size_t>(n) * n);
  for (int row = 0; row < n; ++row)
    for (int col = 0; col < n; ++col) {
      const std::size_t i = static_cast<std::size_t>(row) * n + col;
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
  net.predict(points.data(), n, out.data());
  requireFinite(out, "predict");
  return out;
}

std::vector<double> Trainer::gridActivations(const GridSpec& grid) const {
  const Network& net = finiteNetwork();
  const std::vector<double> points = gridPoints(grid);
  const std::size_t n = points.size() / 2;
  requireWork("gridActivations", static_cast<double>(n) * net.parameterCount());
  std::vector<double> out(static_cast<std::size_t>(net.hiddenUnitCount() + net.outputs()) * n);
  net.unitActivations(points.data(), n, out.data());
  requireFinite(out, "gridActivations");
  return out;
}

HistoryColumns Trainer::historyColumns(std::size_t from) const {
  HistoryColumns columns;
  columns.from = std::min(from, history_.size());
  columns.layers = static_cast<int>(run_.network.config().hiddenUnits.size());
  for (std::size_t i = columns.from; i < history_.size(); ++i) {
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
  }
  return columns;
}

}  // namespace alab
