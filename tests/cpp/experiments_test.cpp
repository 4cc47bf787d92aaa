#include "experiments.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <string>
#include <vector>
#include "test_helpers.hpp"

namespace alab {
namespace {

using testing::errorOf;

RaceResult chapterRace(ActivationKind kind, int depth = 1) {
  return gradientRace(kind, activationInfo(kind).defaultAlpha, 0.9, 0.2, 0.5, depth);
}

// ---- gradient race ------------------------------------------------------------------------

TEST(GradientRace, SigmoidMatchesTheChapter) {
  const RaceResult race = chapterRace(ActivationKind::Sigmoid);
  EXPECT_NEAR(race.trajectory[0].x, std::log(9.0), 1e-15) << "sigmoid starts at x0 = ln 9";
  EXPECT_NEAR(race.trajectory[0].output, 0.9, 1e-15);
  EXPECT_NEAR(race.trajectory[1].output, 0.898368, 5e-7) << "first step gives 0.898368";
  EXPECT_EQ(race.steps, 67);
  EXPECT_EQ(race.stop, "reached");
  EXPECT_NEAR(race.trajectory[67].output, 0.499091, 5e-7) << "output after step 67";
  EXPECT_GT(race.trajectory[66].output, 0.5) << "step 66 must not have reached the target yet";
  EXPECT_EQ(race.trajectory.size(), 68u);
}

TEST(GradientRace, EveryStepMovesByLearningRateTimesGradient) {
  const RaceResult race = chapterRace(ActivationKind::Sigmoid);
  for (std::size_t k = 0; k + 1 < race.trajectory.size(); ++k) {
    const RacePoint& p = race.trajectory[k];
    EXPECT_NEAR(p.gradient, p.output * (1 - p.output), 1e-16) << "depth 1: gradient is f(1 - f)";
    EXPECT_DOUBLE_EQ(race.trajectory[k + 1].x, p.x - 0.2 * p.gradient);
  }
}

TEST(GradientRace, ReluTakesTwoStepsThroughSevenTenths) {
  const RaceResult race = chapterRace(ActivationKind::Relu);
  ASSERT_EQ(race.steps, 2);
  EXPECT_EQ(race.stop, "reached");
  EXPECT_DOUBLE_EQ(race.trajectory[1].output, 0.7);
  EXPECT_NEAR(race.trajectory[2].output, 0.5, 1e-15);
}

TEST(GradientRace, TanhStartsAtAtanhAndTakesFourteenSteps) {
  const RaceResult race = chapterRace(ActivationKind::Tanh);
  EXPECT_DOUBLE_EQ(race.trajectory[0].x, std::atanh(0.9));
  EXPECT_EQ(race.steps, 14) << "tanh' = 1 - f^2 is 4x sigmoid' at the same output, so tanh is far faster";
  EXPECT_EQ(race.stop, "reached");
  EXPECT_NEAR(race.trajectory[14].output, 0.399644, 5e-7);
}

TEST(GradientRace, StepStartsRightOfItsJumpAndStallsAtOnce) {
  const RaceResult race = chapterRace(ActivationKind::Step);
  EXPECT_EQ(race.stop, "stalled") << "the step's derivative is 0, so gradient descent cannot move";
  EXPECT_EQ(race.steps, 0);
  EXPECT_EQ(race.trajectory[0].output, 1.0) << "no x gives 0.9: the race starts just right of the jump";
  EXPECT_GT(race.trajectory[0].x, 0.0);
  EXPECT_EQ(race.trajectory[0].gradient, 0.0);
}

TEST(GradientRace, DeeperStacksSlowSigmoidButNotRelu) {
  const int one = chapterRace(ActivationKind::Sigmoid, 1).steps;
  const int two = chapterRace(ActivationKind::Sigmoid, 2).steps;
  const int three = chapterRace(ActivationKind::Sigmoid, 3).steps;
  EXPECT_LT(one, two);
  EXPECT_LT(two, three) << "each sigmoid layer multiplies the gradient by at most 1/4";
  for (int depth = 1; depth <= 5; ++depth) EXPECT_EQ(chapterRace(ActivationKind::Relu, depth).steps, 2) << depth;
}

TEST(GradientRace, DepthTwoGradientIsTheChainRule) {
  const RacePoint start = gradientRace(ActivationKind::Sigmoid, 0, 0.9, 0.2, 0.5, 2).trajectory[0];
  const double s = 0.9, outer = 1 / (1 + std::exp(-s));
  EXPECT_NEAR(start.gradient, outer * (1 - outer) * s * (1 - s), 1e-15);
}

TEST(GradientRace, BisectionFindsTheStartForActivationsWithoutAnInverse) {
  for (ActivationKind kind : {ActivationKind::Softplus, ActivationKind::Gelu, ActivationKind::Silu,
                              ActivationKind::Softsign, ActivationKind::HardSigmoid, ActivationKind::Elu}) {
    const RaceResult race = chapterRace(kind);
    EXPECT_NEAR(race.trajectory[0].output, 0.9, 1e-12) << activationInfo(kind).name;
    EXPECT_EQ(race.stop, "reached") << activationInfo(kind).name;
  }
  const double below = gradientRace(ActivationKind::Gelu, 0, -0.16, 0.2, -0.5, 1).trajectory[0].output;
  EXPECT_NEAR(below, -0.16, 1e-12) << "gelu reaches -0.16 on its rising branch, right of its minimum";
}

TEST(GradientRace, ReportsStallsMaxStepsAndAnAlreadyReachedTarget) {
  EXPECT_EQ(gradientRace(ActivationKind::Sigmoid, 0, 0.9, 0.2, 0.5, 1, 10).stop, "max_steps");
  EXPECT_EQ(gradientRace(ActivationKind::Sigmoid, 0, 0.9, 0.2, 0.5, 1, 10).steps, 10);
  EXPECT_EQ(gradientRace(ActivationKind::Sigmoid, 0, 0.3, 0.2, 0.5).stop, "reached");
  EXPECT_EQ(gradientRace(ActivationKind::Sigmoid, 0, 0.3, 0.2, 0.5).steps, 0);
  EXPECT_EQ(gradientRace(ActivationKind::Relu, 0, 0.0, 0.2, -1).stop, "stalled") << "relu'(0) = 0";
}

TEST(GradientRace, RejectsBadInputWithMessagesNamingTheProblem) {
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Sigmoid, 0, 1.2, 0.2, 0.5); }),
            "start output 1.2 is outside the range of sigmoid (0, 1)");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Tanh, 0, -1, 0.2, 0.5); }),
            "start output -1 is outside the range of tanh (-1, 1)");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Relu, 0, -0.5, 0.2, -1); }),
            "start output -0.5 is outside the range of relu [0, inf)");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Softplus, 0, -0.5, 0.2, -1); }),
            "start output -0.5 is outside the range of softplus (it must lie above the function's minimum)");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Softsign, 0, -1, 0.2, -2); }),
            "start output -1 is outside the range of softsign (no x down to -1e12 reaches it)");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Softsign, 0, 1, 0.2, 0.5); }),
            "start output 1 is outside the range of softsign (no x up to 1e12 reaches it)");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Silu, 0, -0.3, 0.2, -1); }),
            "start output -0.3 is outside the range of silu (it must lie above the function's minimum)");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Sigmoid, 0, 0.9, 0, 0.5); }),
            "learning rate must be > 0 and finite, got 0");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Sigmoid, 0, 0.9, std::nan(""), 0.5); }),
            "learning rate must be > 0 and finite, got nan");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Sigmoid, 0, 0.9, 0.2, 0.5, 0); }),
            "depth must be an integer in [1, 50], got 0");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Sigmoid, 0, 0.9, 0.2, 0.5, 51); }),
            "depth must be an integer in [1, 50], got 51");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Sigmoid, 0, 0.9, 0.2, 0.5, 1, 0); }),
            "max steps must be >= 1, got 0");
  EXPECT_EQ(errorOf([] { gradientRace(ActivationKind::Sigmoid, 0, std::nan(""), 0.2, 0.5); }),
            "start output must be finite, got nan");
}

