// Small DOM builders shared by the chapter panels: labelled sliders, number fields, selects,
// checkbox groups, buttons and chart boxes. Text always goes in through textContent.
import { t, keys, onLanguageChange } from '../../i18n.js';
import { el } from '../../dom.js';

let counter = 0;

/** An id unique in the page, so a panel can be mounted more than once. */
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A range input with a visible label and numeric value; onInput(number) on every move. */
export function slider({ label, min, max, step, value, format = String, onInput, name }) {
  const id = uniqueId('slider');
  const input = el('input', { type: 'range', id, min, max, step, name });
  input.value = String(value);
  const output = el('output', { for: id, className: 'control-value', text: format(value) });
  input.addEventListener('input', () => {
    const number = Number(input.value);
    output.textContent = format(number);
    onInput(number);
  });
  const element = el('div', { className: 'control control-slider' }, [
    el('label', { for: id, text: label }), input, output,
  ]);
  return { element, input };
}

/** A number input; onChange(number) only for finite values inside [min, max], else marks it invalid. */
export function numberField({ label, value, min, max, step = 'any', onChange, ariaLabel, name, integer = false }) {
  const id = uniqueId('number');
  const input = el('input', { type: 'number', id, min, max, step, name, inputmode: 'decimal', 'aria-label': ariaLabel });
  input.value = String(value);
  const update = () => {
    const text = input.value.trim();
    const number = Number(text);
    const valid = text !== '' && Number.isFinite(number) && number >= min && number <= max && (!integer || Number.isInteger(number));
    input.setAttribute('aria-invalid', String(!valid));
    if (valid) onChange(number);
  };
  input.addEventListener('input', update);
  input.addEventListener('change', update);
  const children = label ? [el('label', { for: id, text: label }), input] : [input];
  return { element: el('div', { className: 'control control-number' }, children), input };
}

/** A <select> of [{value, label}]; onChange(value). */
export function selectField({ label, options, value, onChange, name }) {
  const id = uniqueId('select');
  const select = el('select', { id, name }, options.map((o) => el('option', { value: o.value, text: o.label })));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  return { element: el('div', { className: 'control control-select' }, [el('label', { for: id, text: label }), select]), select };
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

/** A real <button type=button>. */
export function button({ label, onClick, ariaLabel, className }) {
  const node = el('button', { type: 'button', className, 'aria-label': ariaLabel, text: label });
  node.addEventListener('click', onClick);
  return node;
}

/** A sized box holding a canvas with an accessible name (Chart.js needs a sized parent). */
export function chartBox(label, className = '') {
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  canvas.textContent = label;
  return { element: el('div', { className: `chart-box ${className}`.trim() }, [canvas]), canvas };
}

/** `value` with `digits` decimals, minus sign as U+2212, and -0 shown as 0. */
export function fixed(value, digits) {
  const text = (Object.is(value, -0) ? 0 : value).toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text.replace('-', '\u2212');
}

/** Mixes a #rrggbb colour with white: amount 0 keeps the colour, 1 gives white. */
export function tint(hex, amount) {
  const channel = (i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(c + (255 - c) * amount);
  };
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** '#000000' or '#ffffff', whichever contrasts more with an 'rgb(r, g, b)' background (always >= 4.5:1). */
export function readableTextOn(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/** Marker shapes paired with series, so racers differ by shape as well as colour. */
export const markers = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'];

/** Every activation of the engine, in its display order (the settings schemas need them at import). */
export const activationNames = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'step', 'linear', 'elu', 'selu', 'softplus',
  'gelu', 'silu', 'softsign', 'hard_sigmoid'];

/** The display name of an activation from the shared activation strings. */
export function activationLabel(name) {
  const key = `activations.${name}.name`;
  return keys('en').includes(key) ? t(key) : name;
}

/**
 * Builds a panel now and again on every language change. Returns the panel's handle: destroy()
 * stops listening, runs cleanup() (charts, timers) and empties root.
 */
export function rebuildOnLanguageChange(root, build, cleanup) {
  build();
  const stopListening = onLanguageChange(() => build());
  return {
    destroy() {
      stopListening();
      cleanup();
      root.replaceChildren();
    },
  };
}
