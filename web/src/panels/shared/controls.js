// Small DOM builders shared by the chapter panels: labelled sliders (linear and logarithmic),
// number fields, selects, checkboxes, buttons and chart boxes. Text always goes in through
// textContent. Each value control returns {element, input, set(value)}: set() shows a value
// without firing the control's callback, so a form can follow its settings in place.
import { t, keys } from '../../i18n.js';
import { el } from '../../dom.js';
import { roundSignificant, shortNumber } from './format.js';
import { exportBar } from '../../export.js';

let counter = 0;

/** An id unique in the page, so a panel can be mounted more than once. */
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Shows `value` in `control` unless the student is using it (then its own input shows the truth). */
export function showValue(control, value) {
  if (!control.element.contains(document.activeElement)) control.set(value);
}

/**
 * Makes `parent`'s children exactly `children` (null entries skipped) without moving the nodes that
 * stay, so a focused control keeps its focus. Kept nodes must stay in their relative order.
 */
export function keepChildren(parent, children) {
  const wanted = children.filter(Boolean);
  for (const node of [...parent.childNodes]) if (!wanted.includes(node)) node.remove();
  let cursor = parent.firstChild;
  for (const node of wanted) {
    if (node === cursor) cursor = cursor.nextSibling;
    else parent.insertBefore(node, cursor);
  }
}

/** A range input with a visible label and numeric value; onInput(number) on every move. */
export function slider({ label, min, max, step, value, format = String, onInput, name }) {
  const id = uniqueId('slider');
  const input = el('input', { type: 'range', id, min, max, step, name });
  const output = el('output', { for: id, className: 'control-value' });
  const set = (number) => {
    input.value = String(number);
    output.textContent = format(number);
  };
  set(value);
  input.addEventListener('input', () => {
    const number = Number(input.value);
    output.textContent = format(number);
    onInput(number);
  });
  const element = el('div', { className: 'control control-slider' }, [
    el('label', { for: id, text: label }), input, output,
  ]);
  return { element, input, set };
}

/** True when `text` is a finite number in [min, max] (and whole when `integer`). */
function acceptable(text, { min, max, integer }) {
  const number = Number(text);
  return text !== '' && Number.isFinite(number) && number >= min && number <= max && (!integer || Number.isInteger(number));
}

/**
 * A slider on a log10 scale for a rate in [min, max], with a typed field beside it that takes
 * exact values (3, 0.003). The slider moves in rates of two significant digits; both announce
 * the rate itself (aria-valuetext), never its exponent. onInput(rate) for every valid change.
 */
export function logSlider({ label, min, max, value, onInput, name }) {
  const id = uniqueId('slider');
  const labelId = uniqueId('label');
  const input = el('input', { type: 'range', id, min: Math.log10(min), max: Math.log10(max), step: 0.01, name });
  const exact = el('input', {
    type: 'text', inputmode: 'decimal', name: `${name}Exact`, className: 'control-value control-exact', autocomplete: 'off',
    spellcheck: 'false', 'aria-labelledby': labelId,
  });
  const show = (rate) => {
    input.value = String(Math.log10(rate));
    input.setAttribute('aria-valuetext', shortNumber(rate));
    exact.value = shortNumber(rate);
    exact.setAttribute('aria-invalid', 'false');
  };
  show(value);
  input.addEventListener('input', () => {
    const rate = Math.min(max, Math.max(min, roundSignificant(10 ** Number(input.value))));
    input.setAttribute('aria-valuetext', shortNumber(rate));
    exact.value = shortNumber(rate);
    exact.setAttribute('aria-invalid', 'false');
    onInput(rate);
  });
  exact.addEventListener('input', () => {
    const text = exact.value.trim();
    const valid = acceptable(text, { min, max, integer: false });
    exact.setAttribute('aria-invalid', String(!valid));
    if (!valid) return;
    input.value = String(Math.log10(Number(text)));
    input.setAttribute('aria-valuetext', shortNumber(Number(text)));
    onInput(Number(text));
  });
  exact.addEventListener('change', () => {
    if (exact.getAttribute('aria-invalid') === 'false') exact.value = shortNumber(Number(exact.value), 15);
  });
  const element = el('div', { className: 'control control-slider control-log' }, [
    el('label', { for: id, id: labelId, text: label }), input, exact,
  ]);
  return { element, input, set: show };
}

