// Saving a trained network as JSON (architecture, weights, the panel's settings and a probe of
// predictions) and reading it back. Numbers are written with JSON's shortest round-trip form,
// so every weight comes back bit for bit; the probe proves it after loading.
import { sanitize } from '../settings.js';

const fileFormat = 'activation-lab-network';
/** The version written: 2 added the input features (settings.features; 1 and unversioned files mean x1, x2). */
export const fileVersion = 2;
const probeSide = 5;
const probeExtent = 1.2;

/** x, y pairs of a probeSide x probeSide grid over [-1.2, 1.2]^2 where saved and loaded predictions are compared. */
export function predictionProbe() {
  const points = new Float64Array(2 * probeSide * probeSide);
  for (let row = 0; row < probeSide; row += 1) {
    for (let col = 0; col < probeSide; col += 1) {
      const i = row * probeSide + col;
      points[2 * i] = -probeExtent + (2 * probeExtent * col) / (probeSide - 1);
      points[2 * i + 1] = probeExtent - (2 * probeExtent * row) / (probeSide - 1);
    }
  }
  return points;
}

/** True when two prediction arrays are identical value for value. */
export function probesMatch(a, b) {
  return a.length === b.length && Array.prototype.every.call(a, (value, i) => Object.is(value, b[i]));
}

/** The JSON text of a saved network: settings (the panel's), architecture, step, parameters (with prelu slopes) and probe. */
export function serializeNetwork({ settings, architecture, exported }) {
  return JSON.stringify({
    format: fileFormat,
    version: fileVersion,
    architecture,
    step: exported.step,
    settings,
    parameters: exported.parameters.map((layer) => ({
      inputs: layer.inputs, outputs: layer.outputs, weights: Array.from(layer.weights), biases: Array.from(layer.biases),
      ...(layer.slopes && { slopes: Array.from(layer.slopes) }),
    })),
    probe: { points: Array.from(exported.probe.points), outputs: Array.from(exported.probe.outputs) },
  }, null, 1);
}

function finiteList(value, what) {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new Error(`${what} must be a list of finite numbers`);
  }
  return Float64Array.from(value);
}

/**
 * Reads a saved network (versions 1 to fileVersion; a file without a version is version 1).
 * Returns {settings, rejected, step, parameters, probe}: settings are sanitized with `schema`
 * (rejected lists replaced keys). Throws an Error naming what is wrong.
 */
export function parseNetwork(text, schema) {
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  if (file?.format !== fileFormat) throw new Error(`the file is not a saved network (format must be '${fileFormat}')`);
  const version = file.version ?? 1;
  if (!Number.isInteger(version) || version < 1) throw new Error(`the file's version must be a whole number from 1, got ${JSON.stringify(file.version)}`);
  if (version > fileVersion) throw new Error(`the file is version ${version}, saved by a newer Activation Lab; this one reads versions 1 to ${fileVersion}`);
  if (!Array.isArray(file.parameters) || file.parameters.length === 0) throw new Error('the file holds no layers');
  const parameters = file.parameters.map((layer, l) => {
    const weights = finiteList(layer?.weights, `layer ${l + 1} weights`);
    const biases = finiteList(layer?.biases, `layer ${l + 1} biases`);
    if (weights.length !== layer.inputs * layer.outputs || biases.length !== layer.outputs) {
      throw new Error(`layer ${l + 1} has ${weights.length} weights and ${biases.length} biases for ${layer.inputs} x ${layer.outputs}`);
    }
    const slopes = layer.slopes === undefined ? {} : { slopes: finiteList(layer.slopes, `layer ${l + 1} slopes`) };
    return { inputs: layer.inputs, outputs: layer.outputs, weights, biases, ...slopes };
  });
  const probe = { points: finiteList(file.probe?.points, 'probe points'), outputs: finiteList(file.probe?.outputs, 'probe outputs') };
  const raw = file.settings && typeof file.settings === 'object' ? { ...file.settings } : {};
  if (version < 2) delete raw.features;
  const { settings, rejected } = sanitize(schema, raw);
  if (settings.features && parameters[0].inputs !== settings.features.length) {
    throw new Error(`the first layer takes ${parameters[0].inputs} inputs but the file names ${settings.features.length} input features (${settings.features.join(', ')})`);
  }
  const step = Number.isInteger(file.step) && file.step >= 0 ? file.step : 0;
  return { settings, rejected, step, parameters, probe };
}
