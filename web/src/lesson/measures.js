// What a lesson question is checked against: measures (engine computations on the panel's current
// settings, the same calls the panels make), readouts (the training panel's status reports) and
// the panel's settings. A lesson names them; it never carries an answer of its own.
import { activationNames } from '../panels/shared/engine-facts.js';
import { maxSteps as raceMaxSteps } from '../panels/race.js';
import { bins as meanShiftBins } from '../panels/mean-shift.js';
import { alphaSetting } from '../panels/explorer.js';
import { trainerSpec } from '../panels/playground/settings.js';

const activation = { kind: 'choice', values: activationNames };
const index = { kind: 'index' };
const point = { kind: 'number', min: -20, max: 20 };

/** f(x) or f'(x) (`which`: 'evaluate' or 'derivative') of `name` with the explorer's alpha settings. */
function atPoint(engine, settings, which, name, x) {
  const options = alphaSetting[name] ? { alpha: settings[alphaSetting[name]] } : {};
  return engine[which](name, [x], options)[0];
}

/** The value of a race's racer `args.activation` on the race panel's settings. */
function race(engine, settings, name) {
  return engine.race({
    activation: name, start: settings.start, learningRate: settings.learningRate, target: settings.target, depth: settings.depth, maxSteps: raceMaxSteps,
  });
}

function collapse(engine, settings) {
  return engine.linearCollapse({
    first: { inputs: 1, outputs: 2, weights: settings.w1, biases: settings.b1 },
    second: { inputs: 2, outputs: 1, weights: settings.w2, biases: settings.b2 },
    inputs: [0],
    between: settings.between,
  });
}

/** The steps a training measure trains: the panel's step limit when it has one, else 1,000 (at most 20,000). */
const trainingHorizon = (settings) => Math.min(settings.stopMode === 'steps' ? settings.stopSteps : 1000, 20000);

/** The step of the run's first death on the training panel's settings (a fresh run, as the panel trains it). */
function firstDeath(engine, settings) {
  const trainer = engine.createTrainer(trainerSpec(settings));
  try {
    const steps = trainingHorizon(settings);
    trainer.train(steps);
    const deaths = trainer.deaths().filter((death) => death.state === 'dead');
    if (deaths.length === 0) throw new Error(`no unit dies in the first ${steps} steps`);
    return Math.min(...deaths.map((death) => death.step));
  } finally {
    trainer.delete();
  }
}

function entryOf(list, position, what) {
  if (position >= list.length) throw new Error(`${what} ${position} does not exist (there are ${list.length})`);
  return list[position];
}

/**
 * The measures: name -> {panel, type ('number' or 'text'), args ({name: {kind: 'choice', values} | {kind: 'index'} |
 * {kind: 'number', min, max}}),
 * value(engine, settings, args)}. Values are numbers or strings.
 */
