// Dead and dormant hidden units. A unit is "never positive" on a dataset when its
// pre-activation is <= 0 for every input. For activations whose gradient vanishes below 0
// (relu, step) such a unit is dead: it outputs a constant and gets no gradient. For every
// other activation (leaky_relu above all) it is dormant: it still passes gradient and can learn.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "datasets.hpp"
#include "network.hpp"

namespace alab {

enum class UnitState : uint8_t { Alive = 0, Dead = 1, Dormant = 2 };

/// "alive", "dead" or "dormant": the only form in which a state leaves the core.
const char* unitStateName(UnitState state);

/// One hidden layer's units.
struct LayerUnits {
  std::vector<UnitState> state;
  std::vector<double> activeFraction;  // fraction of inputs with pre-activation > 0
  int dead = 0;
  int dormant = 0;
};

/// Every hidden layer's units on one dataset.
struct UnitReport {
  std::vector<LayerUnits> layers;
  int dead = 0;
  int dormant = 0;
  int total = 0;
};

/// Classifies every hidden unit of `network` on `data` (one forward pass over the data).
UnitReport classifyUnits(const Network& network, const Dataset& data);
/// The same report from each hidden unit's count of the `points` with pre-activation > 0 (layer by
/// layer, as in TrainingPass::positive); throws std::invalid_argument for zero points or a wrong count.
UnitReport classifyUnits(const Network& network, const std::vector<std::size_t>& positive, std::size_t points);

}  // namespace alab
