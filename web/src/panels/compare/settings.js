// The compare view's settings: which training setting varies and its 2 to 4 values (one list per
// setting that can vary), plus the shared settings, every field taken from the training panel's
// schema (names, ranges and defaults are never retyped). checkComparison() refuses a bad choice
// with a message that names the problem; runSettings() gives each run's training-panel settings.
import { registerStrings, t } from '../../i18n.js';
import strings from '../../i18n/compare.js';
import trainingStrings from '../../i18n/playground.js';
import { field, defaults } from '../../settings.js';
import { activationNames, alphaOf, datasetKinds, regressionKinds, network, training } from '../shared/engine-facts.js';
import { schema as trainingSchema, alphaRange, trainerSpec } from '../playground/settings.js';

registerStrings('compare', strings);
registerStrings('playground', trainingStrings);

/** The settings a comparison can vary, in the order the menu offers them. */
export const varyKeys = ['activation', 'learningRate', 'optimizer', 'init', 'initialBias', 'alpha'];

/** The schema key holding the values of varied setting `key`. */
export const valuesKey = (key) => `${key}Values`;

/** The fewest and most runs side by side. */
export const runLimits = { min: 2, max: 4 };

/** The values each list starts with (a page choice; each one inside the training panel's range). */
const startingValues = {
  activation: [network.activation, 'leaky_relu'],
  learningRate: [training.learningRate.default, 3],
  optimizer: [training.optimizer.default, 'adam'],
  init: [network.init, 'xavier'],
  initialBias: [network.initialBias.default, 0.1],
  alpha: [alphaOf('leaky_relu').default, 0.1],
};

/** The training panel's settings the runs share (shown as controls unless varied). */
export const sharedKeys = [
  'dataset', 'noise', 'points', 'trainFraction', 'dataSeed', 'hiddenLayers', 'activation', 'alpha', 'head', 'init', 'initialBias',
  'weightSeed', 'optimizer', 'learningRate', 'batchSize', 'momentum', 'l2', 'l1', 'shuffleSeed', 'speed',
];

const valueFields = Object.fromEntries(varyKeys.map((key) => [
  valuesKey(key), field.list(startingValues[key], trainingSchema[key], runLimits.min, runLimits.max, { effect: 'rebuild' }),
]));
const sharedFields = Object.fromEntries(sharedKeys.map((key) => [key, trainingSchema[key]]));

/** Every setting of the panel: the varied setting, its values, then the shared training settings. */
export const schema = {
  vary: field.choice(varyKeys[0], varyKeys, { effect: 'rebuild' }),
  ...valueFields,
  ...sharedFields,
  dataset: field.choice(trainingSchema.dataset.fallback, datasetKinds.filter((kind) => !regressionKinds.includes(kind)), { effect: 'rebuild' }),
};

/** A refused comparison: `code` names the problem, `params` its details; the message says it in the page's language. */
export class ComparisonError extends Error {
  constructor(code, params) {
    super(t(`compare.error.${code}`, params));
    this.name = 'ComparisonError';
    this.code = code;
    this.params = params;
  }
}

/** The range {min, max} a value of `key` must lie in for these shared settings, or null for a choice. */
export function valueRange(key, settings) {
  if (key === 'alpha') return alphaRange(settings.activation);
  const spec = trainingSchema[key];
  return spec.kind === 'choice' ? null : { min: spec.min, max: spec.max };
}

/** One value of `key` from text or a value: the value, or a ComparisonError. */
function checkValue(key, raw, settings) {
  const spec = trainingSchema[key];
  const text = String(raw).trim();
  const setting = t(`playground.${key}`);
  if (spec.kind === 'choice') {
    if (!spec.values.includes(text)) throw new ComparisonError('unknownValue', { value: text, setting, allowed: spec.values.join(', ') });
    return text;
  }
  const value = typeof raw === 'number' ? raw : Number(text);
  if (text === '' || !Number.isFinite(value)) throw new ComparisonError('notNumber', { value: text, setting });
  const range = valueRange(key, settings);
  if (value < range.min || value > range.max) throw new ComparisonError('outOfRange', { value: text, setting, min: range.min, max: range.max });
  return value;
}

/**
 * Checks a comparison: `vary` one of varyKeys, `values` (an array, or comma-separated text) 2 to 4
 * distinct values inside the training panel's range (alpha: the range of the shared activation).
 * Returns the values; throws a ComparisonError naming the problem.
 */
export function checkComparison(vary, values, settings) {
  if (!varyKeys.includes(vary)) throw new ComparisonError('unknownSetting', { name: String(vary), known: varyKeys.join(', ') });
  const items = typeof values === 'string' ? values.split(',').filter((part) => part.trim() !== '') : [...values];
  if (items.length < runLimits.min || items.length > runLimits.max) throw new ComparisonError('count', { count: items.length, ...runLimits });
  if (vary === 'alpha' && !alphaRange(settings.activation)) throw new ComparisonError('alphaUnused', { activation: settings.activation, choices: activationNames.filter((name) => alphaRange(name)).join(', ') });
  const checked = items.map((item) => checkValue(vary, item, settings));
  const repeated = checked.find((value, i) => checked.indexOf(value) !== i);
  if (repeated !== undefined) throw new ComparisonError('repeated', { value: repeated });
  return checked;
}

/** The values of the varied setting in `settings`. */
export function valuesOf(settings) {
  return settings[valuesKey(settings.vary)];
}

/** Each run's training-panel settings: the shared settings (the rest at the training panel's defaults) with the varied value. */
export function runSettings(settings) {
  const shared = { ...defaults(trainingSchema), ...Object.fromEntries(sharedKeys.map((key) => [key, settings[key]])) };
  return checkComparison(settings.vary, valuesOf(settings), settings).map((value) => ({ ...shared, [settings.vary]: value }));
}

/** The trainer spec of every run (same data, weight and shuffle seeds; one setting differs). */
export function runSpecs(settings) {
  return runSettings(settings).map((each) => trainerSpec(each));
}
