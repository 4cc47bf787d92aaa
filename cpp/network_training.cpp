// Network's parameters set from outside (checked), its optimiser step (sgd, adam, rmsprop on
// weights, biases and prelu slopes, with L2 and L1 on the weights), its whole training state as one
// vector (for the timeline's keyframes) and the per-layer sizes of its gradients and updates.
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "dense_kernels.hpp"
#include "network.hpp"
#include "sgd_kernel.hpp"

namespace alab {

namespace {

double squaredNorm(const std::vector<double>& values) {
  double sum = 0;
  for (const double v : values) sum += v * v;
  return sum;
}

// True when no value is NaN or infinite (|v| <= DBL_MAX is false for both), without branches.
bool allFinite(const std::vector<double>& values) {
  bool finite = true;
  for (const double v : values) finite &= std::fabs(v) <= std::numeric_limits<double>::max();
  return finite;
}

}  // namespace

void Network::setParameters(std::size_t layer, const std::vector<double>& weights, const std::vector<double>& biases) {
  if (layer >= layerCount())
    throw std::invalid_argument("layer " + std::to_string(layer) + " does not exist; the network has " +
                                std::to_string(layerCount()) + " layers");
  if (weights.size() != weights_[layer].size() || biases.size() != biases_[layer].size())
    throw std::invalid_argument("layer " + std::to_string(layer) + " needs " + std::to_string(weights_[layer].size()) +
                                " weights and " + std::to_string(biases_[layer].size()) + " biases, got " +
                                std::to_string(weights.size()) + " and " + std::to_string(biases.size()));
  if (!allFinite(weights) || !allFinite(biases))
    throw std::invalid_argument("layer " + std::to_string(layer) + " parameters must be finite");
  if (!config_.bias && std::any_of(biases.begin(), biases.end(), [](double b) { return b != 0.0; }))
    throw std::invalid_argument("layer " + std::to_string(layer) +
                                " biases must all be 0: the network was built with bias: false");
  weights_[layer] = weights;
  biases_[layer] = biases;
  views_.valid = false;
}

void Network::setSlopes(std::size_t layer, const std::vector<double>& slopes) {
  if (layer >= slopes_.size() || slopes.size() != slopes_[layer].size())
    throw std::invalid_argument("hidden layer " + std::to_string(layer) + " takes " +
                                std::to_string(layer < slopes_.size() ? slopes_[layer].size() : 0) +
                                " slopes (one per prelu unit), got " + std::to_string(slopes.size()));
  if (!allFinite(slopes)) throw std::invalid_argument("hidden layer " + std::to_string(layer) + " slopes must be finite");
  slopes_[layer] = slopes;
  views_.valid = false;
}

bool Network::parametersFinite() const {
  for (std::size_t l = 0; l < layerCount(); ++l)
    if (!allFinite(weights_[l]) || !allFinite(biases_[l])) return false;
  return true;
}

// The buffers of the training state with `optimizer`'s state, in saveState's order: per layer the
// weights and biases and the velocities (sgd, adam) and mean squares (adam, rmsprop) of each, per
// hidden layer the prelu slopes and theirs, then the last updates' sizes. The other optimiser
// buffers are all zero: a change of optimiser clears them and the optimiser in use never writes them.
template <class Self>
auto stateBuffers(Self& net, Optimizer optimizer) {
  const bool first = optimizer != Optimizer::RmsProp, second = optimizer != Optimizer::Sgd;
  std::vector<decltype(&net.weights_[0])> buffers;
  buffers.reserve((2 * net.weights_.size() + net.slopes_.size()) * 3 + 1);
  const auto add = [&](auto& value, auto& velocity, auto& square) {
    buffers.push_back(&value);
    if (first) buffers.push_back(&velocity);
    if (second) buffers.push_back(&square);
  };
  for (std::size_t l = 0; l < net.weights_.size(); ++l) {
    add(net.weights_[l], net.weightVelocities_[l], net.weightSquares_[l]);
    add(net.biases_[l], net.biasVelocities_[l], net.biasSquares_[l]);
  }
  for (std::size_t l = 0; l < net.slopes_.size(); ++l) add(net.slopes_[l], net.slopeVelocities_[l], net.slopeSquares_[l]);
  buffers.push_back(&net.updateSquares_);
  return buffers;
}

std::size_t Network::stateSize() const {
  std::size_t size = 3;  // the optimiser the state belongs to, and adam's two step powers
  for (const auto* buffer : stateBuffers(*this, stateOf_)) size += buffer->size();
  return size;
}

void Network::saveState(double* out) const {
  refreshUpdateSquares();
  *out++ = static_cast<double>(static_cast<int>(stateOf_));
  *out++ = beta1Power_;
  *out++ = beta2Power_;
  for (const auto* buffer : stateBuffers(*this, stateOf_)) out = std::copy(buffer->begin(), buffer->end(), out);
}

void Network::loadState(const double* values) {
  clearOptimizerState();
  stateOf_ = static_cast<Optimizer>(static_cast<int>(values[0]));
  beta1Power_ = values[1];
  beta2Power_ = values[2];
  values += 3;
  for (auto* buffer : stateBuffers(*this, stateOf_)) {
    std::copy(values, values + buffer->size(), buffer->begin());
    values += buffer->size();
  }
  squaresFromVelocity_ = false;
}

void Network::refreshUpdateSquares() const {
  if (!squaresFromVelocity_) return;
  for (std::size_t l = 0; l < layerCount(); ++l)
    updateSquares_[l] = detail::sgdSquaredStep(weightVelocities_[l].data(), weightVelocities_[l].size());
  squaresFromVelocity_ = false;
}

void Network::clearOptimizerState() {
  refreshUpdateSquares();
  for (auto* buffers : {&weightVelocities_, &biasVelocities_, &weightSquares_, &biasSquares_, &slopeVelocities_,
                        &slopeSquares_})
    for (auto& buffer : *buffers) std::fill(buffer.begin(), buffer.end(), 0.0);
  beta1Power_ = beta2Power_ = 1.0;
}

bool Network::applyGradient(const TrainSettings& settings) {
  gradientPending_ = false;
  if (settings.optimizer != stateOf_) {
    clearOptimizerState();
    stateOf_ = settings.optimizer;
  }
  if (settings.optimizer == Optimizer::Sgd) return applySgd(settings);
  OptimizerStep step{settings.optimizer, settings.learningRate, settings.momentum, settings.beta1, settings.beta2,
                     settings.rho, settings.epsilon};
  if (settings.optimizer == Optimizer::Adam) {
    beta1Power_ *= settings.beta1;
    beta2Power_ *= settings.beta2;
    step.correction1 = 1.0 - beta1Power_;
    step.correction2 = 1.0 - beta2Power_;
  }
  squaresFromVelocity_ = false;
  bool finite = true;
  for (std::size_t l = 0; l < layerCount(); ++l) {
    if (settings.l1 > 0.0)
      detail::addL1Subgradient(weights_[l].data(), weightGradients_[l].data(), weights_[l].size(), settings.l1);
    const BlockUpdate weights = updateBlock(step, weights_[l].data(), weightGradients_[l].data(),
                                            weightVelocities_[l].data(), weightSquares_[l].data(), weights_[l].size(),
                                            settings.l2);
    finite &= weights.finite;
    updateSquares_[l] = weights.squaredStep;
    if (!config_.bias) {
      std::fill(biasGradients_[l].begin(), biasGradients_[l].end(), 0.0);
      continue;
    }
    finite &= updateBlock(step, biases_[l].data(), biasGradients_[l].data(), biasVelocities_[l].data(),
                          biasSquares_[l].data(), biases_[l].size(), 0.0)
                  .finite;
  }
  for (std::size_t l = 0; l < slopes_.size(); ++l)
    finite &= updateBlock(step, slopes_[l].data(), slopeGradients_[l].data(), slopeVelocities_[l].data(),
                          slopeSquares_[l].data(), slopes_[l].size(), 0.0)
                  .finite;
  return finite;
}

// applyGradient for sgd: the same arithmetic as updateBlock, inline, the squared steps left for later.
bool Network::applySgd(const TrainSettings& settings) {
  const double momentum = settings.momentum, rate = settings.learningRate, l2 = settings.l2;
  bool finite = true;
  for (std::size_t l = 0; l < layerCount(); ++l) {
    double* w = weights_[l].data();
    double* g = weightGradients_[l].data();
    const std::size_t n = weights_[l].size();
    if (settings.l1 > 0.0) detail::addL1Subgradient(w, g, n, settings.l1);
    finite &= l2 == 0.0 ? detail::sgdBlock<false>(momentum, rate, 0.0, w, g, weightVelocities_[l].data(), n)
                        : detail::sgdBlock<true>(momentum, rate, l2, w, g, weightVelocities_[l].data(), n);
    if (!config_.bias) {
      std::fill(biasGradients_[l].begin(), biasGradients_[l].end(), 0.0);
      continue;
    }
    finite &= detail::sgdBlock<false>(momentum, rate, 0.0, biases_[l].data(), biasGradients_[l].data(),
                                      biasVelocities_[l].data(), biases_[l].size());
  }
  for (std::size_t l = 0; l < slopes_.size(); ++l)
    finite &= detail::sgdBlock<false>(momentum, rate, 0.0, slopes_[l].data(), slopeGradients_[l].data(),
                                      slopeVelocities_[l].data(), slopes_[l].size());
  squaresFromVelocity_ = true;
  return finite;
}

std::vector<double> Network::updateRatios() const {
  refreshUpdateSquares();
  std::vector<double> ratios;
  for (std::size_t l = 0; l < layerCount(); ++l) {
    const double squares = squaredNorm(weights_[l]);
    ratios.push_back(squares > 0 ? std::sqrt(updateSquares_[l] / squares) : 0.0);
  }
  return ratios;
}

std::vector<double> Network::weightGradientNorms(const Dataset& data) const { return trainingPass(data).gradientNorms; }

}  // namespace alab
