// The hand-written reference npm run bench measures the engine against: 2-8-8-1 with fixed-size
// arrays, ReLU or tanh (libm) hidden units, linear output, loss (y - t)^2 / 2 averaged over each
// batch, plain SGD, batches in data order. Same conventions as the engine (weights row-major
// outputs x inputs, biases start as given), so both reach the same loss from the same start.
#pragma once

#include <cmath>

namespace reference {

constexpr int hidden = 8;

struct Loop {
  double w1[hidden][2], b1[hidden], w2[hidden][hidden], b2[hidden], w3[hidden], b3;
  const double* x = nullptr;  // n points of 2 values
  const double* t = nullptr;  // n targets
  int n = 0, batch = 1;
  bool tanhUnits = false;
  double learningRate = 0.03;

  // Copies the parameters from the engine's layout: per layer, weights then biases.
  void setParameters(const double* p) {
    for (int j = 0; j < hidden; ++j) for (int i = 0; i < 2; ++i) w1[j][i] = *p++;
    for (int j = 0; j < hidden; ++j) b1[j] = *p++;
    for (int j = 0; j < hidden; ++j) for (int i = 0; i < hidden; ++i) w2[j][i] = *p++;
    for (int j = 0; j < hidden; ++j) b2[j] = *p++;
    for (int i = 0; i < hidden; ++i) w3[i] = *p++;
    b3 = *p;
  }

  double activate(double z) const { return tanhUnits ? std::tanh(z) : (z > 0 ? z : 0.0); }
  double slope(double a) const { return tanhUnits ? 1.0 - a * a : (a > 0 ? 1.0 : 0.0); }

  // Output for one point; fills the hidden activations when a1, a2 are given.
  double forward(const double* in, double* a1, double* a2) const {
    for (int j = 0; j < hidden; ++j) a1[j] = activate(b1[j] + w1[j][0] * in[0] + w1[j][1] * in[1]);
    double y = b3;
    for (int j = 0; j < hidden; ++j) {
      double z = b2[j];
      for (int i = 0; i < hidden; ++i) z += w2[j][i] * a1[i];
      a2[j] = activate(z);
      y += w3[j] * a2[j];
    }
    return y;
  }

  // One pass over the data, one SGD step per batch.
  void epoch() {
    for (int first = 0; first < n; first += batch) {
      const int count = first + batch <= n ? batch : n - first;
      const double scale = 1.0 / count;
      double g1[hidden][2] = {}, gb1[hidden] = {}, g2[hidden][hidden] = {}, gb2[hidden] = {}, g3[hidden] = {}, gb3 = 0;
      for (int p = first; p < first + count; ++p) {
        double a1[hidden], a2[hidden], d2[hidden];
        const double delta = (forward(x + 2 * p, a1, a2) - t[p]) * scale;
        gb3 += delta;
        for (int j = 0; j < hidden; ++j) {
          g3[j] += delta * a2[j];
          d2[j] = delta * w3[j] * slope(a2[j]);
          gb2[j] += d2[j];
          for (int i = 0; i < hidden; ++i) g2[j][i] += d2[j] * a1[i];
        }
        for (int i = 0; i < hidden; ++i) {
          double d1 = 0;
          for (int j = 0; j < hidden; ++j) d1 += w2[j][i] * d2[j];
          d1 *= slope(a1[i]);
          gb1[i] += d1;
          g1[i][0] += d1 * x[2 * p];
          g1[i][1] += d1 * x[2 * p + 1];
        }
      }
      for (int j = 0; j < hidden; ++j) {
        for (int i = 0; i < 2; ++i) w1[j][i] -= learningRate * g1[j][i];
        b1[j] -= learningRate * gb1[j];
        for (int i = 0; i < hidden; ++i) w2[j][i] -= learningRate * g2[j][i];
        b2[j] -= learningRate * gb2[j];
        w3[j] -= learningRate * g3[j];
      }
      b3 -= learningRate * gb3;
    }
  }

  // Mean (y - t)^2 / 2 over the data.
  double loss() const {
    double sum = 0, a1[hidden], a2[hidden];
    for (int p = 0; p < n; ++p) {
      const double error = forward(x + 2 * p, a1, a2) - t[p];
      sum += error * error / 2;
    }
    return sum / n;
  }
};

}  // namespace reference
