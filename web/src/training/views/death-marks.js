// Death marks on the loss chart: one small button per unit death, placed on the chart's step axis
// (read from the Chart.js instance of the canvas), that moves the timeline to that step; and a
// dashed line at an earlier step the timeline shows.
import { Chart } from '../../charts.js';
import { t } from '../../i18n.js';
import { el } from '../../dom.js';

const maxMarks = 120;

/** Marks over the chart in `box` (a .chart-box holding its canvas); actions: {openDeath(death)}. */
export function createDeathMarks(box, actions) {
  const canvas = box.querySelector('canvas');
  const layer = el('div', { className: 'tl-chart-marks' });
  const cursor = el('div', { className: 'tl-chart-cursor', 'aria-hidden': 'true' });
  box.append(layer);
  let deaths = [];
  let step = null;
  let key = '';

  function label(death) {
    return t(death.state === 'dormant' ? 'timeline.dormantMark' : 'timeline.deathMark', { layer: death.layer + 1, unit: death.unit + 1, step: death.step });
  }

  function layout() {
    const chart = Chart.getChart(canvas);
    if (!chart?.chartArea || !chart.scales.x) return;
    const { left, right, top, bottom } = chart.chartArea;
    const x = chart.scales.x;
    const next = [deaths.length, x.min, x.max, left, right, bottom, step, t('timeline.title')].join('|');
    if (next === key) return;
    key = next;
    layer.replaceChildren(...deaths.slice(0, maxMarks).map((death) => {
      const px = Math.max(left, Math.min(right, x.getPixelForValue(death.step)));
      const text = label(death);
      const mark = el('button', {
        type: 'button', className: `tl-mark ${death.state === 'dormant' ? 'tl-mark-dormant' : ''}`, 'data-step': death.step,
        'aria-label': text, title: text, style: `left: ${px}px; top: ${bottom - 10}px`,
      });
      mark.addEventListener('click', () => actions.openDeath(death));
      return mark;
    }), cursor);
    cursor.hidden = step === null;
    const at = Math.max(left, Math.min(right, x.getPixelForValue(step ?? 0)));
    cursor.setAttribute('style', `left: ${at}px; top: ${top}px; height: ${bottom - top}px`);
  }

  const resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    key = '';
    requestAnimationFrame(layout);
  });
  resizeObserver?.observe(box);

  return {
    /** Places a mark for each death (the timeline's list) and a line at `shown`, the step shown (null: none). */
    update(list, shown = null) {
      deaths = list;
      step = shown;
      layout();
    },
    /** Re-places the marks after a language change (their labels) or a chart rescale. */
    refresh() {
      key = '';
      layout();
    },
    destroy() {
      resizeObserver?.disconnect();
      layer.remove();
    },
  };
}
