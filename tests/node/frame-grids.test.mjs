// The training frames' grids (web/src/training/grid-blocks.js createFrameGrids): the output heatmap
// is computed whole on every frame while that is cheap and on every frame that is not playing; a
// costly one, while playing, in row bands of a network frozen at one step, sent whole with that
// step once its last band is done, and an inspected unit (shown large too) with it; hidden tiles
// keep their own resolutions on every frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFrameGrids, joinBands } from '../../web/src/training/grid-blocks.js';
import { loadEngine, withTrainer } from './load-engine.mjs';

const shape = { hiddenLayers: [2], hiddenUnits: 2, outputs: 1 };
const view = { resolution: 100, domain: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 } };

/** A cell's value in the fake trainer: which step, unit, row and column it was computed for. */
const cell = (step, unit, row, col) => step * 1e6 + unit * 1e4 + row * 100 + col;

/**
 * A trainer that records the grid calls; its outputs cost `outputMs` for the whole 100 rows (a band in
 * proportion), the hidden tiles 1 ms. train() moves it one step on.
 */
function fakes(outputMs) {
  const asked = [];
  let frozen = null;
  const trainer = {
    step: 0,
    train() { this.step += 1; },
    freezeGrid() { frozen = this.step; return frozen; },
    gridActivations({ resolutions, rowFrom = 0, rowTo = Math.max(...resolutions), frozen: useFrozen = false }) {
      const step = useFrozen ? frozen : this.step;
      const values = [];
      resolutions.forEach((r, u) => {
        for (let row = Math.min(rowFrom, r); row < Math.min(rowTo, r); row += 1) {
          for (let col = 0; col < r; col += 1) values.push(cell(step, u, row, col));
        }
      });
      const outputRows = resolutions.at(-1) > 0 ? Math.min(rowTo, 100) - rowFrom : 0;
      const tiles = resolutions.slice(0, -1).some((r) => r > 0);
      asked.push({ resolutions, rowFrom, rowTo, useFrozen, ms: (outputMs * outputRows) / 100 + (tiles ? 1 : 0) });
      return Float64Array.from(values);
    },
  };
  return { asked, trainer };
}

/** Milliseconds spent by the grid calls so far (the fake trainer's clock). */
const clockOf = (asked) => asked.reduce((sum, call) => sum + call.ms, 0);

/** Unit `unit`'s whole r x r block as the fake trainer computes it at `step`. */
const block = (step, unit, r) => Float64Array.from({ length: r * r }, (_, i) => cell(step, unit, Math.floor(i / r), i % r));

test('a cheap grid call computes the output heatmap whole on every playing frame', () => {
  const { asked, trainer } = fakes(1);
  const grids = createFrameGrids({ cheapMs: 8, now: () => clockOf(asked) });
  for (let frame = 0; frame < 3; frame += 1) {
    const { outputStep } = grids(trainer, { shape, tiles: [12, 24], view, inspected: null, running: true });
    assert.equal(outputStep, null, 'expected the outputs of this very frame');
  }
  assert.deepEqual(asked.map((call) => call.resolutions), [[12, 24, 100], [12, 24, 100], [12, 24, 100]], 'expected the outputs at 100 on every frame');
});

test('a costly output heatmap comes in bands of one frozen step, whole on the frame its last band is done', () => {
  const { asked, trainer } = fakes(30);
  const grids = createFrameGrids({ cheapMs: 8, now: () => clockOf(asked) });
  const frame = (running) => {
    const result = grids(trainer, { shape, tiles: [12, 24], view, inspected: null, running });
    trainer.train();
    return result;
  };
  const first = frame(true);
  assert.deepEqual(first.gridResolutions, [12, 24, 100], 'expected the first frame to compute the outputs whole (its cost is not known yet)');
  assert.equal(first.grid.length, 144 + 576 + 10000, 'expected one block per unit');
  const banded = [frame(true), frame(true), frame(true)];
  for (const [i, result] of banded.entries()) {
    assert.deepEqual(result.gridResolutions, [12, 24, 0], `expected banded frame ${i + 1} to send the tiles only`);
    assert.deepEqual(result.grid.subarray(0, 144), block(1 + i, 0, 12), 'expected each frame\'s tiles at its own step');
  }
  const bands = asked.filter((call) => call.useFrozen).map((call) => [call.rowFrom, call.rowTo]);
  assert.deepEqual(bands, [[0, 25], [25, 51], [51, 77]], 'expected bands of floor(100 x 8 ms / cost) rows: 31 ms measured with the tiles, then 30 ms');
  const done = frame(true);
  assert.deepEqual(done.gridResolutions, [12, 24, 100], 'expected the outputs on the frame of the last band');
  assert.equal(done.outputStep, 1, 'expected the step the network was frozen at');
  assert.deepEqual(done.grid.subarray(0, 144), block(4, 0, 12), 'expected the tiles of the frame\'s own step');
  assert.deepEqual(done.grid.subarray(144 + 576), block(1, 2, 100), 'expected the bands to join into step 1\'s whole output grid');
  const later = asked.slice(1).filter((call) => call.useFrozen).map((call) => call.ms);
  assert.ok(later.every((ms) => ms <= 8), `expected no band over 8 ms once the cost is known, got ${later}`);
  const paused = frame(false);
  assert.deepEqual(paused.gridResolutions, [12, 24, 100], 'expected a frame that is not playing (pause, step) to compute the outputs whole');
  assert.equal(paused.outputStep, null, 'expected a paused frame\'s outputs at its own step');
});

