// The WASM side of the hand-written reference (bench/reference_loop.hpp), built by
// bench/reference.mjs with em++ -O3: plain C exports over one buffer the caller fills.
#include <vector>

#include "reference_loop.hpp"

namespace {
reference::Loop loop;
std::vector<double> buffer;
}  // namespace

extern "C" {

// Room for n points (2n inputs, n targets) and the 113 parameters; returns its address.
double* referenceBuffer(int n) {
  buffer.assign(3 * n + 113, 0.0);
  return buffer.data();
}

// Starts a run from the buffer: inputs, targets, then the parameters in the engine's layout.
void referenceStart(int n, int tanhUnits, int batch, double learningRate) {
  loop.n = n;
  loop.tanhUnits = tanhUnits != 0;
  loop.batch = batch;
  loop.learningRate = learningRate;
  loop.x = buffer.data();
  loop.t = buffer.data() + 2 * n;
  loop.setParameters(buffer.data() + 3 * n);
}

// Trains `epochs` passes over the data.
void referenceTrain(int epochs) {
  for (int e = 0; e < epochs; ++e) loop.epoch();
}

// Mean squared error / 2 over the data now.
double referenceLoss() { return loop.loss(); }

}
