// Number formatting for error messages, without iostreams (they add ~300 KB to the WASM module).
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace alab {

/// Shortest decimal text that reads back as the same double ("0.1", "10", "nan", "1e+20").
inline std::string formatNumber(double value) {
  char buffer[32];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::isnan(value) || std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

}  // namespace alab
