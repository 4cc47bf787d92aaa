// The training panel's setup controls: the data, the network and the optimiser. Built from the
// settings; every change goes through actions.update(patch). Rebuilt by the panel when the
// shape of the form changes (data set, activation, layers, output).
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { slider, numberField, selectField, button, activationLabel, fixed, uniqueId } from '../shared/controls.js';
import {
  datasets, heads, inits, maxLayers, maxUnits, alphaRange, learningRateRange, classCount,
} from './settings.js';

/** A learning rate shown with two significant digits: 0.0001, 0.03, 3, 10. */
export function formatRate(rate) {
  return String(Number(rate.toPrecision(2)));
}

function seedField(label, name, value, onChange) {
  return numberField({ label, name, value, min: 0, max: 2147483647, step: 1, integer: true, onChange });
}

function stepper({ text, name, value, min, max, minusLabel, plusLabel, onChange }) {
  const minus = button({ label: '−', ariaLabel: minusLabel, className: 'pg-step-button', onClick: () => onChange(value - 1) });
  const plus = button({ label: '+', ariaLabel: plusLabel, className: 'pg-step-button', onClick: () => onChange(value + 1) });
  minus.name = `${name}-minus`;
  plus.name = `${name}-plus`;
  minus.disabled = value <= min;
  plus.disabled = value >= max;
  return el('div', { className: 'pg-stepper' }, [el('span', { className: 'pg-stepper-text', text }), minus, plus]);
}

function dataFieldset(settings, actions, pointsTools) {
  const custom = settings.dataset === 'custom';
  const dataset = selectField({
    label: t('playground.dataset'), name: 'dataset', value: settings.dataset,
    options: datasets.map((value) => ({ value, label: t(`playground.datasets.${value}`) })),
    onChange: (value) => actions.update({ dataset: value }),
  });
  const noise = slider({
    label: t('playground.noise'), name: 'noise', min: 0, max: 0.5, step: 0.01, value: settings.noise, format: (v) => v.toFixed(2),
    onInput: (value) => actions.update({ noise: value }),
  });
  const points = slider({
    label: t('playground.points'), name: 'points', min: 20, max: 2000, step: 10, value: settings.points,
    onInput: (value) => actions.update({ points: value }),
  });
  const split = slider({
    label: t('playground.trainFraction'), name: 'trainFraction', min: 0.1, max: 0.9, step: 0.05, value: settings.trainFraction,
    format: (v) => t('playground.splitValue', { train: Math.round(v * 100), test: 100 - Math.round(v * 100) }),
    onInput: (value) => actions.update({ trainFraction: value }),
  });
  const seed = seedField(t('playground.dataSeed'), 'dataSeed', settings.dataSeed, (value) => actions.update({ dataSeed: value }));
  const regenerate = button({
    label: t('playground.regenerate'),
    onClick: () => {
      const next = (Number(seed.input.value) + 1) % 2147483648;
      seed.input.value = String(next);
      actions.update({ dataSeed: next });
    },
  });
  regenerate.name = 'regenerate';
  const showTestId = uniqueId('pg-show-test');
  const showTest = el('input', { type: 'checkbox', id: showTestId, name: 'showTest' });
  showTest.checked = settings.showTest;
  showTest.addEventListener('change', () => actions.update({ showTest: showTest.checked }));
  return el('fieldset', { className: 'pg-fieldset' }, [
    el('legend', { text: t('playground.dataLegend') }),
    dataset.element,
    custom ? pointsTools : null,
    custom ? null : noise.element,
    custom ? null : points.element,
    split.element,
    el('div', { className: 'pg-seed-row' }, [seed.element, regenerate]),
    el('div', { className: 'check pg-check' }, [showTest, el('label', { for: showTestId, text: t('playground.showTest') })]),
  ]);
}

function layerControls(settings, actions) {
  const layers = settings.hiddenLayers;
  const setLayers = (next) => actions.update({ hiddenLayers: next });
  const count = stepper({
    text: t('playground.layerCount', { count: layers.length }), name: 'layers', value: layers.length, min: 0, max: maxLayers,
    minusLabel: t('playground.removeLayer'), plusLabel: t('playground.addLayer'),
    onChange: (n) => setLayers(n > layers.length ? [...layers, layers.at(-1) ?? 4] : layers.slice(0, n)),
  });
  const rows = layers.map((units, i) => el('li', {}, stepper({
    text: t('playground.layerUnits', { layer: i + 1, units }), name: `units-${i}`, value: units, min: 1, max: maxUnits,
    minusLabel: t('playground.fewerUnits', { layer: i + 1 }), plusLabel: t('playground.moreUnits', { layer: i + 1 }),
    onChange: (n) => setLayers(layers.map((u, j) => (j === i ? n : u))),
  })));
  return [count, el('ol', { className: 'pg-layers' }, rows)];
}

