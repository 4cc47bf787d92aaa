// Fit a curve: a 1-H-(H)-1 network with a linear output and MSE learns a curve (or the student's
// points) live in the engine (Worker, or the main thread where none can start). The chart shows
// the fit, each unit's contribution, the kinks and linear pieces of the ReLU family and dead units;
// paused, a kink or a slope can be dragged (chart or sliders), and one click compares ReLU and tanh.
import { registerStrings, t } from '../../i18n.js';
import strings from '../../i18n/fit.js';
import { el } from '../../dom.js';
import { button, chartBox, activationLabel } from '../shared/controls.js';
import { fixed } from '../shared/format.js';
import { controlFor } from '../shared/schema-controls.js';
import { rebuildOnLanguageChange } from '../shared/lifecycle.js';
import { keysWithEffect } from '../../settings.js';
import { createSession } from '../../training/session.js';
import { schema, trainerSpec, curveXs, dataRange, ready, drawnPoints, piecewiseLinear, maxDrawn, domain, slopeRange } from './settings.js';
import { createFitChart } from './chart.js';
import { createUnitList } from './units.js';
import { createComparison, runComparison } from './compare.js';
import { createDrawTools } from './draw.js';

registerStrings('fit', strings);

export const id = 'fit';
export const titleKey = 'fit.title';
export { schema };

const liveKeys = keysWithEffect(schema, 'live');
const round = (v) => Math.round(v * 1000) / 1000;

