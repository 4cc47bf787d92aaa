// Compare runs: the student picks one training setting and 2 to 4 values; each value trains its
// own network (its own Web Worker where the browser allows, else on the main thread) on the same
// data and seeds, shown side by side as small multiples with one Play / Pause / Step / Reset. The
// findings beside them are computed from the runs' latest frames.
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import strings from '../../i18n/compare.js';
import { el } from '../../dom.js';
import { exportBar } from '../../export.js';
import { button, chartBox } from '../shared/controls.js';
import { createPointLegend } from '../../training/views/decision-view.js';
import { speeds } from '../playground/settings.js';
import { schema, runSpecs, valuesOf } from './settings.js';
import { createForm, settingLabel, valueLabel } from './form.js';
import { createRuns } from './runs.js';
import { createRunCard } from './card.js';
import { findings } from './findings.js';
import { createRunsLossChart } from './loss-chart.js';

registerStrings('compare', strings);

export const id = 'compare';
export const titleKey = 'compare.title';
export { schema };

const view = { resolution: 64, domain: { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 } };
/** Under reduced motion the heatmaps repaint at most this often while playing (ms); the numbers follow every round. */
const calmRepaintMs = 1000;
/** A setting's name inside a sentence: its first letter in lower case (names in scripts without case are unchanged). */
const inSentence = (name) => name.charAt(0).toLowerCase() + name.slice(1);
const emptySummary = { step: NaN, trainLoss: NaN, testAccuracy: NaN, dead: NaN, dormant: NaN, total: 0, diverged: false };

