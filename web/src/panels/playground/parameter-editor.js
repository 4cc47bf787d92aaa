// "A weight or a bias": reads one parameter of the network (picked by clicking a link or a tile
// in the diagram, or chosen in the selects by keyboard) and, while paused, sets it through the
// engine; every pick and edit is announced. Made once; show(frame) follows the run.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button, uniqueId } from '../shared/controls.js';
import { parameterValue } from '../../training/parameter-edit.js';

const shown = (value) => Number(value.toPrecision(4)).toString();

function labelled(text, control) {
  const id = uniqueId('param');
  control.id = id;
  return el('div', { className: 'control' }, [el('label', { for: id, text }), control]);
}

function fill(select, options, value) {
  const key = options.map((o) => `${o.value}:${o.label}`).join('|');
  if (select.dataset.options !== key) {
    select.dataset.options = key;
    select.replaceChildren(...options.map((o) => el('option', { value: String(o.value), text: o.label })));
  }
  select.value = String(value);
}

/** onEdit({layer, unit, input}, value) sets a parameter (input -1: the unit's bias). Returns {element, show(frame), pick(where)}. */
export function createParameterEditor({ onEdit }) {
  const selects = { layer: el('select', { name: 'paramLayer' }), unit: el('select', { name: 'paramUnit' }), input: el('select', { name: 'paramInput' }) };
  const value = el('input', { type: 'number', step: 'any', name: 'paramValue', inputmode: 'decimal' });
  const set = button({ label: t('playground.paramSet'), name: 'paramSet', onClick: () => apply() });
  const status = el('p', { className: 'note pg-param-status', role: 'status', 'aria-live': 'polite' });
  const element = el('fieldset', { className: 'pg-fieldset pg-param' }, [
    el('legend', { text: t('playground.paramLegend') }), el('p', { className: 'note', text: t('playground.paramHelp') }),
    el('div', { className: 'pg-param-row' }, [labelled(t('playground.paramLayer'), selects.layer), labelled(t('playground.paramUnit'), selects.unit),
      labelled(t('playground.paramWhich'), selects.input)]),
    el('div', { className: 'pg-param-row' }, [labelled(t('playground.paramValue'), value), set]), status,
  ]);
  let where = { layer: 0, unit: 0, input: -1 };
  let frame = null;

  const layerName = (l, count) => (l === count - 1 ? t('trainingViews.outputColumn') : t('trainingViews.layerColumn', { layer: l + 1 }));
  const inputName = (l, i) => (l === 0 ? t(`trainingViews.feature.${frame.network.features[i]}`) : t('playground.paramFromUnit', { unit: i + 1, layer: l }));
  const nameOf = ({ layer, unit, input }) => t('playground.paramName', {
    layer: layerName(layer, frame.parameters.length), unit: unit + 1,
    which: input === -1 ? t('playground.paramBias') : t('playground.paramWeightFrom', { name: inputName(layer, input) }),
  });

  function render(announce) {
    const layers = frame?.parameters;
    const editable = Boolean(layers) && !frame.status.running;
    for (const select of Object.values(selects)) select.disabled = !layers;
    value.disabled = !editable;
    set.disabled = !editable;
    if (!layers) {
      status.textContent = t('playground.paramNone');
      return;
    }
    const dense = layers[where.layer] ?? layers[0];
    where = { layer: layers.indexOf(dense), unit: Math.min(where.unit, dense.outputs - 1), input: Math.min(where.input, dense.inputs - 1) };
    fill(selects.layer, layers.map((_, l) => ({ value: l, label: layerName(l, layers.length) })), where.layer);
    fill(selects.unit, Array.from({ length: dense.outputs }, (_, j) => ({ value: j, label: t('playground.paramUnitOption', { unit: j + 1 }) })), where.unit);
    fill(selects.input, [{ value: -1, label: t('playground.paramBias') },
      ...Array.from({ length: dense.inputs }, (_, i) => ({ value: i, label: t('playground.paramWeightFrom', { name: inputName(where.layer, i) }) }))], where.input);
    const current = parameterValue(layers, where);
    if (announce || document.activeElement !== value) value.value = shown(current);
    // While training runs the value changes every frame: the live region then says only how to edit.
    const text = editable ? t('playground.paramCurrent', { name: nameOf(where), value: shown(current), step: frame.status.step })
      : t('playground.paramPaused', { name: nameOf(where) });
    if (announce || status.textContent !== text) status.textContent = text;
  }

  function apply() {
    const number = Number(value.value.trim());
    value.setAttribute('aria-invalid', String(!Number.isFinite(number) || value.value.trim() === ''));
    if (!frame?.parameters || frame.status.running || value.value.trim() === '' || !Number.isFinite(number)) return;
    onEdit(where, number);
  }

  for (const [key, select] of Object.entries(selects)) {
    select.addEventListener('change', () => {
      where = { ...where, [key]: Number(select.value), ...(key === 'layer' ? { unit: 0, input: -1 } : {}) };
      render(true);
    });
  }
  value.addEventListener('keydown', (event) => { if (event.key === 'Enter') apply(); });

  render(false);
  return {
    element,
    /** Follows a runner frame (its parameters, features and running state). */
    show(next) {
      if (!next.parameters) return;
      frame = next;
      render(false);
    },
    /** Selects parameter {layer, unit, input} (from a click in the diagram) and announces its value; focus stays where it is. */
    pick(next) {
      where = next;
      render(true);
    },
  };
}
