// The activation table: every activation is one record {name, f(z), f'(z)}, with f' taking the
// pre-activation z. Kink convention, used everywhere: at a kink the derivative is the one of
// the branch on the left, so relu'(0) = 0, leaky_relu'(0) = alpha, elu'(0) = alpha,
// step'(0) = 0, hard_sigmoid'(-3) = 0 and hard_sigmoid'(3) = 1/6; and step(0) = 0.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "limits.hpp"

namespace alab {

enum class ActivationKind {
  Sigmoid, Tanh, Relu, LeakyRelu, Step, Linear, Elu, Selu, Softplus, Gelu, Silu, Softsign, HardSigmoid
};

namespace fn {

// Each functor: f(z, alpha) and df(z, alpha) = f'(z). alpha is ignored where unused.

struct Sigmoid {
  static double f(double z, double) {
    if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1.0 + e);
  }
  // s(1 - s), written with e^-|z| so the tails keep full relative precision.
  static double df(double z, double) {
    const double e = std::exp(-std::fabs(z));
    return e / ((1.0 + e) * (1.0 + e));
  }
};

struct Tanh {
  static double f(double z, double) { return std::tanh(z); }
  // 1 - tanh^2 = 4 e^-2|z| / (1 + e^-2|z|)^2, precise in the tails.
  static double df(double z, double) {
    const double e = std::exp(-2.0 * std::fabs(z));
    return 4.0 * e / ((1.0 + e) * (1.0 + e));
  }
};

struct Relu {
  static double f(double z, double) { return z > 0 ? z : 0.0; }
  static double df(double z, double) { return z > 0 ? 1.0 : 0.0; }
};

struct LeakyRelu {
  static double f(double z, double alpha) { return z > 0 ? z : alpha * z; }
  static double df(double z, double alpha) { return z > 0 ? 1.0 : alpha; }
};

struct Step {
  static double f(double z, double) { return z > 0 ? 1.0 : 0.0; }
  static double df(double, double) { return 0.0; }
};

struct Linear {
  static double f(double z, double) { return z; }
  static double df(double, double) { return 1.0; }
};

struct Elu {
  static double f(double z, double alpha) { return z > 0 ? z : alpha * std::expm1(z); }
  static double df(double z, double alpha) { return z > 0 ? 1.0 : alpha * std::exp(z); }
};

struct Selu {
  static constexpr double scale = 1.0507009873554804934193349852946;
  static constexpr double negativeAlpha = 1.6732632423543772848170429916717;
  static double f(double z, double) { return scale * (z > 0 ? z : negativeAlpha * std::expm1(z)); }
  static double df(double z, double) { return scale * (z > 0 ? 1.0 : negativeAlpha * std::exp(z)); }
};

struct Softplus {
  static double f(double z, double) { return (z > 0 ? z : 0.0) + std::log1p(std::exp(-std::fabs(z))); }
  static double df(double z, double) { return Sigmoid::f(z, 0); }
};

struct Gelu {  // exact form z * Phi(z), Phi the standard normal CDF
  static double f(double z, double) { return 0.5 * z * std::erfc(-z * 0.70710678118654752440); }
  static double df(double z, double) {
    const double cdf = 0.5 * std::erfc(-z * 0.70710678118654752440);
    const double pdf = 0.39894228040143267794 * std::exp(-0.5 * z * z);
    return cdf + z * pdf;
  }
};

struct Silu {  // also called swish: z * sigmoid(z)
  static double f(double z, double) { return z * Sigmoid::f(z, 0); }
  static double df(double z, double) {
    const double s = Sigmoid::f(z, 0);
    return s + z * s * (1.0 - s);
  }
};

struct Softsign {
  static double f(double z, double) { return z / (1.0 + std::fabs(z)); }
  static double df(double z, double) {
    const double d = 1.0 + std::fabs(z);
    return 1.0 / (d * d);
  }
};

struct HardSigmoid {  // relu6(z + 3) / 6: 0 below -3, 1 above 3, linear between
  static double f(double z, double) { return z <= -3.0 ? 0.0 : z > 3.0 ? 1.0 : z / 6.0 + 0.5; }
  static double df(double z, double) { return z <= -3.0 || z > 3.0 ? 0.0 : 1.0 / 6.0; }
};

}  // namespace fn

