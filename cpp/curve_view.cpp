#include "curve_view.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "format.hpp"
#include "limits.hpp"

namespace alab {

namespace {

// Slopes that differ by less than this (relative) are one piece; cuts closer than it (relative to
// the range) are one cut, so rounding in tiny segments never invents a piece.
constexpr double slopeTolerance = 1e-6;
constexpr double cutSpacing = 1e-7;

void requireCurveNetwork(const Network& network) {
  const NetworkConfig& config = network.config();
  if (config.inputs != 1 || network.outputs() != 1 || config.hiddenUnits.empty())
    throw std::invalid_argument("a curve needs a network with 1 input, at least one hidden layer and 1 output; this one has " +
                                std::to_string(config.inputs) + " inputs, " + std::to_string(config.hiddenUnits.size()) +
                                " hidden layers and " + std::to_string(network.outputs()) + " outputs");
}

void requireUnit(const Network& network, int unit) {
  requireCurveNetwork(network);
  const int width = network.config().hiddenUnits.front();
  if (unit < 0 || unit >= width)
    throw std::invalid_argument("unit must be 0 to " + std::to_string(width - 1) + " (the first hidden layer), got " +
                                std::to_string(unit));
}

// The output layer's logit at every point: its bias plus each last-layer unit's contribution.
std::vector<double> logits(const Network& network, const std::vector<double>& xs, std::vector<double>* contributions) {
  const std::size_t n = xs.size();
  const int hidden = network.hiddenUnitCount();
  const int width = network.config().hiddenUnits.back();
  const std::size_t last = network.layerCount() - 1;
  std::vector<double> activations(static_cast<std::size_t>(hidden + 1) * n);
  network.unitActivations(xs.data(), n, activations.data());
  std::vector<double> sum(n, network.biases(last)[0]);
  const double* unit = activations.data() + static_cast<std::size_t>(hidden - width) * n;
  for (int j = 0; j < width; ++j, unit += n) {
    const double outgoing = network.weights(last)[j];
    for (std::size_t p = 0; p < n; ++p) {
      const double part = unit[p] * outgoing;
      sum[p] += part;
      if (contributions != nullptr) contributions->push_back(part);
    }
  }
  return sum;
}

// Every x in (lo, hi) where some hidden unit's pre-activation crosses one of the activation's
// kinks: layer by layer, each pre-activation is linear between the cuts of the layers below.
std::vector<double> kinkCuts(const Network& network, double lo, double hi) {
  const std::vector<double>& kinks = activationInfo(network.config().hiddenActivation).kinks;
  std::vector<double> cuts;
  int below = 0;
  for (const int width : network.config().hiddenUnits) {
    std::vector<double> points{lo};
    points.insert(points.end(), cuts.begin(), cuts.end());
    points.push_back(hi);
    const std::size_t m = points.size();
    std::vector<double> pre(static_cast<std::size_t>(network.hiddenUnitCount()) * m);
    network.hiddenPreActivations(points.data(), m, pre.data());
    for (int j = 0; j < width; ++j) {
      const double* z = pre.data() + static_cast<std::size_t>(below + j) * m;
      for (std::size_t s = 0; s + 1 < m; ++s)
        for (const double k : kinks)
          if ((z[s] - k) * (z[s + 1] - k) < 0)
            cuts.push_back(points[s] + (k - z[s]) * (points[s + 1] - points[s]) / (z[s + 1] - z[s]));
    }
    below += width;
    std::sort(cuts.begin(), cuts.end());
    const double spacing = cutSpacing * (hi - lo);
    std::vector<double> merged;
    for (const double c : cuts)
      if (c > lo + spacing && c < hi - spacing && (merged.empty() || c - merged.back() > spacing)) merged.push_back(c);
    cuts = std::move(merged);
  }
  return cuts;
}

}  // namespace

bool piecewiseLinear(ActivationKind kind) {
  return kind == ActivationKind::Relu || kind == ActivationKind::LeakyRelu || kind == ActivationKind::HardSigmoid ||
         kind == ActivationKind::Linear;
}

CurveView curveView(const Network& network, const std::vector<double>& xs, double lo, double hi) {
  requireCurveNetwork(network);
  requireInRange("curve points", static_cast<double>(xs.size()), limits::curvePoints);
  for (const double x : xs) requireInRange("curve x", x, limits::pointCoordinate);
  requireInRange("curve lo", lo, limits::pointCoordinate);
  requireInRange("curve hi", hi, limits::pointCoordinate);
  if (!(lo < hi)) throw std::invalid_argument("curve pieces need lo < hi, got [" + formatNumber(lo) + ", " + formatNumber(hi) + "]");
  CurveView view;
  view.output.resize(xs.size());
  network.predict(xs.data(), xs.size(), view.output.data());
  logits(network, xs, &view.contributions);
  view.outputBias = network.biases(network.layerCount() - 1)[0];
  const ActivationKind kind = network.config().hiddenActivation;
  const std::vector<double>& kinks = activationInfo(kind).kinks;
  const bool linearPieces = piecewiseLinear(kind);
  view.kinksPerUnit = linearPieces ? static_cast<int>(kinks.size()) : 0;
  for (int j = 0; j < network.config().hiddenUnits.front(); ++j) {
    const double w = network.weights(0)[j], b = network.biases(0)[j];
    view.slopes.push_back(w);
    view.hasKink.push_back(w != 0.0 ? 1 : 0);
    for (int k = 0; k < view.kinksPerUnit; ++k) view.kinks.push_back(w != 0.0 ? (kinks[k] - b) / w + 0.0 : 0.0);  // + 0.0: no -0
  }
  if (!linearPieces) return view;
  std::vector<double> points{lo};
  const std::vector<double> cuts = kinkCuts(network, lo, hi);
  points.insert(points.end(), cuts.begin(), cuts.end());
  points.push_back(hi);
  const std::vector<double> y = logits(network, points, nullptr);
  view.pieces = 1;
  double previous = (y[1] - y[0]) / (points[1] - points[0]);
  for (std::size_t s = 1; s + 1 < points.size(); ++s) {
    const double slope = (y[s + 1] - y[s]) / (points[s + 1] - points[s]);
    if (std::fabs(slope - previous) > slopeTolerance * (1.0 + std::max(std::fabs(slope), std::fabs(previous)))) {
      ++view.pieces;
      view.breakpoints.push_back(points[s]);
    }
    previous = slope;
  }
  return view;
}

void placeKink(Network& network, int unit, double x) {
  requireUnit(network, unit);
  requireInRange("kink x", x, limits::pointCoordinate);
  if (!network.config().bias)
    throw std::invalid_argument("this network has no biases (bias: false): every kink stays at x = 0");
  const double w = network.weights(0)[unit];
  if (w == 0.0) throw std::invalid_argument("unit " + std::to_string(unit) + " has weight 0: it has no kink to move");
  std::vector<double> biases = network.biases(0);
  biases[unit] = -w * x;
  network.setParameters(0, network.weights(0), biases);
}

void setUnitSlope(Network& network, int unit, double slope) {
  requireUnit(network, unit);
  requireInRange("unit slope", slope, limits::curveSlope);
  std::vector<double> weights = network.weights(0), biases = network.biases(0);
  const double w = weights[unit];
  if (w != 0.0 && slope != 0.0) biases[unit] = -slope * (-biases[unit] / w);
  weights[unit] = slope;
  network.setParameters(0, weights, biases);
}

}  // namespace alab
