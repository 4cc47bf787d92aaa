// The lesson document (docs/LESSONS.md): {format, version, id, title, steps: [{panel, title,
// prompt, settings?, classroom?, question?}]}. parseLesson() checks an untrusted document
// strictly: an unknown key, a wrong type, an oversized text, markup, an unknown panel, setting,
// classroom name or measure is an error naming where it is. Nothing is defaulted silently, and
// the lesson it returns is built from checked values only.
import { sanitize } from '../settings.js';
import { readClassroom } from '../classroom.js';
import { measures, readouts, readoutPanel } from './measures.js';

/** The `format` and `version` every lesson document carries. */
export const lessonFormat = 'activation-lab-lesson';
export const lessonVersion = 1;

/** Size limits of a lesson document. */
export const lessonLimits = {
  documentLength: 100000, steps: 40, titleLength: 120, promptLength: 2000, labelLength: 200, choices: 8, conditions: 8, maxIndex: 99,
};

const languages = ['en', 'zh'];
const markup = /<[a-z!/?]/i;
const controlCharacters = /[\u0000-\u0009\u000b-\u001f\u007f]/;
const idPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;
const maxProblems = 8;

/** A lesson document that cannot be used; `problems` lists each, with where it is. */
export class LessonError extends Error {
  constructor(problems) {
    const shown = problems.slice(0, maxProblems);
    const more = problems.length > maxProblems ? ` (and ${problems.length - maxProblems} more)` : '';
    super(`lesson: ${shown.join('; ')}${more}`);
    this.name = 'LessonError';
    this.problems = problems;
  }
}

/** A short, safe quotation of an untrusted value for a message. */
function quote(value) {
  let text;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A checker that records problems under path names. */
function checker() {
  const problems = [];
  const fail = (path, text) => {
    problems.push(`${path}: ${text}`);
    return undefined;
  };
  const object = (value, path, required, optional = []) => {
    if (!isPlainObject(value)) return fail(path, `expected an object, got ${quote(value)}`);
    for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) fail(path, `unknown key ${quote(key)}`);
    for (const key of required) if (!Object.hasOwn(value, key)) fail(path, `missing ${quote(key)}`);
    return value;
  };
  const list = (value, path, min, max) => {
    if (!Array.isArray(value)) return fail(path, `expected a list, got ${quote(value)}`);
    if (value.length < min || value.length > max) return fail(path, `expected ${min} to ${max} entries, got ${value.length}`);
    return value;
  };
  const number = (value, path, min = -Infinity) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) return fail(path, `expected a number${min > -Infinity ? ` of at least ${min}` : ''}, got ${quote(value)}`);
    return value;
  };
  const text = (value, path, maxLength) => {
    if (typeof value !== 'string' || value.trim() === '') return fail(path, `expected text, got ${quote(value)}`);
    if (value.length > maxLength) return fail(path, `${value.length} characters; the limit is ${maxLength}`);
    if (markup.test(value)) return fail(path, 'markup is not allowed (plain text only)');
    if (controlCharacters.test(value)) return fail(path, 'control characters are not allowed');
    return value;
  };
  const bilingual = (value, path, maxLength) => {
    if (!object(value, path, languages)) return undefined;
    const out = Object.fromEntries(languages.map((code) => [code, text(value[code], `${path}.${code}`, maxLength)]));
    return languages.every((code) => out[code] !== undefined) ? out : undefined;
  };
  return { problems, fail, object, list, number, text, bilingual };
}

/** The validated settings of `panel` from a step's partial `raw` settings (the rest are defaults). */
function checkSettings(c, raw, panel, path) {
  if (!isPlainObject(raw)) return c.fail(path, `expected an object, got ${quote(raw)}`);
  const given = Object.create(null);
  const unknown = Object.keys(raw).filter((key) => !Object.hasOwn(panel.schema, key));
  for (const key of unknown) c.fail(path, `${panel.id} has no setting ${quote(key)}`);
  for (const key of Object.keys(raw)) if (!unknown.includes(key)) given[key] = raw[key];
  const { settings, rejected } = sanitize(panel.schema, given);
  for (const key of rejected) c.fail(`${path}.${key}`, `${quote(raw[key])} is not a valid ${panel.id} setting`);
  return rejected.length > 0 || unknown.length > 0 ? undefined : { settings, given: Object.keys(given) };
}

/** Classroom options {hide, lock, views} checked the way classroom.js checks a link's. */
function checkClassroom(c, raw, panel, path) {
  if (!c.object(raw, path, [], ['hide', 'lock', 'views'])) return undefined;
  const texts = {};
  for (const key of Object.keys(raw)) {
    const names = c.list(raw[key], `${path}.${key}`, 1, 60);
    if (!names) continue;
    const bad = names.filter((name) => typeof name !== 'string' || !/^[A-Za-z0-9-]{1,40}$/.test(name));
    if (bad.length > 0) c.fail(`${path}.${key}`, `${quote(bad[0])} is not a name`);
    else texts[key] = names.join(',');
  }
  const { options, unknown } = readClassroom(panel, texts);
  for (const name of unknown) c.fail(path, `${panel.id} has no ${name}`);
  return unknown.length > 0 ? undefined : options;
}

