// Experiments benchmark (not a test): runs per CPU second of the Experiments panel's defaults
// through the public API: one learning-rate sweep run (2 x 8 units, 500 circle points, batch 10,
// 600 steps, relu at rate 0.5) and one born-dead estimate (width 4, depth 10, 200 trials).
// Checks first that a repeated run gives the same result. run(engine) resolves to the results.
import { median } from './training-bench.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const sweepSpec = {
  data: { kind: 'circle', size: 500, seed: 1 },
  network: { hiddenLayers: [8, 8], head: 'sigmoid_cross_entropy', init: 'he', alpha: 0.01 },
  batchSize: 10,
  steps: 600,
};
const bornDeadSpec = { width: 4, depth: 10, trials: 200, seed: 1 };

/** Runs per CPU second of `once`, over at least 0.2 s. */
function runsPerSecond(once) {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const start = cpu();
  let runs = 0;
  do {
    once(runs);
    runs += 1;
  } while (cpu() - start < 0.2);
  return runs / (cpu() - start);
}

/** Measures both experiments; prints one line and resolves to the results. */
export function run(engine) {
  const sweep = (seed) => engine.sweepPoint(sweepSpec, 'relu', 0.5, 1 + (seed % 6));
  const bornDead = () => engine.bornDead(bornDeadSpec);
  if (JSON.stringify(sweep(0)) !== JSON.stringify(sweep(0)) || bornDead() !== bornDead()) {
    throw new Error('experiments bench: a repeated run gave a different result');
  }
  const samples = { sweepRuns: [], bornDeadRuns: [] };
  for (let round = 0; round < rounds; round += 1) {
    samples.sweepRuns.push(runsPerSecond(sweep));
    samples.bornDeadRuns.push(runsPerSecond(bornDead));
  }
  const result = { benchmark: 'experiments', sweepSpec, bornDeadSpec, runsPerSecond: {
    sweep: median(samples.sweepRuns), bornDead: median(samples.bornDeadRuns) } };
  console.log(`experiments bench (runs per CPU second, median of ${rounds}): learning-rate sweep run `
    + `${result.runsPerSecond.sweep.toFixed(1)}, born-dead estimate ${result.runsPerSecond.bornDead.toFixed(1)}`);
  return result;
}
