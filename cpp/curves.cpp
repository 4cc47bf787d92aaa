#include "curves.hpp"

#include <cmath>
#include <stdexcept>

#include "limits.hpp"
#include "portable_math.hpp"
#include "rng.hpp"

namespace alab {

const std::vector<CurveKind>& curveKinds() {
  static const std::vector<CurveKind> kinds{CurveKind::Sin, CurveKind::Abs, CurveKind::Step, CurveKind::Square,
                                            CurveKind::Sawtooth};
  return kinds;
}

const char* curveName(CurveKind kind) {
  switch (kind) {
    case CurveKind::Sin: return "sin";
    case CurveKind::Abs: return "abs";
    case CurveKind::Step: return "step";
    case CurveKind::Square: return "square";
    case CurveKind::Sawtooth: break;
  }
  return "sawtooth";
}

CurveKind curveKindFromName(const std::string& name) {
  std::string known;
  for (CurveKind kind : curveKinds()) {
    if (name == curveName(kind)) return kind;
    known += (known.empty() ? "" : ", ") + std::string(curveName(kind));
  }
  throw std::invalid_argument("unknown curve '" + name + "' (known: " + known + ")");
}

double curveValue(CurveKind kind, double x) {
  constexpr double pi = 3.14159265358979323846;
  switch (kind) {
    case CurveKind::Sin: {
      double sine, cosine;
      portableSinCos(pi * x, sine, cosine);
      return sine;
    }
    case CurveKind::Abs: return std::fabs(x);
    case CurveKind::Step: return x > 0 ? 1.0 : 0.0;
    case CurveKind::Square: return x * x;
    case CurveKind::Sawtooth: break;
  }
  const double shifted = x + 1.0;
  return 2.0 * (shifted - std::floor(shifted)) - 1.0;
}

Dataset makeCurve(CurveKind kind, std::size_t n, double noise, uint64_t seed) {
  requireInRange("curve size", static_cast<double>(n), limits::curveSize);
  requireInRange("curve noise", noise, limits::curveNoise);
  Rng rng(seed);
  Dataset data;
  data.inputs = 1;
  data.regression = true;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = limits::curveDomain * (-1.0 + 2.0 * static_cast<double>(i) / static_cast<double>(n - 1));
    const double jitter = noise > 0 ? rng.normal(0.0, 0.3 * noise) : 0.0;
    data.x.push_back(x);
    data.target.push_back(curveValue(kind, x) + jitter);
  }
  return data;
}

}  // namespace alab
