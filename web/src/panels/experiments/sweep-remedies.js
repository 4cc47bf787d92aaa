// The sweep's remedy axis: which optimisers and initial biases each activation is trained with
// (controls), and what the runs found for every remedy against the plain setting (findings,
// computed from the results at the sweep's largest rate).
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { checkboxGroup } from '../shared/controls.js';
import { optimizers } from '../shared/engine-facts.js';
import { shortNumber } from '../shared/format.js';
import { spread, percent, plain } from './sweep-chart.js';

/** The optimiser and initial-bias checkboxes for settings `s`; save(patch) stores a change. */
export function remedyControls(s, save) {
  const optimizerBoxes = checkboxGroup({
    legend: t('experiments.sweep.optimizers'), values: s.sweepOptimizers,
    options: optimizers.map((name) => ({ value: name, label: t(`experiments.optimizers.${name}`) })),
    onChange: (values) => save({ sweepOptimizers: values }),
  });
  const biasBoxes = checkboxGroup({
    legend: t('experiments.sweep.biases'), values: s.sweepBiases,
    options: ['0', '0.1'].map((value) => ({ value, label: value })),
    onChange: (values) => save({ sweepBiases: values }),
  });
  optimizerBoxes.boxes.forEach((box) => { box.name = 'sweepOptimizers'; });
  biasBoxes.boxes.forEach((box) => { box.name = 'sweepBiases'; });
  return el('fieldset', { className: 'control-grid' }, [
    el('legend', { text: t('experiments.sweep.remedies') }), optimizerBoxes.element, biasBoxes.element,
  ]);
}

/** One line per series that is not the plain setting: its units and accuracy at the largest rate against plain's. */
export function remedyFindings(results) {
  const last = results.rates.length - 1;
  const lines = [];
  for (const s of results.series) {
    if (s.optimizer === plain.optimizer && s.bias === plain.bias) continue;
    const base = results.series.find((b) => b.activation === s.activation && b.optimizer === plain.optimizer && b.bias === plain.bias);
    const runs = results.runs[s.key][last];
    const baseRuns = base ? results.runs[base.key][last] : [];
    if (runs.length === 0 || baseRuns.length === 0) continue;
    const show = (stats) => (stats.mean === null ? '—' : percent(stats.mean));
    lines.push(t('experiments.sweep.findRemedy', {
      name: s.name(), plainName: base.name(), rate: shortNumber(results.rates[last]),
      state: t(s.unitKey === 'deadFraction' ? 'experiments.sweep.deadColumn' : 'experiments.sweep.dormantColumn'),
      units: show(spread(runs, s.unitKey)), plainUnits: show(spread(baseRuns, s.unitKey)),
      accuracy: show(spread(runs, 'testAccuracy')), plainAccuracy: show(spread(baseRuns, 'testAccuracy')),
      diverged: spread(runs, s.unitKey).diverged, count: runs.length,
    }));
  }
  return lines;
}
