// Classroom mode: a teacher trims an embedded panel. `hide` lists controls (setting names) and
// parts (intro, explanations, ...; `controls` = every control) to hide, `lock` lists settings
// shown with their value but disabled, `views` lists the only views to show. Set by a link
// (<panel>.hide=..., <panel>.lock=..., <panel>.views=...) or by element attributes (hide, lock,
// views); names are checked like settings. Readouts (counters, results) are never hidden.
import { t } from './i18n.js';
import { el } from './dom.js';

/** The classroom options, in the order links and snippets write them. */
export const classroomKeys = ['hide', 'lock', 'views'];

/** Parts every panel may hide, as selectors inside the panel. */
const commonParts = {
  intro: ':scope > * > .panel-intro, .experiment-intro',
  explanations: '.panel-explain, .pg-explain',
};

/** Parts of one panel only. */
const panelParts = {
  explorer: { cards: '.section-heading, .fn-cards' },
  playground: { presets: '.pg-presets', diagnostics: '.pg-diagnostics' },
};

/** The views of each panel a teacher can choose from, as selectors inside the panel. */
export const panelViews = {
  explorer: { function: '.panel-main > figure:nth-of-type(1)', derivative: '.panel-main > figure:nth-of-type(2)' },
  race: { output: '.panel-main > figure:nth-of-type(1)', gradient: '.panel-main > figure:nth-of-type(2)', table: '.race-table' },
  'mean-shift': { inputs: '.panel-main > figure:nth-of-type(1)', outputs: '.panel-main > figure:nth-of-type(2)' },
  nonlinearity: { composed: '.panel-grid:not(.bent-grid) .panel-main', bent: '.bent-grid' },
  softmax: { chart: '.panel-main > figure', table: '.probability-table', jacobian: '.jacobian', 'two-class': '.two-class' },
  playground: { heatmap: '.pg-decision-figure', loss: '.pg-loss-figure', diagram: '.pg-diagram-figure, .pg-param', dead: '.pg-dead-figure', gradients: '.pg-gradient-figure' },
  experiments: { sweep: '.experiment.sweep', 'born-dead': '.experiment.born-dead', histograms: '.experiment.init-histograms' },
  fit: { chart: '.fit-main > .chart-export', units: '.fit-units-box', compare: '.fit-compare' },
  compare: { runs: '.cmp-runs', losses: '.cmp-loss-figure', findings: '.cmp-findings' },
};

/** The part names `panel` can hide (besides its settings). */
export function partsOf(panel) {
  return ['controls', ...Object.keys(commonParts), ...Object.keys(panelParts[panel.id] ?? {})];
}

/** The view names of `panel`. */
export function viewsOf(panel) {
  return Object.keys(panelViews[panel.id] ?? {});
}

/** Options with nothing trimmed. */
export function noClassroom() {
  return { hide: [], lock: [], views: null };
}

/** True when `options` trims or locks anything. */
export function isTrimmed(options) {
  return options.hide.length > 0 || options.lock.length > 0 || options.views !== null;
}

/**
 * Reads untrusted classroom options of `panel` from {hide, lock, views} texts (comma-separated,
 * undefined when absent). Returns {options, unknown: ['hide: nope', ...]}; unknown names are dropped.
 */
export function readClassroom(panel, raw) {
  const settingNames = Object.keys(panel.schema);
  const allowed = { hide: [...settingNames, ...partsOf(panel)], lock: settingNames, views: viewsOf(panel) };
  const options = noClassroom();
  const unknown = [];
  for (const key of classroomKeys) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const names = String(raw[key]).split(',').map((name) => name.trim()).filter(Boolean);
    const good = [...new Set(names.filter((name) => allowed[key].includes(name)))];
    unknown.push(...names.filter((name) => !allowed[key].includes(name)).map((name) => `${key}: ${name.slice(0, 40)}`));
    options[key] = key === 'views' ? (good.length > 0 ? good : null) : good;
  }
  return { options, unknown };
}

