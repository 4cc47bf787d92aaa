// Internal to Network: the checks of a dataset against a network and the loss of one point, for
// class labels and for real-valued targets (regression).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "datasets.hpp"
#include "dense_kernels.hpp"
#include "network.hpp"
#include "output_heads.hpp"

namespace alab {
namespace detail {

// Throws naming the point: its index outside the dataset, or its label outside the classes.
[[noreturn]] inline void throwBadPoint(const Dataset& data, std::size_t index, int classes) {
  if (index >= data.size())
    throw std::invalid_argument("point index " + std::to_string(index) + " is outside a dataset of " +
                                std::to_string(data.size()) + " points");
  throw std::invalid_argument("label " + std::to_string(data.label[index]) + " of point " + std::to_string(index) +
                              " is outside [0, " + std::to_string(classes) + ")");
}

// The label of point `index`, checked against the dataset size and the network's classes.
inline int checkedLabel(const Dataset& data, std::size_t index, int classes) {
  if (index >= data.size() || data.label[index] < 0 || data.label[index] >= classes)
    throwBadPoint(data, index, classes);
  return data.label[index];
}

// Throws unless data has config.inputs values per point and, for real targets, a regression head.
inline void checkShape(const Dataset& data, const NetworkConfig& config) {
  if (data.x.size() != data.size() * static_cast<std::size_t>(config.inputs))
    throw std::invalid_argument("dataset has " + std::to_string(data.x.size()) + " values for " +
                                std::to_string(data.size()) + " points; the network takes " +
                                std::to_string(config.inputs) + " inputs per point");
  if (data.regression && !headTakesTargets(config.head))
    throw std::invalid_argument(std::string("the head ") + outputHeadName(config.head) +
                                " needs class labels; real-valued targets train linear_mse or sigmoid_mse");
}

// Loss of point `index` from its logits z: against its class label, or its target for regression.
template <bool WithDelta>
inline double pointLoss(const Model& model, const Dataset& data, std::size_t index, const double* z, double scale,
                        double* delta) {
  if (!data.regression)
    return headLoss<WithDelta>(model.head, z, model.outputs, checkedLabel(data, index, model.classes), scale, delta);
  if (index >= data.size()) throwBadPoint(data, index, model.classes);
  return squaredErrorLoss<WithDelta>(model.head, z[0], data.target[index], scale, delta);
}

}  // namespace detail
}  // namespace alab
