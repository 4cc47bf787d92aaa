// portableExp, portableExpm1 and portableTanh against long double references (x86 expl, expm1l,
// tanhl: 11 more bits than double) over dense ranges, with the error bounds portable_math.hpp states.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "portable_math.hpp"

namespace {

using alab::portableExp;
using alab::portableExpm1;
using alab::portableTanh;
using alab::portableTanhPair;

// |got - reference| in units in the last place of the double nearest to the reference.
double ulpError(double got, long double reference) {
  const double nearest = static_cast<double>(reference);
  const double magnitude = std::fabs(nearest);
  const double ulp = magnitude < std::numeric_limits<double>::min()
                         ? std::numeric_limits<double>::denorm_min()
                         : std::nextafter(magnitude, std::numeric_limits<double>::infinity()) - magnitude;
  return static_cast<double>(std::fabs(static_cast<long double>(got) - reference) / ulp);
}

// Largest ulp error of f against reference at n + 1 evenly spaced points of [low, high].
template <class F, class R>
double worstUlp(F f, R reference, double low, double high, long n) {
  double worst = 0.0;
  for (long i = 0; i <= n; ++i) {
    const double x = low + (high - low) * static_cast<double>(i) / static_cast<double>(n);
    worst = std::fmax(worst, ulpError(f(x), reference(static_cast<long double>(x))));
  }
  return worst;
}

constexpr long points = 1000000;

TEST(PortableMath, ExpIsWithinOneUlpFromUnderflowToOverflow) {
  static_assert(std::numeric_limits<long double>::digits >= 64, "needs x86 extended precision references");
  const auto reference = [](long double x) { return expl(x); };
  EXPECT_LT(worstUlp(portableExp, reference, -708.0, 709.7, points), 1.0);
  EXPECT_LT(worstUlp(portableExp, reference, -2.0, 2.0, points), 1.0);
}

TEST(PortableMath, Expm1IsWithinTwoAndAHalfUlpIncludingNearZero) {
  const auto reference = [](long double x) { return expm1l(x); };
  EXPECT_LT(worstUlp(portableExpm1, reference, -50.0, 50.0, points), 2.5);
  EXPECT_LT(worstUlp(portableExpm1, reference, -1.0, 1.0, points), 2.5);
  EXPECT_LT(worstUlp(portableExpm1, reference, -1e-6, 1e-6, points), 2.5);
}

TEST(PortableMath, TanhIsWithinThreeUlpIncludingNearZeroAndTheTails) {
  const auto reference = [](long double x) { return tanhl(x); };
  EXPECT_LT(worstUlp(portableTanh, reference, -25.0, 25.0, points), 3.0);
  EXPECT_LT(worstUlp(portableTanh, reference, -1.0, 1.0, points), 3.0);
  EXPECT_LT(worstUlp(portableTanh, reference, -1e-6, 1e-6, points), 3.0);
  EXPECT_LT(worstUlp(portableTanh, reference, 1e-300, 1e-290, points), 3.0);
}

TEST(PortableMath, SpecialValuesFollowTheStandardLibrary) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(portableExp(0.0), 1.0);
  EXPECT_EQ(portableExp(-inf), 0.0);
  EXPECT_EQ(portableExp(inf), inf);
  EXPECT_EQ(portableExp(710.0), inf);
  EXPECT_EQ(portableExp(-746.0), 0.0);
  EXPECT_EQ(portableExp(-745.0), std::exp(-745.0)) << "smallest subnormal results";
  EXPECT_TRUE(std::isnan(portableExp(nan)));
  EXPECT_EQ(portableExpm1(-inf), -1.0);
  EXPECT_EQ(portableExpm1(inf), inf);
  EXPECT_TRUE(std::isnan(portableExpm1(nan)));
  EXPECT_EQ(portableTanh(inf), 1.0);
  EXPECT_EQ(portableTanh(-inf), -1.0);
  EXPECT_EQ(portableTanh(30.0), 1.0);
  EXPECT_TRUE(std::signbit(portableTanh(-0.0))) << "tanh(-0) is -0";
  EXPECT_EQ(portableTanh(4.9406564584124654e-324), 4.9406564584124654e-324);
  EXPECT_TRUE(std::isnan(portableTanh(nan)));
}

TEST(PortableMath, TanhIsOdd) {
  for (int i = -20000; i <= 20000; ++i) {
    const double x = i * 1e-3;
    EXPECT_EQ(portableTanh(-x), -portableTanh(x)) << "tanh(-" << x << ")";
  }
}

// The two-lane tanh the training kernels use gives portableTanh's bits in each lane (so the
// oracle, the error bound and native/WASM parity carry over), for every kind of input.
TEST(PortableMath, TanhPairGivesPortableTanhBitForBitInEachLane) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> xs = {0.0, -0.0, inf, -inf, std::numeric_limits<double>::quiet_NaN(), 4.9406564584124654e-324,
                            -2.2250738585072014e-308, 21.999999999999996, 22.0, -22.000000000000004, 1e300, -1e-300};
  for (long i = -2000000; i <= 2000000; ++i) xs.push_back(static_cast<double>(i) * 1.3e-5);
  for (int e = -1074; e <= 1023; ++e) xs.push_back(-std::ldexp(1.37, e));
  const auto bits = [](double v) {
    uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return b;
  };
  long mismatches = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double other = xs[(i * 7919) % xs.size()];
    const alab::detail::Pair t = portableTanhPair(alab::detail::Pair{xs[i], other});
    if (bits(t[0]) != bits(portableTanh(xs[i])) || bits(t[1]) != bits(portableTanh(other))) {
      if (++mismatches <= 5) ADD_FAILURE() << "tanh(" << xs[i] << ", " << other << ")";
    }
  }
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