export function mount(root, ctx) {
  let settings = { ...ctx.settings };
  let playing = false;
  let runs = [];
  let parts = null;
  let modes = [];
  let lastPaint = 0;
  let nextRound = 0;
  const calm = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
  const lossBox = chartBox('', 'cmp-loss-chart');
  const lossChart = createRunsLossChart(lossBox.canvas);

  const engineRuns = createRuns({
    engine: ctx.engine,
    onFrame(index, frame) {
      const run = runs[index];
      if (!run) return;
      if (frame.fresh) {
        run.data = frame.data;
        lossChart.reset(index);
      }
      lossChart.append(index, frame.history);
      const rows = frame.history.step.length;
      const h = frame.history;
      const last = rows > 0 ? { trainLoss: h.trainLoss[rows - 1], testAccuracy: h.testAccuracy[rows - 1] } : {};
      run.summary = {
        ...run.summary, ...last, step: frame.status.step, diverged: Boolean(frame.status.diverged),
        ...(frame.units && { dead: frame.units.dead, dormant: frame.units.dormant, total: frame.units.total }),
      };
      if (frame.grid) run.frame = frame;
    },
    onRound,
    onError(index, message) {
      parts?.error.replaceChildren(el('p', { className: 'error', role: 'alert', text: t('compare.error', { message }) }));
      if (runs[index]) runs[index].failed = true;
    },
    onModes(next) {
      modes = next;
      showMode();
    },
  });

  /** What a saved loss chart's file name says: the varied setting and its values. */
  const describeLosses = () => ({ panel: 'compare', what: 'losses', settings: { [settings.vary]: valuesOf(settings) } });

  /** Steps in one round: the speed setting's steps, or its epochs in steps of the shared batch size. */
  function roundSteps() {
    const { unit, amount } = speeds[settings.speed];
    const size = runs.find((run) => run.data)?.data.train.label.length ?? 1;
    return unit === 'steps' ? amount : Math.max(1, Math.round(amount * Math.ceil(size / settings.batchSize)));
  }

  function onRound() {
    const paintHeat = !playing || !calm?.matches || performance.now() - lastPaint >= calmRepaintMs;
    if (paintHeat) lastPaint = performance.now();
    showRuns(paintHeat);
    if (playing) nextRound = requestAnimationFrame(playRound);
  }

  function playRound() {
    nextRound = 0;
    if (!playing) return;
    if (runs.every((run) => run.summary.diverged || run.failed)) {
      pause();
      return;
    }
    engineRuns.step(roundSteps());
  }

  function showMode() {
    if (!parts) return;
    const workers = modes.filter((mode) => mode === 'worker').length;
    let key = 'compare.mode.mixed';
    if (modes.includes('starting')) key = 'compare.starting';
    else if (workers === modes.length) key = 'compare.mode.worker';
    else if (workers === 0) key = 'compare.mode.main';
    parts.mode.textContent = t(key, { workers, runs: modes.length });
    parts.mode.dataset.modes = modes.join(',');
  }

  function showState() {
    if (!parts) return;
    parts.play.textContent = t(playing ? 'compare.pause' : 'compare.play');
    parts.play.setAttribute('aria-pressed', String(playing));
    parts.step.disabled = playing || runs.length === 0;
    parts.play.disabled = runs.length === 0;
    parts.reset.disabled = runs.length === 0;
    const step = Math.max(0, ...runs.map((run) => run.summary.step).filter(Number.isFinite));
    const text = playing ? t('compare.stateRunning') : t('compare.statePaused', { step });
    if (parts.state.textContent !== text) parts.state.textContent = text;
  }

  function showRuns(paintHeat = true) {
    if (!parts) return;
    runs.forEach((run, i) => parts.cards[i]?.show(run.summary, paintHeat ? run.frame : null, run.data));
    const classes = runs.find((run) => run.data)?.data.train.classes;
    if (classes && parts.legend.dataset.classes !== String(classes)) {
      parts.legend.replaceChildren(createPointLegend(classes, true));
      parts.legend.dataset.classes = String(classes);
    }
    const sentences = findings(runs.map((run) => ({ ...run.summary, label: run.label })), settings, inSentence(settingLabel(settings.vary)));
    parts.findings.replaceChildren(...sentences.map((text) => el('p', { text })));
    showState();
  }

  /** Starts the runs of the current settings, or shows why they cannot run. */
  function start() {
    pause();
    parts.error.replaceChildren();
    let specs;
    try {
      specs = runSpecs(settings);
    } catch (error) {
      engineRuns.dispose();
      runs = [];
      lossChart.start(0);
      parts.error.replaceChildren(el('p', { className: 'error', role: 'alert', text: error.message }));
      showCards();
      return;
    }
    runs = valuesOf(settings).map((value) => ({ value, summary: { ...emptySummary }, frame: null, data: null, failed: false }));
    lossChart.start(runs.length);
    showCards();
    const hiddenUnits = settings.hiddenLayers.reduce((a, b) => a + b, 0);
    engineRuns.start(specs, view, new Array(hiddenUnits).fill(0));
  }

  function update(patch) {
    settings = { ...settings, ...patch };
    ctx.saveSettings({ ...settings });
    if (Object.keys(patch).every((key) => schema[key].effect === 'schedule')) return;
    start();
  }

  function play() {
    if (playing || runs.length === 0) return;
    playing = true;
    showState();
    if (!engineRuns.busy) playRound();
  }

  function pause() {
    playing = false;
    cancelAnimationFrame(nextRound);
    nextRound = 0;
    showState();
  }

  /** Trains every run by `steps` steps (default: one round at the chosen speed) while paused. */
  function step(steps = roundSteps()) {
    if (!playing) engineRuns.step(steps);
  }

  function reset() {
    pause();
    for (const run of runs) Object.assign(run, { summary: { ...emptySummary }, frame: null });
    engineRuns.reset();
  }

  /** Makes one card per run, in the current language (after a start or a language change). */
  function showCards() {
    for (const card of parts.cards) card.destroy();
    const setting = settingLabel(settings.vary);
    for (const run of runs) run.label = valueLabel(settings.vary, run.value);
    parts.cards = runs.map((run, i) => {
      const card = createRunCard(i);
      card.label(setting, run.label);
      return card;
    });
    parts.runs.replaceChildren(...parts.cards.map((card) => card.element));
    lossChart.label(runs.map((run) => run.label));
    parts.runs.dataset.count = String(runs.length);
    parts.legend.dataset.classes = '';
    parts.form.show(settings);
    showMode();
    showRuns();
  }

  /** Builds the panel in the current language (on mount and on a language change). */
  function build() {
    for (const card of parts?.cards ?? []) card.destroy();
    parts = {
      form: createForm(settings, { update }),
      cards: [],
      error: el('div', { className: 'cmp-error' }),
      play: button({ label: t('compare.play'), className: 'primary', name: 'play', onClick: () => (playing ? pause() : play()) }),
      step: button({ label: t('compare.step'), name: 'step', ariaLabel: t('compare.stepLabel'), onClick: () => step() }),
      reset: button({ label: t('compare.reset'), name: 'reset', ariaLabel: t('compare.resetLabel'), onClick: reset }),
      state: el('p', { className: 'cmp-state', role: 'status', 'aria-live': 'polite' }),
      mode: el('p', { className: 'note cmp-mode' }),
      runs: el('div', { className: 'cmp-runs', role: 'group', 'aria-label': t('compare.runsLabel') }),
      legend: el('div', { className: 'cmp-legend' }),
      findings: el('div', { className: 'cmp-findings-text' }),
    };
    root.replaceChildren(el('div', { className: 'chapter-panel compare-panel' }, [
      el('p', { className: 'panel-intro', text: t('compare.intro') }),
      el('div', { className: 'panel-grid cmp-grid' }, [
        el('div', { className: 'panel-side cmp-side' }, [parts.form.element, parts.form.shared]),
        el('div', { className: 'panel-main cmp-main' }, [
          el('div', { className: 'cmp-bar' }, [parts.play, parts.step, parts.reset]), parts.state, parts.mode, parts.error, parts.runs, parts.legend,
          el('figure', { className: 'chart-figure cmp-loss-figure', 'data-view': 'losses' }, [
            el('figcaption', { text: t('compare.lossTitle') }),
            el('div', { className: 'chart-export' }, [lossBox.element, exportBar(lossBox.canvas, describeLosses, t('compare.lossTitle'))]),
          ]),
          el('section', { className: 'panel-explain cmp-findings', 'data-view': 'findings' }, [el('h3', { text: t('compare.findingsTitle') }), parts.findings]),
        ]),
      ]),
    ]));
    showCards();
  }

  build();
  start();
  const stopListening = onLanguageChange(build);
  return {
    play, pause, step, reset,
    destroy() {
      stopListening();
      pause();
      engineRuns.dispose();
      lossChart.destroy();
      for (const card of parts.cards) card.destroy();
      root.replaceChildren();
    },
  };
}
