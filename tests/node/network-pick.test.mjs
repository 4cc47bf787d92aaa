// The network diagram's hit test: a click near a link's curve picks that link, and only links the
// diagram draws can be picked (large layers draw only their strongest links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkAt } from '../../web/src/training/views/network-pick.js';

// Two inputs at y 10 and 50 (right edge x 20), two units at y 10 and 50 (left edge x 120).
const geometry = { columns: [{ left: 0, right: 20, centres: [10, 50] }, { left: 120, right: 140, centres: [10, 50] }] };

test('a click on a straight link picks it, a click far from every link picks nothing', () => {
  assert.deepEqual(linkAt(geometry, 70, 10), { layer: 0, unit: 0, input: 0 });
  assert.deepEqual(linkAt(geometry, 70, 50), { layer: 0, unit: 1, input: 1 });
  assert.equal(linkAt(geometry, 70, 100), null);
  assert.equal(linkAt(geometry, 10, 10), null, 'inside a tile column is not a link');
});

test('a crossing link is found by its curve: halfway between rows at the middle', () => {
  // From input 0 (y 10) to unit 1 (y 50), the curve passes y 30 at the middle x 70.
  assert.deepEqual(linkAt(geometry, 70, 30, (l, unit, input) => unit !== input), { layer: 0, unit: 1, input: 0 });
});

test('links the diagram does not draw cannot be picked; the nearest drawn one within reach is', () => {
  const onlyCrossing = (l, unit, input) => unit !== input;
  assert.equal(linkAt(geometry, 70, 10, onlyCrossing), null, 'the straight link at y 10 is not drawn and no drawn link is near');
  // Near x 25 the crossing link from input 0 is just above y 10: it is picked instead of the undrawn straight one.
  const picked = linkAt(geometry, 25, 9.8, onlyCrossing);
  assert.deepEqual(picked, { layer: 0, unit: 1, input: 0 });
  assert.deepEqual(linkAt(geometry, 25, 9.8), { layer: 0, unit: 0, input: 0 }, 'with every link drawn the nearer straight one wins');
});

test("the link painter reports as drawn exactly the links it paints: a large layer's strongest 160", async () => {
  globalThis.Path2D ??= class { moveTo() {} bezierCurveTo() {} };
  const { createLinkPainter } = await import('../../web/src/training/views/network-links.js');
  const context = new Proxy({}, { get: () => () => {} });
  const painter = createLinkPainter({ width: 300, height: 300, getContext: () => context });
  const column = (count, left) => ({ left, right: left + 10, size: 10, centres: Array.from({ length: count }, (_, i) => 5 + 10 * i) });
  const columns = [column(20, 0), column(10, 100), column(1, 200)];
  // Layer 0: 10 x 20 = 200 weights, |w| = its index + 1, so indexes 0-39 are the 40 weakest; layer 1: 10 weights.
  const weights = Array.from({ length: 200 }, (_, i) => (i % 2 ? -1 : 1) * (i + 1) / 100);
  const parameters = [{ inputs: 20, outputs: 10, weights }, { inputs: 10, outputs: 1, weights: Array(10).fill(0.5) }];
  assert.equal(painter.drawn(0, 0, 0), false, 'nothing is drawn before the first draw()');
  painter.draw(parameters, null, { columns, geometry: { columns, scale: 1, width: 300, height: 300 } });
  const drawnIndexes = weights.map((_, i) => painter.drawn(0, Math.floor(i / 20), i % 20));
  assert.equal(drawnIndexes.filter(Boolean).length, 160);
  assert.ok(drawnIndexes.slice(40).every(Boolean) && !drawnIndexes.slice(0, 40).some(Boolean), 'the 160 strongest are drawn');
  assert.equal(painter.drawn(1, 0, 9), true, "the second layer's links are found after the first layer's");
});