/// One row of the activation table.
struct ActivationInfo {
  ActivationKind kind;
  const char* name;             // stable identifier used by the JS API and the URL
  double (*f)(double z, double alpha);
  double (*df)(double z, double alpha);
  bool usesAlpha;               // leaky_relu (slope below 0) and elu (negative saturation)
  double defaultAlpha;          // 0.01 for leaky_relu, 1 for elu, 0 otherwise
  bool gradientVanishesBelowZero;  // relu and step: a never-positive unit gets no gradient (dead)
  Range alpha;                  // allowed alpha (with defaultAlpha as its default) where usesAlpha
  std::vector<double> kinks;    // inputs where f, f' or f'' jumps (f is not twice differentiable)
};

/// Every activation, in display order: sigmoid, tanh, relu, leaky_relu, step, linear, elu,
/// selu, softplus, gelu, silu, softsign, hard_sigmoid.
const std::vector<ActivationInfo>& activationTable();

/// The row of one activation.
const ActivationInfo& activationInfo(ActivationKind kind);

/// The row named `name`, or nullptr when no activation has that name.
const ActivationInfo* findActivation(const std::string& name);

/// Throws std::invalid_argument naming the problem when alpha is outside the row's alpha range
/// (leaky_relu: 0 <= alpha < 1; elu: 0 <= alpha <= 10; others ignore alpha).
void validateAlpha(ActivationKind kind, double alpha);

/// Calls fn(Functor{}) with the functor of `kind`, so loops over many values inline f and df.
template <class Fn>
decltype(auto) withActivation(ActivationKind kind, Fn&& fn) {
  switch (kind) {
    case ActivationKind::Sigmoid: return fn(fn::Sigmoid{});
    case ActivationKind::Tanh: return fn(fn::Tanh{});
    case ActivationKind::Relu: return fn(fn::Relu{});
    case ActivationKind::LeakyRelu: return fn(fn::LeakyRelu{});
    case ActivationKind::Step: return fn(fn::Step{});
    case ActivationKind::Linear: return fn(fn::Linear{});
    case ActivationKind::Elu: return fn(fn::Elu{});
    case ActivationKind::Selu: return fn(fn::Selu{});
    case ActivationKind::Softplus: return fn(fn::Softplus{});
    case ActivationKind::Gelu: return fn(fn::Gelu{});
    case ActivationKind::Silu: return fn(fn::Silu{});
    case ActivationKind::Softsign: return fn(fn::Softsign{});
    case ActivationKind::HardSigmoid: break;
  }
  return fn(fn::HardSigmoid{});
}

/// out[i] = f(z[i]) for i < n.
void evaluateActivation(ActivationKind kind, double alpha, const double* z, double* out, std::size_t n);

/// out[i] = f'(z[i]) for i < n.
void evaluateDerivative(ActivationKind kind, double alpha, const double* z, double* out, std::size_t n);

/// An elementwise activation layer in the spirit of the chapter's classes. forward() caches its
/// input; backward() only reads the cache, so calling it twice gives the same answer.
class ActivationLayer {
 public:
  ActivationLayer(ActivationKind kind, double alpha);
  /// f applied to every value of `z` (any batch shape, flattened).
  const std::vector<double>& forward(const std::vector<double>& z);
  /// upstream[i] * f'(z[i]) for the z of the last forward(); throws if sizes differ.
  std::vector<double> backward(const std::vector<double>& upstream) const;

 private:
  ActivationKind kind_;
  double alpha_;
  std::vector<double> input_;
  std::vector<double> output_;
};

/// softmax(z / temperature) of n logits, shifted by the maximum so it never overflows.
/// Throws std::invalid_argument for n = 0 or temperature <= 0.
std::vector<double> softmax(const double* z, std::size_t n, double temperature = 1.0);

/// The full Jacobian d s_i / d z_j = s_i (delta_ij - s_j) of softmax at probabilities s,
/// n x n row-major: diag(s) - s s^T (the chapter gives only the diagonal).
std::vector<double> softmaxJacobian(const std::vector<double>& probabilities);

/// Gradient of cross-entropy(softmax(z), onehot(label)) with respect to z: p - y.
std::vector<double> softmaxCrossEntropyGradient(const std::vector<double>& probabilities, std::size_t label);

/// A softmax layer over rows of `classes` logits: forward(batch) caches the probabilities,
/// backward(upstream) returns J^T upstream row by row and can be called any number of times.
class SoftmaxLayer {
 public:
  explicit SoftmaxLayer(std::size_t classes);
  const std::vector<double>& forward(const std::vector<double>& logits);
  std::vector<double> backward(const std::vector<double>& upstream) const;

 private:
  std::size_t classes_;
  std::vector<double> probabilities_;
};

}  // namespace alab
