// The chapter's experiments: the gradient-descent race, the mean shift, the collapse of two linear
// layers; histograms and log-spaced rates (the training experiments are in training_experiments.cpp).
#include "experiments.hpp"
#include "format.hpp"
#include "limits.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "rng.hpp"

namespace alab {

namespace {

void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument(message);
}

double activate(ActivationKind kind, double alpha, double x) {
  return withActivation(kind, [&](auto f) { return f.f(x, alpha); });
}

[[noreturn]] void startOutOfRange(ActivationKind kind, double start, const char* range) {
  throw std::invalid_argument("start output " + formatNumber(start) + " is outside the range of " +
                              activationInfo(kind).name + " " + range);
}

// The x where f(x) = start by bisection on an increasing branch of f. Keeps lo with f(lo) < start
// and hi with f(hi) >= start until they are adjacent doubles, and returns hi: for the step, which
// never equals 0.9, that is the first x right of the jump (f = 1). For gelu and silu, which fall
// and then rise below 0, the branch starts at their minimum.
double bisectInput(ActivationKind kind, double alpha, double start) {
  const auto f = [&](double x) { return activate(kind, alpha, x); };
  constexpr double limit = 1e12;
  double hi = 1;
  while (f(hi) < start) {
    hi *= 2;
    if (hi > limit) startOutOfRange(kind, start, "(no x up to 1e12 reaches it)");
  }
  double lo = 0;
  double previous = 0;
  while (f(lo) >= start) {
    if (lo < 0 && f(2 * lo) >= f(lo)) {
      double a = 2 * lo, b = previous;
      for (int i = 0; i < 200; ++i) {
        const double left = a + (b - a) / 3, right = b - (b - a) / 3;
        if (f(left) < f(right)) {
          b = right;
        } else {
          a = left;
        }
      }
      lo = a;
      if (f(lo) >= start) startOutOfRange(kind, start, "(it must lie above the function's minimum)");
      break;
    }
    previous = lo;
    lo = lo == 0 ? -1 : 2 * lo;
    if (lo < -limit) startOutOfRange(kind, start, "(no x down to -1e12 reaches it)");
  }
  for (;;) {
    const double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return hi;
    if (f(mid) < start) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
}

// The x where f(x) = start: exact inverses where they exist, bisection otherwise.
double raceStart(ActivationKind kind, double alpha, double start) {
  switch (kind) {
    case ActivationKind::Sigmoid:
      if (!(start > 0 && start < 1)) startOutOfRange(kind, start, "(0, 1)");
      return std::log(start) - std::log1p(-start);
    case ActivationKind::Tanh:
      if (!(start > -1 && start < 1)) startOutOfRange(kind, start, "(-1, 1)");
      return std::atanh(start);
    case ActivationKind::Relu:
      if (start < 0) startOutOfRange(kind, start, "[0, inf)");
      return start;
    case ActivationKind::LeakyRelu:
      if (start >= 0) return start;
      if (alpha == 0) startOutOfRange(kind, start, "[0, inf) when alpha = 0");
      return start / alpha;
    case ActivationKind::Linear:
      return start;
    default:
      return bisectInput(kind, alpha, start);
  }
}

void validateLayer(const DenseLayer& layer, const char* what) {
  require(layer.inputs >= 1 && layer.outputs >= 1,
          std::string(what) + " layer needs at least 1 input and 1 output, got " + std::to_string(layer.inputs) +
              " x " + std::to_string(layer.outputs));
  const std::size_t expected = static_cast<std::size_t>(layer.inputs) * static_cast<std::size_t>(layer.outputs);
  require(layer.weights.size() == expected, std::string(what) + " layer has " +
                                                std::to_string(layer.weights.size()) + " weights, expected " +
                                                std::to_string(expected));
  require(layer.biases.size() == static_cast<std::size_t>(layer.outputs),
          std::string(what) + " layer has " + std::to_string(layer.biases.size()) + " biases, expected " +
              std::to_string(layer.outputs));
}

// y = W x + b for one input.
void applyLayer(const DenseLayer& layer, const double* x, double* y) {
  for (int o = 0; o < layer.outputs; ++o) {
    double sum = layer.biases[o];
    for (int i = 0; i < layer.inputs; ++i) sum += layer.weights[o * layer.inputs + i] * x[i];
    y[o] = sum;
  }
}


}  // namespace

RaceResult gradientRace(ActivationKind kind, double alpha, double startOutput, double learningRate,
                        double target, int depth, int maxSteps) {
  validateAlpha(kind, alpha);
  require(std::isfinite(startOutput), "start output must be finite, got " + formatNumber(startOutput));
  require(std::isfinite(target), "target must be finite, got " + formatNumber(target));
  require(std::isfinite(learningRate) && learningRate > 0,
          "learning rate must be > 0 and finite, got " + formatNumber(learningRate));
  requireInRange("depth", depth, limits::raceDepth);
  require(maxSteps >= 1, "max steps must be >= 1, got " + std::to_string(maxSteps));
  requireWork("race maxSteps x depth", static_cast<double>(maxSteps) * depth, limits::maxRaceWork, "costs.maxRaceWork");
  const auto evaluate = [&](double x) {
    return withActivation(kind, [&](auto f) {
      double value = x, gradient = 1;
      for (int layer = 0; layer < depth; ++layer) {
        gradient *= f.df(value, alpha);
        value = f.f(value, alpha);
      }
      return RacePoint{x, f.f(x, alpha), gradient};
    });
  };
  RaceResult result;
  result.trajectory.push_back(evaluate(raceStart(kind, alpha, startOutput)));
  for (;;) {
    const RacePoint& now = result.trajectory.back();
    if (now.output <= target) {
      result.stop = "reached";
    } else if (now.gradient == 0) {
      result.stop = "stalled";
    } else if (result.steps == maxSteps) {
      result.stop = "max_steps";
    } else {
      const RacePoint next = evaluate(now.x - learningRate * now.gradient);
      if (!std::isfinite(next.x) || !std::isfinite(next.output) || !std::isfinite(next.gradient)) {
        result.stop = "diverged";
        return result;
      }
      result.trajectory.push_back(next);
      ++result.steps;
      continue;
    }
    return result;
  }
}

Histogram makeHistogram(const double* values, std::size_t n, int bins, double lo, double hi) {
  requireInRange("bins", bins, limits::meanShiftBins);
  require(std::isfinite(lo) && std::isfinite(hi) && hi > lo,
          "histogram range must be finite with lo < hi, got [" + formatNumber(lo) + ", " + formatNumber(hi) + "]");
  Histogram histogram;
  histogram.lo = lo;
  histogram.hi = hi;
  histogram.counts.assign(static_cast<std::size_t>(bins), 0);
  const double scale = bins / (hi - lo);
  for (std::size_t i = 0; i < n; ++i) {
    require(!std::isnan(values[i]), "histogram value " + std::to_string(i) + " is NaN");
    const double position = (values[i] - lo) * scale;
    const int bin = position <= 0 ? 0 : position >= bins ? bins - 1 : static_cast<int>(position);
    ++histogram.counts[static_cast<std::size_t>(bin)];
  }
  return histogram;
}

MeanShiftResult meanShift(ActivationKind kind, double alpha, std::size_t samples, uint64_t seed, int bins) {
  validateAlpha(kind, alpha);
  requireInRange("samples", static_cast<double>(samples), limits::meanShiftSamples);
  Rng rng(seed);
  std::vector<double> inputs(samples), outputs(samples);
  for (double& x : inputs) {
    do x = rng.uniform(-1.0, 1.0);
    while (x == -1.0);
  }
  evaluateActivation(kind, alpha, inputs.data(), outputs.data(), samples);
  MeanShiftResult result;
  for (std::size_t i = 0; i < samples; ++i) {
    result.inputMean += inputs[i];
    result.outputMean += outputs[i];
  }
  result.inputMean /= static_cast<double>(samples);
  result.outputMean /= static_cast<double>(samples);
  const auto [lowest, highest] = std::minmax_element(outputs.begin(), outputs.end());
  const double lo = std::min(-1.0, *lowest), hi = std::max(1.0, *highest);
  result.inputHistogram = makeHistogram(inputs.data(), samples, bins, lo, hi);
  result.outputHistogram = makeHistogram(outputs.data(), samples, bins, lo, hi);
  return result;
}

CollapseResult linearCollapse(const DenseLayer& first, const DenseLayer& second,
                              const std::vector<double>& inputs, ActivationKind between, double alpha) {
  validateAlpha(between, alpha);
  validateLayer(first, "first");
  validateLayer(second, "second");
  require(second.inputs == first.outputs, "second layer takes " + std::to_string(second.inputs) +
                                              " inputs but the first layer gives " +
                                              std::to_string(first.outputs) + " outputs");
  requireWork("linearCollapse", static_cast<double>(inputs.size()) / first.inputs *
                                     static_cast<double>(first.weights.size() + second.weights.size()));
  require(inputs.size() % static_cast<std::size_t>(first.inputs) == 0,
          "inputs hold " + std::to_string(inputs.size()) + " values, not a multiple of " +
              std::to_string(first.inputs) + " (the first layer's inputs)");
  CollapseResult result;
  DenseLayer& composed = result.composed;
  composed.inputs = first.inputs;
  composed.outputs = second.outputs;
  composed.weights.assign(static_cast<std::size_t>(composed.inputs * composed.outputs), 0.0);
  composed.biases = second.biases;
  for (int o = 0; o < second.outputs; ++o) {
    for (int k = 0; k < second.inputs; ++k) {
      const double w = second.weights[o * second.inputs + k];
      for (int i = 0; i < first.inputs; ++i) composed.weights[o * first.inputs + i] += w * first.weights[k * first.inputs + i];
      composed.biases[o] += w * first.biases[k];
    }
  }
  const std::size_t n = inputs.size() / static_cast<std::size_t>(first.inputs);
  const std::size_t outputs = static_cast<std::size_t>(second.outputs);
  result.twoLayerOutput.resize(n * outputs);
  result.composedOutput.resize(n * outputs);
  result.bentOutput.resize(n * outputs);
  std::vector<double> hidden(static_cast<std::size_t>(first.outputs));
  for (std::size_t p = 0; p < n; ++p) {
    const double* x = &inputs[p * static_cast<std::size_t>(first.inputs)];
    applyLayer(first, x, hidden.data());
    applyLayer(second, hidden.data(), &result.twoLayerOutput[p * outputs]);
    applyLayer(composed, x, &result.composedOutput[p * outputs]);
    evaluateActivation(between, alpha, hidden.data(), hidden.data(), hidden.size());
    applyLayer(second, hidden.data(), &result.bentOutput[p * outputs]);
  }
  for (std::size_t i = 0; i < n * outputs; ++i)
    result.maxAbsDifference =
        std::max(result.maxAbsDifference, std::fabs(result.twoLayerOutput[i] - result.composedOutput[i]));
  return result;
}

std::vector<double> logSpaced(double lo, double hi, int count) {
  require(std::isfinite(lo) && std::isfinite(hi) && lo > 0 && hi > 0,
          "log-spaced bounds must be > 0 and finite, got " + formatNumber(lo) + " and " + formatNumber(hi));
  require(count >= 1, "count must be >= 1, got " + std::to_string(count));
  requireInRange("log-spaced lo", lo, limits::logSpacedBound);
  requireInRange("log-spaced hi", hi, limits::logSpacedBound);
  requireInRange("log-spaced count", count, limits::logSpacedCount);
  std::vector<double> values(static_cast<std::size_t>(count), lo);
  for (int i = 1; i < count; ++i)
    values[static_cast<std::size_t>(i)] =
        i == count - 1 ? hi : lo * std::pow(hi / lo, static_cast<double>(i) / (count - 1));
  return values;
}

}  // namespace alab
