// The saved-network file (web/src/training/save-load.js): version 1 files written before the L1
// and discretize settings existed still load, with those settings at their defaults; version 2
// adds the input features; files without a version load as version 1, newer versions are refused.
import test from 'node:test';
import assert from 'node:assert/strict';
import { serializeNetwork, parseNetwork, fileVersion } from '../../web/src/training/save-load.js';
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
  delete old.features;
  const text = JSON.stringify({ ...JSON.parse(serializeNetwork({ settings: old, architecture: { hiddenLayers: [] }, exported })), version: 1 });
  const read = parseNetwork(text, schema);
  assert.deepEqual(read.rejected, []);
  assert.equal(read.settings.l1, 0);
  assert.equal(read.settings.discretize, false);
});

const saved = (settings, patch = {}) => JSON.stringify({
  ...JSON.parse(serializeNetwork({ settings, architecture: { hiddenLayers: [] }, exported: patch.exported ?? exported })), ...patch.file,
});
const threeInputs = {
  ...exported, parameters: [{ inputs: 3, outputs: 1, weights: Float64Array.of(0.5, -0.25, 2), biases: Float64Array.of(0.125) }],
};

test('version 2 saves the input features and reads them back; a file without a version loads as version 1 (x1, x2)', () => {
  const text = saved({ ...defaults(schema), features: ['x1', 'x2', 'sin_x1'] }, { exported: threeInputs });
  assert.equal(JSON.parse(text).version, fileVersion);
  assert.equal(fileVersion, 2);
  assert.deepEqual(parseNetwork(text, schema).settings.features, ['x1', 'x2', 'sin_x1']);
  const unversioned = JSON.parse(saved(defaults(schema)));
  delete unversioned.version;
  delete unversioned.settings.features;
  const read = parseNetwork(JSON.stringify(unversioned), schema);
  assert.deepEqual(read.settings.features, ['x1', 'x2']);
  assert.deepEqual(read.rejected, []);
});

test('a newer version, a bad version and features that do not match the first layer are refused with the reason', () => {
  assert.throws(() => parseNetwork(saved(defaults(schema), { file: { version: 3 } }), schema),
    /the file is version 3, saved by a newer Activation Lab; this one reads versions 1 to 2/);
  assert.throws(() => parseNetwork(saved(defaults(schema), { file: { version: '2' } }), schema), /version must be a whole number from 1, got "2"/);
  assert.throws(() => parseNetwork(saved({ ...defaults(schema), features: ['x1'] }), schema),
    /the first layer takes 2 inputs but the file names 1 input features \(x1\)/);
});
