// A tiny fully connected network: dense layers in contiguous buffers, one hidden activation,
// an output head, seeded initialisation, mini-batch gradients and an SGD update.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "network_views.hpp"
#include "optimizers.hpp"
#include "output_heads.hpp"

namespace alab {

/// Weight initialisation; hidden biases start at NetworkConfig::initialBias, output biases at 0.
enum class InitScheme {
  He,           // normal, standard deviation sqrt(2 / fan_in)
  Xavier,       // normal, standard deviation sqrt(2 / (fan_in + fan_out))
  SmallUniform  // uniform in [-0.5, 0.5]
};

/// "he", "xavier", "small_uniform".
const char* initSchemeName(InitScheme scheme);
InitScheme initSchemeFromName(const std::string& name);  // throws std::invalid_argument
/// Every scheme, in display order.
const std::vector<InitScheme>& initSchemes();

/// Architecture and initialisation. Validated by the Network constructor.
struct NetworkConfig {
  int inputs = 2;
  std::vector<int> hiddenUnits{8, 8};  // 0 to maxHiddenLayers layers of 1 to maxUnitsPerLayer units
  ActivationKind hiddenActivation = ActivationKind::Relu;
  double alpha = 0.01;  // leaky_relu slope below 0, elu scale or prelu's initial slope; ignored by others
  OutputHead head = OutputHead::SigmoidCrossEntropy;
  int classes = 2;      // 2 for the binary heads, 2 to maxClasses for softmax
  InitScheme init = InitScheme::He;
  double initialBias = 0.0;  // starting bias of every hidden unit (limits::initialBias)
  uint64_t seed = 1;    // weight seed
  bool bias = true;     // false: every neuron computes f(w . x) with no bias (biases stay 0, never trained)
};

/// Optimiser settings; may change between steps.
struct TrainSettings {
  double learningRate = 0.03;  // > 0
  int batchSize = 10;          // >= 1; a batch larger than the training set uses all of it
  double momentum = 0.0;       // in [0, 1); classic momentum v = mu v - lr g, w += v
  double l2 = 0.0;             // >= 0; adds l2 / 2 * |W|^2 to the loss (weights, not biases)
  double l1 = 0.0;             // >= 0; adds l1 * |W|_1 to the loss (weights); subgradient l1 sign(w), 0 at w = 0
  Optimizer optimizer = Optimizer::Sgd;  // momentum is sgd's; beta1, beta2 adam's; rho rmsprop's
  double beta1 = 0.9, beta2 = 0.999;     // in [0, 1)
  double rho = 0.9;                      // in [0, 1)
  double epsilon = 1e-8;                 // limits::epsilon
};

/// Throws std::invalid_argument naming the first invalid field.
void validateConfig(const NetworkConfig& config);
void validateSettings(const TrainSettings& settings);

/// Mean data loss (without the L2 term) and accuracy of a network over a dataset (0 and 0 when it is empty).
struct NetworkScore {
  double loss = 0.0, accuracy = 0.0;
};

/// One forward and backward pass over a dataset: its score, per dense layer the norm of the gradient
/// of the mean data loss with respect to the weights (0 for an empty dataset), and per hidden unit
/// (layer by layer) the number of points where its pre-activation is > 0 and its largest
/// pre-activation (-infinity for an empty dataset).
struct TrainingPass {
  NetworkScore score;
  std::vector<double> gradientNorms;
  std::vector<std::size_t> positive;
  std::vector<double> maxPre;
};

class Network {
 public:
  /// Validates the config (std::invalid_argument) and initialises the weights from config.seed.
  explicit Network(const NetworkConfig& config);

  const NetworkConfig& config() const { return config_; }
  /// Number of outputs: 1 for binary heads, classes for softmax.
  int outputs() const;
  /// Dense layers: hidden layers then the output layer.
  std::size_t layerCount() const { return weights_.size(); }
  int layerInputs(std::size_t layer) const;
  int layerOutputs(std::size_t layer) const;
  /// Weights of a layer, row-major outputs x inputs, and its biases.
  const std::vector<double>& weights(std::size_t layer) const { return weights_[layer]; }
  const std::vector<double>& biases(std::size_t layer) const { return biases_[layer]; }
  /// Replaces a layer's parameters; throws std::invalid_argument on a size mismatch or non-finite value.
  void setParameters(std::size_t layer, const std::vector<double>& weights, const std::vector<double>& biases);

