// "What the chapter gets wrong" boxes: each of the chapter's five slips, the correct statement,
// and a demonstration whose every number the engine computes when the box is built.
import { registerStrings, t } from '../../i18n.js';
import strings from '../../i18n/slips.js';
import { el } from '../../dom.js';
import { fixed } from './format.js';
import { activation, manifest } from '../../manifest.js';

registerStrings('slips', strings);

const probeInputs = [-2, -0.5, 0.5, 2];
const chapterLogits = [3, 1, -3];

/** A sigmoid or tanh object whose gradient() overwrites its cached output, as the chapter's sample code does. */
export function overwritingCache(engine, activation) {
  const local = { sigmoid: (a) => a * (1 - a), tanh: (a) => 1 - a * a }[activation];
  if (!local) throw new Error(`overwritingCache: no cached-gradient form for '${activation}' (use sigmoid or tanh)`);
  let cached = Number.NaN;
  return {
    forward(z) {
      [cached] = engine.evaluate(activation, [z]);
      return cached;
    },
    gradient() {
      cached = local(cached);
      return cached;
    },
  };
}

/** A table row; a null value (a term the chapter's formula leaves out) shows as a dash. */
const row = (label, values, digits = 4) => ({ label, values: values.map((v) => (v === null ? '—' : fixed(v, digits))) });

/** One row per probe input z with the slope there. */
function slopeTable(slopeHeading, slopes) {
  return { corner: 'z', head: [slopeHeading], rows: probeInputs.map((z, i) => row(fixed(z, 1), [slopes[i]], 2)) };
}

/** Each slip's demonstration: {corner?, head: column headings, rows: [{label, values}], note?}, computed by `engine`. */
export const demonstrations = {
  reluAlwaysOne(engine) {
    return slopeTable(t('slips.reluSlope'), engine.derivative('relu', probeInputs));
  },
  leakyDerivative(engine) {
    const alpha = activation('leaky_relu').alpha.default;
    return slopeTable(t('slips.leakySlope', { alpha }), engine.derivative('leaky_relu', probeInputs, { alpha }));
  },
  kinkConvention(engine) {
    // Every activation the core lists with kinks, at each of them, with its default alpha.
    const rows = manifest.activations.filter((entry) => entry.kinks.length > 0).flatMap(({ name, alpha, usesAlpha, kinks }) => {
      const opts = usesAlpha ? { alpha: alpha.default } : {};
      const label = t(`activations.${name}.name`) + (usesAlpha ? ` (α = ${alpha.default})` : '');
      return kinks.map((z) => row(`${label}, z = ${String(z).replace('-', '−')}`,
        [engine.evaluate(name, [z], opts)[0], engine.derivative(name, [z], opts)[0]]));
    });
    return { head: [t('slips.valueAt'), t('slips.slopeAt')], rows };
  },
  cachedGradient(engine) {
    const z = 1;
    const rows = ['sigmoid', 'tanh'].map((name) => {
      const buggy = overwritingCache(engine, name);
      buggy.forward(z);
      const first = buggy.gradient();
      const second = buggy.gradient();
      const engineTwice = engine.derivative(name, [z, z]);
      return [row(t('slips.cachedCalls', { name: t(`activations.${name}.name`) }), [first, second]),
        row(t('slips.engineCalls', { name: t(`activations.${name}.name`) }), Array.from(engineTwice))];
    });
    return { head: [t('slips.firstCall'), t('slips.secondCall')], rows: rows.flat(), note: t('slips.cachedAt', { z }) };
  },
  softmaxDerivative(engine) {
    const s = engine.softmax(chapterLogits);
    const jacobian = engine.softmaxJacobian(s);
    const n = s.length;
    const diagonalOnly = Array.from(s, (p, j) => p * (1 - p));
    const rowSum = (i) => Array.from(jacobian.slice(i * n, (i + 1) * n)).reduce((a, b) => a + b, 0);
    return {
      head: [...Array.from({ length: n }, (_, j) => `∂/∂z${String.fromCharCode(0x2081 + j)}`), t('slips.rowSum')],
      rows: [
        row(t('slips.jacobianRow'), [...jacobian.slice(0, n), rowSum(0)]),
        row(t('slips.chapterRow'), [diagonalOnly[0], null, null, diagonalOnly[0]]),
      ],
      note: t('slips.softmaxAt', { logits: chapterLogits.map((z) => fixed(z, 0)).join(', '), s: Array.from(s, (p) => fixed(p, 4)).join(', ') }),
    };
  },
};

/** The demonstration as a table (or an error line if the engine refuses). */
function demoTable(id, engine) {
  let demo;
  try {
    demo = demonstrations[id](engine);
  } catch (error) {
    return el('p', { className: 'error', role: 'alert', text: t('slips.demoFailed', { message: error.message }) });
  }
  return el('div', { className: 'slip-demo' }, [
    el('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `${t(`slips.${id}.title`)}: ${t('slips.demoCaption')}` }, [
      el('table', { className: 'data-table slip-table' }, [
        el('caption', { text: t('slips.demoCaption') }),
        el('thead', {}, el('tr', {}, [demo.corner ? el('th', { scope: 'col', text: demo.corner }) : el('td'), ...demo.head.map((text) => el('th', { scope: 'col', text }))])),
        el('tbody', {}, demo.rows.map((r) => el('tr', {}, [el('th', { scope: 'row', text: r.label }), ...r.values.map((text) => el('td', { text }))]))),
      ]),
    ]),
    demo.note ? el('p', { className: 'note', text: demo.note }) : null,
  ]);
}

/** The box for slip `id` (a key of demonstrations), with its live demonstration. */
export function slipBox(id, engine) {
  if (!(id in demonstrations)) throw new Error(`unknown slip '${id}'`);
  const headingId = `slip-${id}`;
  return el('aside', { className: 'slip-box', 'data-slip': id, 'aria-labelledby': headingId }, [
    el('h3', { id: headingId }, [el('span', { className: 'slip-kicker', text: t('slips.kicker') }), ' ', t(`slips.${id}.title`)]),
    el('p', {}, [el('strong', { text: t('slips.says') }), ' ', t(`slips.${id}.says`)]),
    el('p', {}, [el('strong', { text: t('slips.correct') }), ' ', t(`slips.${id}.correct`)]),
    demoTable(id, engine),
  ]);
}
