#include "optimizers.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "limits.hpp"
#include "network.hpp"
#include "rng.hpp"

namespace alab {
namespace {

Dataset pointsOnASquare(std::size_t n, uint64_t seed) {
  Rng rng(seed);
  Dataset data;
  data.classes = 2;
  for (std::size_t p = 0; p < n; ++p) {
    const double x = rng.uniform(-1.0, 1.0), y = rng.uniform(-1.0, 1.0);
    data.x.push_back(x);
    data.x.push_back(y);
    data.label.push_back(x * y > 0 ? 1 : 0);
  }
  return data;
}

NetworkConfig tanhConfig() {
  NetworkConfig config;
  config.hiddenUnits = {4, 3};
  config.hiddenActivation = ActivationKind::Tanh;
  config.seed = 7;
  return config;
}

// Every weight, then every bias, of every layer, as one list (the order the reference keeps).
std::vector<double> flatten(const Network& net, bool gradient) {
  std::vector<double> out;
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    const auto& w = gradient ? net.weightGradient(l) : net.weights(l);
    const auto& b = gradient ? net.biasGradient(l) : net.biases(l);
    out.insert(out.end(), w.begin(), w.end());
    out.insert(out.end(), b.begin(), b.end());
  }
  return out;
}

// Which entries of flatten() are weights (L2 applies to them, not to biases).
std::vector<bool> weightMask(const Network& net) {
  std::vector<bool> mask;
  for (std::size_t l = 0; l < net.layerCount(); ++l) {
    mask.insert(mask.end(), net.weights(l).size(), true);
    mask.insert(mask.end(), net.biases(l).size(), false);
  }
  return mask;
}

// The published updates, written out plainly in long double from the papers' formulas.
struct Reference {
  std::vector<long double> w, m, v;
  long t = 0;
  void step(const TrainSettings& s, const std::vector<double>& gradient, const std::vector<bool>& isWeight) {
    ++t;
    for (std::size_t i = 0; i < w.size(); ++i) {
      const long double l1 = !isWeight[i] || w[i] == 0 ? 0.0L : w[i] > 0 ? s.l1 : -s.l1;  // subgradient, 0 at 0
      const long double g = gradient[i] + (isWeight[i] ? static_cast<long double>(s.l2) * w[i] : 0.0L) + l1;
      const long double lr = s.learningRate;
      if (s.optimizer == Optimizer::Sgd) {  // Polyak momentum as in Sutskever et al. 2013, eq. 1-2
        m[i] = s.momentum * m[i] - lr * g;
        w[i] += m[i];
      } else if (s.optimizer == Optimizer::Adam) {  // Kingma & Ba 2015, Algorithm 1
        m[i] = s.beta1 * m[i] + (1.0L - s.beta1) * g;
        v[i] = s.beta2 * v[i] + (1.0L - s.beta2) * g * g;
        const long double mHat = m[i] / (1.0L - std::pow(static_cast<long double>(s.beta1), t));
        const long double vHat = v[i] / (1.0L - std::pow(static_cast<long double>(s.beta2), t));
        w[i] -= lr * mHat / (std::sqrt(vHat) + s.epsilon);
      } else {  // Hinton, Neural Networks for Machine Learning, lecture 6e
        v[i] = s.rho * v[i] + (1.0L - s.rho) * g * g;
        w[i] -= lr * g / (std::sqrt(v[i]) + s.epsilon);
      }
    }
  }
};

void expectMatchesReference(TrainSettings settings, int steps) {
  Network net(tanhConfig());
  const Dataset data = pointsOnASquare(12, 3);
  std::vector<std::size_t> indices(data.size());
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  const std::vector<double> start = flatten(net, false);
  Reference ref{{start.begin(), start.end()}, std::vector<long double>(start.size()),
                std::vector<long double>(start.size())};
  const std::vector<bool> isWeight = weightMask(net);
  double largestChange = 0;
  for (int step = 0; step < steps; ++step) {
    net.accumulateGradient(data, indices.data(), indices.size());
    const std::vector<double> gradient = flatten(net, true);
    ASSERT_TRUE(net.applyGradient(settings));
    ref.step(settings, gradient, isWeight);
    const std::vector<double> now = flatten(net, false);
    for (std::size_t i = 0; i < now.size(); ++i) {
      const double expected = static_cast<double>(ref.w[i]);
      EXPECT_NEAR(now[i], expected, 1e-12 * (1 + std::fabs(expected)))
          << optimizerName(settings.optimizer) << " step " << step + 1 << " parameter " << i;
      largestChange = std::max(largestChange, std::fabs(now[i] - start[i]));
    }
  }
  EXPECT_GT(largestChange, 1e-3) << "the parameters moved, so the comparison is not trivial";
}

TEST(Optimizers, NamesRoundTripAndUnknownNamesAreRefused) {
  ASSERT_EQ(optimizers().size(), 3u);
  for (const Optimizer o : optimizers()) EXPECT_EQ(optimizerFromName(optimizerName(o)), o);
  EXPECT_STREQ(optimizerName(Optimizer::Sgd), "sgd");
  EXPECT_STREQ(optimizerName(Optimizer::Adam), "adam");
  EXPECT_STREQ(optimizerName(Optimizer::RmsProp), "rmsprop");
  try {
    optimizerFromName("adamw");
    FAIL() << "adamw is not an optimiser of the engine";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()), "unknown optimizer 'adamw'; known: sgd, adam, rmsprop");
  }
  EXPECT_THROW(optimizerFromName("Adam"), std::invalid_argument) << "names are case-sensitive";
}

