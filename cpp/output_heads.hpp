// The output heads: the output activation and loss applied to the last layer's logits.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "activations.hpp"
#include "limits.hpp"
#include "portable_math.hpp"

namespace alab {

/// Output activation and loss. Binary heads have one output; softmax has `classes` outputs.
/// Targets: class 1 -> 1, class 0 -> -1 (tanh) or 0 (sigmoid, linear); linear_mse and sigmoid_mse
/// also take real-valued targets (regression). Squared-error loss of one example: (y - t)^2 / 2.
enum class OutputHead {
  TanhSquaredError,     // tanh output, loss (y - t)^2 / 2
  SigmoidSquaredError,  // sigmoid output, loss (y - t)^2 / 2
  SigmoidCrossEntropy,  // sigmoid output, binary cross-entropy computed from the logit
  SoftmaxCrossEntropy,  // softmax over `classes` outputs, cross-entropy
  LinearSquaredError    // identity output, loss (y - t)^2 / 2
};

/// "tanh_mse", "sigmoid_mse", "sigmoid_cross_entropy", "softmax_cross_entropy", "linear_mse".
const char* outputHeadName(OutputHead head);
OutputHead outputHeadFromName(const std::string& name);
/// Every head, in display order (sigmoid_cross_entropy, tanh_mse, softmax_cross_entropy, ...).
const std::vector<OutputHead>& outputHeads();  // throws std::invalid_argument

/// Target of a binary head for label 0 or 1: 1 for class 1, -1 (tanh) or 0 otherwise.
inline double binaryTarget(OutputHead head, int label) {
  if (label == 1) return 1.0;
  return head == OutputHead::TanhSquaredError ? -1.0 : 0.0;
}

/// (y - t)^2 / 2 for a squared-error head's output y = f(z) (tanh, sigmoid or identity) and a
/// real target t; with WithDelta, delta[0] = scale * dLoss/dz. Always inlined like headLoss.
template <bool WithDelta>
[[gnu::always_inline]] inline double squaredErrorLoss(OutputHead head, double z, double t, double scale,
                                                     double* delta) {
  if (head == OutputHead::TanhSquaredError) {
    const double y = portableTanh(z);
    const double diff = y - t;
    if (WithDelta) delta[0] = scale * (diff * ((1.0 - y) * (1.0 + y)));
    return 0.5 * diff * diff;
  }
  if (head == OutputHead::SigmoidSquaredError) {
    const double y = fn::Sigmoid::f(z, 0.0);
    const double diff = y - t;
    if (WithDelta) delta[0] = scale * (diff * (y * (1.0 - y)));
    return 0.5 * diff * diff;
  }
  const double diff = z - t;
  if (WithDelta) delta[0] = scale * diff;
  return 0.5 * diff * diff;
}

/// True for the heads that train on real-valued targets: linear_mse and sigmoid_mse.
inline bool headTakesTargets(OutputHead head) {
  return head == OutputHead::LinearSquaredError || head == OutputHead::SigmoidSquaredError;
}

/// Targets a regression head accepts: [0, 1] for sigmoid_mse, limits::targetValue for linear_mse.
inline Range headTargetRange(OutputHead head) {
  return head == OutputHead::SigmoidSquaredError ? reals(0, 1, NAN) : limits::targetValue;
}

/// Loss of one example from its logits; with WithDelta, delta = scale * dLoss/dlogits.
/// Always inlined: the training loop calls it once per example.
template <bool WithDelta>
[[gnu::always_inline]] inline double headLoss(OutputHead head, const double* z, int outputs, int label, double scale,
                                              double* delta) {
  switch (head) {
    case OutputHead::SoftmaxCrossEntropy: {
      double top = z[0];
      for (int k = 1; k < outputs; ++k) top = std::max(top, z[k]);
      double sum = 0.0;
      for (int k = 0; k < outputs; ++k) {
        const double e = std::exp(z[k] - top);
        if (WithDelta) delta[k] = e;
        sum += e;
      }
      if (WithDelta) {
        for (int k = 0; k < outputs; ++k) delta[k] = scale * (delta[k] / sum - (k == label ? 1.0 : 0.0));
      }
      return std::log(sum) - (z[label] - top);
    }
    case OutputHead::SigmoidCrossEntropy: {
      const double t = binaryTarget(head, label);
      const double e = std::exp(-std::fabs(z[0]));
      if (WithDelta) {
        const double p = z[0] >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
        delta[0] = scale * (p - t);
      }
      return std::max(z[0], 0.0) - z[0] * t + std::log1p(e);
    }
    case OutputHead::TanhSquaredError:
    case OutputHead::SigmoidSquaredError:
    case OutputHead::LinearSquaredError:
      break;
  }
  return squaredErrorLoss<WithDelta>(head, z[0], binaryTarget(head, label), scale, delta);
}

/// Network outputs y from logits z: probabilities for sigmoid and softmax heads.
inline void headOutput(OutputHead head, const double* z, int outputs, double* y) {
  switch (head) {
    case OutputHead::SoftmaxCrossEntropy: {
      double top = z[0];
      for (int k = 1; k < outputs; ++k) top = std::max(top, z[k]);
      double sum = 0.0;
      for (int k = 0; k < outputs; ++k) sum += (y[k] = std::exp(z[k] - top));
      for (int k = 0; k < outputs; ++k) y[k] /= sum;
      return;
    }
    case OutputHead::TanhSquaredError:
      y[0] = portableTanh(z[0]);
      return;
    case OutputHead::SigmoidCrossEntropy:
    case OutputHead::SigmoidSquaredError:
      y[0] = fn::Sigmoid::f(z[0], 0.0);
      return;
    case OutputHead::LinearSquaredError:
      break;
  }
  y[0] = z[0];
}

/// Class predicted from network outputs: argmax for softmax, threshold 0 (tanh) or 0.5 otherwise.
inline int predictedClass(OutputHead head, const double* y, int outputs) {
  if (head == OutputHead::SoftmaxCrossEntropy) return static_cast<int>(std::max_element(y, y + outputs) - y);
  return y[0] > (head == OutputHead::TanhSquaredError ? 0.0 : 0.5) ? 1 : 0;
}

}  // namespace alab
