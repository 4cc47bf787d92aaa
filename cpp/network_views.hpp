// Internal to Network: raw views of a network's layer and gradient buffers for the dense kernels,
// and the copy of them a Network keeps between steps.
#pragma once

#include "activations.hpp"
#include "output_heads.hpp"

namespace alab {

constexpr int maxHiddenLayers = 6;
constexpr int maxUnitsPerLayer = 32;
constexpr int maxClasses = 10;

namespace detail {

struct DenseView {
  int inputs, outputs;
  const double* weights;
  const double* biases;
};

// Read-only view of a network's layers for the per-example kernels.
struct Model {
  int hiddenLayers;
  int inputs;
  int outputs;
  int classes;  // valid labels are 0 to classes - 1
  ActivationKind activation;
  double alpha;
  OutputHead head;
  DenseView layer[maxHiddenLayers + 1];
  const double* slopes[maxHiddenLayers];  // prelu: each hidden unit's slope below 0 (else unused)
};

struct GradientView {
  double* weights[maxHiddenLayers + 1];
  double* biases[maxHiddenLayers + 1];
  double* slopes[maxHiddenLayers];  // prelu only
};

// Writable views of a layer's parameters and their sgd velocities, for the one-example sgd step.
struct SgdLayer {
  double* weights;
  double* biases;
  double* weightVelocities;
  double* biasVelocities;
};

struct ParameterView {
  SgdLayer layer[maxHiddenLayers + 1];
};

// A network's Model, GradientView and ParameterView, built on first use. A copy (or move) starts empty, as its
// network's buffers are elsewhere; the network empties it when it replaces a buffer.
struct CachedViews {
  Model model;
  GradientView gradient;
  ParameterView parameters;
  bool valid = false;
  CachedViews() = default;
  CachedViews(const CachedViews&) {}
  CachedViews& operator=(const CachedViews&) {
    valid = false;
    return *this;
  }
};

}  // namespace detail
}  // namespace alab
