// Internal to Network: forward and backward passes of the dense layers over chunks of a few
// examples, on raw views of the network's buffers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "activations.hpp"
#include "network.hpp"
#include "network_views.hpp"
#include "output_heads.hpp"

namespace alab {
namespace detail {

constexpr int maxInputs = 16;
constexpr int maxWidth = maxUnitsPerLayer;
static_assert(maxInputs <= maxWidth && maxClasses <= maxWidth, "one scratch row fits every layer");

// Examples processed together: each layer's width dispatch and activation dispatch happen once
// per chunk instead of once per example. Kept small so the buffers fit a 64 KB stack.
constexpr int chunkSize = 8;

// Per-chunk buffers: pre-activations, activations, activation derivatives and deltas;
// example b of a layer of width w sits at offset b * w.
struct ChunkScratch {
  double z[maxHiddenLayers + 1][chunkSize * maxWidth];
  double a[maxHiddenLayers][chunkSize * maxWidth];
  double d[maxHiddenLayers][chunkSize * maxWidth];
  double delta[2][chunkSize * maxWidth];
};

// Forward pass of count <= chunkSize examples; the logits of example b end at
// s.z[hiddenLayers] + b * outputs. withSlope also stores f'(z) for the backward pass.
void forwardChunk(const Model& model, const double* const* x, int count, ChunkScratch& s, bool withSlope);

// Backward pass after forwardChunk with withSlope: from the output deltas in s.delta[0] (example
// b at b * outputs), adds the gradient of every example, in order, to the gradient buffers.
void backwardChunk(const Model& model, const GradientView& gradient, const double* const* x, int count,
                   ChunkScratch& s);

// The rates of one sgd step (validated settings); bias: false leaves the biases and their velocities alone.
struct SgdRates {
  double momentum, rate, l2;
  bool bias;
};

// An sgd step on one example after forwardChunk (withSlope) of that example alone, its output delta in
// s.delta[0]: bit for bit backwardChunk into gradient buffers at zero followed by sgdBlock on each (each
// gradient is 0 + its one product), without the buffers. Not for prelu networks (their slopes need the
// gradient buffers). True when every weight and bias is finite afterwards.
bool sgdStepOne(const Model& model, const ParameterView& p, const double* x, const SgdRates& rates, ChunkScratch& s);

// Adds l1 * sign(w) to each of n weight gradients: the subgradient of l1 |w| with 0 at w = 0 (the
// one of least magnitude, so a weight at exactly 0 with no data gradient stays at 0).
void addL1Subgradient(const double* w, double* g, std::size_t n, double l1);

// Runs body(rows, count, first) over n points of `inputs` values in chunks of chunkSize.
template <class Body>
void forEachChunk(const double* x, std::size_t n, int inputs, Body&& body) {
  const double* rows[chunkSize];
  for (std::size_t first = 0; first < n; first += chunkSize) {
    const int count = static_cast<int>(std::min<std::size_t>(chunkSize, n - first));
    for (int b = 0; b < count; ++b) rows[b] = x + (first + b) * inputs;
    body(rows, count, first);
  }
}

}  // namespace detail
}  // namespace alab
