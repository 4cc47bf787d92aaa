// Native side of `npm run bench`: trains 2-8-8-1 (linear output, squared error, plain SGD, no
// shuffling) on the engine's 500-point circle, with the engine or with the hand-written reference
// loop (bench/reference_loop.hpp) from the engine's initial weights, and prints one JSON line:
// {"examplesPerSecond": ..., "lossAfter10Epochs": ...}. The engine trains in the fewest calls that
// costs.maxWorkPerCall accepts.
// Usage: alab_bench <activation> <batch> <seconds> [engine|reference]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <ctime>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "limits.hpp"
#include "network.hpp"
#include "reference_loop.hpp"
#include "trainer.hpp"

namespace {

constexpr int points = 500;

// Keep in step with benchSpec() in bench/engines.mjs.
alab::Trainer makeTrainer(alab::ActivationKind activation, int batch) {
  alab::NetworkConfig config;
  config.hiddenUnits = {8, 8};
  config.hiddenActivation = activation;
  config.head = alab::OutputHead::LinearSquaredError;
  config.seed = 1;
  alab::TrainSettings settings;
  settings.learningRate = 0.03;
  settings.batchSize = batch;
  auto data = alab::splitDataset(alab::makeDataset(alab::DatasetKind::Circle, points, 0.1, 1), 1.0, 1);
  return alab::Trainer(config, std::move(data), settings, 0, 1, false);
}

// A run of either kind: train(epochs) and the loss now.
struct Run {
  std::function<void(long)> train;
  std::function<double()> loss;
};

// The reference loop, started from a fresh engine trainer's data and weights; owns its buffers.
struct ReferenceRun {
  std::vector<double> x, t, parameters;
  reference::Loop loop;
  ReferenceRun(const alab::Trainer& trainer, bool tanhUnits, int batch) {
    const alab::Dataset& data = trainer.data().train;
    x = data.x;
    for (const int label : data.label) t.push_back(label);
    const alab::Network& net = trainer.network();
    for (std::size_t l = 0; l < net.layerCount(); ++l) {
      parameters.insert(parameters.end(), net.weights(l).begin(), net.weights(l).end());
      parameters.insert(parameters.end(), net.biases(l).begin(), net.biases(l).end());
    }
    loop.x = x.data();
    loop.t = t.data();
    loop.n = static_cast<int>(t.size());
    loop.batch = batch;
    loop.tanhUnits = tanhUnits;
    loop.setParameters(parameters.data());
  }
};

// Trains `steps` steps in as few Trainer::train calls as limits::maxWorkPerCall allows.
void trainInLargestCalls(alab::Trainer& trainer, long steps, int batch) {
  const double work = std::min(batch, points) * static_cast<double>(trainer.network().parameterCount());
  const long perCall = std::max(1L, static_cast<long>(alab::limits::maxWorkPerCall / work));
  for (long done = 0; done < steps; done += perCall) trainer.train(std::min(perCall, steps - done));
}

// CPU seconds this process has used (the machine is shared: wall time would count other jobs).
double cpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// Examples per CPU second of one train(epochs) call lasting about `seconds`, after a calibration.
double examplesPerSecond(Run& run, double seconds) {
  long epochs = 1;
  double elapsed = 0;
  for (;;) {
    const double start = cpuSeconds();
    run.train(epochs);
    elapsed = cpuSeconds() - start;
    if (elapsed >= seconds / 5 || seconds == 0) break;
    epochs *= 4;
  }
  const long measured = std::max(1L, static_cast<long>(epochs * seconds / elapsed));
  const double start = cpuSeconds();
  run.train(measured);
  return measured * static_cast<double>(points) / (cpuSeconds() - start);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: alab_bench <activation> <batch> <seconds> [engine|reference]\n");
    return 2;
  }
  const alab::ActivationInfo* info = alab::findActivation(argv[1]);
  const bool useReference = argc == 5 && std::strcmp(argv[4], "reference") == 0;
  if (info == nullptr || (argc == 5 && !useReference && std::strcmp(argv[4], "engine") != 0)) return 2;
  if (useReference && info->kind != alab::ActivationKind::Relu && info->kind != alab::ActivationKind::Tanh) return 2;
  const int batch = std::atoi(argv[2]);
  const double seconds = std::atof(argv[3]);
  const long stepsPerEpoch = (points + batch - 1) / batch;
  const bool tanhUnits = info->kind == alab::ActivationKind::Tanh;

  double loss = 0, rate = 0;
  for (int pass = 0; pass < 2; ++pass) {  // pass 0: loss after 10 epochs; pass 1: speed
    alab::Trainer trainer = makeTrainer(info->kind, batch);
    ReferenceRun referenceRun(trainer, tanhUnits, batch);
    Run run;
    if (useReference) {
      run = {[&](long epochs) { for (long e = 0; e < epochs; ++e) referenceRun.loop.epoch(); },
             [&] { return referenceRun.loop.loss(); }};
    } else {
      run = {[&](long epochs) { trainInLargestCalls(trainer, epochs * stepsPerEpoch, batch); },
             [&] { return trainer.network().loss(trainer.data().train); }};
    }
    if (pass == 0) {
      run.train(10);
      loss = run.loss();
    } else {
      rate = examplesPerSecond(run, seconds);
    }
  }
  std::printf("{\"examplesPerSecond\": %.1f, \"lossAfter10Epochs\": %.17g}\n", rate, loss);
  return 0;
}