/** A number input; onChange(number) only for finite values inside [min, max], else marks it invalid. */
export function numberField({ label, value, min, max, step = 'any', onChange, ariaLabel, name, integer = false }) {
  const id = uniqueId('number');
  const input = el('input', { type: 'number', id, min, max, step, name, inputmode: 'decimal', 'aria-label': ariaLabel });
  input.value = String(value);
  const update = () => {
    const text = input.value.trim();
    const valid = acceptable(text, { min, max, integer });
    input.setAttribute('aria-invalid', String(!valid));
    if (valid) onChange(Number(text));
  };
  input.addEventListener('input', update);
  input.addEventListener('change', update);
  const set = (number) => {
    if (Number(input.value) === number && input.value.trim() !== '') return;
    input.value = String(number);
    input.setAttribute('aria-invalid', 'false');
  };
  const children = label ? [el('label', { for: id, text: label }), input] : [input];
  return { element: el('div', { className: 'control control-number' }, children), input, set };
}

/** A <select> of [{value, label}]; onChange(value). */
export function selectField({ label, options, value, onChange, name }) {
  const id = uniqueId('select');
  const select = el('select', { id, name }, options.map((o) => el('option', { value: o.value, text: o.label })));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  const set = (next) => { select.value = next; };
  return { element: el('div', { className: 'control control-select' }, [el('label', { for: id, text: label }), select]), select, input: select, set };
}

/** A labelled checkbox; onChange(checked). */
export function checkbox({ label, value, onChange, name, className = 'check' }) {
  const id = uniqueId('check');
  const input = el('input', { type: 'checkbox', id, name });
  input.checked = value;
  input.addEventListener('change', () => onChange(input.checked));
  const set = (checked) => { input.checked = checked; };
  return { element: el('div', { className }, [input, el('label', { for: id, text: label })]), input, set };
}

/** A fieldset of checkboxes; onChange(selectedValues); keeps at least `min` checked. */
export function checkboxGroup({ legend, options, values, onChange, min = 1 }) {
  const boxes = [];
  const items = options.map((o) => {
    const id = uniqueId('check');
    const box = el('input', { type: 'checkbox', id, value: o.value });
    box.checked = values.includes(o.value);
    boxes.push(box);
    return el('div', { className: 'check' }, [box, el('label', { for: id, text: o.label })]);
  });
  const selected = () => boxes.filter((b) => b.checked).map((b) => b.value);
  for (const box of boxes) {
    box.addEventListener('change', () => {
      if (selected().length < min) {
        box.checked = true;
        return;
      }
      onChange(selected());
    });
  }
  const element = el('fieldset', { className: 'control control-checks' }, [el('legend', { text: legend }), ...items]);
  return { element, boxes };
}

/** A real <button type=button>; `name` identifies it to tests and to focus handling. */
export function button({ label, onClick, ariaLabel, className, name }) {
  const node = el('button', { type: 'button', className, name, 'aria-label': ariaLabel, text: label });
  node.addEventListener('click', onClick);
  return node;
}

/**
 * A sized box holding a canvas with an accessible name (Chart.js needs a sized parent). With
 * `exportAs` (() => {panel, what, settings}) PNG and CSV buttons follow the box (web/src/export.js).
 */
export function chartBox(label, className = '', exportAs = null) {
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  canvas.textContent = label;
  const box = el('div', { className: `chart-box ${className}`.trim() }, [canvas]);
  if (!exportAs) return { element: box, canvas };
  return { element: el('div', { className: 'chart-export' }, [box, exportBar(canvas, exportAs, label)]), canvas };
}

/** The display name of an activation from the shared activation strings. */
export function activationLabel(name) {
  const key = `activations.${name}.name`;
  return keys('en').includes(key) ? t(key) : name;
}
