// The views a Network keeps of its own buffers for the dense kernels (network_views.hpp): built on
// first use and kept between steps, so a training step does not gather every layer's pointers anew.
#include <algorithm>
#include <vector>

#include "network.hpp"

namespace alab {

using detail::GradientView;
using detail::Model;

namespace {

Model modelOf(const Network& net) {
  Model model;
  const NetworkConfig& config = net.config();
  model.hiddenLayers = static_cast<int>(config.hiddenUnits.size());
  model.inputs = config.inputs;
  model.outputs = net.outputs();
  model.classes = std::max(model.outputs, 2);
  model.activation = config.hiddenActivation;
  model.alpha = config.alpha;
  model.head = config.head;
  int inputs = model.inputs;
  for (int l = 0; l <= model.hiddenLayers; ++l) {
    const int outputs = l < model.hiddenLayers ? config.hiddenUnits[l] : model.outputs;
    model.layer[l] = {inputs, outputs, net.weights(l).data(), net.biases(l).data()};
    if (l < model.hiddenLayers) model.slopes[l] = net.slopes(l).data();
    inputs = outputs;
  }
  return model;
}

}  // namespace

const detail::CachedViews& Network::views() const {
  if (views_.valid) return views_;
  views_.model = modelOf(*this);
  // The gradient and parameter views are written through only by accumulateGradient and
  // trainStep, which are not const.
  const auto writable = [](const std::vector<double>& buffer) { return const_cast<double*>(buffer.data()); };
  GradientView& gradient = views_.gradient;
  for (std::size_t l = 0; l < layerCount(); ++l) {
    gradient.weights[l] = writable(weightGradients_[l]);
    gradient.biases[l] = writable(biasGradients_[l]);
    views_.parameters.layer[l] = {writable(weights_[l]), writable(biases_[l]), writable(weightVelocities_[l]),
                                  writable(biasVelocities_[l])};
  }
  for (std::size_t l = 0; l < slopes_.size(); ++l) gradient.slopes[l] = writable(slopeGradients_[l]);
  views_.valid = true;
  return views_;
}

}  // namespace alab
