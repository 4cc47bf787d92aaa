// Native side of `npm run bench`: trains 2-8-8-1 (linear output, squared error, plain SGD, no
// shuffling) on the engine's 500-point circle and prints one JSON line:
// {"examplesPerSecond": ..., "lossAfter10Epochs": ...}. Usage: alab_bench <activation> <batch> <seconds>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "activations.hpp"
#include "datasets.hpp"
#include "network.hpp"
#include "trainer.hpp"

namespace {

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
  auto data = alab::splitDataset(alab::makeDataset(alab::DatasetKind::Circle, 500, 0.1, 1), 1.0, 1);
  return alab::Trainer(config, std::move(data), settings, 0, 1, false);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: alab_bench <activation> <batch> <seconds>\n");
    return 2;
  }
  const alab::ActivationInfo* info = alab::findActivation(argv[1]);
  if (info == nullptr) return 2;
  const int batch = std::atoi(argv[2]);
  const double seconds = std::atof(argv[3]);
  const long stepsPerEpoch = (500 + batch - 1) / batch;

  alab::Trainer check = makeTrainer(info->kind, batch);
  check.train(10 * stepsPerEpoch);
  const double loss = check.network().loss(check.data().train);

  alab::Trainer trainer = makeTrainer(info->kind, batch);
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  long epochs = 0;
  double elapsed = 0;
  do {
    trainer.train(stepsPerEpoch);
    ++epochs;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  std::printf("{\"examplesPerSecond\": %.1f, \"lossAfter10Epochs\": %.17g}\n", epochs * 500.0 / elapsed, loss);
  return 0;
}
