// Names of the init schemes, the checks of a network's configuration and of the training settings
// (run once where they enter: the Network constructor and Trainer::setSettings), and the shape a
// configuration gives (outputs, layer sizes, unit and parameter counts).
#include <cmath>
#include <stdexcept>
#include <string>

#include "dense_kernels.hpp"
#include "format.hpp"
#include "limits.hpp"
#include "network.hpp"

namespace alab {

using detail::maxInputs;

const char* initSchemeName(InitScheme scheme) {
  switch (scheme) {
    case InitScheme::He: return "he";
    case InitScheme::Xavier: return "xavier";
    case InitScheme::SmallUniform: return "small_uniform";
  }
  throw std::invalid_argument("unknown init scheme " + std::to_string(static_cast<int>(scheme)));
}

const std::vector<InitScheme>& initSchemes() {
  static const std::vector<InitScheme> schemes{InitScheme::He, InitScheme::Xavier, InitScheme::SmallUniform};
  return schemes;
}

InitScheme initSchemeFromName(const std::string& name) {
  std::string known;
  for (const InitScheme scheme : initSchemes()) {
    if (name == initSchemeName(scheme)) return scheme;
    known += (known.empty() ? "" : ", ") + std::string(initSchemeName(scheme));
  }
  throw std::invalid_argument("unknown init scheme '" + name + "'; known: " + known);
}

void validateConfig(const NetworkConfig& config) {
  if (config.inputs < 1 || config.inputs > maxInputs)
    throw std::invalid_argument("inputs must be 1 to " + std::to_string(maxInputs) + ", got " +
                                std::to_string(config.inputs));
  if (config.hiddenUnits.size() > static_cast<std::size_t>(maxHiddenLayers))
    throw std::invalid_argument("too many hidden layers: " + std::to_string(config.hiddenUnits.size()) +
                                " (at most " + std::to_string(maxHiddenLayers) + ")");
  for (std::size_t l = 0; l < config.hiddenUnits.size(); ++l) {
    const int units = config.hiddenUnits[l];
    if (units < 1 || units > maxUnitsPerLayer)
      throw std::invalid_argument("hidden layer " + std::to_string(l + 1) + " has " + std::to_string(units) +
                                  " units; allowed 1 to " + std::to_string(maxUnitsPerLayer));
  }
  activationInfo(config.hiddenActivation);
  validateAlpha(config.hiddenActivation, config.alpha);
  initSchemeName(config.init);
  requireInRange("initialBias", config.initialBias, limits::initialBias);
  if (!config.bias && config.initialBias != 0.0)
    throw std::invalid_argument("initialBias must be 0 in a network without biases (bias: false), got " +
                                formatNumber(config.initialBias));
  const std::string head = outputHeadName(config.head);
  if (config.head == OutputHead::SoftmaxCrossEntropy) {
    if (config.classes < 2 || config.classes > maxClasses)
      throw std::invalid_argument("classes must be 2 to " + std::to_string(maxClasses) + " for " + head + ", got " +
                                  std::to_string(config.classes));
  } else if (config.classes != 2) {
    throw std::invalid_argument("classes must be 2 for the binary head " + head + ", got " +
                                std::to_string(config.classes) + " (use softmax_cross_entropy for more classes)");
  }
}

void validateSettings(const TrainSettings& settings) {
  if (!(settings.learningRate > 0.0 && std::isfinite(settings.learningRate)))
    throw std::invalid_argument("learning rate must be > 0 and finite, got " + formatNumber(settings.learningRate));
  if (settings.batchSize < 1)
    throw std::invalid_argument("batch size must be >= 1, got " + std::to_string(settings.batchSize));
  if (!(settings.momentum >= 0.0 && settings.momentum < 1.0))
    throw std::invalid_argument("momentum must be in [0, 1), got " + formatNumber(settings.momentum));
  if (!(settings.l2 >= 0.0 && std::isfinite(settings.l2)))
    throw std::invalid_argument("l2 must be >= 0 and finite, got " + formatNumber(settings.l2));
  if (!(settings.l1 >= 0.0 && std::isfinite(settings.l1)))
    throw std::invalid_argument("l1 must be >= 0 and finite, got " + formatNumber(settings.l1));
  optimizerName(settings.optimizer);
  requireInRange("beta1", settings.beta1, limits::beta1);
  requireInRange("beta2", settings.beta2, limits::beta2);
  requireInRange("rho", settings.rho, limits::rho);
  requireInRange("epsilon", settings.epsilon, limits::epsilon);
}

int Network::outputs() const { return config_.head == OutputHead::SoftmaxCrossEntropy ? config_.classes : 1; }

int Network::layerInputs(std::size_t layer) const {
  return layer == 0 ? config_.inputs : config_.hiddenUnits[layer - 1];
}

int Network::layerOutputs(std::size_t layer) const {
  return layer < config_.hiddenUnits.size() ? config_.hiddenUnits[layer] : outputs();
}

double Network::parameterCount() const {
  double total = 0;
  for (std::size_t l = 0; l < layerCount(); ++l)
    total += static_cast<double>(weights_[l].size() + (config_.bias ? biases_[l].size() : 0));
  return total;
}

int Network::hiddenUnitCount() const {
  int total = 0;
  for (const int units : config_.hiddenUnits) total += units;
  return total;
}

}  // namespace alab
