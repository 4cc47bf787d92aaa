// The manifest reader: the core's own description of itself (names, ranges, defaults, cost
// limits), written to build/manifest.json from the built module by scripts/manifest.mjs and
// bundled as JSON. Panels read every engine fact from here; nothing else restates one.
import data from '../../build/manifest.json' with { type: 'json' };
import { deepFreeze } from './engine-checks.js';

/** The whole manifest, deep-frozen; the same object Engine.manifest() gives at run time. */
export const manifest = deepFreeze(data);

const names = (list) => list.map((entry) => (typeof entry === 'string' ? entry : entry.name));

/** Activation names in display order. */
export const activationNames = () => names(manifest.activations);
/** Dataset kinds in display order (the page's 'custom' points are not an engine kind). */
export const datasetNames = () => names(manifest.datasets);
/** Output head names in display order. */
export const headNames = () => names(manifest.heads);
/** Init scheme names. */
export const initNames = () => names(manifest.inits);
/** Unit states by name: ['alive', 'dead', 'dormant']. */
export const unitStates = () => manifest.unitStates;

/** The entry of activation `name` ({name, usesAlpha, alpha, kinks, diesBelowZero}); throws if unknown. */
export function activation(name) {
  return entryNamed(manifest.activations, name, 'activation');
}

/** The entry of dataset kind `name` ({name, classes, size, noise}); throws if unknown. */
export function dataset(name) {
  return entryNamed(manifest.datasets, name, 'dataset');
}

function entryNamed(list, name, what) {
  const entry = list.find((item) => item.name === name);
  if (!entry) throw new Error(`unknown ${what} '${name}' (known: ${names(list).join(', ')})`);
  return entry;
}

/** The value at a dotted path such as 'training.learningRate' ({min, max, default, integer}); throws if absent. */
export function range(path) {
  const value = path.split('.').reduce((node, key) => (node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? node[key] : undefined), manifest);
  if (value === undefined) throw new Error(`the manifest has no '${path}'`);
  return value;
}
