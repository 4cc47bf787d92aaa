#include "network.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "dense_kernels.hpp"
#include "format.hpp"
#include "point_loss.hpp"
#include "rng.hpp"

namespace alab {

using detail::backwardChunk;
using detail::checkedLabel;
using detail::checkShape;
using detail::ChunkScratch;
using detail::chunkSize;
using detail::forEachChunk;
using detail::forwardChunk;
using detail::GradientView;
using detail::maxInputs;
using detail::maxWidth;
using detail::Model;
using detail::pointLoss;
using detail::throwBadPoint;

namespace {

// Forward and backward for count <= chunkSize examples. Every gradient element still adds its
// examples in order, so the result is bit-identical to an example-by-example loop.
void accumulateChunk(const Model& model, const GradientView& gradient, const Dataset& data,
                     const std::size_t* indices, int count, double scale, ChunkScratch& s, double& total) {
  const double* x[chunkSize] = {};
  for (int b = 0; b < count; ++b) {
    if (indices[b] >= data.size()) throwBadPoint(data, indices[b], model.classes);
    x[b] = data.x.data() + indices[b] * model.inputs;
  }
  forwardChunk(model, x, count, s, true);
  const double* logits = s.z[model.hiddenLayers];
  for (int b = 0; b < count; ++b)
    total += pointLoss<true>(model, data, indices[b], logits + b * model.outputs, scale,
                             s.delta[0] + b * model.outputs);
  backwardChunk(model, gradient, x, count, s);
}

double accumulate(const Model& model, const GradientView& gradient, const Dataset& data, const std::size_t* indices,
                  std::size_t count) {
  ChunkScratch scratch;
  const double scale = 1.0 / static_cast<double>(count);
  double total = 0.0;
  for (std::size_t first = 0; first < count; first += chunkSize) {
    const int n = static_cast<int>(std::min<std::size_t>(chunkSize, count - first));
    accumulateChunk(model, gradient, data, indices + first, n, scale, scratch, total);
  }
  return total * scale;
}

// Points among the chunk's count (from point `first` on, logits in s) whose predicted class is
// their label; none for real-valued targets.
std::size_t correctInChunk(const Model& model, const Dataset& data, const ChunkScratch& s, int count,
                           std::size_t first) {
  if (data.regression) return 0;
  double y[maxWidth];
  std::size_t correct = 0;
  for (int b = 0; b < count; ++b) {
    headOutput(model.head, s.z[model.hiddenLayers] + b * model.outputs, model.outputs, y);
    if (predictedClass(model.head, y, model.outputs) == checkedLabel(data, first + b, model.classes)) ++correct;
  }
  return correct;
}

// Sum of the data loss and number of points classified right (none counted for real-valued
// targets), in one forward pass.
std::pair<double, std::size_t> lossAndCorrect(const Model& model, const Dataset& data) {
  ChunkScratch s;
  double total = 0.0;
  std::size_t correct = 0;
  forEachChunk(data.x.data(), data.size(), model.inputs, [&](const double* const* rows, int count, std::size_t first) {
    forwardChunk(model, rows, count, s, false);
    for (int b = 0; b < count; ++b)
      total += pointLoss<false>(model, data, first + b, s.z[model.hiddenLayers] + b * model.outputs, 1.0, nullptr);
    correct += correctInChunk(model, data, s, count, first);
  });
  return {total, correct};
}

// Adds to positive[unit] the chunk's points whose pre-activation (in s) is > 0 and raises
// largest[unit] to their largest pre-activation, hidden units in layer order.
void scanChunk(const Model& model, const ChunkScratch& s, int count, std::size_t* positive, double* largest) {
  for (int l = 0; l < model.hiddenLayers; ++l) {
    const int width = model.layer[l].outputs;
    for (int b = 0; b < count; ++b)
      for (int j = 0; j < width; ++j) {
        const double z = s.z[l][b * width + j];
        positive[j] += z > 0.0 ? 1 : 0;
        largest[j] = std::max(largest[j], z);
      }
    positive += width;
    largest += width;
  }
}

// Writes hidden activations (or pre-activations) and, when outputsToo, the outputs: unit u's n
// values to out + u * n, or when blocks is given to blocks[u] (nowhere where that is null).
void unitMajor(const Model& model, const double* x, std::size_t n, double* out, bool preActivations, bool outputsToo,
               double* const* blocks = nullptr) {
  ChunkScratch s;
  double y[maxWidth];
  const auto put = [&](std::size_t unit, std::size_t p, double value) {
    double* block = blocks ? blocks[unit] : out + unit * n;
    if (block) block[p] = value;
  };
  forEachChunk(x, n, model.inputs, [&](const double* const* rows, int count, std::size_t first) {
    forwardChunk(model, rows, count, s, false);
    for (int b = 0; b < count; ++b) {
      const std::size_t p = first + b;
      std::size_t unit = 0;
      for (int l = 0; l < model.hiddenLayers; ++l) {
        const int width = model.layer[l].outputs;
        const double* values = (preActivations ? s.z[l] : s.a[l]) + b * width;
        for (int j = 0; j < width; ++j) put(unit++, p, values[j]);
      }
      if (!outputsToo) continue;
      headOutput(model.head, s.z[model.hiddenLayers] + b * model.outputs, model.outputs, y);
      for (int k = 0; k < model.outputs; ++k) put(unit + k, p, y[k]);
    }
  });
}

}  // namespace

Network::Network(const NetworkConfig& config) : config_(config) {
  validateConfig(config_);
  Rng rng(config_.seed);
  const std::size_t layers = config_.hiddenUnits.size() + 1;
  for (std::size_t l = 0; l < layers; ++l) {
    const int fanIn = layerInputs(l), fanOut = layerOutputs(l);
    std::vector<double> w(static_cast<std::size_t>(fanIn) * fanOut);
    const double heScale = std::sqrt(2.0 / fanIn);
    const double xavierScale = std::sqrt(2.0 / (fanIn + fanOut));
    for (double& value : w) {
      switch (config_.init) {
        case InitScheme::He: value = rng.normal(0.0, heScale); break;
        case InitScheme::Xavier: value = rng.normal(0.0, xavierScale); break;
        case InitScheme::SmallUniform: value = rng.uniform(-0.5, 0.5); break;
      }
    }
    weights_.push_back(w);
    weightGradients_.emplace_back(w.size(), 0.0);
    weightVelocities_.emplace_back(w.size(), 0.0);
    weightSquares_.emplace_back(w.size(), 0.0);
    biases_.emplace_back(fanOut, l + 1 < layers ? config_.initialBias : 0.0);
    biasGradients_.emplace_back(fanOut, 0.0);
    biasVelocities_.emplace_back(fanOut, 0.0);
    biasSquares_.emplace_back(fanOut, 0.0);
    if (l + 1 == layers) break;
    const std::size_t slopeCount = config_.hiddenActivation == ActivationKind::Prelu ? fanOut : 0;
    slopes_.emplace_back(slopeCount, config_.alpha);
    for (auto* buffer : {&slopeGradients_, &slopeVelocities_, &slopeSquares_}) buffer->emplace_back(slopeCount, 0.0);
  }
  updateSquares_.assign(layers, 0.0);
}

double Network::accumulateGradient(const Dataset& data, const std::size_t* indices, std::size_t count) {
  checkShape(data, config_);
  if (count == 0) return 0.0;
  const detail::CachedViews& cached = views();
  gradientPending_ = true;
  return accumulate(cached.model, cached.gradient, data, indices, count);
}

std::pair<double, bool> Network::trainStep(const Dataset& data, const std::size_t* indices, std::size_t count,
                                           const TrainSettings& settings) {
  if (count != 1 || settings.optimizer != Optimizer::Sgd || settings.l1 > 0.0 || gradientPending_ ||
      config_.hiddenActivation == ActivationKind::Prelu) {
    const double loss = accumulateGradient(data, indices, count);
    return {loss, applyGradient(settings)};
  }
  checkShape(data, config_);
  if (stateOf_ != Optimizer::Sgd) {
    clearOptimizerState();
    stateOf_ = Optimizer::Sgd;
  }
  const detail::CachedViews& cached = views();
  const Model& model = cached.model;
  if (indices[0] >= data.size()) throwBadPoint(data, indices[0], model.classes);
  const double* x = data.x.data() + indices[0] * model.inputs;
  ChunkScratch s;
  forwardChunk(model, &x, 1, s, true);
  const double loss = pointLoss<true>(model, data, indices[0], s.z[model.hiddenLayers], 1.0, s.delta[0]);
  const bool finite = detail::sgdStepOne(model, cached.parameters, x,
                                         {settings.momentum, settings.learningRate, settings.l2, config_.bias}, s);
  squaresFromVelocity_ = true;
  return {loss, finite};
}

void Network::predict(const double* x, std::size_t n, double* out) const {
  const Model& model = views().model;
  ChunkScratch s;
  forEachChunk(x, n, model.inputs, [&](const double* const* rows, int count, std::size_t first) {
    forwardChunk(model, rows, count, s, false);
    for (int b = 0; b < count; ++b)
      headOutput(model.head, s.z[model.hiddenLayers] + b * model.outputs, model.outputs,
                 out + (first + b) * model.outputs);
  });
}

TrainingPass Network::trainingPass(const Dataset& data) const {
  checkShape(data, config_);
  TrainingPass pass;
  pass.positive.assign(static_cast<std::size_t>(hiddenUnitCount()), 0);
  pass.maxPre.assign(pass.positive.size(), -std::numeric_limits<double>::infinity());
  auto zeros = [](const std::vector<std::vector<double>>& like) {
    std::vector<std::vector<double>> buffers;
    for (const auto& buffer : like) buffers.emplace_back(buffer.size(), 0.0);
    return buffers;
  };
  std::vector<std::vector<double>> weights = zeros(weights_), biases = zeros(biases_), slopes = zeros(slopes_);
  GradientView gradient;
  for (std::size_t l = 0; l < layerCount(); ++l) {
    gradient.weights[l] = weights[l].data();
    gradient.biases[l] = biases[l].data();
  }
  for (std::size_t l = 0; l < slopes.size(); ++l) gradient.slopes[l] = slopes[l].data();
  const Model& model = views().model;
  const std::size_t n = data.size();
  ChunkScratch s;
  double total = 0.0;
  std::size_t correct = 0, indices[chunkSize];
  for (std::size_t first = 0; first < n; first += chunkSize) {
    const int count = static_cast<int>(std::min<std::size_t>(chunkSize, n - first));
    for (int b = 0; b < count; ++b) indices[b] = first + b;
    accumulateChunk(model, gradient, data, indices, count, 1.0 / static_cast<double>(n), s, total);
    correct += correctInChunk(model, data, s, count, first);
    scanChunk(model, s, count, pass.positive.data(), pass.maxPre.data());
  }
  if (n > 0) pass.score = {total / static_cast<double>(n), static_cast<double>(correct) / static_cast<double>(n)};
  for (const auto& layer : weights) {
    double squares = 0;
    for (const double g : layer) squares += g * g;
    pass.gradientNorms.push_back(std::sqrt(squares));
  }
  return pass;
}

NetworkScore Network::score(const Dataset& data) const {
  checkShape(data, config_);
  if (data.size() == 0) return {};
  const auto [total, correct] = lossAndCorrect(views().model, data);
  const double n = static_cast<double>(data.size());
  return {total / n, static_cast<double>(correct) / n};
}

double Network::loss(const Dataset& data) const { return score(data).loss; }

double Network::accuracy(const Dataset& data) const {
  if (data.regression) throw std::invalid_argument("accuracy needs class labels; this dataset has real-valued targets");
  return score(data).accuracy;
}

TrainingPass Network::activityPass(const Dataset& data) const {
  checkShape(data, config_);
  TrainingPass pass;
  pass.positive.assign(static_cast<std::size_t>(hiddenUnitCount()), 0);
  pass.maxPre.assign(pass.positive.size(), -std::numeric_limits<double>::infinity());
  const Model& model = views().model;
  ChunkScratch s;
  forEachChunk(data.x.data(), data.size(), model.inputs, [&](const double* const* rows, int count, std::size_t) {
    forwardChunk(model, rows, count, s, false);
    scanChunk(model, s, count, pass.positive.data(), pass.maxPre.data());
  });
  return pass;
}

void Network::unitActivations(const double* x, std::size_t n, double* out) const {
  const Model& model = views().model;
  unitMajor(model, x, n, out, false, true);
}

void Network::unitActivations(const double* x, std::size_t n, double* const* blocks) const {
  unitMajor(views().model, x, n, nullptr, false, true, blocks);
}

void Network::hiddenPreActivations(const double* x, std::size_t n, double* out) const {
  const Model& model = views().model;
  unitMajor(model, x, n, out, true, false);
}

}  // namespace alab
