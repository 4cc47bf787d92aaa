// Saving the training panel's pictures and history (issue 15 item 5): the loss and accuracy chart,
// the dead units chart and the gradient size chart as PNG (legend and axis titles are on their canvases) and CSV, the
// network diagram with its title and legend as PNG, and the whole history as CSV. File names say
// what, with the activation, learning rate, layers and step shown.
import { registerStrings, t, onLanguageChange } from '../../i18n.js';
import strings from '../../i18n/training-export.js';
import { el } from '../../dom.js';
import { Chart } from '../../charts.js';
import { exportFileName, toCsv, chartRows, canvasPng, download, saveText } from '../../export.js';
import { nodePng } from '../../export-node.js';

registerStrings('trainingExport', strings);

/** The history's columns after the step, with the strings that head them. */
const historyColumns = {
  trainLoss: 'trainingViews.trainLoss', testLoss: 'trainingViews.testLoss', trainAccuracy: 'trainingViews.trainAccuracy',
  testAccuracy: 'trainingViews.testAccuracy', dead: 'trainingExport.dead', dormant: 'trainingExport.dormant',
};

/** Every row of the run's history, fed with trainer.history(from) deltas (a delta from an earlier row replaces the rows after it). */
function createHistoryTable() {
  const rows = [];
  return {
    rows,
    append(delta) {
      rows.length = Math.min(rows.length, delta.from);
      for (let r = 0; r < delta.step.length; r += 1) rows.push([delta.step[r], ...Object.keys(historyColumns).map((name) => delta[name][r])]);
    },
    reset() {
      rows.length = 0;
    },
  };
}

/**
 * Export bars for the loss chart, the dead chart, the gradient chart, the diagram and the output heatmap (with its
 * point legend). describe(what) gives the file name's {panel, what, settings}. Returns {loss, dead,
 * gradient, diagram, decision (elements), history (append, reset), relabel(), destroy()}.
 */
export function createTrainingExports({ lossCanvas, deadCanvas, gradientCanvas, diagramNode, decisionNode, describe }) {
  const history = createHistoryTable();
  const buttons = [];

  /** A button saving `what` as `extension` with save(file) (which may be async). */
  function action(bar, { text, label, what, extension, save }) {
    const node = el('button', { type: 'button', name: `export-${what}-${extension}`, className: 'export-button' });
    node.addEventListener('click', async () => {
      const file = exportFileName(describe(what), extension);
      try {
        await save(file);
        bar.status.textContent = t('export.saved', { file });
      } catch (error) {
        bar.status.textContent = t('trainingExport.failed', { file, message: error.message });
      }
    });
    buttons.push({ node, text, label });
    bar.element.append(node);
  }

  const bar = (chartKey) => ({ element: el('div', { className: 'export-bar', role: 'group' }), status: el('span', { className: 'visually-hidden', role: 'status' }), chartKey });

  const chartActions = (made, canvas, what) => {
    const chart = () => Chart.getChart(canvas);
    action(made, { text: () => t('export.png'), label: () => t('export.pngLabel', { chart: t(made.chartKey) }), what, extension: 'png', save: (file) => download(file, canvasPng(chart().canvas)) });
    action(made, {
      text: () => t('export.csv'), label: () => t('export.csvLabel', { chart: t(made.chartKey) }), what, extension: 'csv',
      save: (file) => saveText(file, toCsv([t('export.series'), t('export.x'), t('export.y')], chartRows(chart())), 'text/csv'),
    });
  };

  const loss = bar('trainingExport.lossChart');
  chartActions(loss, lossCanvas, 'loss-accuracy');
  action(loss, {
    text: () => t('trainingExport.history'), label: () => t('trainingExport.historyLabel'), what: 'history', extension: 'csv',
    save: (file) => saveText(file, toCsv([t('trainingViews.stepAxis'), ...Object.values(historyColumns).map((key) => t(key))], history.rows), 'text/csv'),
  });
  const dead = bar('trainingExport.deadChart');
  chartActions(dead, deadCanvas, 'dead-units');
  const gradient = bar('trainingExport.gradientChart');
  chartActions(gradient, gradientCanvas, 'gradient-sizes');
  const picture = (chartKey, node, what) => {
    const made = bar(chartKey);
    action(made, {
      text: () => t('export.png'), label: () => t('export.pngLabel', { chart: t(chartKey) }), what, extension: 'png',
      save: async (file) => download(file, await nodePng(node)),
    });
    return made;
  };
  const diagram = picture('trainingExport.diagram', diagramNode, 'network-diagram');
  const decision = picture('trainingExport.decision', decisionNode, 'output-heatmap');
  const bars = [loss, dead, gradient, diagram, decision];
  for (const made of bars) made.element.append(made.status);

  function relabel() {
    for (const made of bars) made.element.setAttribute('aria-label', t('export.toolbar', { chart: t(made.chartKey) }));
    for (const { node, text, label } of buttons) {
      node.textContent = text();
      node.setAttribute('aria-label', label());
    }
  }
  relabel();
  const stopLanguage = onLanguageChange(relabel);

  return { loss: loss.element, dead: dead.element, gradient: gradient.element, diagram: diagram.element, decision: decision.element, history, relabel, destroy: stopLanguage };
}
