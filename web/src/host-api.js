// The host-page protocol (docs/EMBEDDING.md, "Talking to the app"): the messages an embedded
// panel posts to the page around it (ready, height, settings, training events) and the commands
// it accepts (set, play, pause, step, reset, select) from the origins the embed allows.
// Everything that arrives is untrusted: anything malformed is ignored and nothing is thrown.
import { sanitize } from './settings.js';

/** The `protocol` field of every message, both ways. */
export const protocol = 'activation-lab';
/** The protocol version this app speaks. */
export const version = 1;
/** Commands a host may send. */
export const commandNames = ['set', 'play', 'pause', 'step', 'reset', 'select'];

/** Messages larger than this (characters of JSON) are ignored. */
const maxMessageLength = 20000;
const maxSteps = 100000;

/** A message from the app: {protocol, version, type, panel, ...fields}. */
export function message(type, panel, fields = {}) {
  return { ...fields, protocol, version, type, panel };
}

/** True for an object made by a plain `{}` literal or JSON (no arrays, class instances or null). */
function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The length of `value` as JSON, or Infinity when it cannot be written as JSON. */
function jsonLength(value) {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
}

/**
 * Reads untrusted message `data` against the panel ids. Returns null when the message is not
 * meant for this app (silently ignored), {rejected: reason} when it is but cannot be used, else
 * {command, settings | panel | steps}.
 */
export function parseCommand(data, panelIds) {
  if (!isPlainObject(data) || data.protocol !== protocol || typeof data.command !== 'string') return null;
  if (jsonLength(data) > maxMessageLength) return { rejected: 'too large' };
  if (data.version !== version) return { rejected: `version ${String(data.version).slice(0, 20)} is not ${version}` };
  if (!commandNames.includes(data.command)) return { rejected: `unknown command ${data.command.slice(0, 40)}` };
  const { command } = data;
  if (command === 'set') {
    return isPlainObject(data.settings) ? { command, settings: data.settings } : { rejected: 'settings must be an object' };
  }
  if (command === 'select') {
    return panelIds.includes(data.panel) ? { command, panel: data.panel } : { rejected: 'unknown panel' };
  }
  if (command === 'step') {
    const steps = data.steps ?? 1;
    return Number.isInteger(steps) && steps >= 1 && steps <= maxSteps ? { command, steps } : { rejected: `steps must be an integer 1 to ${maxSteps}` };
  }
  return { command };
}

/**
 * New settings of `panel` from `current` and a host's `patch`, all or nothing: {settings} or
 * {rejected: [keys]} naming unknown keys and invalid values.
 */
export function patchSettings(panel, current, patch) {
  const unknown = Object.keys(patch).filter((key) => !Object.hasOwn(panel.schema, key));
  const known = Object.fromEntries(Object.keys(patch).filter((key) => !unknown.includes(key)).map((key) => [key, patch[key]]));
  const { settings, rejected } = sanitize(panel.schema, { ...current, ...known });
  const bad = [...unknown, ...rejected];
  return bad.length > 0 ? { rejected: bad } : { settings };
}

/**
 * The allowed origins of a comma-separated `text` ('*' allows any): {origins, invalid}. Each entry
 * must be an origin such as https://moodle.example.edu (no path).
 */
export function parseOrigins(text) {
  const origins = [];
  const invalid = [];
  for (const part of String(text).split(',').map((p) => p.trim()).filter(Boolean)) {
    let origin = null;
    try {
      origin = part === '*' ? '*' : new URL(part).origin;
    } catch {
      origin = null;
    }
    if (origin && origin !== 'null' && (origin === '*' || origin === part.replace(/\/$/, ''))) origins.push(origin);
    else invalid.push(part.slice(0, 80));
  }
  return { origins, invalid };
}

/** The origin of the page that holds this frame, or null when it cannot be known. */
export function parentOrigin() {
  const ancestors = globalThis.location?.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

/** True when a message from `origin` may command an embed that allows `allowed`. */
export function originAllowed(origin, allowed) {
  return allowed.includes('*') || allowed.includes(origin);
}

/**
 * Turns the playground's status reports ({fresh, running, step, stopReason, diverged, dead,
 * dormant, total}) into training events: send(name, {step, dead, dormant, total, reason?}) for
 * started, paused, stopped (at a limit), diverged, unit-died and unit-revived.
 */
export function trainingEvents(send) {
  let last = null;
  return (status) => {
    const counts = { step: status.step, dead: status.dead, dormant: status.dormant, total: status.total };
    const previous = status.fresh ? null : last;
    last = status;
    if (!previous) return;
    if (status.running && !previous.running) send('started', counts);
    if (status.diverged && !previous.diverged) send('diverged', counts);
    else if (!status.running && previous.running) {
      send(status.stopReason ? 'stopped' : 'paused', status.stopReason ? { ...counts, reason: status.stopReason } : counts);
    }
    if (Number.isFinite(status.dead) && Number.isFinite(previous.dead) && status.dead !== previous.dead) {
      send(status.dead > previous.dead ? 'unit-died' : 'unit-revived', { ...counts, change: Math.abs(status.dead - previous.dead) });
    }
  };
}

/**
 * Runs a parsed command on `target` = {panel, settings(), apply(settings), select(id), mounted()}
 * where mounted() gives the panel's {play, pause, step, reset} (some panels have none).
 * Returns null when done, else the reason it could not be.
 */
export function runCommand(parsed, target) {
  const { command } = parsed;
  if (command === 'set') {
    const result = patchSettings(target.panel, target.settings(), parsed.settings);
    if (result.rejected) return `invalid settings: ${result.rejected.map((key) => String(key).slice(0, 40)).join(', ')}`;
    target.apply(result.settings);
    return null;
  }
  if (command === 'select') {
    target.select(parsed.panel);
    return null;
  }
  const action = target.mounted()?.[command];
  if (typeof action !== 'function') return `${target.panel.id} has no ${command}`;
  if (command === 'step') action(parsed.steps);
  else action();
  return null;
}
