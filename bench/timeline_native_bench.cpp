// Native side of bench/timeline-bench.mjs: the cost of the timeline and the unit life record.
// Trains 2-8-8-1 and 2-(32 x 6)-1 ReLU on the page's default data (500 circle points, 80 %
// training, lr 0.03, batch 10) with the record as the app has it and with keyframes and unit
// checks pushed out of reach, in interleaved rounds; prints one JSON line of steps per second.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <limits>
#include <vector>

#include "trainer.hpp"

namespace {

alab::Trainer makeTrainer(const std::vector<int>& hidden, bool record) {
  alab::NetworkConfig config;
  config.hiddenUnits = hidden;
  config.seed = 12;
  alab::TrainSettings settings;
  settings.learningRate = 0.03;
  settings.batchSize = 10;
  auto data = alab::splitDataset(alab::makeDataset(alab::DatasetKind::Circle, 500, 0.1, 1), 0.8, 1);
  const long never = std::numeric_limits<long>::max() / 4;
  const alab::TimelineOptions timeline = record ? alab::TimelineOptions{} : alab::TimelineOptions{never, 48u << 20};
  return alab::Trainer(config, std::move(data), settings, 0, 1, true, timeline, record ? 0 : never);
}

// Steps per second of processor time over one round of `seconds` (other processes' load cancels out).
double round(alab::Trainer& trainer, double seconds) {
  const std::clock_t start = std::clock();
  long steps = 0;
  double elapsed = 0;
  do {
    steps += trainer.train(200);
    elapsed = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  } while (elapsed < seconds);
  return steps / elapsed;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main() {
  const std::vector<std::vector<int>> networks = {{8, 8}, {32, 32, 32, 32, 32, 32}};
  const char* names[] = {"default", "largest"};
  std::printf("{");
  for (std::size_t n = 0; n < networks.size(); ++n) {
    alab::Trainer recorded = makeTrainer(networks[n], true), bare = makeTrainer(networks[n], false);
    std::vector<double> with, without;
    for (int r = 0; r < 9; ++r) {
      with.push_back(round(recorded, 0.3));
      without.push_back(round(bare, 0.3));
    }
    const double a = median(with), b = median(without);
    std::printf("%s\"%s\": {\"stepsPerSecondRecorded\": %.0f, \"stepsPerSecondBare\": %.0f, \"overheadPercent\": %.1f}",
                n ? ", " : "", names[n], a, b, 100.0 * (b / a - 1.0));
  }
  std::printf("}\n");
  return 0;
}
