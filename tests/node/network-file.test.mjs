// The saved-network file (web/src/training/save-load.js): version 1 files written before the L1
// and discretize settings existed still load, with those settings at their defaults.
import test from 'node:test';
import assert from 'node:assert/strict';
import { serializeNetwork, parseNetwork } from '../../web/src/training/save-load.js';
import { schema } from '../../web/src/panels/playground/settings.js';
import { defaults } from '../../web/src/settings.js';

const exported = {
  step: 40,
  parameters: [{ inputs: 2, outputs: 1, weights: Float64Array.of(0.5, -0.25), biases: Float64Array.of(0.125) }],
  probe: { points: Float64Array.of(0, 0), outputs: Float64Array.of(0.53) },
};

test('a saved network round-trips its settings, parameters and probe bit for bit', () => {
  const settings = { ...defaults(schema), l1: 0.002, discretize: true };
  const read = parseNetwork(serializeNetwork({ settings, architecture: { hiddenLayers: [] }, exported }), schema);
  assert.deepEqual(read.rejected, []);
  assert.equal(read.settings.l1, 0.002);
  assert.equal(read.settings.discretize, true);
  assert.deepEqual([...read.parameters[0].weights], [0.5, -0.25]);
  assert.equal(read.step, 40);
});

test('a version 1 file from before L1 and discretize loads with both at their defaults, nothing rejected', () => {
  const old = { ...defaults(schema) };
  delete old.l1;
  delete old.discretize;
  const text = serializeNetwork({ settings: old, architecture: { hiddenLayers: [] }, exported });
  assert.equal(JSON.parse(text).version, 1);
  const read = parseNetwork(text, schema);
  assert.deepEqual(read.rejected, []);
  assert.equal(read.settings.l1, 0);
  assert.equal(read.settings.discretize, false);
});