test('an inspected unit, shown large, comes in the same bands as the outputs and keeps its picture meanwhile', () => {
  const { asked, trainer } = fakes(30);
  const grids = createFrameGrids({ cheapMs: 8, now: () => clockOf(asked) });
  const inspected = { layer: 0, unit: 1 };
  const frame = (running) => {
    const result = grids(trainer, { shape, tiles: [12, 24], view, inspected, running });
    trainer.train();
    return result;
  };
  assert.deepEqual(frame(true).gridResolutions, [12, 100, 100], 'expected the first frame whole, the inspected unit at 100');
  let done = frame(true);
  for (let banded = 0; done.outputStep === null; banded += 1) {
    assert.ok(banded < 10, 'expected the bands to end');
    assert.deepEqual(done.gridResolutions, [12, 0, 0], 'expected banded frames to leave out the inspected unit and the outputs');
    assert.equal(done.frozenUnit, null);
    done = frame(true);
  }
  const bands = asked.filter((call) => call.useFrozen);
  assert.ok(bands.length >= 2 && bands.every((call) => call.resolutions.join() === '0,100,100'), 'expected bands holding the inspected unit and the outputs');
  assert.deepEqual(done.gridResolutions, [12, 100, 100], 'expected both large grids on the frame of the last band');
  assert.equal(done.outputStep, 1);
  assert.equal(done.frozenUnit, 1, 'expected the inspected unit named as shown at the frozen step');
  assert.deepEqual(done.grid.subarray(0, 144), block(trainer.step - 1, 0, 12), 'expected the tile of the frame\'s own step');
  assert.deepEqual(done.grid.subarray(144, 144 + 10000), block(1, 1, 100), 'expected the inspected unit of step 1 in its place');
  assert.deepEqual(done.grid.subarray(144 + 10000), block(1, 2, 100), 'expected the outputs of step 1 after it');
  const other = grids(trainer, { shape, tiles: [12, 24], view, inspected: { layer: 0, unit: 0 }, running: true });
  assert.deepEqual(other.gridResolutions, [0, 24, 0], 'expected another inspected unit to start a new job');
  assert.equal(asked.at(-1).rowFrom, 0, 'expected its first band from row 0');
});

test('a band gets what the frame has left of workMs after its training and statistics, from minBandMs to cheapMs', () => {
  const { asked, trainer } = fakes(30);
  const grids = createFrameGrids({ cheapMs: 8, workMs: 28, minBandMs: 2, now: () => clockOf(asked) });
  const frame = (spentMs) => grids(trainer, { shape, tiles: [12, 24], view, inspected: null, running: true, spentMs });
  frame(0);
  frame(0);
  frame(24);
  frame(40);
  frame(0);
  const bands = asked.filter((call) => call.useFrozen).map((call) => call.rowTo - call.rowFrom);
  assert.deepEqual(bands, [25, 13, 6, 26], 'expected 8 ms (31 ms measured), then 4 ms and 2 ms of a 30 ms grid, then 8 ms again');
});

test('a new trainer starts over: its first frame computes the outputs whole', () => {
  const first = fakes(30);
  const grids = createFrameGrids({ cheapMs: 8, now: () => clockOf(first.asked) });
  const frame = (trainer) => grids(trainer, { shape, tiles: [12, 24], view, inspected: null, running: true });
  frame(first.trainer);
  frame(first.trainer);
  const second = fakes(30);
  assert.deepEqual(frame(second.trainer).gridResolutions, [12, 24, 100], 'expected the new trainer\'s outputs whole');
  assert.ok(second.asked.every((call) => !call.useFrozen), 'expected no banded call on a trainer that was never frozen');
});

test('joinBands puts each unit\'s rows back together in order', () => {
  const bands = [{ rows: 1, values: Float64Array.of(1, 2, 10, 20) }, { rows: 2, values: Float64Array.of(3, 4, 5, 6, 30, 40, 50, 60) }];
  assert.deepEqual(joinBands(bands, 2, 2), Float64Array.of(1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60));
});

for (const inspected of [null, { layer: 1, unit: 2 }]) {
  test(`with the engine, the banded grids equal the whole grid at the frozen step bit for bit (inspected: ${JSON.stringify(inspected)})`, async () => {
    const engine = await loadEngine();
    const spec = { network: { hiddenLayers: [4, 3], activation: 'tanh', seed: 2 }, data: { kind: 'spiral', size: 200, seed: 1 }, settings: { learningRate: 0.3 } };
    withTrainer(engine, spec, (trainer) => {
      let clock = 0;
      const grids = createFrameGrids({ cheapMs: 8, now: () => { clock += 10; return clock; } });
      const real = {
        shape: { hiddenLayers: [4, 3], hiddenUnits: 7, outputs: 1 }, tiles: new Array(7).fill(10),
        view: { resolution: 60, domain: { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 } }, inspected, running: true,
      };
      assert.equal(grids(trainer, real).outputStep, null, 'expected the first frame whole (every call takes 10 ms on this clock)');
      trainer.train(20);
      const frozenAt = trainer.status().step;
      const large = inspected ? [0, 0, 0, 0, 0, 0, 60] : new Array(7).fill(0);
      const whole = trainer.gridActivations({ ...real.view.domain, resolutions: [...large, 60] });
      let result = grids(trainer, real);
      assert.equal(result.outputStep, null, 'expected the first band to leave the large grids out');
      for (let frame = 0; frame < 10 && result.outputStep === null; frame += 1) {
        trainer.train(20);
        result = grids(trainer, real);
      }
      assert.equal(result.outputStep, frozenAt, 'expected the grids of the step the first band froze');
      const tiles = inspected ? 6 * 100 : 7 * 100;
      assert.deepEqual(result.grid.subarray(tiles), whole, 'expected the joined bands to be that step\'s grids');
      assert.equal(result.frozenUnit, inspected ? 6 : null);
    });
  });
}
