// The DOM-free parts of the training views: colour tables and grid painters, and the thinning
// of long histories for the charts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  divergingTable, classTables, tableSize, paintScalar, paintArgmax, sampleIndices, maxAbs, packed, missingColour,
  negativeColour, positiveColour, neutralColour, outputRange, divergingColour, steppedTable, flatClassTables, classColours,
} from '../../web/src/training/views/heatmap-colours.js';
import { createHistorySeries } from '../../web/src/training/views/history-series.js';

const rgba = (word) => [...new Uint8Array(Uint32Array.of(word).buffer)];
const hex = (colour) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)).concat(255);

test('the diverging table runs from blue through white to vermillion', () => {
  const colours = divergingTable();
  assert.equal(colours.length, tableSize);
  assert.deepEqual(rgba(colours[0]), hex(negativeColour), 'entry 0 should be the negative colour');
  assert.deepEqual(rgba(colours[tableSize - 1]), hex(positiveColour), 'the last entry should be the positive colour');
  const middle = rgba(colours[tableSize / 2]);
  assert.ok(middle.slice(0, 3).every((c, i) => Math.abs(c - hex(neutralColour)[i]) <= 3), `the middle should be near white, got ${middle}`);
});

test('paintScalar maps lo and hi to the table ends, clamps outside and paints NaN grey', () => {
  const colours = divergingTable();
  const values = Float64Array.of(99, 0, 1, 0.5, -3, 4, Number.NaN);
  const pixels = new Uint32Array(6);
  paintScalar(pixels, values, 1, 6, colours, 0, 1);
  assert.equal(pixels[0], colours[0], 'lo should take the first colour');
  assert.equal(pixels[1], colours[tableSize - 1], 'hi should take the last colour');
  assert.equal(pixels[2], colours[128], '0.5 of the way should take the middle entry');
  assert.equal(pixels[3], colours[0], 'below lo should clamp to the first colour');
  assert.equal(pixels[4], colours[tableSize - 1], 'above hi should clamp to the last colour');
  assert.equal(pixels[5], packed(missingColour), 'NaN should be painted the missing colour');
});

test('paintArgmax colours each cell by its most probable class, fading to white at 1/classes', () => {
  const tables = classTables(3);
  const blockSize = 3;
  const probabilities = Float64Array.of(
    1, 0.2, 1 / 3,
    0, 0.7, 1 / 3,
    0, 0.1, 1 / 3,
  );
  const pixels = new Uint32Array(3);
  paintArgmax(pixels, probabilities, 0, blockSize, 3, tables);
  assert.equal(pixels[0], tables[0][tableSize - 1], 'a certain class 0 should be full class-0 colour');
  assert.equal(pixels[1], tables[1][Math.round(((0.7 - 1 / 3) / (2 / 3)) * (tableSize - 1))], 'class 1 at 0.7 should be partly tinted');
  assert.deepEqual(rgba(pixels[2]).slice(0, 3), hex(neutralColour).slice(0, 3), 'a three-way tie should be white');
});

test('discretized outputs: one colour per side of the decision threshold, and the winning class at one strength', () => {
  const stepped = steppedTable(1);
  const pixels = new Uint32Array(5);
  paintScalar(pixels, Float64Array.of(0, 0.3, 0.4999, 0.5001, 1), 0, 5, stepped, 0, 1);
  assert.deepEqual([...pixels].map((p) => rgba(p)), [0, 0, 0, 1, 1].map((k) => hex(k === 0 ? negativeColour : positiveColour)));
  const flat = flatClassTables(3, 1);
  const cells = new Uint32Array(2);
  // Two cells of three classes (class-major blocks of 2): cell 0 barely class 2, cell 1 surely class 0.
  paintArgmax(cells, Float64Array.of(0.33, 0.98, 0.33, 0.01, 0.34, 0.01), 0, 2, 2, flat);
  assert.deepEqual(rgba(cells[0]), hex(classColours[2]), 'expected full class colour however close the vote');
  assert.deepEqual(rgba(cells[1]), hex(classColours[0]));
});

test('sampleIndices picks the nearest cell centres row by row', () => {
  assert.deepEqual([...sampleIndices(4, 2)], [5, 7, 13, 15]);
  assert.deepEqual([...sampleIndices(3, 3)], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  const values = Float64Array.of(0, -5, 0, 0, 2, 0, 0, 0, 0);
  assert.equal(maxAbs(values, 0, 9), 5);
  assert.equal(maxAbs(values, 0, 1, Int32Array.of(4)), 2, 'maxAbs should read only the sampled cells');
});

test('output ranges centre the scale on each head\'s decision threshold', () => {
  assert.deepEqual(outputRange('tanh_mse'), [-1, 1]);
  assert.deepEqual(outputRange('sigmoid_cross_entropy'), [0, 1]);
  assert.deepEqual(outputRange('linear_mse'), [-1, 1], 'regression outputs: the data sets\' targets span about [-1, 1], 0 in the middle');
  assert.equal(divergingColour(-1), 'rgb(0, 114, 178)');
  assert.equal(divergingColour(0), 'rgb(247, 247, 247)');
  assert.equal(divergingColour(5), 'rgb(213, 94, 0)', 'clamped to the end of the scale');
});

function delta(from, steps) {
  const step = Float64Array.from({ length: steps }, (_, i) => (from + i) * 10);
  return { from, step, loss: step.map((s) => s / 10) };
}

test('history series keep every row until the cap, then thin by a doubling stride and keep the newest', () => {
  const series = createHistorySeries((d, r) => d.step[r], { loss: (d, r) => d.loss[r] }, 100);
  let rows = 0;
  for (let k = 0; k < 400; k += 1) {
    const n = 1 + (k % 7);
    series.append(delta(rows, n));
    rows += n;
    const shown = series.data.loss;
    assert.ok(shown.length <= 100, `at most 100 points should be shown, got ${shown.length}`);
    assert.equal(shown[shown.length - 1].y, rows - 1, 'the newest row should always be shown');
  }
  const shown = series.data.loss;
  assert.equal(series.rows, rows);
  assert.ok(shown.length > 25, `thinning should keep more than a quarter of the cap, kept ${shown.length}`);
  assert.ok(shown.every((p, i) => i === 0 || p.x > shown[i - 1].x), 'points should stay in step order');
});

test('a history delta that starts before the stored end replaces the rows from there', () => {
  const series = createHistorySeries((d, r) => d.step[r], { loss: (d, r) => d.loss[r] }, 100);
  series.append(delta(0, 500));
  series.append({ from: 10, step: Float64Array.of(1000, 1010), loss: Float64Array.of(-1, -2) });
  assert.equal(series.rows, 12);
  assert.equal(series.data.loss.length, 12, 'after a rewind to 12 rows every row should be shown again');
  assert.deepEqual(series.data.loss.at(-1), { x: 1010, y: -2 });
  series.reset();
  assert.equal(series.data.loss.length, 0);
});

test('log-axis labels: 1, 2, 5 x 10^k where there are two; a nearly flat curve labels its value once', async () => {
  const { logTick } = await import('../../web/src/training/views/loss-chart.js');
  const labels = (values) => values.map((value, i, all) => logTick(value, i, all.map((v) => ({ value: v }))));
  assert.deepEqual(labels([0.1, 0.2, 0.3, 0.5, 1]), ['0.1', '0.2', '', '0.5', '1']);
  assert.deepEqual(labels([0.6508, 0.6509, 0.651]), ['0.65', '', ''], 'expected no repeated 0.65 labels at step 0');
});