/** A measure reference {name, ...args} whose measure reads `panel`. */
function checkMeasure(c, raw, panel, path) {
  if (!isPlainObject(raw) || typeof raw.name !== 'string' || !Object.hasOwn(measures, raw.name)) {
    return c.fail(`${path}.name`, `expected one of ${Object.keys(measures).join(', ')}, got ${quote(raw?.name)}`);
  }
  const spec = measures[raw.name];
  if (!c.object(raw, path, ['name', ...Object.keys(spec.args)])) return undefined;
  if (spec.panel !== panel.id) return c.fail(path, `${raw.name} reads the ${spec.panel} panel, but this step shows ${panel.id}`);
  const out = { name: raw.name };
  for (const [key, arg] of Object.entries(spec.args)) {
    const value = raw[key];
    const { good, expected } = {
      index: () => ({ good: Number.isInteger(value) && value >= 0 && value <= lessonLimits.maxIndex, expected: `an index 0 to ${lessonLimits.maxIndex}` }),
      number: () => ({ good: typeof value === 'number' && value >= arg.min && value <= arg.max, expected: `a number ${arg.min} to ${arg.max}` }),
      choice: () => ({ good: arg.values.includes(value), expected: `one of ${arg.values.join(', ')}` }),
    }[arg.kind]();
    if (!good) c.fail(`${path}.${key}`, `${quote(value)} is not ${expected}`);
    out[key] = value;
  }
  return out;
}

/** {atLeast?, atMost?} or {equals} of a condition. */
function checkBounds(c, raw, path, equalsAllowed) {
  const out = {};
  for (const key of ['atLeast', 'atMost']) if (raw[key] !== undefined) out[key] = c.number(raw[key], `${path}.${key}`);
  if (raw.equals !== undefined) {
    if (!equalsAllowed) return c.fail(`${path}.equals`, 'use atLeast / atMost for a readout');
    if (out.atLeast !== undefined || out.atMost !== undefined) return c.fail(path, 'give equals or atLeast / atMost, not both');
    out.equals = raw.equals;
  } else if (out.atLeast === undefined && out.atMost === undefined) {
    return c.fail(path, 'needs atLeast, atMost or equals');
  }
  return out;
}

/** One condition of a "reach a state" question: a readout, a setting or a measure. */
function checkCondition(c, raw, panel, path) {
  const sources = ['readout', 'setting', 'measure'].filter((key) => isPlainObject(raw) && Object.hasOwn(raw, key));
  if (sources.length !== 1) return c.fail(path, 'needs exactly one of readout, setting, measure');
  const [source] = sources;
  if (!c.object(raw, path, [source], ['atLeast', 'atMost', 'equals'])) return undefined;
  if (source === 'readout') {
    if (panel.id !== readoutPanel) return c.fail(path, `readouts come from the ${readoutPanel} panel, but this step shows ${panel.id}`);
    if (!Object.hasOwn(readouts, raw.readout)) return c.fail(`${path}.readout`, `expected one of ${Object.keys(readouts).join(', ')}, got ${quote(raw.readout)}`);
    const bounds = checkBounds(c, raw, path, false);
    return bounds && { readout: raw.readout, ...bounds };
  }
  if (source === 'setting') {
    if (typeof raw.setting !== 'string' || !Object.hasOwn(panel.schema, raw.setting)) return c.fail(`${path}.setting`, `${panel.id} has no setting ${quote(raw.setting)}`);
    const bounds = checkBounds(c, raw, path, true);
    if (bounds?.equals !== undefined && sanitize(panel.schema, { [raw.setting]: bounds.equals }).rejected.length > 0) {
      return c.fail(`${path}.equals`, `${quote(bounds.equals)} is not a valid ${raw.setting}`);
    }
    return bounds && { setting: raw.setting, ...bounds };
  }
  const reference = checkMeasure(c, raw.measure, panel, `${path}.measure`);
  const bounds = checkBounds(c, raw, path, true);
  if (bounds?.equals !== undefined && !['string', 'number'].includes(typeof bounds.equals)) return c.fail(`${path}.equals`, 'expected text or a number');
  return reference && bounds && { measure: reference, ...bounds };
}