  /// Adds the gradient of the mean data loss over the given points to the gradient buffers
  /// and returns that mean loss (without the L2 term). Regression data (real targets) needs the
  /// linear_mse or sigmoid_mse head: loss = mean over the points of (y - t)^2 / 2.
  double accumulateGradient(const Dataset& data, const std::size_t* indices, std::size_t count);
  /// Gradient buffers filled by accumulateGradient (same layout as weights/biases).
  const std::vector<double>& weightGradient(std::size_t layer) const { return weightGradients_[layer]; }
  const std::vector<double>& biasGradient(std::size_t layer) const { return biasGradients_[layer]; }
  /// PReLU slopes of a hidden layer's units (empty for other activations) and their gradient.
  const std::vector<double>& slopes(std::size_t layer) const { return slopes_[layer]; }
  const std::vector<double>& slopeGradient(std::size_t layer) const { return slopeGradients_[layer]; }
  /// Replaces a hidden layer's PReLU slopes; throws std::invalid_argument on a size mismatch or non-finite value.
  void setSlopes(std::size_t layer, const std::vector<double>& slopes);
  /// Momentum velocities or adam's first moments (same layout as weights/biases).
  const std::vector<double>& weightVelocity(std::size_t layer) const { return weightVelocities_[layer]; }
  const std::vector<double>& biasVelocity(std::size_t layer) const { return biasVelocities_[layer]; }
  /// Number of values saveState writes: the optimiser the state belongs to and adam's step powers,
  /// the parameters (weights, biases, prelu slopes) and that optimiser's buffers for each of them.
  std::size_t stateSize() const;
  /// Writes the whole training state to out (stateSize() values).
  void saveState(double* out) const;
  /// Reads a state written by saveState of a network with the same config.
  void loadState(const double* values);
  /// One update with settings.optimizer (+ L2, + L1) from the gradient buffers, then clears them. `settings`
  /// must have passed validateSettings (the Trainer checks them once, where they enter, not per step).
  /// A change of optimiser starts its state (velocities, moments) from zero. Returns true when every
  /// parameter is still finite afterwards.
  bool applyGradient(const TrainSettings& settings);
  /// accumulateGradient then applyGradient, with the same result bit for bit: {mean loss, every parameter
  /// finite}. A one-example sgd step without L1 (not prelu) skips the gradient buffers.
  std::pair<double, bool> trainStep(const Dataset& data, const std::size_t* indices, std::size_t count,
                                    const TrainSettings& settings);
  /// Per dense layer: the norm of the last update of its weights over the norm of its weights (0 before any update).
  std::vector<double> updateRatios() const;
  /// Per dense layer: the norm of the gradient of the mean data loss over `data` with respect to its weights.
  std::vector<double> weightGradientNorms(const Dataset& data) const;
  /// score, weightGradientNorms and the hidden units' activity on `data` (bit for bit), in one pass.
  TrainingPass trainingPass(const Dataset& data) const;
  /// The hidden units' activity on `data` as trainingPass gives it (positive, maxPre), forward only.
  TrainingPass activityPass(const Dataset& data) const;
  /// True when every weight and bias is finite.
  bool parametersFinite() const;

  /// Network outputs (probabilities for sigmoid/softmax heads) for n points of `inputs` values:
  /// out holds n * outputs() values, point-major.
  void predict(const double* x, std::size_t n, double* out) const;
  /// Mean data loss and fraction of points classified right (0 for real-valued targets), in one pass.
  NetworkScore score(const Dataset& data) const;
  /// Mean data loss over a dataset.
  double loss(const Dataset& data) const;
  /// Fraction of points whose predicted class is their label; throws for a regression dataset.
  double accuracy(const Dataset& data) const;
  /// Total number of hidden units.
  int hiddenUnitCount() const;
  /// Total number of weights and trained biases (the cost of one example's forward pass, in multiply-adds).
  double parameterCount() const;
  /// Activation of every hidden unit, then every output, at n points: unit-major blocks of n
  /// values, (hiddenUnitCount() + outputs()) * n in all. One call refreshes every heatmap.
  void unitActivations(const double* x, std::size_t n, double* out) const;
  /// The same, unit u's n values written to blocks[u] (left out where blocks[u] is null).
  void unitActivations(const double* x, std::size_t n, double* const* blocks) const;
  /// Pre-activations of every hidden unit at n points, unit-major like unitActivations.
  void hiddenPreActivations(const double* x, std::size_t n, double* out) const;

 private:
  NetworkConfig config_;
  std::vector<std::vector<double>> weights_, biases_;
  std::vector<std::vector<double>> weightGradients_, biasGradients_;
  std::vector<std::vector<double>> weightVelocities_, biasVelocities_;  // sgd velocity or adam's first moment
  std::vector<std::vector<double>> weightSquares_, biasSquares_;        // adam's and rmsprop's mean squares
  std::vector<std::vector<double>> slopes_, slopeGradients_, slopeVelocities_, slopeSquares_;  // prelu, per hidden layer
  // Per layer: squared norm of the last weight update. After an sgd step it is read from the
  // velocities (which hold that update) only when asked for: see refreshUpdateSquares.
  mutable std::vector<double> updateSquares_;
  mutable bool squaresFromVelocity_ = false;
  bool gradientPending_ = false;  // accumulateGradient has added to the gradient buffers since applyGradient
  void refreshUpdateSquares() const;
  bool applySgd(const TrainSettings& settings);
  template <class Self>
  friend auto stateBuffers(Self& net, Optimizer optimizer);
  mutable detail::CachedViews views_;
  const detail::CachedViews& views() const;  // views_, built when empty
  void clearOptimizerState();  // zero velocities and moments, adam's step powers back to 1
  Optimizer stateOf_ = Optimizer::Sgd;  // the optimiser the velocities and moments belong to
  double beta1Power_ = 1, beta2Power_ = 1;  // adam: products of beta1 and beta2 over its steps so far
};

}  // namespace alab
