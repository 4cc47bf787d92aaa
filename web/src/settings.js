// Panel settings schemas: each panel declares its settings once; sanitize() turns untrusted
// input (a URL, an imported file) into valid settings, listing what it had to replace.

/**
 * Schema field builders. The optional last argument `ui` holds what only the page decides:
 * `effect` (what a change of the field does in a panel that uses effects: 'rebuild' the network,
 * 'live' to the running trainer, 'schedule' how the session runs, 'redraw' only, 'record' nothing:
 * the panel's own views keep it, for the link), `control`
 * ('slider', 'log' or 'number' for numbers), `step`, and a narrower slider range `min` / `max`;
 * `fallbackOf(settings)`: a default that depends on the other settings (undefined: `fallback`),
 * e.g. alpha's, which is the chosen activation's.
 */
export const field = {
  number: (fallback, min, max, ui) => withUi({ kind: 'number', fallback, min, max }, ui),
  integer: (fallback, min, max, ui) => withUi({ kind: 'integer', fallback, min, max }, ui),
  choice: (fallback, values, ui) => withUi({ kind: 'choice', fallback, values }, ui),
  boolean: (fallback, ui) => withUi({ kind: 'boolean', fallback }, ui),
  /** A list of `item` fields with a length in [minLength, maxLength]. */
  list: (fallback, item, minLength, maxLength, ui) => withUi({ kind: 'list', fallback, item, minLength, maxLength }, ui),
  /** A list whose entries are distinct values of `values`. */
  set: (fallback, values, minLength = 1, ui = undefined) => withUi({ kind: 'set', fallback, values, minLength }, ui),
};

function withUi(spec, { effect = 'redraw', fallbackOf, ...ui } = {}) {
  return fallbackOf ? { ...spec, effect, fallbackOf, ui } : { ...spec, effect, ui };
}

/** The default of field `spec` beside the other `settings` (a copy: lists are not shared). */
export function fallbackFor(spec, settings) {
  return structuredClone(spec.fallbackOf?.(settings) ?? spec.fallback);
}

/** The keys of `schema` whose effect is `effect`, in schema order. */
export function keysWithEffect(schema, effect) {
  return Object.keys(schema).filter((key) => schema[key].effect === effect);
}

function toNumber(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value.trim())) return Number(value);
  return NaN;
}

function clean(spec, value) {
  switch (spec.kind) {
    case 'number': {
      const n = toNumber(value);
      return Number.isFinite(n) && n >= spec.min && n <= spec.max ? n : undefined;
    }
    case 'integer': {
      const n = toNumber(value);
      return Number.isInteger(n) && n >= spec.min && n <= spec.max ? n : undefined;
    }
    case 'choice':
      return spec.values.includes(value) ? value : undefined;
    case 'boolean':
      if (value === true || value === 'true' || value === '1') return true;
      if (value === false || value === 'false' || value === '0') return false;
      return undefined;
    case 'list': {
      const items = typeof value === 'string' ? value.split(',') : value;
      if (!Array.isArray(items) || items.length < spec.minLength || items.length > spec.maxLength) return undefined;
      const out = items.map((item) => clean(spec.item, item));
      return out.includes(undefined) ? undefined : out;
    }
    case 'set': {
      const items = typeof value === 'string' ? value.split(',') : value;
      if (!Array.isArray(items) || items.length < spec.minLength || items.length > spec.values.length) return undefined;
      if (!items.every((item) => spec.values.includes(item)) || new Set(items).size !== items.length) return undefined;
      return [...items];
    }
    default:
      throw new Error(`unknown schema kind '${spec.kind}'`);
  }
}

/** Defaults of a schema. */
export function defaults(schema) {
  return Object.fromEntries(Object.entries(schema).map(([key, spec]) => [key, structuredClone(spec.fallback)]));
}

/**
 * Valid settings from untrusted `raw` (missing keys take defaults, those with fallbackOf from the
 * other settings). Returns {settings, rejected}: rejected lists the keys whose values were replaced
 * by defaults; unknown keys are ignored.
 */
export function sanitize(schema, raw = {}) {
  const settings = {};
  const rejected = [];
  const defaulted = [];
  for (const [key, spec] of Object.entries(schema)) {
    const value = raw[key] === undefined ? undefined : clean(spec, raw[key]);
    if (raw[key] !== undefined && value === undefined) rejected.push(key);
    if (value === undefined) defaulted.push(key);
    settings[key] = value === undefined ? structuredClone(spec.fallback) : value;
  }
  for (const key of defaulted) if (schema[key].fallbackOf) settings[key] = fallbackFor(schema[key], settings);
  return { settings, rejected };
}