/** A question: number (measure, tolerance), choice (measure, choices, tolerance?) or state (conditions). */
function checkQuestion(c, raw, panel, path) {
  const shapes = { number: [['kind', 'measure', 'tolerance'], []], choice: [['kind', 'measure', 'choices'], ['tolerance']], state: [['kind', 'conditions'], []] };
  if (!isPlainObject(raw) || !Object.hasOwn(shapes, raw.kind)) return c.fail(`${path}.kind`, `expected number, choice or state, got ${quote(raw?.kind)}`);
  if (!c.object(raw, path, ...shapes[raw.kind])) return undefined;
  if (raw.kind === 'state') {
    const conditions = c.list(raw.conditions, `${path}.conditions`, 1, lessonLimits.conditions);
    const out = conditions?.map((condition, i) => checkCondition(c, condition, panel, `${path}.conditions[${i}]`));
    return out && !out.includes(undefined) ? { kind: 'state', conditions: out } : undefined;
  }
  const reference = checkMeasure(c, raw.measure, panel, `${path}.measure`);
  const tolerance = raw.tolerance === undefined ? 0 : c.number(raw.tolerance, `${path}.tolerance`, 0);
  const type = reference && measures[reference.name].type;
  if (raw.kind === 'number') {
    if (type === 'text') return c.fail(`${path}.measure`, `${reference.name} gives text: ask it as a choice`);
    return reference && tolerance !== undefined ? { kind: 'number', measure: reference, tolerance } : undefined;
  }
  const choices = c.list(raw.choices, `${path}.choices`, 2, lessonLimits.choices)?.map((choice, i) => {
    const where = `${path}.choices[${i}]`;
    if (!c.object(choice, where, ['value', 'label'])) return undefined;
    const value = type === 'number' ? c.number(choice.value, `${where}.value`) : c.text(choice.value, `${where}.value`, 40);
    const label = c.bilingual(choice.label, `${where}.label`, lessonLimits.labelLength);
    return value !== undefined && label ? { value, label } : undefined;
  });
  if (choices && new Set(choices.map((choice) => choice?.value)).size !== choices.length) c.fail(`${path}.choices`, 'two choices have the same value');
  return reference && tolerance !== undefined && choices && !choices.includes(undefined) ? { kind: 'choice', measure: reference, tolerance, choices } : undefined;
}

function checkStep(c, raw, panels, path) {
  if (!c.object(raw, path, ['panel', 'title', 'prompt'], ['settings', 'classroom', 'question'])) return undefined;
  const panel = panels.find((each) => each.id === raw.panel);
  if (!panel) return c.fail(`${path}.panel`, `expected one of ${panels.map((each) => each.id).join(', ')}, got ${quote(raw.panel)}`);
  const title = c.bilingual(raw.title, `${path}.title`, lessonLimits.titleLength);
  const prompt = c.bilingual(raw.prompt, `${path}.prompt`, lessonLimits.promptLength);
  const settings = checkSettings(c, raw.settings ?? {}, panel, `${path}.settings`);
  const classroom = raw.classroom === undefined ? readClassroom(panel, {}).options : checkClassroom(c, raw.classroom, panel, `${path}.classroom`);
  const question = raw.question === undefined ? null : checkQuestion(c, raw.question, panel, `${path}.question`);
  if (!title || !prompt || !settings || !classroom || question === undefined) return undefined;
  return { panel: panel.id, title, prompt, settings: settings.settings, given: settings.given, classroom, question };
}

/** The JSON value of `input` (text or a value) within the size limit; throws a LessonError. */
function documentOf(input) {
  let textLength;
  try {
    textLength = typeof input === 'string' ? input.length : (JSON.stringify(input) ?? '').length;
  } catch {
    throw new LessonError(['the document cannot be written as JSON']);
  }
  if (textLength > lessonLimits.documentLength) throw new LessonError([`the document is ${textLength} characters; the limit is ${lessonLimits.documentLength}`]);
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch (error) {
    throw new LessonError([`not JSON (${error.message.slice(0, 80)})`]);
  }
}

/**
 * A checked lesson from untrusted `input` (JSON text or a parsed value) against the page's
 * `panels`: {id, title, steps: [{panel, title, prompt, settings (full), given (keys the step set),
 * classroom, question}]}. Throws a LessonError naming every problem.
 */
export function parseLesson(input, panels) {
  const raw = documentOf(input);
  const c = checker();
  if (!c.object(raw, 'document', ['format', 'version', 'id', 'title', 'steps'])) throw new LessonError(c.problems);
  if (raw.format !== lessonFormat) c.fail('format', `expected ${quote(lessonFormat)}, got ${quote(raw.format)}`);
  if (raw.version !== lessonVersion) c.fail('version', `expected ${lessonVersion}, got ${quote(raw.version)}`);
  if (typeof raw.id !== 'string' || !idPattern.test(raw.id)) c.fail('id', `expected lower-case letters, digits and dashes (at most 40), got ${quote(raw.id)}`);
  const title = c.bilingual(raw.title, 'title', lessonLimits.titleLength);
  const steps = c.list(raw.steps, 'steps', 1, lessonLimits.steps)?.map((step, i) => checkStep(c, step, panels, `steps[${i}]`));
  if (c.problems.length > 0) throw new LessonError(c.problems);
  return { id: raw.id, title, steps };
}
