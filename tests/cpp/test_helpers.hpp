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
inline std::vector<double> stateOf(const Network& network) {
  std::vector<double> state(network.stateSize());
  network.saveState(state.data());
  return state;
}
inline std::vector<double> stateOf(const Trainer& trainer) { return stateOf(trainer.network()); }

/// Whether two values are the same bits (so -0 differs from +0 and NaN payloads count).
inline bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

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
