// The training frames' grids (web/src/training/grid-blocks.js createFrameGrids): the output heatmap
// is recomputed every frame while that is cheap, at a lower cadence while a costly network plays,
// and always on a frame that is not playing; hidden tiles keep their own resolutions every frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFrameGrids } from '../../web/src/training/grid-blocks.js';

const shape = { hiddenLayers: [2], hiddenUnits: 2, outputs: 1 };
const view = { resolution: 100, domain: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 } };

/** A clock the test moves, and a trainer whose grid call takes `callMs` of it and records the resolutions asked for. */
function fakes(callMs) {
  const clock = { ms: 0 };
  const asked = [];
  const trainer = {
    gridActivations({ resolutions }) {
      asked.push(resolutions);
      clock.ms += callMs;
      return new Float64Array(resolutions.reduce((sum, r) => sum + r * r, 0));
    },
  };
  return { clock, asked, trainer };
}

test('a cheap grid call recomputes the output heatmap on every playing frame', () => {
  const { clock, asked, trainer } = fakes(1);
  const grids = createFrameGrids({ cheapMs: 8, everyMs: 250, now: () => clock.ms });
  for (let frame = 0; frame < 3; frame += 1) grids(trainer, { shape, tiles: [12, 24], view, inspected: null, running: true });
  assert.deepEqual(asked, [[12, 24, 100], [12, 24, 100], [12, 24, 100]], 'expected the outputs at 100 on every frame');
});

test('a costly grid call recomputes the outputs at most every everyMs while playing, and always when not playing', () => {
  const { clock, asked, trainer } = fakes(30);
  const grids = createFrameGrids({ cheapMs: 8, everyMs: 250, now: () => clock.ms });
  const frame = (running) => {
    const result = grids(trainer, { shape, tiles: [12, 24], view, inspected: null, running });
    clock.ms += 20;
    return result;
  };
  const first = frame(true);
  assert.deepEqual(first.gridResolutions, [12, 24, 100], 'expected the first frame to compute the outputs');
  assert.equal(first.grid.length, 144 + 576 + 10000, 'expected one block per unit');
  const skipped = frame(true);
  assert.deepEqual(skipped.gridResolutions, [12, 24, 0], 'expected the next playing frame to leave the outputs out and keep the tiles');
  assert.equal(skipped.grid.length, 144 + 576, 'expected no output block when the outputs are left out');
  while (asked.at(-1)[2] === 0) frame(true);
  assert.ok(clock.ms >= 250, 'expected the outputs again once everyMs had passed');
  frame(true);
  assert.deepEqual(frame(false).gridResolutions, [12, 24, 100], 'expected a frame that is not playing (pause, step) to compute the outputs');
});
