// The facade's argument checker: small declarative specs (number, integer, name, boolean,
// numbers, labels, object) that check a value against the manifest's ranges and return a fresh
// plain copy (typed arrays for number lists), so the module never reads a caller's object.
// Nothing is coerced; every failure is an Error naming the argument, its value and what is allowed.

/** Freezes `value` and everything reachable from it; returns it. */
export function deepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

/** Short text for any value, safe for Symbols, Proxies and huge arrays (never reads their fields). */
export function describe(value) {
  switch (typeof value) {
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'string': return value.length > 40 ? `'${value.slice(0, 40)}...' (a string)` : `'${value}' (a string)`;
    case 'symbol': return 'a Symbol';
    case 'bigint': return `${value}n (a BigInt)`;
    case 'function': return 'a function';
    case 'undefined': return 'undefined';
    case 'boolean': return String(value);
    default: return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
  }
}

/** The Error of a refused argument; its message starts with the argument's path. */
export class ArgumentError extends Error {}

/** An ArgumentError `${path} must be ${expected}, got ${value}`. */
export function fail(path, expected, value) {
  return new ArgumentError(`${path} must be ${expected}, got ${describe(value)}`);
}

/** "an integer in [1, 50]" or "a number in [0, 1)". */
export function rangeText(range) {
  return `${range.integer ? 'an integer' : 'a finite number'} in ${range.minOpen ? '(' : '['}${range.min}, ${range.max}${range.maxOpen ? ')' : ']'}`;
}

function inRange(value, range) {
  if (!(value >= range.min && value <= range.max)) return false;
  if ((range.minOpen && value === range.min) || (range.maxOpen && value === range.max)) return false;
  return !range.integer || Number.isSafeInteger(value);
}

/** A number in `range` ({min, max, integer, minOpen, maxOpen} from the manifest). */
export const number = (range) => (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || !inRange(value, range)) throw fail(path, rangeText(range), value);
  return value;
};

/** One of the strings in `names`. */
export const name = (names) => (value, path) => {
  if (typeof value !== 'string' || !names.includes(value)) throw fail(path, `one of ${names.join(', ')}`, value);
  return value;
};

/** true or false. */
export const boolean = () => (value, path) => {
  if (typeof value !== 'boolean') throw fail(path, 'true or false', value);
  return value;
};

const typedArrayKinds = [Float64Array, Float32Array, Int32Array, Int16Array, Int8Array, Uint32Array, Uint16Array, Uint8Array, Uint8ClampedArray];

// The length of an Array or numeric typed array, checked against [minLength, maxLength] before any element is read.
function checkedLength(value, path, minLength, maxLength) {
  const isArray = Array.isArray(value) || typedArrayKinds.some((Kind) => value instanceof Kind);
  const what = `an array or typed array of ${minLength} to ${maxLength} values`;
  if (!isArray) throw fail(path, what, value);
  const { length } = value;
  if (!(length >= minLength && length <= maxLength)) throw new ArgumentError(`${path} must be ${what}, got ${length} values`);
  return length;
}

/** A dense Array or typed array of numbers each checked by `item`; copied into a Float64Array. */
export const numbers = (item, { minLength = 1, maxLength, Out = Float64Array, multipleOf = 1 }) => (value, path) => {
  const length = checkedLength(value, path, minLength, maxLength);
  if (length % multipleOf !== 0) throw new ArgumentError(`${path} must hold a multiple of ${multipleOf} values, got ${length}`);
  const out = new Out(length);
  for (let i = 0; i < length; i += 1) out[i] = item(value[i], `${path}[${i}]`);
  return out;
};

const isPlainPrototype = (prototype) => prototype === Object.prototype || prototype === null;

/** A plain object whose fields are checked by `fields` ({key: check}); unknown keys are refused. */
export const object = (fields, { optional = true } = {}) => (value, path) => {
  if (value === undefined && optional) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isPlainPrototype(Object.getPrototypeOf(value))) {
    throw fail(path, 'an options object', value);
  }
  const out = {};
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) {
      throw new ArgumentError(`${path} has an unknown field '${key}' (known: ${Object.keys(fields).join(', ') || 'none'})`);
    }
    const field = value[key];
    if (field !== undefined) out[key] = fields[key](field, `${path}.${key}`);
  }
  return out;
};

/** Runs `check` on `value`; any exception from reading it (a throwing getter, a Proxy trap) becomes an Error naming `path`. */
export function checked(check, value, path) {
  try {
    return check(value, path);
  } catch (error) {
    if (error instanceof ArgumentError) throw error;
    throw new ArgumentError(`${path} could not be read: ${error instanceof Error ? error.message : describe(error)}`);
  }
}
