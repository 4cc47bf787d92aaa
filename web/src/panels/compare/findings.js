// The compare view's findings: sentences built only from what the engine measured on the current
// runs (their latest frames): dead and dormant counts, test accuracy, divergence. No DOM here.
import { t } from '../../i18n.js';

/** A test accuracy in [0, 1] as the page shows it: percent with one decimal. */
export const percent = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '–');

const list = (items) => items.join(t('compare.listJoin'));
const item = (run, count) => t('compare.item', { value: run.label, count });

/** The runs whose `key` is largest (most = true) or smallest. */
function extremes(runs, key, most) {
  const target = (most ? Math.max : Math.min)(...runs.map((run) => run[key]));
  return runs.filter((run) => run[key] === target);
}

/**
 * The findings on `runs` ([{label, step, dead, dormant, total, testAccuracy, diverged}], one per run,
 * from its latest frame) with `shared` (the panel's settings) and `setting` (the varied setting's
 * name): an array of sentences.
 */
export function findings(runs, shared, setting) {
  const sentences = [t('compare.findingsSame', { ...shared, setting })];
  const measured = runs.filter((run) => Number.isFinite(run.step));
  if (measured.length < runs.length || measured.every((run) => run.step === 0)) return [...sentences, t('compare.findingsUntrained')];
  const step = Math.max(...measured.map((run) => run.step));
  const { total } = measured[0];
  const alive = measured.filter((run) => !run.diverged);
  const diverged = measured.filter((run) => run.diverged);
  if (alive.length > 0) {
    const dead = new Set(alive.map((run) => run.dead));
    if (dead.size === 1) sentences.push(t('compare.findingsDeadSame', { step, dead: alive[0].dead, total }));
    else {
      const most = extremes(alive, 'dead', true).map((run) => item(run, run.dead));
      sentences.push(t('compare.findingsDeadDiffer', { step, total, list: list(alive.map((run) => item(run, run.dead))), most: list(most) }));
    }
    if (alive.some((run) => run.dormant > 0)) sentences.push(t('compare.findingsDormant', { list: list(alive.map((run) => item(run, run.dormant))) }));
    const accuracies = new Set(alive.map((run) => percent(run.testAccuracy)));
    if (accuracies.size === 1) sentences.push(t('compare.findingsAccuracySame', { accuracy: [...accuracies][0] }));
    else {
      const shown = (runsOf) => list(runsOf.map((run) => item(run, percent(run.testAccuracy))));
      sentences.push(t('compare.findingsAccuracy', {
        list: shown(alive), best: shown(extremes(alive, 'testAccuracy', true)), worst: shown(extremes(alive, 'testAccuracy', false)),
      }));
    }
  }
  if (diverged.length > 0) sentences.push(t('compare.findingsDiverged', { list: list(diverged.map((run) => t('compare.divergedItem', { value: run.label, step: run.step }))) }));
  return sentences;
}
