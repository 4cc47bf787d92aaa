// Seeded 1-D regression targets for "Fit a curve": x evenly spaced over [-1, 1], target = the
// curve at x plus optional Gaussian noise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "datasets.hpp"

namespace alab {

/// sin(pi x), |x|, a step (0 for x <= 0, 1 above), x^2, and a sawtooth of two teeth from -1 up to 1.
enum class CurveKind { Sin, Abs, Step, Square, Sawtooth };

/// Every curve, in display order.
const std::vector<CurveKind>& curveKinds();
/// "sin", "abs", "step", "square", "sawtooth".
const char* curveName(CurveKind kind);
/// The curve named `name`; throws std::invalid_argument listing the known names otherwise.
CurveKind curveKindFromName(const std::string& name);
/// The noise-free curve at x.
double curveValue(CurveKind kind, double x);

/// n points (limits::curveSize) at x_i = -1 + 2 i / (n - 1) with target curveValue(x_i) plus noise
/// drawn from N(0, (0.3 noise)^2), noise in limits::curveNoise; a regression dataset of 1 input.
Dataset makeCurve(CurveKind kind, std::size_t n, double noise, uint64_t seed);

}  // namespace alab
