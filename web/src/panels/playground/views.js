// The training panel's pictures, drawn by the training views (web/src/training/views/): the
// output heatmap with the points, loss and accuracy, the network diagram and dead units per
// layer, plus the "diverged" banner. draw(frame) takes one runner frame.
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { button, chartBox, uniqueId } from '../shared/controls.js';
import { createDecisionView, createPointLegend } from '../../training/views/decision-view.js';
import { createNetworkDiagram } from '../../training/views/network-diagram.js';
import { createLossChart } from '../../training/views/loss-chart.js';
import { createDeadChart } from '../../training/views/dead-chart.js';
import { createGradientChart } from '../../training/views/gradient-chart.js';
import { createTrainingExports } from './exports.js';
import { createParameterEditor } from './parameter-editor.js';
import { blockOffsets } from '../../training/grid-blocks.js';
import { regressionHead } from '../shared/engine-facts.js';
import { idleView } from '../shared/idle-view.js';

const emptySet = { x: new Float64Array(0), label: new Int32Array(0) };

/** A history delta with no rows, so the charts show their axes and legends before training. */
function emptyHistory(layers) {
  const none = new Float64Array(0);
  const noCounts = new Int32Array(0);
  return {
    from: 0, layers, step: none, trainLoss: none, testLoss: none, trainAccuracy: none, testAccuracy: none,
    dead: noCounts, dormant: noCounts, deadPerLayer: noCounts, dormantPerLayer: noCounts, revivals: noCounts,
    denseLayers: layers + 1, gradientNorm: none, updateRatio: none,
  };
}