export const measures = {
  'explorer.value': {
    panel: 'explorer', type: 'number', args: { activation, x: point },
    value: (engine, settings, args) => atPoint(engine, settings, 'evaluate', args.activation, args.x),
  },
  'explorer.derivative': {
    panel: 'explorer', type: 'number', args: { activation, x: point },
    value: (engine, settings, args) => atPoint(engine, settings, 'derivative', args.activation, args.x),
  },
  'race.steps': {
    panel: 'race', type: 'number', args: { activation },
    value: (engine, settings, args) => race(engine, settings, args.activation).steps,
  },
  'race.stop': {
    panel: 'race', type: 'text', args: { activation },
    value: (engine, settings, args) => race(engine, settings, args.activation).stop,
  },
  'race.winner': {
    panel: 'race', type: 'text', args: {},
    value(engine, settings) {
      const finished = settings.racers.map((name) => ({ name, run: race(engine, settings, name) })).filter(({ run }) => run.stop === 'reached');
      if (finished.length === 0) throw new Error('no racer reaches the target');
      return finished.reduce((best, each) => (each.run.steps < best.run.steps ? each : best)).name;
    },
  },
  'meanShift.outputMean': {
    panel: 'mean-shift', type: 'number', args: {},
    value: (engine, settings) => engine.meanShift({ activation: settings.activation, samples: settings.samples, seed: settings.seed, bins: meanShiftBins }).outputMean,
  },
  'collapse.weight': { panel: 'nonlinearity', type: 'number', args: {}, value: (engine, settings) => collapse(engine, settings).composed.weights[0] },
  'collapse.bias': { panel: 'nonlinearity', type: 'number', args: {}, value: (engine, settings) => collapse(engine, settings).composed.biases[0] },
  'training.firstDeath': { panel: 'playground', type: 'number', args: {}, value: firstDeath },
  'softmax.probability': {
    panel: 'softmax', type: 'number', args: { index },
    value: (engine, settings, args) => entryOf(engine.softmax(settings.logits, { temperature: settings.temperature }), args.index, 'probability'),
  },
  'softmax.jacobian': {
    panel: 'softmax', type: 'number', args: { row: index, column: index },
    value(engine, settings, args) {
      const s = engine.softmax(settings.logits, { temperature: settings.temperature });
      entryOf(s, args.row, 'row');
      entryOf(s, args.column, 'column');
      return engine.softmaxJacobian(s)[args.row * s.length + args.column];
    },
  },
};

/** The training panel's readouts a lesson can ask about, from its status reports. */
export const readouts = {
  step: (status) => status.step,
  dead: (status) => status.dead,
  dormant: (status) => status.dormant,
  deadFraction: (status) => (status.total > 0 ? status.dead / status.total : undefined),
  trainAccuracy: (status) => status.trainAccuracy,
  testAccuracy: (status) => status.testAccuracy,
  trainLoss: (status) => status.trainLoss,
  testLoss: (status) => status.testLoss,
};

/** The panel whose status reports carry the readouts. */
export const readoutPanel = 'playground';

/** The value of a validated measure reference {name, ...args} on `settings`. */
export function measure(engine, reference, settings) {
  const { name, ...args } = reference;
  return measures[name].value(engine, settings, args);
}

/** True when number `value` is within [atLeast, atMost] (either may be absent); false for a missing value. */
function inRange(value, { atLeast, atMost }) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return (atLeast === undefined || value >= atLeast) && (atMost === undefined || value <= atMost);
}

/** True when the setting `value` meets a condition: equals, or every number of it in range (a list needs an entry). */
function settingMeets(value, condition) {
  if (condition.equals !== undefined) return JSON.stringify(value) === JSON.stringify(condition.equals);
  const numbers = Array.isArray(value) ? value : [value];
  return numbers.length > 0 && numbers.every((number) => inRange(number, condition));
}

/**
 * Whether every condition of a "reach a state" question holds: {met, conditions: [bool]} from the
 * panel's current settings, its latest status report (null before the first) and the engine.
 */
export function checkState(engine, conditions, { settings, status }) {
  const each = conditions.map((condition) => {
    if (condition.readout !== undefined) return status !== null && inRange(readouts[condition.readout](status), condition);
    if (condition.setting !== undefined) return settingMeets(settings[condition.setting], condition);
    const value = measure(engine, condition.measure, settings);
    return condition.equals !== undefined ? value === condition.equals : inRange(value, condition);
  });
  return { met: each.every(Boolean), conditions: each };
}

/** True when a typed `answer` is within `tolerance` of the engine's `value` (relative slack for rounding). */
export function numberMatches(answer, value, tolerance) {
  return Math.abs(answer - value) <= tolerance + 1e-9 * Math.max(1, Math.abs(value));
}

/** The choice values that match the engine's `value` (numbers within `tolerance`). */
export function matchingChoices(choices, value, tolerance) {
  return choices.filter((choice) => (typeof value === 'number' && typeof choice.value === 'number'
    ? numberMatches(choice.value, value, tolerance) : choice.value === value)).map((choice) => choice.value);
}
