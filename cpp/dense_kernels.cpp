#include "dense_kernels.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include "activations.hpp"
#include "pairs.hpp"
#include "portable_math.hpp"

namespace alab {
namespace detail {

namespace {

// Loops over one layer's inputs, with their count N fixed at compile time (N = 0: read at run
// time), so the short inner loops of a small network unroll completely.
template <int N>
struct Rows {
  // z = W in + b for one example.
  static void forward(const DenseView& layer, const double* __restrict in, double* __restrict z) {
    const int n = N > 0 ? N : layer.inputs;
    for (int j = 0; j < layer.outputs; ++j) {
      const double* __restrict row = layer.weights + j * n;
      double sum = layer.biases[j];
      for (int i = 0; i < n; ++i) sum += row[i] * in[i];
      z[j] = sum;
    }
  }

  // forward() for two examples at once: each weight is loaded once for both, same sums.
  static void forwardPair(const DenseView& layer, const double* __restrict in0, const double* __restrict in1,
                          double* __restrict z0, double* __restrict z1) {
    const int n = N > 0 ? N : layer.inputs;
    for (int j = 0; j < layer.outputs; ++j) {
      const double* __restrict row = layer.weights + j * n;
      double sum0 = layer.biases[j], sum1 = sum0;
      for (int i = 0; i < n; ++i) {
        sum0 += row[i] * in0[i];
        sum1 += row[i] * in1[i];
      }
      z0[j] = sum0;
      z1[j] = sum1;
    }
  }

  // Adds delta in^T to the weight gradient and delta to the bias gradient; when below is not
  // null, sets below = (W^T delta) * slope, the delta of the layer underneath. Rows whose delta is
  // exactly 0 (ReLU units that are off) are skipped when every input is finite: they would only
  // add zeros to sums that are never -0 (they start at +0), so the result is bit for bit the same.
  static void backward(const DenseView& layer, const double* __restrict in, const double* __restrict delta,
                       double* __restrict gw, double* __restrict gb, const double* __restrict slope,
                       double* __restrict below) {
    const int n = N > 0 ? N : layer.inputs;
    const bool finiteInputs = allFinite(in, static_cast<std::size_t>(n));
    if (below == nullptr) {
      for (int j = 0; j < layer.outputs; ++j) {
        const double dj = delta[j];
        if (dj == 0.0 && finiteInputs) continue;
        double* __restrict gRow = gw + j * n;
        gb[j] += dj;
        for (int i = 0; i < n; ++i) gRow[i] += dj * in[i];
      }
      return;
    }
    for (int i = 0; i < n; ++i) below[i] = 0.0;
    for (int j = 0; j < layer.outputs; ++j) {
      const double dj = delta[j];
      if (dj == 0.0 && finiteInputs) continue;
      const double* __restrict wRow = layer.weights + j * n;
      double* __restrict gRow = gw + j * n;
      gb[j] += dj;
      for (int i = 0; i < n; ++i) {
        gRow[i] += dj * in[i];
        below[i] += wRow[i] * dj;
      }
    }
    for (int i = 0; i < n; ++i) below[i] *= slope[i];
  }

  // below = (W^T delta) * slope, as backward() computes it (the same rows skipped).
  static void propagate(const DenseView& layer, const double* __restrict in, const double* __restrict delta,
                        const double* __restrict slope, double* __restrict below) {
    const int n = N > 0 ? N : layer.inputs;
    const bool finiteInputs = allFinite(in, static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) below[i] = 0.0;
    for (int j = 0; j < layer.outputs; ++j) {
      const double dj = delta[j];
      if (dj == 0.0 && finiteInputs) continue;
      const double* __restrict wRow = layer.weights + j * n;
      for (int i = 0; i < n; ++i) below[i] += wRow[i] * dj;
    }
    for (int i = 0; i < n; ++i) below[i] *= slope[i];
  }

