// Elementary functions from +, -, *, / and bit operations only, so native and WASM builds round
// identically: log, sin and cos for random sampling (about 1 ulp), and exp, expm1 and tanh for
// the activations (at most 2 ulp from the correctly rounded value for normal results; checked
// against long double over dense ranges in tests/cpp/portable_math_test.cpp). They inline into
// the training loops, which is faster than a libm call.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "pairs.hpp"

namespace alab {

/// Natural logarithm of x > 0.
inline double portableLog(double x) {
  int exponent = 0;
  double mantissa = std::frexp(x, &exponent);  // x = mantissa * 2^exponent, mantissa in [0.5, 1)
  if (mantissa < 0.70710678118654752440) {
    mantissa *= 2.0;
    exponent -= 1;
  }
  // log(m) = 2 atanh(t), t = (m - 1) / (m + 1), |t| <= 0.1716.
  const double t = (mantissa - 1.0) / (mantissa + 1.0);
  const double t2 = t * t;
  double sum = 0.0;
  for (int k = 27; k >= 1; k -= 2) sum = sum * t2 + 1.0 / k;
  return 2.0 * t * sum + exponent * 0.69314718055994530942;
}

/// sin and cos of an angle in radians, |angle| up to about 1e6.
inline void portableSinCos(double angle, double& sine, double& cosine) {
  constexpr double halfPiHigh = 1.5707963267341256;  // pi/2 split in two for the reduction
  constexpr double halfPiLow = 6.077100506506192e-11;
  const double quarterTurns = std::nearbyint(angle / (halfPiHigh + halfPiLow));
  const double r = (angle - quarterTurns * halfPiHigh) - quarterTurns * halfPiLow;  // |r| <= pi/4
  const double r2 = r * r;
  // Taylor series in Horner form to r^23: error below 1e-17 on [-pi/4, pi/4].
  double s = 1.0, c = 1.0;
  for (int k = 23; k >= 3; k -= 2) s = 1.0 - r2 / (k * (k - 1)) * s;
  for (int k = 22; k >= 2; k -= 2) c = 1.0 - r2 / (k * (k - 1)) * c;
  s *= r;
  switch (static_cast<long long>(quarterTurns) & 3) {
    case 0: sine = s; cosine = c; break;
    case 1: sine = c; cosine = -s; break;
    case 2: sine = -s; cosine = -c; break;
    default: sine = -c; cosine = s; break;
  }
}

namespace detail {

// x = k ln2 + r with k an integer and |r| <= ln2 / 2 (plus rounding), for |x| below 2^50.
struct Reduced {
  double r;
  int64_t k;
};

inline Reduced reduceByLn2(double x) {
  constexpr double invLn2 = 1.44269504088896338700;
  constexpr double ln2High = 6.93147180369123816490e-01;  // 32 trailing zero bits: k * ln2High is exact
  constexpr double ln2Low = 1.90821492927058770002e-10;
  constexpr double shifter = 6755399441055744.0;  // 1.5 * 2^52: adding it rounds to an integer
  const double shifted = x * invLn2 + shifter;
  const double k = shifted - shifter;
  int64_t shiftedBits, shifterBits;
  std::memcpy(&shiftedBits, &shifted, sizeof shifted);
  std::memcpy(&shifterBits, &shifter, sizeof shifter);
  return {(x - k * ln2High) - k * ln2Low, shiftedBits - shifterBits};
}

// 2^k for an integer k in [-1022, 1023], from its exponent bits.
inline double powerOfTwo(int64_t k) {
  const uint64_t bits = static_cast<uint64_t>(k + 1023) << 52;
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// e^r - 1 for |r| <= 0.35: Taylor series to r^13 (truncation below 1e-17 relative), in
// Estrin's scheme: independent pairs shorten the chain of dependent multiplications. T is double
// or Pair (two values lane by lane, the same operations in the same order).
template <class T>
inline T expm1Reduced(T r) {
  const T r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const T low = (0.5 + r * (1.0 / 6.0)) + r2 * (1.0 / 24.0 + r * (1.0 / 120.0));
  const T middle = (1.0 / 720.0 + r * (1.0 / 5040.0)) + r2 * (1.0 / 40320.0 + r * (1.0 / 362880.0));
  const T high = (1.0 / 3628800.0 + r * (1.0 / 39916800.0)) + r2 * (1.0 / 479001600.0 + r * (1.0 / 6227020800.0));
  return r + r2 * ((low + r4 * middle) + r8 * high);
}

// e^x - 1 for |x| <= 44 (k <= 64), without branches.
inline double expm1Bounded(double x) {
  const Reduced reduced = reduceByLn2(x);
  const double scale = powerOfTwo(reduced.k);
  return scale * expm1Reduced(reduced.r) + (scale - 1.0);
}

}  // namespace detail

/// e^x for any double: 0 below -746, infinity above 710, NaN for NaN.
inline double portableExp(double x) {
  if (!(x > -746.0)) return x != x ? x : 0.0;
  if (x > 710.0) return std::numeric_limits<double>::infinity();
  const detail::Reduced reduced = detail::reduceByLn2(x);
  const int64_t half = reduced.k / 2;  // two exact scalings keep 2^k in range, down to subnormals
  return (1.0 + detail::expm1Reduced(reduced.r)) * detail::powerOfTwo(half) * detail::powerOfTwo(reduced.k - half);
}

/// e^x - 1, accurate also for |x| near 0.
inline double portableExpm1(double x) {
  if (x > 40.0) return portableExp(x);  // e^x - 1 rounds to e^x
  if (!(x > -40.0)) return x != x ? x : -1.0;
  return detail::expm1Bounded(x);
}

/// tanh(x) = e / (e + 2) with e = e^(2|x|) - 1, sign restored; exactly +-1 for |x| >= 22.
inline double portableTanh(double x) {
  if (x != x) return x;
  const double a = std::fabs(x);
  const double e = detail::expm1Bounded(2.0 * (a < 22.0 ? a : 22.0));
  return std::copysign(e / (e + 2.0), x);
}

/// portableTanh of two values at once, bit for bit: the same operations lane by lane, with the
/// branches as bit selects.
inline detail::Pair portableTanhPair(detail::Pair x) {
  using detail::Pair;
  using detail::PairBits;
  const auto bitsOf = [](Pair v) {
    PairBits bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
  };
  const auto pairOf = [](PairBits bits) {
    Pair v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  };
  const PairBits sign = {0x8000000000000000u, 0x8000000000000000u};
  const PairBits xBits = bitsOf(x);
  const Pair a = pairOf(xBits & ~sign);
  const Pair limit = {22.0, 22.0};
  const PairBits belowLimit = static_cast<PairBits>(a < limit);  // all ones where a < 22 (never for NaN)
  const Pair y = 2.0 * pairOf((bitsOf(a) & belowLimit) | (bitsOf(limit) & ~belowLimit));
  // detail::reduceByLn2 and detail::expm1Bounded, lane by lane.
  const Pair shifter = {6755399441055744.0, 6755399441055744.0};
  const Pair shifted = y * 1.44269504088896338700 + shifter;
  const Pair k = shifted - shifter;
  const Pair r = (y - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10;
  const PairBits exponent = bitsOf(shifted) - bitsOf(shifter) + 1023;
  const Pair scale = pairOf(exponent << 52);
  const Pair e = scale * detail::expm1Reduced(r) + (scale - 1.0);
  const Pair t = pairOf(bitsOf(e / (e + 2.0)) | (xBits & sign));
  const PairBits isNaN = static_cast<PairBits>(x != x);
  return pairOf((xBits & isNaN) | (bitsOf(t) & ~isNaN));
}

}  // namespace alab