// ---- histogram and mean shift ---------------------------------------------------------------

TEST(Histogram, CountsEqualWidthBinsAndClampsOutsideValuesIn) {
  const std::vector<double> values{-5, 0, 0.24, 0.25, 0.5, 0.99, 1, 7};
  const Histogram h = makeHistogram(values.data(), values.size(), 4, 0, 1);
  EXPECT_EQ(h.counts, (std::vector<int>{3, 1, 1, 3})) << "bins [0,.25) [.25,.5) [.5,.75) [.75,1]";
  EXPECT_EQ(h.lo, 0);
  EXPECT_EQ(h.hi, 1);
  EXPECT_EQ(errorOf([&] { makeHistogram(values.data(), values.size(), 0, 0, 1); }),
            "bins must be an integer in [1, 1000], got 0");
  EXPECT_EQ(errorOf([&] { makeHistogram(values.data(), values.size(), 4, 1, 1); }),
            "histogram range must be finite with lo < hi, got [1, 1]");
  const double nan = std::nan("");
  EXPECT_EQ(errorOf([&] { makeHistogram(&nan, 1, 4, 0, 1); }), "histogram value 0 is NaN");
}

// Tolerance of five standard errors of a mean of `samples` values with standard deviation sd.
double fiveStandardErrors(double sd, std::size_t samples) { return 5 * sd / std::sqrt(static_cast<double>(samples)); }

