// Checking a student's answer to a lesson question against the engine, on the panel's current
// settings and latest status report. The lesson names what to measure; the value comes from here.
import { measure, checkState, numberMatches, matchingChoices } from './measures.js';

/** A typed number ('67', '-0.5', '−0.105', '1e-3'), or NaN when the text is not one. */
export function parseAnswer(text) {
  const cleaned = String(text).trim().replace(/\u2212/g, '-');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : NaN;
}

/** The engine's answer to a number or choice `question` on `settings` (a number or a choice value). */
export function engineAnswer(engine, question, settings) {
  return measure(engine, question.measure, settings);
}

/**
 * Checks `answer` (typed text for number questions, a choice value for choice questions; ignored
 * for state questions) against the engine. Returns {outcome, value?, conditions?}: outcome is
 * 'correct', 'wrong', 'unreadable' (not a number), 'unmet' (a state not reached yet) or 'failed'
 * (the engine could not answer: {message}).
 */
export function checkAnswer(engine, question, { settings, status = null, answer = null }) {
  try {
    if (question.kind === 'state') {
      const { met, conditions } = checkState(engine, question.conditions, { settings, status });
      return { outcome: met ? 'correct' : 'unmet', conditions };
    }
    const value = engineAnswer(engine, question, settings);
    if (question.kind === 'number') {
      const typed = parseAnswer(answer ?? '');
      if (Number.isNaN(typed)) return { outcome: 'unreadable', value };
      return { outcome: numberMatches(typed, value, question.tolerance) ? 'correct' : 'wrong', value };
    }
    const matching = matchingChoices(question.choices, value, question.tolerance);
    if (matching.length !== 1) return { outcome: 'failed', message: `the engine's answer ${String(value).slice(0, 40)} matches ${matching.length} choices` };
    return { outcome: answer === matching[0] ? 'correct' : 'wrong', value: matching[0] };
  } catch (error) {
    return { outcome: 'failed', message: error.message };
  }
}
