// Grid benchmark (not a test): the heatmap grids one frame of the largest network (6 x 32 units,
// 2,000 circle points) asks the core for, the old way (every unit at 100 x 100) against the
// tiles' way (each hidden tile at its device-pixel size, 12 px tiles at 1x and 2x, the output at
// 100 x 100), ReLU and tanh, in interleaved rounds. Reports median processor time per call (the
// machine may be shared), the values each call returns and the ratio. run(engine) resolves to it.
import { median } from './training-bench.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const hiddenLayers = [32, 32, 32, 32, 32, 32];
const domain = { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 };
const tileSizes = { full: 100, tiles2x: 24, tiles1x: 12 };

/** Processor milliseconds of one call of fn (this thread's process; nothing else runs in it meanwhile). */
function cpuMs(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function measure(engine, activation) {
  const trainer = engine.createTrainer({
    network: { hiddenLayers, activation, seed: 1 }, data: { kind: 'circle', size: 2000, seed: 1 }, settings: { batchSize: 10 },
  });
  try {
    trainer.train(160);
    const calls = Object.fromEntries(Object.entries(tileSizes).map(([name, size]) => [name, size === 100
      ? () => trainer.gridActivations({ ...domain, resolution: 100 })
      : () => trainer.gridActivations({ ...domain, resolutions: [...new Array(192).fill(size), 100] })]));
    const values = Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, call().length]));
    const times = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
    for (let round = 0; round < rounds; round += 1) {
      for (const [name, call] of Object.entries(calls)) times[name].push(cpuMs(call));
    }
    const ms = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
    return { ms, values, fullOverTiles2x: ms.full / ms.tiles2x, fullOverTiles1x: ms.full / ms.tiles1x };
  } finally {
    trainer.delete();
  }
}

/** Both activations; prints one line each. */
export function run(engine) {
  const result = { network: '2-32x6-1, 2,000 points', relu: measure(engine, 'relu'), tanh: measure(engine, 'tanh') };
  for (const activation of ['relu', 'tanh']) {
    const { ms, values, fullOverTiles2x } = result[activation];
    console.log(`grid bench, ${activation}: every unit at 100 x 100 ${ms.full.toFixed(1)} ms (${values.full} values); tiles at 2x `
      + `${ms.tiles2x.toFixed(1)} ms (${values.tiles2x}), at 1x ${ms.tiles1x.toFixed(1)} ms (${values.tiles1x}); `
      + `${fullOverTiles2x.toFixed(2)}x less processor time at 2x`);
  }
  return result;
}
