// The chapter's experiments as engine functions, plus the learning-rate sweep, the born-dead
// probability and activation histograms at initialisation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "limits.hpp"
#include "network.hpp"

namespace alab {

// ---- gradient-descent race --------------------------------------------------------------

struct RacePoint {
  double x;         // input after this many steps
  double output;    // f(x): the single activation's output, the quantity compared with target
  double gradient;  // d f^depth / dx at x: the gradient through `depth` stacked activations
};

struct RaceResult {
  std::vector<RacePoint> trajectory;  // trajectory[0] is the start; trajectory[k] after k steps
  int steps = 0;                      // trajectory.size() - 1
  std::string stop;                   // "reached", "max_steps", "stalled" (gradient 0), "diverged"
};

/// Gradient descent x <- x - learningRate * d f^depth(x)/dx starting at the x where
/// f(x) = startOutput, until f(x) <= target. depth = 1 is the chapter's experiment (sigmoid:
/// 67 steps, first step 0.898368; relu: 2 steps); a larger depth sends the gradient through
/// depth stacked copies of f, so a saturating f needs more steps. Throws std::invalid_argument
/// for a start outside f's range, learningRate <= 0, depth outside [1, 50], maxSteps < 1.
RaceResult gradientRace(ActivationKind kind, double alpha, double startOutput, double learningRate,
                        double target, int depth = 1, int maxSteps = 100000);

// ---- mean shift -------------------------------------------------------------------------

struct Histogram {
  double lo = 0, hi = 0;       // range covered by the bins
  std::vector<int> counts;     // equal-width bins
};

/// counts of values in `bins` equal-width bins over [lo, hi]; values outside are clamped in.
Histogram makeHistogram(const double* values, std::size_t n, int bins, double lo, double hi);

struct MeanShiftResult {
  double inputMean = 0, outputMean = 0;
  Histogram inputHistogram, outputHistogram;
};

/// Draws `samples` inputs uniform in (-1, 1) with `seed`, applies f, and histograms both.
MeanShiftResult meanShift(ActivationKind kind, double alpha, std::size_t samples, uint64_t seed, int bins);

// ---- linear collapse --------------------------------------------------------------------

/// A dense layer y = W x + b, W row-major outputs x inputs.
struct DenseLayer {
  int inputs = 0, outputs = 0;
  std::vector<double> weights, biases;
};

struct CollapseResult {
  DenseLayer composed;                 // W3 = W2 W1, b3 = W2 b1 + b2
  std::vector<double> twoLayerOutput;  // second(first(x)) for every input
  std::vector<double> composedOutput;  // composed(x)
  std::vector<double> bentOutput;      // second(f(first(x))): not a line any more
  double maxAbsDifference = 0;         // max |twoLayerOutput - composedOutput|
};

/// Composes two linear layers and evaluates both forms, and the form with f between them,
/// at n inputs (row-major n x first.inputs). Throws std::invalid_argument on shape mismatch.
CollapseResult linearCollapse(const DenseLayer& first, const DenseLayer& second,
                              const std::vector<double>& inputs, ActivationKind between, double alpha);

// ---- learning-rate sweep ----------------------------------------------------------------

/// count values log-spaced from lo to hi inclusive; lo, hi in limits::logSpacedBound, count in limits::logSpacedCount.
std::vector<double> logSpaced(double lo, double hi, int count);

/// The sweep's default rates: limits::sweepRateCount values log-spaced over [sweepRateLow, sweepRateHigh].
std::vector<double> defaultSweepRates();

struct SweepConfig {
  DatasetKind dataset = DatasetKind::Circle;
  std::size_t points = 500;
  double noise = 0.1;
  double trainFraction = 0.8;
  uint64_t dataSeed = 1;
  NetworkConfig network;               // hiddenActivation and seed are overridden per run
  Optimizer optimizer = Optimizer::Sgd;  // with TrainSettings' default betas, rho and epsilon
  int batchSize = 10;
  long steps = 600;
  std::vector<ActivationKind> activations{ActivationKind::Relu, ActivationKind::LeakyRelu};
  std::vector<double> learningRates;   // callers of the API get defaultSweepRates()
  std::vector<uint64_t> seeds{1, 2, 3, 4, 5, 6};
};

struct SweepRun {
  ActivationKind activation;
  Optimizer optimizer;
  double initialBias;
  double learningRate;
  uint64_t seed;
  double deadFraction, dormantFraction;  // of all hidden units, on the training set, at the end
  double finalLoss;                      // training loss at the end (last finite one if diverged)
  double trainAccuracy, testAccuracy;
  bool diverged;
};

/// Multiply-adds of one run: steps x min(batch, training points) x parameters.
double sweepRunWork(const SweepConfig& config);

/// One run of the sweep (one activation, rate and seed), for callers that show progress.
/// Throws std::invalid_argument when sweepRunWork exceeds limits::maxWorkPerCall.
SweepRun runSweepPoint(const SweepConfig& config, ActivationKind activation, double learningRate, uint64_t seed);

/// Every activation x rate x seed, in that nesting order; at most limits::sweepMaxRuns runs and
/// limits::maxWorkPerCall multiply-adds in all.
std::vector<SweepRun> learningRateSweep(const SweepConfig& config);

// ---- born dead --------------------------------------------------------------------------

/// Fraction of `trials` freshly He-initialised ReLU networks (2 inputs, `depth` hidden layers
/// of `width` units, biases 0) whose output is the same for all `probePoints` inputs drawn
/// uniformly from [-1, 1]^2: some layer is dead everywhere, so the network is born dead.
double bornDeadProbability(int width, int depth, int trials, uint64_t seed, int probePoints = 200);

// ---- activations at initialisation ------------------------------------------------------

/// Histogram of every hidden layer's activations for `samples` inputs uniform in [-1, 1]^2,
/// for a freshly initialised network (e.g. Xavier + sigmoid, Xavier + relu, He + relu).
std::vector<Histogram> initialActivationHistograms(const NetworkConfig& config, std::size_t samples,
                                                   uint64_t inputSeed, int bins);

}  // namespace alab
