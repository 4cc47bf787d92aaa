// The training panel's setup controls: the data, the network and the optimiser, made once from
// the schema and then updated in place by show(settings), so focus never leaves a control.
// Every change goes through actions.update(patch).
import { t, registerStrings } from '../../i18n.js';
import viewStrings from '../../i18n/training-views.js';
import { el } from '../../dom.js';
import { button, activationLabel, keepChildren, showValue, checkboxGroup } from '../shared/controls.js';
import { controlFor } from '../shared/schema-controls.js';
import { fixed } from '../shared/format.js';
import { maxSeed, perClassHead, inputFeatures } from '../shared/engine-facts.js';
import { schema, alphaRange, classCount, isRegression } from './settings.js';

registerStrings('trainingViews', viewStrings);

/** A "text  − +" row whose buttons change a count; update({text, value, min, max}) shows the count. */
function stepper({ name, minusLabel, plusLabel, onChange }) {
  let current = 0;
  const text = el('span', { className: 'pg-stepper-text' });
  const minus = button({ label: '−', ariaLabel: minusLabel, className: 'pg-step-button', name: `${name}-minus`, onClick: () => onChange(current - 1) });
  const plus = button({ label: '+', ariaLabel: plusLabel, className: 'pg-step-button', name: `${name}-plus`, onClick: () => onChange(current + 1) });
  return {
    element: el('div', { className: 'pg-stepper' }, [text, minus, plus]),
    update({ label, value, min, max }) {
      current = value;
      text.textContent = label;
      minus.disabled = value <= min;
      plus.disabled = value >= max;
    },
  };
}

/** actions: {update(patch), activations: [names], current() -> settings}; pointsTools: the custom-points element. */
function dataFieldset(actions, pointsTools) {
  const control = (key, label, extra = {}) => controlFor(schema, key, {
    label: t(label), value: actions.current()[key], onChange: (value) => actions.update({ [key]: value }), ...extra,
  });
  const controls = {
    dataset: control('dataset', 'playground.dataset', { optionLabel: (value) => t(`playground.datasets.${value}`) }),
    noise: control('noise', 'playground.noise', { format: (v) => v.toFixed(2) }),
    points: control('points', 'playground.points'),
    trainFraction: control('trainFraction', 'playground.trainFraction', {
      format: (v) => t('playground.splitValue', { train: Math.round(v * 100), test: 100 - Math.round(v * 100) }),
    }),
    dataSeed: control('dataSeed', 'playground.dataSeed'),
    showTest: control('showTest', 'playground.showTest'),
    discretize: control('discretize', 'playground.discretize'),
  };
  const regenerate = button({
    label: t('playground.regenerate'), name: 'regenerate',
    onClick: () => actions.update({ dataSeed: (actions.current().dataSeed + 1) % (maxSeed + 1) }),
  });
  const seedRow = el('div', { className: 'pg-seed-row' }, [controls.dataSeed.element, regenerate]);
  const element = el('fieldset', { className: 'pg-fieldset' });
  const legend = el('legend', { text: t('playground.dataLegend') });
  return {
    element,
    show(settings) {
      for (const [key, c] of Object.entries(controls)) showValue(c, settings[key]);
      const custom = settings.dataset === 'custom';
      keepChildren(element, [legend, controls.dataset.element, custom ? pointsTools : null, custom ? null : controls.noise.element,
        custom ? null : controls.points.element, controls.trainFraction.element, seedRow, controls.showTest.element,
        isRegression(settings) ? null : controls.discretize.element]);
    },
  };
}

/** One checkbox per input feature; the only one left on is disabled (the network needs an input). */
function featureControls(actions) {
  const group = checkboxGroup({
    legend: t('playground.features'), values: actions.current().features,
    options: inputFeatures.map((name) => ({ value: name, label: t(`trainingViews.feature.${name}`) })),
    onChange: (values) => actions.update({ features: values }),
  });
  for (const box of group.boxes) box.name = 'features';
  return {
    element: el('div', { 'data-setting': 'features' }, [group.element, el('p', { className: 'note', text: t('playground.featuresNote') })]),
    show(settings) {
      for (const box of group.boxes) {
        box.checked = settings.features.includes(box.value);
        box.disabled = box.checked && settings.features.length === 1;
      }
    },
  };
}

function layerControls(actions) {
  const layers = () => actions.current().hiddenLayers;
  const count = stepper({
    name: 'layers', minusLabel: t('playground.removeLayer'), plusLabel: t('playground.addLayer'),
    onChange: (n) => actions.update({ hiddenLayers: n > layers().length ? [...layers(), layers().at(-1) ?? 4] : layers().slice(0, n) }),
  });
  const list = el('ol', { className: 'pg-layers' });
  const rows = [];
  const { item, maxLength } = schema.hiddenLayers;
  const row = (i) => {
    rows[i] ??= stepper({
      name: `units-${i}`, minusLabel: t('playground.fewerUnits', { layer: i + 1 }), plusLabel: t('playground.moreUnits', { layer: i + 1 }),
      onChange: (n) => actions.update({ hiddenLayers: layers().map((u, j) => (j === i ? n : u)) }),
    });
    return rows[i];
  };
  const items = [];
  return {
    element: el('div', { 'data-setting': 'hiddenLayers' }, [count.element, list]),
    show(settings) {
      const units = settings.hiddenLayers;
      count.update({ label: t('playground.layerCount', { count: units.length }), value: units.length, min: 0, max: maxLength });
      units.forEach((n, i) => {
        row(i).update({ label: t('playground.layerUnits', { layer: i + 1, units: n }), value: n, min: item.min, max: item.max });
        items[i] ??= el('li', {}, row(i).element);
      });
      keepChildren(list, items.slice(0, units.length));
    },
  };
}