TEST(MeanShift, SigmoidShiftsTheMeanToOneHalfAndTanhKeepsItAtZero) {
  const std::size_t samples = 10000;
  const MeanShiftResult sigmoid = meanShift(ActivationKind::Sigmoid, 0, samples, 1, 40);
  const MeanShiftResult tanh = meanShift(ActivationKind::Tanh, 0, samples, 1, 40);
  const MeanShiftResult relu = meanShift(ActivationKind::Relu, 0, samples, 1, 40);
  EXPECT_NEAR(sigmoid.inputMean, 0.0, fiveStandardErrors(1 / std::sqrt(3.0), samples)) << "uniform(-1, 1) has mean 0";
  EXPECT_NEAR(sigmoid.outputMean, 0.5, fiveStandardErrors(0.13, samples)) << "sigmoid(U) has sd about 0.13";
  EXPECT_NEAR(tanh.outputMean, 0.0, fiveStandardErrors(0.48, samples)) << "tanh(U) has sd about 0.48";
  EXPECT_NEAR(relu.outputMean, 0.25, fiveStandardErrors(0.33, samples)) << "relu(U): mean 1/4, sd sqrt(1/6 - 1/16)";
  EXPECT_EQ(sigmoid.inputMean, tanh.inputMean) << "same seed, same inputs";
}

TEST(MeanShift, HistogramsCountEverySampleOverTheirRanges) {
  const MeanShiftResult result = meanShift(ActivationKind::Sigmoid, 0, 10000, 2, 30);
  for (const Histogram* h : {&result.inputHistogram, &result.outputHistogram}) {
    EXPECT_EQ(std::accumulate(h->counts.begin(), h->counts.end(), 0), 10000);
    EXPECT_EQ(h->counts.size(), 30u);
  }
  EXPECT_EQ(result.inputHistogram.lo, -1.0) << "sigmoid's outputs lie inside the inputs' range (-1, 1)";
  EXPECT_EQ(result.inputHistogram.hi, 1.0);
  EXPECT_EQ(result.outputHistogram.lo, -1.0) << "both histograms share one range, so one bin width";
  EXPECT_EQ(result.outputHistogram.hi, 1.0);
  const auto& counts = result.outputHistogram.counts;
  const int inside = std::accumulate(counts.begin() + 19, counts.begin() + 26, 0);
  EXPECT_EQ(inside, 10000) << "sigmoid squeezes (-1, 1) into (0.269, 0.731): bins 19 to 25 of 30 over [-1, 1]";
  const MeanShiftResult selu = meanShift(ActivationKind::Selu, 0, 10000, 2, 30);
  EXPECT_LT(selu.inputHistogram.lo, -1.11) << "SELU outputs from -1.111 to 1.0507: the shared range widens to hold them";
  EXPECT_GT(selu.inputHistogram.hi, 1.04);
  EXPECT_EQ(selu.inputHistogram.hi, selu.outputHistogram.hi);
  EXPECT_EQ(errorOf([] { meanShift(ActivationKind::Tanh, 0, 0, 1, 30); }),
            "samples must be an integer in [1, 1000000], got 0");
  EXPECT_EQ(errorOf([] { meanShift(ActivationKind::LeakyRelu, 2, 10, 1, 30); }).find("alpha") != std::string::npos,
            true)
      << "an invalid leaky_relu slope is rejected";
}

// ---- linear collapse ----------------------------------------------------------------------

DenseLayer layer(int inputs, int outputs, std::vector<double> weights, std::vector<double> biases) {
  DenseLayer d;
  d.inputs = inputs;
  d.outputs = outputs;
  d.weights = std::move(weights);
  d.biases = std::move(biases);
  return d;
}

