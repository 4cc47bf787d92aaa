// Number formatting shared by the panels: fixed decimals and short significant-digit text,
// both with a real minus sign (U+2212) and -0 shown as 0.

/** `value` with `digits` decimals, minus sign as U+2212, and -0 shown as 0. */
export function fixed(value, digits) {
  const text = (Object.is(value, -0) ? 0 : value).toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text.replace('-', '\u2212');
}

/** `value` rounded to `digits` significant digits (2: 0.0316 -> 0.032, 2.95 -> 3); -0 becomes 0. */
export function roundSignificant(value, digits = 2) {
  const rounded = Number(value.toPrecision(digits));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** The shortest text of `value` rounded to `digits` significant digits: 0.0001, 0.03, 3, 10, −0.25. */
export function shortNumber(value, digits = 2) {
  return String(roundSignificant(value, digits)).replace('-', '\u2212');
}
