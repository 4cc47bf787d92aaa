// The training frames' grids (web/src/training/grid-blocks.js createFrameGrids): the output heatmap
// is recomputed every frame while that is cheap, every few frames while a costly network plays,
// and always on a frame that is not playing; hidden tiles keep their own resolutions every frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFrameGrids } from '../../web/src/training/grid-blocks.js';

const shape = { hiddenLayers: [2], hiddenUnits: 2, outputs: 1 };
const view = { resolution: 100, domain: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 } };

/** A trainer that records the resolutions asked for; a grid call with the outputs takes `callMs`, one without 1 ms. */
function fakes(callMs) {
  const asked = [];
  const trainer = {
    gridActivations({ resolutions }) {
      asked.push({ resolutions, ms: resolutions.at(-1) > 0 ? callMs : 1 });
      return new Float64Array(resolutions.reduce((sum, r) => sum + r * r, 0));
    },
  };
  return { asked, trainer };
}

/** Milliseconds spent by the grid calls so far (the fake trainer's clock). */
const clockOf = (asked) => asked.reduce((sum, call) => sum + call.ms, 0);

test('a cheap grid call recomputes the output heatmap on every playing frame', () => {
  const { asked, trainer } = fakes(1);
  const grids = createFrameGrids({ cheapMs: 8, now: () => clockOf(asked) });
  for (let frame = 0; frame < 3; frame += 1) grids(trainer, { shape, tiles: [12, 24], view, inspected: null, running: true });
  assert.deepEqual(asked.map((call) => call.resolutions), [[12, 24, 100], [12, 24, 100], [12, 24, 100]], 'expected the outputs at 100 on every frame');
});

test('a costly grid call recomputes the outputs once every ceil(cost / cheapMs) playing frames, and always when not playing', () => {
  const { asked, trainer } = fakes(30);
  const grids = createFrameGrids({ cheapMs: 8, now: () => clockOf(asked) });
  const frame = (running) => grids(trainer, { shape, tiles: [12, 24], view, inspected: null, running });
  const first = frame(true);
  assert.deepEqual(first.gridResolutions, [12, 24, 100], 'expected the first frame to compute the outputs');
  assert.equal(first.grid.length, 144 + 576 + 10000, 'expected one block per unit');
  const skipped = frame(true);
  assert.deepEqual(skipped.gridResolutions, [12, 24, 0], 'expected the next playing frame to leave the outputs out and keep the tiles');
  assert.equal(skipped.grid.length, 144 + 576, 'expected no output block when the outputs are left out');
  frame(true);
  frame(true);
  assert.deepEqual(frame(true).gridResolutions, [12, 24, 100], 'expected the outputs again 4 frames (30 ms / 8 ms) after the first');
  frame(true);
  assert.deepEqual(frame(false).gridResolutions, [12, 24, 100], 'expected a frame that is not playing (pause, step) to compute the outputs');
});
