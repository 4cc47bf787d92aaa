// The sweep's headline table (not a test): dead fraction (ReLU) or dormant fraction (leaky ReLU)
// and test accuracy, mean ± standard deviation over the sweep panel's default seeds, for ReLU and
// leaky ReLU x SGD and Adam x initial bias 0 and 0.1, at three of its default learning rates
// (0.01, 0.316, 3.16), everything else at the panel's defaults. Usage: node bench/sweep-table.mjs
import { loadEngine } from '../tests/node/load-engine.mjs';
import { defaults } from '../web/src/settings.js';
import { schema, seriesSpec } from '../web/src/panels/experiments/sweep.js';

const engine = await loadEngine();
const s = defaults(schema);
const rates = [...engine.logSpaced(s.sweepRateMin, s.sweepRateMax, s.sweepRates)].filter((rate) => [0.01, 0.316, 3.16].some((r) => Math.abs(rate / r - 1) < 0.01));
const seeds = Array.from({ length: s.sweepSeeds }, (_, i) => i + 1);
const meanAndSpread = (values) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return `${(100 * mean).toFixed(0)} ± ${(100 * sd).toFixed(0)} %`;
};

console.log(`| activation | optimiser | initial bias | ${rates.map((r) => `rate ${r.toPrecision(3)}: dead / accuracy`).join(' | ')} |`);
console.log(`|---|---|---|${rates.map(() => '---').join('|')}|`);
for (const activation of ['relu', 'leaky_relu']) {
  for (const optimizer of ['sgd', 'adam']) {
    for (const bias of [0, 0.1]) {
      const spec = seriesSpec(s, { optimizer, bias });
      const cells = rates.map((rate) => {
        const runs = seeds.map((seed) => engine.sweepPoint(spec, activation, rate, seed));
        const dead = runs.map((r) => (activation === 'relu' ? r.deadFraction : r.dormantFraction));
        const diverged = runs.filter((r) => r.diverged).length;
        return `${meanAndSpread(dead)} / ${meanAndSpread(runs.map((r) => r.testAccuracy))}${diverged ? ` (${diverged} diverged)` : ''}`;
      });
      console.log(`| ${activation} | ${optimizer} | ${bias} | ${cells.join(' | ')} |`);
    }
  }
}
console.log(`(${seeds.length} seeds; ${s.sweepPoints} ${s.sweepDataset} points, ${s.sweepLayers} x ${s.sweepUnits}, ${s.sweepSteps} steps, batch ${s.sweepBatch})`);