TEST(Optimizers, DefaultsAreThePublishedOnes) {
  const TrainSettings s;
  EXPECT_EQ(s.optimizer, Optimizer::Sgd);
  EXPECT_EQ(s.beta1, 0.9);
  EXPECT_EQ(s.beta2, 0.999);
  EXPECT_EQ(s.rho, 0.9);
  EXPECT_EQ(s.epsilon, 1e-8);
  EXPECT_EQ(limits::beta1.defaultValue, s.beta1);
  EXPECT_EQ(limits::beta2.defaultValue, s.beta2);
  EXPECT_EQ(limits::rho.defaultValue, s.rho);
  EXPECT_EQ(limits::epsilon.defaultValue, s.epsilon);
}

TEST(Optimizers, SgdWithMomentumMatchesTheReferenceWithAndWithoutL2) {
  for (const double l2 : {0.0, 0.01}) {
    TrainSettings s;
    s.learningRate = 0.1;
    s.momentum = 0.9;
    s.l2 = l2;
    expectMatchesReference(s, 6);
  }
}

TEST(Optimizers, AdamMatchesTheReferenceWithAndWithoutL2AndOwnBetas) {
  for (const double l2 : {0.0, 0.01}) {
    TrainSettings s;
    s.optimizer = Optimizer::Adam;
    s.learningRate = 0.01;
    s.l2 = l2;
    expectMatchesReference(s, 6);
    s.beta1 = 0.5;
    s.beta2 = 0.9;
    s.epsilon = 1e-6;
    expectMatchesReference(s, 6);
  }
}

TEST(Optimizers, EveryOptimiserMatchesTheReferenceWithL1) {
  for (const Optimizer optimizer : optimizers()) {
    TrainSettings s;
    s.optimizer = optimizer;
    s.learningRate = optimizer == Optimizer::Sgd ? 0.1 : 0.01;
    s.momentum = optimizer == Optimizer::Sgd ? 0.5 : 0.0;
    s.l1 = 0.01;
    s.l2 = 0.001;
    expectMatchesReference(s, 6);
  }
}

TEST(Optimizers, RmspropMatchesTheReferenceWithAndWithoutL2) {
  for (const double l2 : {0.0, 0.01}) {
    TrainSettings s;
    s.optimizer = Optimizer::RmsProp;
    s.learningRate = 0.01;
    s.l2 = l2;
    expectMatchesReference(s, 6);
    s.rho = 0.5;
    expectMatchesReference(s, 6);
  }
}

TEST(Optimizers, AdamsFirstStepMovesEveryParameterByAboutTheRate) {
  Network net(tanhConfig());
  const Dataset data = pointsOnASquare(12, 3);
  std::vector<std::size_t> indices(data.size());
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  const std::vector<double> before = flatten(net, false);
  net.accumulateGradient(data, indices.data(), indices.size());
  const std::vector<double> gradient = flatten(net, true);
  TrainSettings s;
  s.optimizer = Optimizer::Adam;
  s.learningRate = 0.01;
  net.applyGradient(s);
  const std::vector<double> after = flatten(net, false);
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (std::fabs(gradient[i]) < 1e-6) continue;
    EXPECT_NEAR(before[i] - after[i], 0.01 * (gradient[i] > 0 ? 1 : -1), 1e-6)
        << "bias correction makes step 1 -lr g / |g|, parameter " << i;
  }
}

TEST(Optimizers, ChangingTheOptimiserStartsItsStateFromZero) {
  Network switched(tanhConfig());
  const Dataset data = pointsOnASquare(12, 3);
  std::vector<std::size_t> indices(data.size());
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  TrainSettings sgd;
  sgd.momentum = 0.9;
  for (int step = 0; step < 3; ++step) {
    switched.accumulateGradient(data, indices.data(), indices.size());
    switched.applyGradient(sgd);
  }
  Network fresh(switched);
  TrainSettings adam;
  adam.optimizer = Optimizer::Adam;
  Reference ref;
  const std::vector<double> start = flatten(switched, false);
  ref.w.assign(start.begin(), start.end());
  ref.m.assign(start.size(), 0.0L);
  ref.v.assign(start.size(), 0.0L);
  for (int step = 0; step < 2; ++step) {
    switched.accumulateGradient(data, indices.data(), indices.size());
    ref.step(adam, flatten(switched, true), weightMask(switched));
    switched.applyGradient(adam);
  }
  const std::vector<double> now = flatten(switched, false);
  for (std::size_t i = 0; i < now.size(); ++i)
    EXPECT_NEAR(now[i], static_cast<double>(ref.w[i]), 1e-12) << "adam after sgd starts at t = 0, parameter " << i;
}

TEST(Optimizers, SettingsOutsideTheirRangesAreRefusedByName) {
  const auto expectRefused = [](TrainSettings s, const std::string& field) {
    try {
      validateSettings(s);
      FAIL() << field << " should be refused";
    } catch (const std::invalid_argument& error) {
      EXPECT_EQ(std::string(error.what()).rfind(field + " must be", 0), 0u) << error.what();
    }
  };
  TrainSettings s;
  s.beta1 = 1.0;
  expectRefused(s, "beta1");
  s = {};
  s.beta2 = -0.1;
  expectRefused(s, "beta2");
  s = {};
  s.rho = NAN;
  expectRefused(s, "rho");
  s = {};
  s.epsilon = 0.0;
  expectRefused(s, "epsilon");
  s = {};
  s.optimizer = static_cast<Optimizer>(7);
  EXPECT_THROW(validateSettings(s), std::invalid_argument);
}

}  // namespace
}  // namespace alab
