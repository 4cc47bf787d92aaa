// Trains one seeded run natively and prints every parameter as JSON, so tests/node can check
// that the WASM build of the same code gives the same run.
// Usage: alab_trace <activation> <head> <steps> [optimizer]
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "activations.hpp"
#include "datasets.hpp"
#include "network.hpp"
#include "trainer.hpp"

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: alab_trace <activation> <head> <steps> [optimizer]\n");
    return 2;
  }
  try {
    const alab::ActivationInfo* activation = alab::findActivation(argv[1]);
    if (activation == nullptr) throw std::invalid_argument(std::string("unknown activation ") + argv[1]);
    // Keep in step with parityRun() in tests/node/native-parity.test.mjs.
    alab::NetworkConfig config;
    config.hiddenUnits = {8, 8};
    config.hiddenActivation = activation->kind;
    config.alpha = activation->defaultAlpha;
    config.head = alab::outputHeadFromName(argv[2]);
    config.seed = 7;
    alab::TrainSettings settings;
    settings.learningRate = 0.05;
    settings.batchSize = 10;
    settings.momentum = 0.5;
    settings.l2 = 0.001;
    if (argc == 5) settings.optimizer = alab::optimizerFromName(argv[4]);
    const auto data = alab::splitDataset(alab::makeDataset(alab::DatasetKind::Circle, 200, 0.1, 3), 0.8, 1);
    alab::Trainer trainer(config, data, settings, 0, 1);
    trainer.train(std::atol(argv[3]));
    std::printf("{\"step\": %ld, \"diverged\": %s, \"layers\": [", trainer.step(), trainer.diverged() ? "true" : "false");
    const alab::Network& net = trainer.network();
    for (std::size_t l = 0; l < net.layerCount(); ++l) {
      std::printf("%s{\"weights\": [", l ? ", " : "");
      for (std::size_t i = 0; i < net.weights(l).size(); ++i) std::printf("%s%.17g", i ? ", " : "", net.weights(l)[i]);
      std::printf("], \"biases\": [");
      for (std::size_t i = 0; i < net.biases(l).size(); ++i) std::printf("%s%.17g", i ? ", " : "", net.biases(l)[i]);
      std::printf("]}");
    }
    std::printf("]}\n");
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