/** [[key, text]] of the options that trim something, for a link or element attributes. */
export function classroomParams(options) {
  return classroomKeys.filter((key) => (key === 'views' ? options.views !== null : options[key].length > 0))
    .map((key) => [key, options[key].join(',')]);
}

/** The controls of setting `key` inside `root`: every element marked data-setting=key, else the one named key. */
function controlsFor(root, key) {
  const marked = [...root.querySelectorAll(`[data-setting="${CSS.escape(key)}"]`)];
  if (marked.length > 0) return marked;
  const named = root.querySelector(`[name="${CSS.escape(key)}"]`);
  return named ? [named.closest('.control, .check, fieldset') ?? named] : [];
}

/** Every form element of a control (the control itself when it is one). */
function fieldsOf(control) {
  return control.matches('input, select, textarea, button') ? [control] : [...control.querySelectorAll('input, select, textarea, button')];
}

/** Every [setting name, control] inside `root`: a setting may have several (a slider, a button that changes it). */
function controlsOf(root, panel) {
  return Object.keys(panel.schema).flatMap((key) => controlsFor(root, key).map((control) => [key, control]));
}

function hide(node) {
  if (!node.hidden) {
    node.hidden = true;
    node.dataset.classroomHidden = '';
  }
}

const formFields = 'input, select, textarea, button';
const readouts = 'dl, table, [role="status"]';

/** True when `node` holds a visible element matching `selector`. */
function holdsVisible(node, selector) {
  return [...node.querySelectorAll(selector)].some((found) => !found.closest('[hidden]'));
}

/**
 * Hides fieldsets left with no visible form element; with `all`, every box of the side column
 * that holds no locked control and no readout; then side columns left empty.
 */
function hideEmptied(root, all) {
  for (const box of root.querySelectorAll('fieldset')) {
    if (!holdsVisible(box, formFields) && !holdsVisible(box, readouts)) hide(box);
  }
  if (all) {
    for (const box of root.querySelectorAll('.panel-side fieldset, .panel-side > *')) {
      if (!holdsVisible(box, '[data-locked]') && !holdsVisible(box, readouts) && !box.matches(readouts)) hide(box);
    }
  }
  for (const side of root.querySelectorAll('.panel-side')) {
    if ([...side.children].every((child) => child.hidden)) hide(side);
  }
}

/** Applies `options` to the panel mounted in `root` (idempotent: call again after it re-renders). */
export function applyClassroom(root, panel, options) {
  if (!isTrimmed(options)) return;
  const hideAll = options.hide.includes('controls');
  for (const [key, control] of controlsOf(root, panel)) {
    if (options.lock.includes(key)) {
      for (const field of fieldsOf(control)) {
        field.disabled = true;
        field.dataset.locked = '';
      }
      if (!control.matches(formFields) && !control.querySelector('.classroom-lock-note')) control.append(el('span', { className: 'classroom-lock-note', text: t('sharing.lockedNote') }));
    } else if (hideAll || options.hide.includes(key)) {
      hide(control);
    }
  }
  const parts = { ...commonParts, ...(panelParts[panel.id] ?? {}) };
  const hiddenParts = options.hide.filter((name) => parts[name]);
  if (options.lock.length > 0 && parts.presets) hiddenParts.push('presets');
  for (const name of hiddenParts) for (const node of root.querySelectorAll(parts[name])) hide(node);
  if (options.views) {
    for (const [name, selector] of Object.entries(panelViews[panel.id] ?? {})) {
      if (!options.views.includes(name)) for (const node of root.querySelectorAll(selector)) hide(node);
    }
  }
  if (hideAll || options.hide.length > 0) hideEmptied(root, hideAll);
}

/** Keeps `options` applied to `root` while the panel re-renders (new elements, not new text); returns a function that stops. */
export function keepClassroom(root, panel, options) {
  if (!isTrimmed(options)) return () => {};
  applyClassroom(root, panel, options);
  const observer = new MutationObserver((mutations) => {
    if (mutations.some((m) => [...m.addedNodes].some((node) => node.nodeType === Node.ELEMENT_NODE))) applyClassroom(root, panel, options);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