TEST(LinearCollapse, TwoLinearLayersEqualOneComposedLayer) {
  const DenseLayer first = layer(2, 3, {0.5, -1.2, 2.0, 0.3, -0.7, 1.1}, {0.1, -0.4, 0.25});
  const DenseLayer second = layer(3, 2, {1.5, -0.5, 0.8, -2.0, 0.6, 0.9}, {0.3, -0.2});
  std::vector<double> inputs;
  for (int i = 0; i < 21; ++i) {
    inputs.push_back(-1 + 0.1 * i);
    inputs.push_back(0.7 - 0.07 * i);
  }
  const CollapseResult result = linearCollapse(first, second, inputs, ActivationKind::Relu, 0);
  const DenseLayer& c = result.composed;
  ASSERT_EQ(c.inputs, 2);
  ASSERT_EQ(c.outputs, 2);
  EXPECT_NEAR(c.weights[0], 1.5 * 0.5 - 0.5 * 2.0 + 0.8 * -0.7, 1e-15) << "W3 = W2 W1";
  EXPECT_NEAR(c.biases[1], -2.0 * 0.1 + 0.6 * -0.4 + 0.9 * 0.25 - 0.2, 1e-15) << "b3 = W2 b1 + b2";
  ASSERT_EQ(result.twoLayerOutput.size(), 42u);
  for (std::size_t i = 0; i < 42; ++i) EXPECT_NEAR(result.twoLayerOutput[i], result.composedOutput[i], 1e-12);
  EXPECT_LE(result.maxAbsDifference, 1e-12);
  double bend = 0;
  for (std::size_t i = 0; i < 42; ++i) bend = std::max(bend, std::fabs(result.bentOutput[i] - result.composedOutput[i]));
  EXPECT_GT(bend, 0.1) << "relu between the layers must bend the output away from the line";
}

TEST(LinearCollapse, LinearActivationBetweenLeavesTheLine) {
  const DenseLayer first = layer(1, 2, {1.0, -1.0}, {0.0, 0.5});
  const DenseLayer second = layer(2, 1, {2.0, 3.0}, {1.0});
  const CollapseResult result = linearCollapse(first, second, {-1, 0, 0.5, 1}, ActivationKind::Linear, 0);
  EXPECT_EQ(result.bentOutput, result.twoLayerOutput);
}

TEST(LinearCollapse, RejectsShapeMismatches) {
  const DenseLayer first = layer(2, 3, std::vector<double>(6, 0.1), std::vector<double>(3, 0));
  const DenseLayer second = layer(2, 1, {1, 1}, {0});
  EXPECT_EQ(errorOf([&] { linearCollapse(first, second, {0, 0}, ActivationKind::Relu, 0); }),
            "second layer takes 2 inputs but the first layer gives 3 outputs");
  EXPECT_EQ(errorOf([&] { linearCollapse(layer(2, 3, {1}, {0, 0, 0}), second, {0, 0}, ActivationKind::Relu, 0); }),
            "first layer has 1 weights, expected 6");
  EXPECT_EQ(errorOf([&] { linearCollapse(first, layer(3, 1, {1, 1, 1}, {}), {0, 0}, ActivationKind::Relu, 0); }),
            "second layer has 0 biases, expected 1");
  EXPECT_EQ(errorOf([&] { linearCollapse(first, layer(3, 1, {1, 1, 1}, {0}), {0, 0, 0}, ActivationKind::Relu, 0); }),
            "inputs hold 3 values, not a multiple of 2 (the first layer's inputs)");
  EXPECT_EQ(errorOf([&] { linearCollapse(layer(0, 3, {}, {0, 0, 0}), second, {}, ActivationKind::Relu, 0); }),
            "first layer needs at least 1 input and 1 output, got 0 x 3");
}

// ---- log spacing --------------------------------------------------------------------------

TEST(LogSpaced, HitsBothEndsWithAConstantRatio) {
  const std::vector<double> rates = logSpaced(1e-3, 3, 9);
  ASSERT_EQ(rates.size(), 9u);
  EXPECT_EQ(rates.front(), 1e-3);
  EXPECT_EQ(rates.back(), 3.0);
  for (std::size_t i = 1; i < rates.size(); ++i) EXPECT_NEAR(rates[i] / rates[i - 1], std::pow(3000.0, 1.0 / 8), 1e-12);
  EXPECT_EQ(logSpaced(0.5, 4, 1), std::vector<double>{0.5});
  EXPECT_EQ(errorOf([] { logSpaced(0, 3, 9); }), "log-spaced bounds must be > 0 and finite, got 0 and 3");
  EXPECT_EQ(errorOf([] { logSpaced(1, 3, 0); }), "count must be >= 1, got 0");
}

}  // namespace
}  // namespace alab
