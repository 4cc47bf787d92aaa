#include "dead_units.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "activations.hpp"

namespace alab {

UnitReport classifyUnits(const Network& network, const Dataset& data) {
  const std::size_t n = data.size();
  if (n == 0) throw std::invalid_argument("cannot classify units on an empty dataset");
  const auto inputs = static_cast<std::size_t>(network.config().inputs);
  if (data.x.size() != n * inputs)
    throw std::invalid_argument("dataset has " + std::to_string(data.x.size()) + " values for " + std::to_string(n) +
                                " points; the network takes " + std::to_string(inputs) + " inputs per point");
  const std::size_t units = static_cast<std::size_t>(network.hiddenUnitCount());
  std::vector<std::size_t> positive(units, 0);
  std::vector<double> largest(units);
  network.hiddenActivity(data.x.data(), n, positive.data(), largest.data());
  return classifyUnits(network, positive, n);
}

UnitReport classifyUnits(const Network& network, const std::vector<std::size_t>& positive, std::size_t points) {
  if (points == 0) throw std::invalid_argument("cannot classify units on an empty dataset");
  if (positive.size() != static_cast<std::size_t>(network.hiddenUnitCount()))
    throw std::invalid_argument("positive counts: expected one per hidden unit (" +
                                std::to_string(network.hiddenUnitCount()) + "), got " + std::to_string(positive.size()));
  const bool vanishes = activationInfo(network.config().hiddenActivation).gradientVanishesBelowZero;
  const UnitState neverPositive = vanishes ? UnitState::Dead : UnitState::Dormant;
  UnitReport report;
  const std::size_t* count = positive.data();
  for (const int units : network.config().hiddenUnits) {
    LayerUnits layer;
    for (int j = 0; j < units; ++j, ++count) {
      const UnitState state = *count == 0 ? neverPositive : UnitState::Alive;
      layer.state.push_back(state);
      layer.activeFraction.push_back(static_cast<double>(*count) / static_cast<double>(points));
      if (state == UnitState::Dead) ++layer.dead;
      if (state == UnitState::Dormant) ++layer.dormant;
    }
    report.dead += layer.dead;
    report.dormant += layer.dormant;
    report.total += units;
    report.layers.push_back(std::move(layer));
  }
  return report;
}

}  // namespace alab
