// linearTick (web/src/charts.js) writes a linear axis's tick labels as Chart.js's own numeric formatter
// does in English, without Intl.NumberFormat.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Ticks } from 'chart.js';
import { Chart, linearTick } from '../../web/src/charts.js';

const scale = { chart: { options: { locale: 'en' } }, options: { ticks: {} } };
const chartJsLabel = (value, index, ticks) => Ticks.formatters.numeric.call(scale, value, index, ticks);

/** Ticks from `start` every `spacing`, `count` of them, computed as Chart.js does (start + i * spacing, so with rounding noise). */
const tickSet = (start, spacing, count) => Array.from({ length: count }, (_, i) => ({ value: start + i * spacing }));

test('linear tick labels match Chart.js\'s English numeric formatter over spacings from 0.001 to 20,000', () => {
  const spacings = [0.001, 0.002, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, 2500, 5000, 20000];
  let compared = 0;
  for (const spacing of spacings) {
    for (const startSteps of [-7, -3, 0, 1, 4]) {
      for (const count of [2, 3, 5, 8, 11]) {
        const ticks = tickSet(startSteps * spacing, spacing, count);
        ticks.forEach(({ value }, index) => {
          assert.equal(linearTick.call(scale, value, index, ticks), chartJsLabel(value, index, ticks),
            `tick ${value} of ${ticks.map((t) => t.value).join(', ')}: expected Chart.js's label`);
          compared += 1;
        });
      }
    }
  }
  assert.ok(compared > 2000, `compared ${compared} labels`);
});

test('a single tick, an uneven tick set and tiny ticks are labelled as Chart.js labels them', () => {
  const cases = [[{ value: 3.5 }], [{ value: 0.7 }, { value: 1 }, { value: 2.5 }, { value: 12 }], tickSet(0, 2e-5, 6), tickSet(1234.5, 0.5, 4)];
  for (const ticks of cases) {
    ticks.forEach(({ value }, index) => assert.equal(linearTick.call(scale, value, index, ticks), chartJsLabel(value, index, ticks), `tick ${value}`));
  }
});

test('every chart\'s linear axes take linearTick by default', () => {
  assert.equal(Chart.defaults.scales.linear.ticks.callback, linearTick);
});