/** actions: {reset(), lowerAndReset(), update(patch), tiles(resolutions)}. Returns the views and their element. */
export function createPlaygroundViews(settings, actions) {
  const decisionCanvas = el('canvas', { className: 'pg-decision' });
  const legendHost = el('div');
  const loss = chartBox('', 'pg-loss-chart');
  const dead = chartBox('', 'pg-dead-chart');
  const gradient = chartBox('', 'pg-gradient-chart');
  const gradientTable = el('div', { className: 'pg-gradient-readout' });
  const diagramHost = el('div', { className: 'pg-diagram' });
  const logId = uniqueId('pg-log');
  const logBox = el('input', { type: 'checkbox', id: logId, name: 'logScale' });
  logBox.checked = settings.logScale;
  const logLabel = el('label', { for: logId });
  const titles = {
    decision: el('figcaption'), loss: el('figcaption'), diagram: el('h4', { className: 'pg-figure-title' }), dead: el('figcaption'), gradient: el('figcaption'),
  };
  const hints = {
    decision: el('p', { className: 'note pg-click-hint' }), diagram: el('p', { className: 'note' }), dead: el('p', { className: 'note pg-dead-hint' }),
    gradient: el('p', { className: 'note pg-gradient-hint' }),
  };
  const banner = el('div', { className: 'pg-diverged', role: 'alert', hidden: true });

  const decision = createDecisionView(decisionCanvas);
  const lossChart = createLossChart(loss.canvas, { logScale: settings.logScale });
  // Below the first screen: made once the browser is idle, after the first chart.
  const deadChart = idleView(() => createDeadChart(dead.canvas), ['reset', 'append']);
  const gradientChart = idleView(() => createGradientChart(gradient.canvas, gradientTable), ['reset', 'append']);
  const editor = createParameterEditor({ onEdit: actions.editParameter });
  const diagram = createNetworkDiagram(diagramHost, { onTiles: actions.tiles, onPick: editor.pick });
  let named = { activation: settings.activation, lr: settings.learningRate, layers: settings.hiddenLayers, step: 0 };
  const diagramFigure = el('section', { className: 'chart-figure pg-diagram-figure' }, [titles.diagram, hints.diagram, diagramHost]);
  const decisionFigure = el('figure', { className: 'chart-figure pg-decision-figure' }, [titles.decision, decisionCanvas, legendHost, hints.decision]);
  const exports = createTrainingExports({
    lossCanvas: loss.canvas, deadCanvas: dead.canvas, gradientCanvas: gradient.canvas, diagramNode: diagramFigure, decisionNode: decisionFigure,
    describe: (what) => ({ panel: 'playground', what, settings: named }),
  });
  diagramFigure.append(exports.diagram);
  decisionFigure.append(exports.decision);
  logBox.addEventListener('change', () => {
    lossChart.setLogScale(logBox.checked);
    actions.update({ logScale: logBox.checked });
  });

  let data = null;
  let legendKey = '';
  let showTest = settings.showTest;
  let discrete = settings.discretize;
  let custom = settings.dataset === 'custom';
  let lastDiverged = null;
  let lastDecision = null;
  let regression = false;

  const element = el('div', { className: 'pg-views' }, [
    banner,
    el('div', { className: 'pg-view-row' }, [
      decisionFigure,
      el('figure', { className: 'chart-figure pg-loss-figure' }, [
        titles.loss, loss.element, el('div', { className: 'check' }, [logBox, logLabel]), exports.loss,
      ]),
    ]),
    diagramFigure,
    editor.element,
    el('figure', { className: 'chart-figure pg-dead-figure' }, [titles.dead, dead.element, hints.dead, exports.dead]),
    el('figure', { className: 'chart-figure pg-gradient-figure' }, [titles.gradient, gradient.element, hints.gradient, gradientTable, exports.gradient]),
  ]);

  function legend(classes) {
    const key = `${classes}|${showTest}|${t('playground.title')}`;
    if (key === legendKey) return;
    legendKey = key;
    legendHost.replaceChildren(createPointLegend(classes, showTest));
  }

  function renderBanner(status) {
    lastDiverged = status;
    banner.hidden = !status;
    if (!status) return;
    const reset = button({ label: t('playground.divergedReset'), className: 'primary', onClick: actions.reset });
    reset.name = 'divergedReset';
    const lower = button({ label: t('playground.divergedLower', { rate: status.lowerRate }), onClick: actions.lowerAndReset });
    lower.name = 'divergedLower';
    lower.dataset.setting = 'learningRate';
    banner.replaceChildren(
      el('h4', { text: t('playground.divergedTitle', { step: status.step }) }),
      el('p', { text: t('playground.divergedText') }),
      el('div', { className: 'pg-buttons' }, [reset, lower]),
    );
  }

  function relabel() {
    titles.decision.textContent = t('playground.decisionTitle');
    titles.loss.textContent = t(regression ? 'playground.lossTitleRegression' : 'playground.lossTitle');
    titles.diagram.textContent = t('playground.diagramTitle');
    titles.dead.textContent = t('playground.deadTitle');
    titles.gradient.textContent = t('playground.gradientTitle');
    hints.gradient.textContent = t('trainingViews.gradientHint');
    gradient.canvas.setAttribute('aria-label', t('playground.gradientTitle'));
    hints.decision.textContent = custom ? t('playground.clickHint') : '';
    hints.decision.hidden = !custom;
    hints.diagram.textContent = t('playground.diagramHint');
    hints.dead.textContent = t('trainingViews.deadHint');
    logLabel.textContent = t('playground.logScale');
    loss.canvas.setAttribute('aria-label', t('playground.lossTitle'));
    dead.canvas.setAttribute('aria-label', t('playground.deadTitle'));
    legendKey = '';
    if (data) legend(data.train.classes);
    renderBanner(lastDiverged);
  }
  relabel();

  return {
    element,
    decisionCanvas,
    decision,
    relabel,
    /** Follows showTest / discretize / dataset settings (no redraw of the charts). */
    configure(next) {
      const redraw = showTest !== next.showTest || discrete !== next.discretize;
      showTest = next.showTest;
      discrete = next.discretize;
      custom = next.dataset === 'custom';
      named = { ...named, activation: next.activation, lr: next.learningRate, layers: next.hiddenLayers };
      logBox.checked = next.logScale;
      lossChart.setLogScale(next.logScale);
      relabel();
      if (redraw && lastDecision) decision.update({ ...lastDecision, showTest, discrete: discrete && lastDecision.head !== regressionHead });
    },
    /** Shows the diverged banner ({step, lowerRate}) or hides it (null). */
    diverged: renderBanner,
    /** Draws one runner frame. */
    draw(frame) {
      if (frame.fresh) {
        data = frame.data;
        lossChart.reset();
        deadChart.reset();
        gradientChart.reset();
        exports.history.reset();
      }
      if (regression !== (frame.network.head === regressionHead)) {
        regression = !regression;
        lossChart.showAccuracy(!regression);
        titles.loss.textContent = t(regression ? 'playground.lossTitleRegression' : 'playground.lossTitle');
      }
      lossChart.append(frame.history);
      deadChart.append(frame.history);
      gradientChart.append(frame.history);
      exports.history.append(frame.history);
      named = { ...named, step: frame.status.step };
      if (!frame.grid || !data) return;
      const { hiddenLayers, hiddenUnits, outputs, head, classes } = frame.network;
      legend(classes);
      const offsets = blockOffsets(frame.gridResolutions);
      if (frame.gridResolutions[hiddenUnits] > 0) {
        lastDecision = {
          grid: frame.grid.subarray(offsets[hiddenUnits]), resolution: frame.resolution, hiddenUnits: 0, outputs, head, classes, train: data.train, test: data.test,
        };
        decision.update({ ...lastDecision, showTest, discrete: discrete && head !== regressionHead });
        decisionCanvas.dataset.step = String(frame.outputStep ?? frame.status.step);
      }
      editor.show(frame);
      diagram.update({
        features: frame.network.features, inputGrid: frame.inputGrid, hiddenLayers, outputs, head, parameters: frame.parameters, grid: frame.grid, gridResolutions: frame.gridResolutions, offsets, units: frame.units, step: frame.status.step,
        outputStep: frame.outputStep ?? frame.status.step, frozenUnit: frame.frozenUnit ?? null,
      });
    },
    /** Shows points with no network yet (before the first frame, or own points before they can train). */
    drawPoints(points, classes, head, layers) {
      data = null;
      lossChart.reset();
      deadChart.reset();
      gradientChart.reset();
      exports.history.reset();
      lossChart.append(emptyHistory(layers));
      deadChart.append(emptyHistory(layers));
      gradientChart.append(emptyHistory(layers));
      legend(classes);
      lastDecision = {
        grid: null, resolution: 100, hiddenUnits: 0, outputs: 1, head, classes,
        train: { x: Float64Array.from(points.x), label: Int32Array.from(points.label) }, test: emptySet,
      };
      decision.update({ ...lastDecision, showTest });
    },
    destroy() {
      decision.destroy();
      diagram.destroy();
      lossChart.destroy();
      deadChart.destroy();
      gradientChart.destroy();
      exports.destroy();
    },
  };
}
