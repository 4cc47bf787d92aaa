// Internal to the kernels: two doubles at a time in GCC / Clang vectors (SSE2 natively, simd128 in
// WASM). Each lane does exactly the scalar arithmetic, so every build gets the same bits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace alab {
namespace detail {

using Pair = double __attribute__((vector_size(16)));
using PairBits = uint64_t __attribute__((vector_size(16)));

// The bits of x - x, or-ed into `into`: x - x is +0 for a finite x and NaN otherwise.
inline void addDifferenceBits(Pair x, PairBits& into) {
  const Pair difference = x - x;
  PairBits bits;
  std::memcpy(&bits, &difference, sizeof bits);
  into |= bits;
}

// True when none of the n values is NaN or infinite.
inline bool allFinite(const double* x, std::size_t n) {
  PairBits any = {0, 0};
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    Pair pair;
    std::memcpy(&pair, x + i, sizeof pair);
    addDifferenceBits(pair, any);
  }
  if (i < n) addDifferenceBits(Pair{x[i], 0.0}, any);
  return (any[0] | any[1]) == 0;
}

}  // namespace detail
}  // namespace alab
