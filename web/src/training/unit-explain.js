// When and why a hidden unit died, in words: turns the engine's life record of one unit
// (Trainer.unitLife) into string-table keys of the 'timeline' namespace with their values, and
// its life into spans. Layers and units come in 0-based and are shown 1-based.
import { shortNumber } from '../panels/shared/format.js';

/** A number for the page: 3 significant digits, a real minus sign. */
export const formatValue = (value) => shortNumber(value, 3);

/** "(0.41, −2.9)". */
export function formatVector(values) {
  return `(${Array.from(values, formatValue).join(', ')})`;
}

/** [{state: 'alive' | 'dead' | 'dormant' | 'revived', from, to}] over [origin, end]; startState: the state at origin. */
export function lifeSpans(life, startState, origin, end) {
  const spans = [];
  let state = startState;
  let from = origin;
  let fallen = state !== 'alive';
  life.eventSteps.forEach((step, i) => {
    if (step > end) return;
    spans.push({ state, from, to: step - 1 });
    const next = life.eventStates[i];
    state = next === 'alive' && fallen ? 'revived' : next;
    fallen ||= next !== 'alive';
    from = step;
  });
  spans.push({ state, from, to: end });
  return spans.filter((span) => span.to >= span.from);
}

/** The state at origin: the first event's previous state, or `now` when the unit never changed. */
export function startStateOf(life, now) {
  return life.eventPrevious.length > 0 ? life.eventPrevious[0] : now;
}

function deathValues(death) {
  const inputs = death.weightsBefore.length;
  return {
    step: death.step,
    batch: death.batch.length,
    biasBefore: formatValue(death.biasBefore),
    biasAfter: formatValue(death.biasAfter),
    weightsBefore: formatVector(death.weightsBefore),
    weightsAfter: formatVector(death.weightsAfter),
    gradient: formatVector(death.gradientPart),
    momentum: formatVector(death.momentumPart),
    rate: formatValue(death.learningRate),
    optimizer: death.optimizer === 'adam' ? 'Adam' : 'RMSprop',
    inputs,
  };
}

function finalKey(death, layer) {
  if (death.state === 'dormant') return 'dormantFinal';
  if (layer > 0) return 'deadDeep';
  return death.momentum > 0 || death.l2 > 0 || death.optimizer === 'adam' ? 'deadMomentum' : 'deadFinal';
}

/**
 * The explanation of unit (layer, unit) at timeline `step`: {paragraphs: [{key, values}], jumpTo}
 * (jumpTo: the step before its death, or null). count: training points; positive: those with z > 0
 * now; now: its state now; origin: the timeline's first step; checkedTo: the step up to which the
 * life record is complete (timeline.lifeCheckedTo; while playing it can lag behind `step`, and then
 * the text says so instead of stating what the record does not hold yet).
 */
export function explainUnit({ layer, unit, step, life, count, positive, now, origin, checkedTo = step }) {
  const explained = explainRecorded({ layer, unit, step, life, count, positive, now, origin, checkedTo });
  if (checkedTo < step && explained.paragraphs[0].key !== 'deathPending') explained.paragraphs.push({ key: 'lifePartial', values: { checked: checkedTo } });
  return explained;
}

function explainRecorded({ layer, unit, step, life, count, positive, now, origin, checkedTo }) {
  const who = { layer: layer + 1, unit: unit + 1 };
  const past = life.deaths.filter((death) => death.step <= step).at(-1);
  const future = life.deaths.find((death) => death.step > step);
  if (!past) {
    if (now !== 'alive' && !future) {
      // Not dead at the last check (or none yet): it died after the record's end.
      if (checkedTo < step && (life.activeFraction.at(-1) ?? 1) > 0) {
        return { paragraphs: [{ key: 'deathPending', values: { ...who, step, checked: checkedTo } }], jumpTo: null };
      }
      return { paragraphs: [{ key: 'deadSince', values: { ...who, step: origin, count } }], jumpTo: null };
    }
    if (!future) return { paragraphs: [{ key: 'aliveNoDeath', values: { ...who, step, positive, count } }], jumpTo: null };
    const paragraphs = [{ key: 'diesLater', values: { ...who, step, positive, count, death: future.step } }];
    if (step === future.step - 1) paragraphs.push({ key: 'beforeDeath', values: {} });
    return { paragraphs, jumpTo: step === future.step - 1 ? null : future.step - 1 };
  }
  const values = { ...who, ...deathValues(past) };
  const paragraphs = [
    { key: past.state === 'dormant' ? 'dormantAt' : 'diedAt', values },
    { key: past.optimizer === 'sgd' ? 'split' : 'splitAdaptive', values },
    { key: 'largest', values: { before: formatValue(past.maxPreBefore), after: formatValue(past.maxPreAfter) } },
    { key: finalKey(past, layer), values: { count } },
  ];
  const revival = Array.from(life.eventSteps).find((s, i) => s > past.step && s <= step && life.eventStates[i] === 'alive');
  if (revival !== undefined) paragraphs.push({ key: 'revivedAt', values: { step: revival } });
  return { paragraphs, jumpTo: past.step - 1 };
}
