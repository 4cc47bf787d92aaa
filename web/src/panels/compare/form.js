// The compare view's controls: the setting to vary with its values (checked by checkComparison
// before anything changes; a refusal is shown beside the field), and the settings every run
// shares, made from the schema. Labels of settings and their values are the training panel's.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { activationLabel, button, uniqueId } from '../shared/controls.js';
import { controlFor } from '../shared/schema-controls.js';
import { schema as trainingSchema, alphaRange } from '../playground/settings.js';
import { schema, valuesKey, valuesOf, valueRange, checkComparison } from './settings.js';

const optionLabels = {
  dataset: (v) => t(`playground.datasets.${v}`),
  activation: activationLabel,
  head: (v) => t(`playground.heads.${v}`),
  init: (v) => t(`playground.inits.${v}`),
  optimizer: (v) => t(`playground.optimizers.${v}`),
  speed: (v) => t(`playground.speeds.${v}`),
};

/** The shared settings shown as controls (the others keep the link's or the training panel's values). */
const sharedControls = ['dataset', 'noise', 'points', 'dataSeed', 'activation', 'alpha', 'init', 'initialBias', 'weightSeed', 'optimizer', 'learningRate', 'batchSize', 'momentum', 'shuffleSeed', 'speed'];

/** The display name of setting `key`. */
export const settingLabel = (key) => t(`playground.${key}`);

/** The display text of value `value` of setting `key`. */
export const valueLabel = (key, value) => (optionLabels[key] ? optionLabels[key](value) : String(value));

/** The alpha slider's range: that of the shared activation, or of the first compared one that takes an alpha; null: no slider. */
function alphaSlider(settings) {
  if (settings.vary === 'alpha') return null;
  const activations = settings.vary === 'activation' ? valuesOf(settings) : [settings.activation];
  return activations.map(alphaRange).find(Boolean) ?? null;
}

/** The hint under the values field: the choices, or the range. */
function allowedText(settings) {
  const key = settings.vary;
  const spec = trainingSchema[key];
  if (spec.kind === 'choice') return t('compare.valuesChoices', { allowed: spec.values.join(', ') });
  const range = valueRange(key, settings);
  return range ? t('compare.valuesRange', range) : '';
}

/** actions: {update(patch)}. Returns {element, shared, show(settings)}: the comparison form, the shared fieldset. */
export function createForm(settings, actions) {
  const vary = controlFor(schema, 'vary', { label: t('compare.vary'), value: settings.vary, optionLabel: settingLabel, onChange: (key) => actions.update({ vary: key }) });
  const inputId = uniqueId('cmp-values');
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const input = el('input', { type: 'text', id: inputId, name: 'values', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${hintId} ${errorId}` });
  const hint = el('p', { className: 'note', id: hintId });
  const error = el('p', { className: 'cmp-values-error', id: errorId, role: 'alert' });
  let current = settings;
  const form = el('form', { className: 'cmp-choose', 'data-view': 'choose' }, [
    el('fieldset', { className: 'panel-controls' }, [
      el('legend', { text: t('compare.choose') }), vary.element,
      el('div', { className: 'control' }, [el('label', { for: inputId, text: t('compare.values') }), input]), hint, error,
      el('button', { type: 'submit', name: 'apply', className: 'primary', text: t('compare.apply') }),
    ]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      const values = checkComparison(current.vary, input.value, current);
      input.setAttribute('aria-invalid', 'false');
      error.textContent = '';
      actions.update({ [valuesKey(current.vary)]: values });
    } catch (refused) {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = refused.message;
    }
  });
  const shared = el('fieldset', { className: 'panel-controls cmp-shared', 'data-view': 'shared' });

  function showShared(next) {
    const alpha = alphaSlider(next);
    const keys = sharedControls.filter((key) => key !== next.vary && (key !== 'alpha' || alpha));
    const controls = keys.map((key) => controlFor(schema, key, {
      label: settingLabel(key), value: next[key], optionLabel: optionLabels[key], onChange: (value) => actions.update({ [key]: value }),
      ...(key === 'alpha' && { range: alpha, format: (v) => v.toFixed(2) }),
      ...(key === 'noise' && { format: (v) => v.toFixed(2) }),
    }).element);
    shared.replaceChildren(el('legend', { text: t('compare.shared') }), el('p', { className: 'note', text: t('compare.layers', { layers: next.hiddenLayers.join(' × ') }) }), ...controls);
  }

  let shape = '';
  return {
    element: form,
    shared,
    /** Shows `next` settings: the varied setting's values and hint; the shared controls are made anew when the set of them changes (focus kept). */
    show(next) {
      const varied = next.vary !== current.vary;
      current = next;
      vary.set(next.vary);
      if (varied || document.activeElement !== input) input.value = valuesOf(next).map(String).join(', ');
      hint.textContent = allowedText(next);
      if (varied) error.textContent = '';
      const nextShape = `${next.vary}|${JSON.stringify(alphaSlider(next))}`;
      if (nextShape === shape) return;
      shape = nextShape;
      const focused = document.activeElement?.closest?.('[data-setting]')?.dataset.setting;
      showShared(next);
      if (focused && shared.contains(document.activeElement) === false) shared.querySelector(`[data-setting="${focused}"] :is(input, select)`)?.focus();
    },
  };
}
