// Controls made from a settings schema: the field's kind picks the control, its limits, choices,
// step and slider range come from the field (declared once in the schema), and the control's
// outer element carries data-setting="<key>" so a host page can hide or lock it by key.
import { slider, logSlider, numberField, selectField, checkbox } from './controls.js';

/**
 * The control for `schema[key]`. options: {label, value, onChange(value), format (slider text),
 * optionLabel(choice) (select text), range ({min, max} of a slider that depends on other settings,
 * declared beside the schema), name (defaults to key)}. Returns {element, input, set(value)}.
 */
export function controlFor(schema, key, { label, value, onChange, format, optionLabel = String, range, name = key }) {
  const spec = schema[key];
  if (!spec) throw new Error(`the schema has no setting '${key}'`);
  const ui = { ...spec.ui, ...(range && { min: range.min, max: range.max }) };
  const control = build(spec, ui, { label, value, onChange, format, optionLabel, name });
  control.element.dataset.setting = key;
  return control;
}

/** A select of the whole numbers in [spec.min, spec.max]; onChange(number). */
function integerSelect(spec, { label, name, value, onChange, optionLabel }) {
  const values = Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i);
  const options = values.map((k) => ({ value: String(k), label: optionLabel(k) }));
  const control = selectField({ label, name, value: String(value), options, onChange: (text) => onChange(Number(text)) });
  return { ...control, set: (k) => control.set(String(k)) };
}

function build(spec, ui, { label, value, onChange, format, optionLabel, name }) {
  const integer = spec.kind === 'integer';
  switch (spec.kind) {
    case 'choice':
      return selectField({ label, name, value, onChange, options: spec.values.map((choice) => ({ value: choice, label: optionLabel(choice) })) });
    case 'boolean':
      return checkbox({ label, name, value, onChange, className: ui.className });
    case 'number':
    case 'integer':
      if (ui.control === 'select') return integerSelect(spec, { label, name, value, onChange, optionLabel });
      if (ui.control === 'log') return logSlider({ label, name, value, onInput: onChange, min: spec.min, max: spec.max });
      if (ui.control === 'slider') {
        return slider({
          label, name, value, format, onInput: onChange, min: ui.min ?? spec.min, max: ui.max ?? spec.max, step: ui.step ?? 1,
        });
      }
      return numberField({ label, name, value, onChange, integer, min: spec.min, max: spec.max, step: ui.step ?? (integer ? 1 : 'any') });
    default:
      throw new Error(`no control for a '${spec.kind}' setting`);
  }
}
