#include "optimizers.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "sgd_kernel.hpp"

namespace alab {

namespace {

// Applies w += change(i, g + l2 w) to every parameter and clears g. The finiteness check adds 2^52
// to each value's exponent bits: the sum reaches bit 63 only for an all-ones exponent (NaN, infinity).
template <bool WithL2, class Change>
BlockUpdate updateEach(double* __restrict w, double* __restrict g, std::size_t n, double l2, Change&& change) {
  constexpr uint64_t exponentBits = 0x7ff0000000000000ULL;
  uint64_t overflow = 0;
  double squared = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double delta = change(i, WithL2 ? g[i] + l2 * w[i] : g[i]);
    w[i] += delta;
    g[i] = 0.0;
    squared += delta * delta;
    uint64_t bits;
    std::memcpy(&bits, &w[i], sizeof bits);
    overflow |= (bits & exponentBits) + (uint64_t{1} << 52);
  }
  return {(overflow >> 63) == 0, squared};
}

// Sgd's update (sgd_kernel.hpp), with the squared step summed from the velocity it leaves.
template <bool WithL2>
BlockUpdate sgd(const OptimizerStep& s, double* w, double* g, double* v, std::size_t n, double l2) {
  const bool finite = detail::sgdBlock<WithL2>(s.momentum, s.rate, l2, w, g, v, n);
  return {finite, detail::sgdSquaredStep(v, n)};
}

template <bool WithL2>
BlockUpdate update(const OptimizerStep& s, double* __restrict w, double* __restrict g, double* __restrict first,
                   double* __restrict second, std::size_t n, double l2) {
  switch (s.kind) {
    case Optimizer::Sgd:
      return sgd<WithL2>(s, w, g, first, n, l2);
    case Optimizer::Adam:
      return updateEach<WithL2>(w, g, n, l2, [&](std::size_t i, double grad) {
        first[i] = s.beta1 * first[i] + (1.0 - s.beta1) * grad;
        second[i] = s.beta2 * second[i] + (1.0 - s.beta2) * (grad * grad);
        return -s.rate * (first[i] / s.correction1) / (std::sqrt(second[i] / s.correction2) + s.epsilon);
      });
    case Optimizer::RmsProp:
      break;
  }
  return updateEach<WithL2>(w, g, n, l2, [&](std::size_t i, double grad) {
    second[i] = s.rho * second[i] + (1.0 - s.rho) * (grad * grad);
    return -s.rate * grad / (std::sqrt(second[i]) + s.epsilon);
  });
}

}  // namespace

const char* optimizerName(Optimizer optimizer) {
  switch (optimizer) {
    case Optimizer::Sgd: return "sgd";
    case Optimizer::Adam: return "adam";
    case Optimizer::RmsProp: return "rmsprop";
  }
  throw std::invalid_argument("unknown optimizer " + std::to_string(static_cast<int>(optimizer)));
}

const std::vector<Optimizer>& optimizers() {
  static const std::vector<Optimizer> all{Optimizer::Sgd, Optimizer::Adam, Optimizer::RmsProp};
  return all;
}

Optimizer optimizerFromName(const std::string& name) {
  std::string known;
  for (const Optimizer optimizer : optimizers()) {
    if (name == optimizerName(optimizer)) return optimizer;
    known += (known.empty() ? "" : ", ") + std::string(optimizerName(optimizer));
  }
  throw std::invalid_argument("unknown optimizer '" + name + "'; known: " + known);
}

BlockUpdate updateBlock(const OptimizerStep& step, double* w, double* g, double* first, double* second, std::size_t n,
                        double l2) {
  return l2 == 0.0 ? update<false>(step, w, g, first, second, n, 0.0) : update<true>(step, w, g, first, second, n, l2);
}

}  // namespace alab