export function mount(root, ctx) {
  const { engine } = ctx;
  let settings = { ...ctx.settings };
  let playing = false;
  let frame = null;
  let data = null;
  let view = null;
  const xs = curveXs();
  let parts = null;

  const session = createSession({
    engine,
    onFrame(next) {
      if (session.isCurrent(next)) present(next);
      session.ack();
    },
    onError(message) {
      playing = false;
      showError(message);
    },
  });

  const targetsOf = () => (data ? Array.from(data.train.target, (y, i) => ({ x: data.train.x[i], y })) : drawnPoints(settings));

  function showError(message) {
    parts?.error.replaceChildren(...(message ? [el('p', { className: 'error', role: 'alert', text: t('fit.error', { message }) })] : []));
  }

  /**
   * First-layer units as rows from the engine's curve view and unit states: {unit, kinks (all of the
   * unit's kinks), kink (the one a student can move: relu and leaky_relu), slope, state, insideData}.
   */
  function unitRows() {
    const { curve, units } = frame;
    const perUnit = curve.kinksPerUnit;
    return Array.from(curve.slopes, (slope, unit) => {
      const kinks = curve.hasKink[unit] ? Array.from(curve.kinks.subarray(unit * perUnit, (unit + 1) * perUnit)) : [];
      const kink = perUnit === 1 && kinks.length === 1 ? kinks[0] : null;
      const insideData = kinks.some((x) => x >= view.curve.lo && x <= view.curve.hi);
      return { unit, slope, kinks, kink, state: units.layers[0].state[unit], insideData };
    });
  }

  function statsText() {
    if (!frame?.curve) return ready(settings) ? '' : t('fit.needPoints');
    const values = { step: frame.status.step, loss: frame.loss.toFixed(5), pieces: frame.curve.pieces, dead: frame.units.dead, units: frame.units.total };
    if (frame.status.diverged) return t('fit.statsDiverged', values);
    return t(piecewiseLinear.includes(settings.activation) ? 'fit.stats' : 'fit.statsSmooth', values);
  }

  function draw() {
    if (!parts) return;
    parts.play.textContent = t(playing ? 'fit.pause' : 'fit.play');
    parts.play.setAttribute('aria-pressed', String(playing));
    parts.stats.textContent = statsText();
    if (frame?.curve) Object.assign(parts.stats.dataset, { step: frame.status.step, loss: frame.loss, pieces: frame.curve.pieces, dead: frame.units.dead });
    parts.draw.show(settings);
    const rows = frame?.curve ? unitRows() : [];
    const outgoing = frame?.curve?.kinksPerUnit === 1 && settings.layers === 1 ? frame.parameters?.at(-1).weights ?? null : null;
    parts.chart.show({ xs, targets: targetsOf(), curve: frame?.curve ?? null, units: rows, outgoing });
    parts.units.show(rows, { editable: !playing && !frame?.status.diverged, withKink: frame?.curve.kinksPerUnit === 1 });
  }

  function announce() {
    if (parts) parts.live.textContent = statsText();
  }

  function present(next) {
    if (next.fresh) data = next.data;
    const rows = next.history.trainLoss.length;
    frame = { ...next, loss: rows > 0 ? next.history.trainLoss[rows - 1] : frame?.loss ?? NaN };
    if (playing && !next.status.running) {
      playing = false;
      announce();
    }
    draw();
  }

  function rebuild() {
    playing = false;
    frame = null;
    data = null;
    showError('');
    if (!ready(settings)) {
      session.clear();
      draw();
      return;
    }
    const spec = trainerSpec(settings);
    const range = spec.data.curve ? { lo: -domain, hi: domain } : dataRange(spec.data.x);
    view = { curve: { xs, ...range } };
    session.speed('epochs', 10);
    session.create(spec, view);
    draw();
  }

  function update(patch) {
    settings = { ...settings, ...patch };
    ctx.saveSettings({ ...settings });
    if (Object.keys(patch).every((key) => liveKeys.includes(key))) {
      session.settings(Object.fromEntries(liveKeys.map((key) => [key, settings[key]])));
      return;
    }
    rebuild();
  }

  const actions = {
    play() {
      if (!frame || frame.status.diverged) return;
      playing = !playing;
      if (playing) session.play();
      else session.pause();
      draw();
      if (!playing) announce();
    },
    step() {
      if (playing || !frame) return;
      session.step(1);
    },
    reset() {
      playing = false;
      if (frame) session.reset();
    },
    edit(kind, unit, value) {
      if (playing || !frame) return;
      session.edit(kind, unit, value);
      parts.live.textContent = t(kind === 'kink' ? 'fit.movedKink' : 'fit.changedSlope', { unit: unit + 1, value: fixed(value, 2) });
    },
    drawPoint(x, y) {
      if (settings.drawn.length >= 2 * maxDrawn) return;
      update({ target: 'drawn', drawn: [...settings.drawn, round(x), round(y)] });
    },
    clearPoints() { update({ drawn: [] }); },
    compare() {
      if (!ready(settings)) return;
      const results = runComparison(engine, settings, parts.compare.xs);
      parts.compare.show(results, targetsOf());
      parts.live.textContent = t('fit.compared', { relu: results[0].loss.toFixed(4), tanh: results[1].loss.toFixed(4), pieces: results[0].pieces });
    },
  };

  function control(key, extra = {}) {
    return controlFor(schema, key, { label: t(`fit.${key}`), value: settings[key], onChange: (value) => update({ [key]: value }), ...extra }).element;
  }

  function build() {
    parts?.chart.destroy();
    parts?.compare.destroy();
    const box = chartBox(t('fit.chartLabel'), 'fit-chart', () => ({ panel: 'fit', what: 'fit', settings }));
    const chart = createFitChart(box.canvas, {
      kink: (unit, x) => actions.edit('kink', unit, x),
      slope: (unit, w) => { if (Number.isFinite(w)) actions.edit('slope', unit, Math.min(slopeRange.max, Math.max(slopeRange.min, w))); },
      draw: (x, y) => actions.drawPoint(x, y),
      canEdit: () => !playing && frame?.curve?.kinksPerUnit === 1,
      canDraw: () => settings.target === 'drawn',
    });
    const play = button({ label: t('fit.play'), className: 'primary fit-play', name: 'play', onClick: actions.play });
    const controls = el('div', { className: 'panel-side fit-side' }, [el('fieldset', { className: 'panel-controls' }, [
      el('legend', { text: t('fit.settings') }),
      control('target', { optionLabel: (v) => t(`fit.target.${v}`) }), control('noise', { format: (v) => v.toFixed(2) }), control('size'),
      control('activation', { optionLabel: activationLabel }), control('units'), control('layers'),
      control('learningRate'), control('batchSize'), control('seed'),
    ])]);
    parts = {
      play, chart, stats: el('p', { className: 'fit-stats', 'data-view': 'stats' }), live: el('p', { className: 'visually-hidden', role: 'status', 'aria-live': 'polite' }),
      error: el('div'), units: createUnitList(actions.edit), compare: createComparison(), draw: createDrawTools(actions),
    };
    const bar = el('div', { className: 'fit-buttons' }, [
      play, button({ label: t('fit.step'), name: 'step', onClick: actions.step }), button({ label: t('fit.reset'), name: 'reset', onClick: actions.reset }),
      button({ label: t('fit.compare'), name: 'compare', className: 'fit-compare-button', onClick: actions.compare }),
    ]);
    root.replaceChildren(el('div', { className: 'chapter-panel fit-panel' }, [
      el('p', { className: 'panel-intro', text: t('fit.intro') }),
      el('div', { className: 'panel-grid' }, [
        controls,
        el('div', { className: 'panel-main fit-main' }, [bar, parts.stats, parts.live, parts.error, box.element, parts.draw.element, parts.units.element, parts.compare.element]),
      ]),
      el('section', { className: 'panel-explain' }, [el('h3', { text: t('fit.whyTitle') }), el('p', { text: t('fit.why1') }), el('p', { text: t('fit.why2') })]),
    ]));
    draw();
  }

  const handle = rebuildOnLanguageChange(root, build, () => {
    session.dispose();
    parts.chart.destroy();
    parts.compare.destroy();
  });
  rebuild();
  return handle;
}