  // sgdBlock's step on every weight and bias of the layer, each gradient 0 + delta_j in_i (or 0 + delta_j):
  // v = momentum v - rate (g + l2 w), w += v, two values at a time. The bits of every w - w are or-ed into `bits`.
  template <bool WithL2>
  static void sgdStep(const DenseView& layer, const SgdLayer& p, const double* __restrict in,
                      const double* __restrict delta, const SgdRates& r, PairBits& bits) {
    const int n = N > 0 ? N : layer.inputs;
    const Pair mu = {r.momentum, r.momentum}, lr = {r.rate, r.rate}, decay = {r.l2, r.l2}, zero = {0, 0};
    // One pair of parameters w, v with gradients 0 + d x.
    const auto step = [&](double* __restrict w, double* __restrict v, Pair d, Pair x, bool l2) {
      Pair wi, vi;
      std::memcpy(&wi, w, sizeof wi);
      std::memcpy(&vi, v, sizeof vi);
      const Pair g = zero + d * x;
      const Pair change = mu * vi - lr * (l2 ? g + decay * wi : g);
      wi += change;
      addDifferenceBits(wi, bits);
      std::memcpy(v, &change, sizeof change);
      std::memcpy(w, &wi, sizeof wi);
    };
    const auto single = [&](double& w, double& v, double g, bool l2) {
      const double change = r.momentum * v - r.rate * (l2 ? g + r.l2 * w : g);
      v = change;
      w += change;
      addDifferenceBits(Pair{w, 0.0}, bits);
    };
    for (int j = 0; j < layer.outputs; ++j) {
      const double dj = delta[j];
      const Pair d = {dj, dj};
      double* __restrict w = p.weights + j * n;
      double* __restrict v = p.weightVelocities + j * n;
      int i = 0;
      for (; i + 2 <= n; i += 2) {
        Pair x;
        std::memcpy(&x, in + i, sizeof x);
        step(w + i, v + i, d, x, WithL2);
      }
      if (i < n) single(w[i], v[i], 0.0 + dj * in[i], WithL2);
    }
    if (!r.bias) return;
    const Pair one = {1, 1};
    int j = 0;
    for (; j + 2 <= layer.outputs; j += 2) {
      Pair d;
      std::memcpy(&d, delta + j, sizeof d);
      step(p.biases + j, p.biasVelocities + j, d, one, false);
    }
    if (j < layer.outputs) single(p.biases[j], p.biasVelocities[j], 0.0 + delta[j], false);
  }
};

// Calls fn(Rows<width>{}) for widths 1 to 8, fn(Rows<0>{}) otherwise.
template <class Fn>
void withWidth(int width, Fn&& fn) {
  switch (width) {
    case 1: return fn(Rows<1>{});
    case 2: return fn(Rows<2>{});
    case 3: return fn(Rows<3>{});
    case 4: return fn(Rows<4>{});
    case 5: return fn(Rows<5>{});
    case 6: return fn(Rows<6>{});
    case 7: return fn(Rows<7>{});
    case 8: return fn(Rows<8>{});
    default: return fn(Rows<0>{});
  }
}

// a = f(z) and, where d is not null, d = f'(z); tanh and sigmoid derive the slope from the value
// (one evaluation, not two).
template <class F>
struct ValueAndSlope {
  static void eval(const double* z, double alpha, double* a, double* d, int n) {
    if (d == nullptr) {
      for (int j = 0; j < n; ++j) a[j] = F::f(z[j], alpha);
      return;
    }
    for (int j = 0; j < n; ++j) {
      a[j] = F::f(z[j], alpha);
      d[j] = F::df(z[j], alpha);
    }
  }
};

// Two values at a time (portableTanhPair), the same bits as fn::Tanh::f one by one.
template <>
struct ValueAndSlope<fn::Tanh> {
  static void eval(const double* z, double, double* a, double* d, int n) {
    const auto store = [&](int j, Pair t) {
      std::memcpy(a + j, &t, sizeof t);
      if (d == nullptr) return;
      const Pair slope = (1.0 - t) * (1.0 + t);
      std::memcpy(d + j, &slope, sizeof slope);
    };
    int j = 0;
    for (; j + 2 <= n; j += 2) {
      Pair zj;
      std::memcpy(&zj, z + j, sizeof zj);
      store(j, portableTanhPair(zj));
    }
    if (j < n) {
      const double t = portableTanh(z[j]);
      a[j] = t;
      if (d != nullptr) d[j] = (1.0 - t) * (1.0 + t);
    }
  }
};

template <>
struct ValueAndSlope<fn::Sigmoid> {
  static void eval(const double* z, double, double* a, double* d, int n) {
    for (int j = 0; j < n; ++j) {
      const double s = fn::Sigmoid::f(z[j], 0.0);
      a[j] = s;
      if (d != nullptr) d[j] = s * (1.0 - s);
    }
  }
};

// PReLU with one slope per unit: a = z > 0 ? z : slope z, d = z > 0 ? 1 : slope (unless d is null).
void preluChunk(const double* z, const double* slopes, int width, int count, double* a, double* d) {
  for (int b = 0; b < count; ++b)
    for (int j = 0; j < width; ++j) {
      const int k = b * width + j;
      a[k] = fn::Prelu::f(z[k], slopes[j]);
      if (d != nullptr) d[k] = fn::Prelu::df(z[k], slopes[j]);
    }
}

// Adds each PReLU unit's slope gradient, upstream * min(z, 0), then scales upstream by f'(z).
void preluBackward(const double* z, const double* slope, int width, double* upstream, double* slopeGradient) {
  for (int j = 0; j < width; ++j) {
    if (z[j] <= 0) slopeGradient[j] += upstream[j] * z[j];
    upstream[j] *= slope[j];
  }
}

const double ones[maxWidth] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                               1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
static_assert(maxWidth == 32, "ones has one entry per unit of the widest layer");

}  // namespace

void forwardChunk(const Model& model, const double* const* x, int count, ChunkScratch& s, bool withSlope) {
  for (int l = 0; l <= model.hiddenLayers; ++l) {
    const DenseView& layer = model.layer[l];
    withWidth(layer.inputs, [&](auto rows) {
      using R = decltype(rows);
      const auto in = [&](int b) { return l == 0 ? x[b] : s.a[l - 1] + b * layer.inputs; };
      int b = 0;
      for (; b + 2 <= count; b += 2)
        R::forwardPair(layer, in(b), in(b + 1), s.z[l] + b * layer.outputs, s.z[l] + (b + 1) * layer.outputs);
      if (b < count) R::forward(layer, in(b), s.z[l] + b * layer.outputs);
    });
    if (l == model.hiddenLayers) break;
    const int n = count * layer.outputs;
    if (model.activation == ActivationKind::Prelu) {
      preluChunk(s.z[l], model.slopes[l], layer.outputs, count, s.a[l], withSlope ? s.d[l] : nullptr);
      continue;
    }
    withActivation(model.activation, [&](auto f) {
      ValueAndSlope<decltype(f)>::eval(s.z[l], model.alpha, s.a[l], withSlope ? s.d[l] : nullptr, n);
    });
  }
}

void backwardChunk(const Model& model, const GradientView& gradient, const double* const* x, int count,
                   ChunkScratch& s) {
  double* delta = s.delta[0];
  double* below = s.delta[1];
  for (int l = model.hiddenLayers; l >= 0; --l) {
    const DenseView& layer = model.layer[l];
    const bool prelu = l > 0 && model.activation == ActivationKind::Prelu;
    withWidth(layer.inputs, [&](auto rows) {
      for (int b = 0; b < count; ++b) {
        const double* in = l == 0 ? x[b] : s.a[l - 1] + b * layer.inputs;
        const double* slope = l == 0 ? nullptr : prelu ? ones : s.d[l - 1] + b * layer.inputs;
        double* next = l == 0 ? nullptr : below + b * layer.inputs;
        decltype(rows)::backward(layer, in, delta + b * layer.outputs, gradient.weights[l], gradient.biases[l], slope,
                                 next);
        if (prelu)
          preluBackward(s.z[l - 1] + b * layer.inputs, s.d[l - 1] + b * layer.inputs, layer.inputs, next,
                        gradient.slopes[l - 1]);
      }
    });
    std::swap(delta, below);
  }
}

bool sgdStepOne(const Model& model, const ParameterView& p, const double* x, const SgdRates& rates, ChunkScratch& s) {
  double* delta = s.delta[0];
  double* below = s.delta[1];
  PairBits bits = {0, 0};
  for (int l = model.hiddenLayers; l >= 0; --l) {
    const DenseView& layer = model.layer[l];
    const double* in = l == 0 ? x : s.a[l - 1];
    withWidth(layer.inputs, [&](auto rows) {
      using R = decltype(rows);
      // The delta underneath comes from the weights before this step; each parameter's step needs only its own values.
      if (l > 0) R::propagate(layer, in, delta, s.d[l - 1], below);
      if (rates.l2 == 0.0) R::template sgdStep<false>(layer, p.layer[l], in, delta, rates, bits);
      else R::template sgdStep<true>(layer, p.layer[l], in, delta, rates, bits);
    });
    std::swap(delta, below);
  }
  return (bits[0] | bits[1]) == 0;
}

void addL1Subgradient(const double* __restrict w, double* __restrict g, std::size_t n, double l1) {
  for (std::size_t i = 0; i < n; ++i) g[i] += w[i] > 0.0 ? l1 : (w[i] < 0.0 ? -l1 : 0.0);
}

}  // namespace detail
}  // namespace alab
