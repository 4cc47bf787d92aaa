// Network's optimiser step (sgd, adam, rmsprop on weights, biases and prelu slopes) and the
// per-layer sizes of its gradients and updates.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "network.hpp"

namespace alab {

namespace {

double squaredNorm(const std::vector<double>& values) {
  double sum = 0;
  for (const double v : values) sum += v * v;
  return sum;
}

}  // namespace

bool Network::applyGradient(const TrainSettings& settings) {
  if (settings.optimizer != stateOf_) {
    for (auto* buffers : {&weightVelocities_, &biasVelocities_, &weightSquares_, &biasSquares_, &slopeVelocities_,
                          &slopeSquares_})
      for (auto& buffer : *buffers) std::fill(buffer.begin(), buffer.end(), 0.0);
    beta1Power_ = beta2Power_ = 1.0;
    stateOf_ = settings.optimizer;
  }
  OptimizerStep step{settings.optimizer, settings.learningRate, settings.momentum, settings.beta1, settings.beta2,
                     settings.rho, settings.epsilon};
  if (settings.optimizer == Optimizer::Adam) {
    beta1Power_ *= settings.beta1;
    beta2Power_ *= settings.beta2;
    step.correction1 = 1.0 - beta1Power_;
    step.correction2 = 1.0 - beta2Power_;
  }
  bool finite = true;
  for (std::size_t l = 0; l < layerCount(); ++l) {
    const BlockUpdate weights = updateBlock(step, weights_[l].data(), weightGradients_[l].data(),
                                            weightVelocities_[l].data(), weightSquares_[l].data(), weights_[l].size(),
                                            settings.l2);
    finite &= weights.finite;
    updateSquares_[l] = weights.squaredStep;
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

std::vector<double> Network::updateRatios() const {
  std::vector<double> ratios;
  for (std::size_t l = 0; l < layerCount(); ++l) {
    const double squares = squaredNorm(weights_[l]);
    ratios.push_back(squares > 0 ? std::sqrt(updateSquares_[l] / squares) : 0.0);
  }
  return ratios;
}

std::vector<double> Network::weightGradientNorms(const Dataset& data) const {
  Network copy(*this);
  for (auto* buffers : {&copy.weightGradients_, &copy.biasGradients_, &copy.slopeGradients_})
    for (auto& buffer : *buffers) std::fill(buffer.begin(), buffer.end(), 0.0);
  std::vector<std::size_t> indices(data.size());
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  copy.accumulateGradient(data, indices.data(), indices.size());
  std::vector<double> norms;
  for (const auto& layer : copy.weightGradients_) norms.push_back(std::sqrt(squaredNorm(layer)));
  return norms;
}

}  // namespace alab
