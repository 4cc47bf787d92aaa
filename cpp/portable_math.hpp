// log, sin and cos from +, -, *, / only, for random sampling: glibc's and Emscripten's libm
// differ in the last bit, and seeded runs must match bit for bit across the two builds.
// Accurate to about 1 ulp; never used for the activations themselves, which use <cmath>.
#pragma once

#include <cmath>

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

}  // namespace alab
