// The export module's pure parts: file names that say what a file is, CSV quoting, chart rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportFileName, toCsv, chartRows } from '../../web/src/export.js';

test('file names: panel, chart, then each setting; arrays joined with +, unsafe characters dropped', () => {
  assert.equal(exportFileName({ panel: 'race', what: 'curve', settings: { racers: ['sigmoid', 'relu'], lr: 0.2 } }, 'png'),
    'activation-lab_race_curve_racers-sigmoid+relu_lr-0.2.png');
  assert.equal(exportFileName({ panel: 'Soft Max', what: 'p/../x', settings: { logits: [3, -1e-7] } }, 'csv'),
    'activation-lab_soft-max_p-..-x_logits-3+-1e-7.csv');
});

test('CSV: quotes cells with commas, quotes or line breaks; CRLF lines; empty cells for missing values', () => {
  assert.equal(toCsv(['series', 'x', 'y'], [['ReLU, α = 0', 1, 2], ['say "hi"', null, 0.5], ['a\nb', -0, undefined]]),
    'series,x,y\r\n"ReLU, α = 0",1,2\r\n"say ""hi""",,0.5\r\n"a\nb",0,\r\n');
});

test('chart rows: points give x and y, category charts take x from the labels', () => {
  const chart = { data: { labels: ['a', 'b'], datasets: [{ label: 'p', data: [0.25, 0.75] }, { data: [{ x: 1, y: 2 }] }] } };
  assert.deepEqual(chartRows(chart), [['p', 'a', 0.25], ['p', 'b', 0.75], ['2', 1, 2]]);
});
