// Internal to Network and the optimisers: SGD with classic momentum on one block of parameters,
// inline so a training step runs it without the generic optimiser's dispatch; two parameters at a
// time (pairs.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "pairs.hpp"

namespace alab {
namespace detail {

// v = momentum v - rate (g + l2 w), w += v, g = 0 for n parameters; true when every w is finite
// afterwards (the bits of every w - w or-ed together are 0). The step taken is left in v (sgdSquaredStep sums its squares).
template <bool WithL2>
inline bool sgdBlock(double momentum, double rate, double l2, double* __restrict w, double* __restrict g,
                     double* __restrict v, std::size_t n) {
  const Pair mu = {momentum, momentum}, lr = {rate, rate}, decay = {l2, l2}, zero = {0, 0};
  PairBits differences = {0, 0};
  const auto pair = [&](std::size_t i) {
    Pair wi, gi, vi;
    std::memcpy(&wi, w + i, sizeof wi);
    std::memcpy(&gi, g + i, sizeof gi);
    std::memcpy(&vi, v + i, sizeof vi);
    const Pair delta = mu * vi - lr * (WithL2 ? gi + decay * wi : gi);
    wi += delta;
    addDifferenceBits(wi, differences);
    std::memcpy(v + i, &delta, sizeof delta);
    std::memcpy(w + i, &wi, sizeof wi);
    std::memcpy(g + i, &zero, sizeof zero);
  };
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    pair(i);
    pair(i + 2);
  }
  if (i + 2 <= n) {
    pair(i);
    i += 2;
  }
  if (i < n) {
    const double delta = momentum * v[i] - rate * (WithL2 ? g[i] + l2 * w[i] : g[i]);
    v[i] = delta;
    w[i] += delta;
    g[i] = 0.0;
    addDifferenceBits(Pair{w[i], 0.0}, differences);
  }
  return (differences[0] | differences[1]) == 0;
}

// Sum of the squares of n steps: pairs (i, i + 1) summed lane by lane in two interleaved parts
// (i mod 4 = 0 and i mod 4 = 2), so no add waits on the one before; an odd last value added last.
inline double sgdSquaredStep(const double* v, std::size_t n) {
  Pair squared[2] = {{0, 0}, {0, 0}};
  const auto add = [&](std::size_t i, Pair& sum) {
    Pair vi;
    std::memcpy(&vi, v + i, sizeof vi);
    sum += vi * vi;
  };
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    add(i, squared[0]);
    add(i + 2, squared[1]);
  }
  if (i + 2 <= n) {
    add(i, squared[0]);
    i += 2;
  }
  const Pair both = squared[0] + squared[1];
  double total = both[0] + both[1];
  if (i < n) total += v[i] * v[i];
  return total;
}

}  // namespace detail
}  // namespace alab
