// Helpers shared by the native tests: the message of a refused call, a run's whole training
// state for bit-identical comparisons, and settling a run's life search.
#pragma once
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "trainer.hpp"

namespace alab::testing {

/// The message of the std::invalid_argument `call` throws, or "(no exception)".
inline std::string errorOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "(no exception)";
}

/// The full training state (parameters, optimiser state, slopes) as saved in a keyframe.
inline std::vector<double> stateOf(const Trainer& trainer) {
  std::vector<double> state(trainer.network().stateSize());
  trainer.network().saveState(state.data());
  return state;
}

/// Whether two states are the same bits.
inline bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

/// Training leaves the search for the exact steps of unit changes pending: settles all of it.
inline void settle(Trainer& trainer) {
  while (!trainer.settleLife(1000)) {
  }
}

}  // namespace alab::testing
