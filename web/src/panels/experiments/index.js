// The experiments panel: the learning-rate sweep, the born-dead table and the activation
// histograms at initialisation, each in its own module. The sweep and the born-dead table run on
// a Run button (a few seconds, in a pool of Web Workers, cancellable) so opening the tab stays instant; the
// histograms are one cheap engine call and follow the controls live. A language change relabels
// the stored results without recomputing them.
import { registerStrings, t } from '../../i18n.js';
import strings from '../../i18n/experiments.js';
import { el } from '../../dom.js';
import { rebuildOnLanguageChange } from '../shared/lifecycle.js';
import { createExperimentPool } from '../../experiments/pool.js';
import { schema as runSchema } from './runner.js';
import { schema as sweepSchema, createSweep } from './sweep.js';
import { schema as bornSchema, createBornDead } from './born-dead.js';
import { schema as initSchema, createInitHistograms } from './init.js';

registerStrings('experiments', strings);

export const id = 'experiments';
export const titleKey = 'experiments.title';
export const schema = { ...sweepSchema, ...bornSchema, ...initSchema, ...runSchema };

export function mount(root, ctx) {
  let settings = structuredClone(ctx.settings);
  const pool = createExperimentPool({ engine: ctx.engine, limit: () => settings.poolWorkers });
  const shared = {
    engine: ctx.engine,
    pool,
    get: () => settings,
    save(next) {
      settings = { ...settings, ...next };
      ctx.saveSettings(structuredClone(settings));
    },
  };
  const experiments = [createSweep(shared), createBornDead(shared), createInitHistograms(shared)];

  function build() {
    const panel = el('div', { className: 'experiments-panel' }, [el('p', { className: 'panel-intro', text: t('experiments.intro') })]);
    root.replaceChildren(panel);
    for (const experiment of experiments) experiment.build(panel);
  }

  return rebuildOnLanguageChange(root, build, () => {
    for (const experiment of experiments) experiment.destroy();
    pool.dispose();
  });
}