function networkFieldset(actions) {
  const control = (key, label, optionLabel) => controlFor(schema, key, {
    label: t(label), value: actions.current()[key], optionLabel, onChange: (value) => actions.update({ [key]: value }),
  });
  const activation = controlFor(schema, 'activation', {
    label: t('playground.activation'), value: actions.current().activation, optionLabel: activationLabel,
    onChange: (value) => actions.update({ activation: value, alpha: alphaRange(value)?.fallback ?? actions.current().alpha }),
  });
  const head = control('head', 'playground.head', (value) => t(`playground.heads.${value}`));
  const init = control('init', 'playground.init', (value) => t(`playground.inits.${value}`));
  const initialBias = controlFor(schema, 'initialBias', {
    label: t('playground.initialBias'), value: actions.current().initialBias, format: (v) => fixed(v, 2),
    onChange: (value) => actions.update({ initialBias: value }),
  });
  const weightSeed = control('weightSeed', 'playground.weightSeed');
  const layers = layerControls(actions);
  const features = featureControls(actions);
  const headNote = el('p', { className: 'note', text: t('playground.headThreeClasses') });
  const regressionNote = el('p', { className: 'note', text: t('playground.headRegression') });
  const legend = el('legend', { text: t('playground.networkLegend') });
  const element = el('fieldset', { className: 'pg-fieldset' });
  let alpha = null;
  let alphaFor = null;
  return {
    element,
    show(settings) {
      layers.show(settings);
      features.show(settings);
      showValue(activation, settings.activation);
      const range = alphaRange(settings.activation);
      if (alphaFor !== settings.activation) {
        alphaFor = settings.activation;
        alpha = range ? controlFor(schema, 'alpha', {
          label: t('playground.alpha'), value: Math.min(settings.alpha, range.max), range, format: (v) => v.toFixed(2),
          onChange: (value) => actions.update({ alpha: value }),
        }) : null;
      } else if (alpha) showValue(alpha, Math.min(settings.alpha, range.max));
      const threeClasses = classCount(settings) > 2;
      const regression = isRegression(settings);
      for (const option of head.input.options) option.disabled = threeClasses && option.value !== perClassHead;
      showValue(head, settings.head);
      showValue(init, settings.init);
      showValue(initialBias, settings.initialBias);
      showValue(weightSeed, settings.weightSeed);
      keepChildren(element, [legend, features.element, layers.element, activation.element, alpha?.element,
        regression ? regressionNote : head.element, threeClasses ? headNote : null, init.element, initialBias.element,
        weightSeed.element]);
    },
  };
}

function trainingFieldset(actions) {
  const control = (key, label, format) => controlFor(schema, key, {
    label: t(label), value: actions.current()[key], format, onChange: (value) => actions.update({ [key]: value }),
  });
  const optimizer = controlFor(schema, 'optimizer', {
    label: t('playground.optimizer'), value: actions.current().optimizer, optionLabel: (value) => t(`playground.optimizers.${value}`),
    onChange: (value) => actions.update({ optimizer: value }),
  });
  const controls = {
    optimizer,
    learningRate: control('learningRate', 'playground.learningRate'),
    batchSize: control('batchSize', 'playground.batchSize'),
    momentum: control('momentum', 'playground.momentum', (v) => fixed(v, 2)),
    l2: control('l2', 'playground.l2'),
    l1: control('l1', 'playground.l1'),
    shuffleSeed: control('shuffleSeed', 'playground.shuffleSeed'),
  };
  const legend = el('legend', { text: t('playground.trainingLegend') });
  const rateNote = el('p', { className: 'note', text: t('playground.learningRateNote') });
  const element = el('fieldset', { className: 'pg-fieldset' });
  return {
    element,
    show(settings) {
      for (const [key, c] of Object.entries(controls)) showValue(c, settings[key]);
      const sgd = settings.optimizer === 'sgd';
      keepChildren(element, [legend, optimizer.element, controls.learningRate.element, rateNote, controls.batchSize.element,
        sgd ? controls.momentum.element : null, controls.l2.element, controls.l1.element, controls.shuffleSeed.element]);
    },
  };
}

/**
 * The three setup fieldsets. actions: {update(patch), current() -> settings}; pointsTools: the
 * custom-points element. Returns {element, show(settings)}.
 */
export function createSetup(actions, pointsTools) {
  const parts = [dataFieldset(actions, pointsTools), networkFieldset(actions), trainingFieldset(actions)];
  const element = el('div', { className: 'pg-setup' }, parts.map((part) => part.element));
  const show = (settings) => {
    for (const part of parts) part.show(settings);
  };
  show(actions.current());
  return { element, show };
}
