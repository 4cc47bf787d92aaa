// What "Fit a curve" shows of a network with one input: its output and each unit's contribution
// along x, the kinks of its hidden units, the linear pieces of a piecewise-linear fit, and the
// edits a student makes to one unit (move its kink, change its slope).
#pragma once

#include <cstddef>
#include <vector>

#include "activations.hpp"
#include "network.hpp"

namespace alab {

/// True for the hidden activations whose networks are piecewise linear in x: relu, leaky_relu,
/// hard_sigmoid and linear.
bool piecewiseLinear(ActivationKind kind);

/// A one-input network along x.
struct CurveView {
  std::vector<double> output;         // network output at every x
  std::vector<double> contributions;  // last hidden layer: unit j's activation times its outgoing weight, unit-major
  double outputBias = 0;              // output = outputBias + sum of contributions
  std::vector<double> kinks;          // first hidden layer: each unit's kink(s) (k - b) / w, unit-major, kinksPerUnit each
  std::vector<int> hasKink;           // per first-layer unit: 0 when its weight is 0 (no kink)
  int kinksPerUnit = 0;               // the activation's own kinks (1 for relu, 2 for hard_sigmoid, 0 for tanh)
  std::vector<double> slopes;         // first hidden layer: each unit's input weight w
  std::vector<double> breakpoints;    // where the output's slope changes within [lo, hi], ascending
  int pieces = 0;                     // linear pieces of the output on [lo, hi]; 0 unless piecewise linear
};

/// The view of `network` (1 input, 1 output, at least one hidden layer) at the points xs, with
/// linear pieces counted on [lo, hi]. Throws std::invalid_argument for another shape, lo >= hi,
/// x outside limits::pointCoordinate or more than limits::curvePoints points.
CurveView curveView(const Network& network, const std::vector<double>& xs, double lo, double hi);

/// Sets first-layer unit `unit`'s bias so that its pre-activation w x + b is 0 at x (the kink of
/// relu and leaky_relu). Throws for a network without biases, a unit weight of 0 or a bad unit.
void placeKink(Network& network, int unit, double x);

/// Sets first-layer unit `unit`'s input weight to `slope` (limits::curveSlope), keeping its
/// zero x = -b / w where the old weight was not 0. Throws for a bad unit or slope.
void setUnitSlope(Network& network, int unit, double slope);

}  // namespace alab