function networkFieldset(settings, actions) {
  const activation = selectField({
    label: t('playground.activation'), name: 'activation', value: settings.activation,
    options: actions.activations.map((value) => ({ value, label: activationLabel(value) })),
    onChange: (value) => actions.update({ activation: value, alpha: alphaRange[value]?.fallback ?? settings.alpha }),
  });
  const range = alphaRange[settings.activation];
  const alpha = range ? slider({
    label: t('playground.alpha'), name: 'alpha', min: 0, max: range.max, step: 0.01, value: Math.min(settings.alpha, range.max),
    format: (v) => v.toFixed(2), onInput: (value) => actions.update({ alpha: value }),
  }) : null;
  const threeClasses = classCount(settings) > 2;
  const head = selectField({
    label: t('playground.head'), name: 'head', value: threeClasses ? 'softmax_cross_entropy' : settings.head,
    options: heads.map((value) => ({ value, label: t(`playground.heads.${value}`) })),
    onChange: (value) => actions.update({ head: value }),
  });
  for (const option of head.select.options) option.disabled = threeClasses && option.value !== 'softmax_cross_entropy';
  const init = selectField({
    label: t('playground.init'), name: 'init', value: settings.init,
    options: inits.map((value) => ({ value, label: t(`playground.inits.${value}`) })),
    onChange: (value) => actions.update({ init: value }),
  });
  const seed = seedField(t('playground.weightSeed'), 'weightSeed', settings.weightSeed, (value) => actions.update({ weightSeed: value }));
  return el('fieldset', { className: 'pg-fieldset' }, [
    el('legend', { text: t('playground.networkLegend') }),
    ...layerControls(settings, actions),
    activation.element,
    alpha?.element,
    head.element,
    threeClasses ? el('p', { className: 'note', text: t('playground.headThreeClasses') }) : null,
    init.element,
    seed.element,
  ]);
}

function trainingFieldset(settings, actions) {
  const { min, max } = learningRateRange;
  const rate = slider({
    label: t('playground.learningRate'), name: 'learningRate', min: Math.log10(min), max: Math.log10(max), step: 0.01,
    value: Math.log10(settings.learningRate), format: (v) => formatRate(10 ** v),
    onInput: (value) => actions.update({ learningRate: Math.min(max, Math.max(min, Number((10 ** value).toPrecision(2)))) }),
  });
  rate.input.setAttribute('aria-valuetext', formatRate(settings.learningRate));
  rate.input.addEventListener('input', () => rate.input.setAttribute('aria-valuetext', formatRate(10 ** Number(rate.input.value))));
  const batch = numberField({
    label: t('playground.batchSize'), name: 'batchSize', value: settings.batchSize, min: 1, max: 500, step: 1, integer: true,
    onChange: (value) => actions.update({ batchSize: value }),
  });
  const momentum = slider({
    label: t('playground.momentum'), name: 'momentum', min: 0, max: 0.99, step: 0.01, value: settings.momentum,
    format: (v) => fixed(v, 2), onInput: (value) => actions.update({ momentum: value }),
  });
  const l2 = numberField({
    label: t('playground.l2'), name: 'l2', value: settings.l2, min: 0, max: 0.1, step: 0.0001,
    onChange: (value) => actions.update({ l2: value }),
  });
  const seed = seedField(t('playground.shuffleSeed'), 'shuffleSeed', settings.shuffleSeed, (value) => actions.update({ shuffleSeed: value }));
  return el('fieldset', { className: 'pg-fieldset' }, [
    el('legend', { text: t('playground.trainingLegend') }),
    rate.element,
    el('p', { className: 'note', text: t('playground.learningRateNote') }),
    batch.element, momentum.element, l2.element, seed.element,
  ]);
}

/** The three setup fieldsets. actions: {update(patch), activations: [names]}; pointsTools: the custom-points element. */
export function buildSetup(settings, actions, pointsTools) {
  return el('div', { className: 'pg-setup' }, [
    dataFieldset(settings, actions, pointsTools),
    networkFieldset(settings, actions),
    trainingFieldset(settings, actions),
  ]);
}
