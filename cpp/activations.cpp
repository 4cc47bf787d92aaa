#include "activations.hpp"
#include "format.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace alab {

namespace {

template <class Functor>
ActivationInfo row(ActivationKind kind, const char* name, bool gradientVanishesBelowZero,
                   std::vector<double> kinks = {}, Range alpha = Range{}) {
  const bool usesAlpha = alpha.max > alpha.min;
  return {kind, name, &Functor::f, &Functor::df, usesAlpha, usesAlpha ? alpha.defaultValue : 0.0,
          gradientVanishesBelowZero, alpha, std::move(kinks)};
}

std::string countText(std::size_t count) { return std::to_string(count); }

}  // namespace

const std::vector<ActivationInfo>& activationTable() {
  using K = ActivationKind;
  static const std::vector<ActivationInfo> table{
      row<fn::Sigmoid>(K::Sigmoid, "sigmoid", false),
      row<fn::Tanh>(K::Tanh, "tanh", false),
      row<fn::Relu>(K::Relu, "relu", true, {0}),
      row<fn::LeakyRelu>(K::LeakyRelu, "leaky_relu", false, {0}, realsBelow(0, 1, 0.01)),
      row<fn::Step>(K::Step, "step", true, {0}),
      row<fn::Linear>(K::Linear, "linear", false),
      row<fn::Elu>(K::Elu, "elu", false, {0}, reals(0, 10, 1)),
      row<fn::Selu>(K::Selu, "selu", false, {0}),
      row<fn::Softplus>(K::Softplus, "softplus", false),
      row<fn::Gelu>(K::Gelu, "gelu", false),
      row<fn::Silu>(K::Silu, "silu", false),
      row<fn::Softsign>(K::Softsign, "softsign", false, {0}),
      row<fn::HardSigmoid>(K::HardSigmoid, "hard_sigmoid", false, {-3, 3}),
  };
  return table;
}

const ActivationInfo& activationInfo(ActivationKind kind) {
  const auto& table = activationTable();
  const auto index = static_cast<std::size_t>(kind);
  if (index >= table.size()) throw std::invalid_argument("unknown activation kind " + countText(index));
  return table[index];
}

const ActivationInfo* findActivation(const std::string& name) {
  for (const auto& info : activationTable()) {
    if (name == info.name) return &info;
  }
  return nullptr;
}

void validateAlpha(ActivationKind kind, double alpha) {
  const ActivationInfo& info = activationInfo(kind);
  if (info.usesAlpha) requireInRange((std::string(info.name) + " alpha").c_str(), alpha, info.alpha);
}

void evaluateActivation(ActivationKind kind, double alpha, const double* z, double* out, std::size_t n) {
  withActivation(kind, [&](auto functor) {
    using Functor = decltype(functor);
    for (std::size_t i = 0; i < n; ++i) out[i] = Functor::f(z[i], alpha);
  });
}

void evaluateDerivative(ActivationKind kind, double alpha, const double* z, double* out, std::size_t n) {
  withActivation(kind, [&](auto functor) {
    using Functor = decltype(functor);
    for (std::size_t i = 0; i < n; ++i) out[i] = Functor::df(z[i], alpha);
  });
}

ActivationLayer::ActivationLayer(ActivationKind kind, double alpha) : kind_(kind), alpha_(alpha) {
  validateAlpha(kind, alpha);
}

const std::vector<double>& ActivationLayer::forward(const std::vector<double>& z) {
  input_ = z;
  output_.resize(z.size());
  evaluateActivation(kind_, alpha_, input_.data(), output_.data(), input_.size());
  return output_;
}

std::vector<double> ActivationLayer::backward(const std::vector<double>& upstream) const {
  if (upstream.size() != input_.size()) {
    throw std::invalid_argument("activation backward: upstream has " + countText(upstream.size()) +
                                " values, the last forward had " + countText(input_.size()));
  }
  std::vector<double> gradient(input_.size());
  evaluateDerivative(kind_, alpha_, input_.data(), gradient.data(), input_.size());
  for (std::size_t i = 0; i < gradient.size(); ++i) gradient[i] *= upstream[i];
  return gradient;
}

std::vector<double> softmax(const double* z, std::size_t n, double temperature) {
  if (n == 0) throw std::invalid_argument("softmax needs at least one logit, got 0");
  if (!(temperature > 0.0) || !std::isfinite(temperature)) {
    throw std::invalid_argument("softmax temperature must be > 0 and finite, got " + formatNumber(temperature));
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(z[i])) {
      throw std::invalid_argument("softmax logit " + countText(i) + " must be finite, got " + formatNumber(z[i]));
    }
  }
  const double largest = *std::max_element(z, z + n);
  std::vector<double> probabilities(n);
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    probabilities[i] = std::exp((z[i] - largest) / temperature);
    sum += probabilities[i];
  }
  for (double& p : probabilities) p /= sum;
  return probabilities;
}

std::vector<double> softmaxJacobian(const std::vector<double>& probabilities) {
  const std::size_t n = probabilities.size();
  if (n == 0) throw std::invalid_argument("softmax Jacobian needs at least one probability, got 0");
  std::vector<double> jacobian(n * n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      jacobian[i * n + j] = (i == j ? probabilities[i] : 0.0) - probabilities[i] * probabilities[j];
    }
  }
  return jacobian;
}

std::vector<double> softmaxCrossEntropyGradient(const std::vector<double>& probabilities, std::size_t label) {
  if (label >= probabilities.size()) {
    throw std::invalid_argument("label must be < " + countText(probabilities.size()) +
                                " (the number of classes), got " + countText(label));
  }
  std::vector<double> gradient = probabilities;
  gradient[label] -= 1.0;
  return gradient;
}

SoftmaxLayer::SoftmaxLayer(std::size_t classes) : classes_(classes) {
  if (classes == 0) throw std::invalid_argument("softmax layer needs at least one class, got 0");
}

const std::vector<double>& SoftmaxLayer::forward(const std::vector<double>& logits) {
  if (logits.size() % classes_ != 0) {
    throw std::invalid_argument("softmax forward: " + countText(logits.size()) + " logits is not a multiple of " +
                                countText(classes_) + " classes");
  }
  std::vector<double> probabilities(logits.size());
  for (std::size_t start = 0; start < logits.size(); start += classes_) {
    const std::vector<double> rowProbabilities = softmax(logits.data() + start, classes_);
    std::copy(rowProbabilities.begin(), rowProbabilities.end(), probabilities.begin() + start);
  }
  probabilities_ = std::move(probabilities);
  return probabilities_;
}

std::vector<double> SoftmaxLayer::backward(const std::vector<double>& upstream) const {
  if (upstream.size() != probabilities_.size()) {
    throw std::invalid_argument("softmax backward: upstream has " + countText(upstream.size()) +
                                " values, the last forward had " + countText(probabilities_.size()));
  }
  std::vector<double> gradient(upstream.size());
  for (std::size_t start = 0; start < upstream.size(); start += classes_) {
    double weighted = 0.0;
    for (std::size_t k = start; k < start + classes_; ++k) weighted += probabilities_[k] * upstream[k];
    for (std::size_t k = start; k < start + classes_; ++k) gradient[k] = probabilities_[k] * (upstream[k] - weighted);
  }
  return gradient;
}

}  // namespace alab
