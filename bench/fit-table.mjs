// What a student sees fitting sin with 4 ReLU units (not a test): the fit panel's defaults at its
// learning rate and at rate 1, the loss, linear pieces, kinks x = -b / w and dead units at a few
// steps. Usage: node bench/fit-table.mjs
import { loadEngine } from '../tests/node/load-engine.mjs';
import { defaults } from '../web/src/settings.js';
import { schema, trainerSpec, curveXs } from '../web/src/panels/fit/settings.js';

const engine = await loadEngine();
const domain = engine.manifest().curve.domain;
const steps = [0, 500, 2000, 10000, 20000];
const perCall = 1000;

for (const learningRate of [defaults(schema).learningRate, 1]) {
  const settings = { ...defaults(schema), learningRate };
  const trainer = engine.createTrainer(trainerSpec(settings));
  let done = 0;
  for (const step of steps) {
    while (done < step) done += trainer.train(Math.min(perCall, step - done)).done;
    const view = trainer.curve(curveXs(), { lo: -domain, hi: domain });
    trainer.recordStats();
    const loss = trainer.history(0).trainLoss.at(-1);
    const { dead } = trainer.units().layers[0];
    const kinks = Array.from(view.kinks, (k) => k.toFixed(3)).join(' ');
    console.log(`${settings.target}, ${settings.units} ${settings.activation} units, lr ${learningRate}, step ${trainer.status().step}: `
      + `loss ${loss.toPrecision(3)}, ${view.pieces} pieces, kinks ${kinks}, ${dead} of ${settings.units} dead`);
  }
  trainer.delete();
}
