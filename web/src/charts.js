// Shared chart helpers: a colour-blind-safe palette (Okabe-Ito) with a dash pattern per series,
// so lines differ by more than colour, and Chart.js defaults that respect reduced motion.
import {
  Chart, LineController, BarController, LineElement, PointElement, BarElement,
  LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip, Filler, Title, Colors, Ticks,
} from 'chart.js';

// Only the chart types, scales and plugins the panels use (a smaller bundle than chart.js/auto).
Chart.register(LineController, BarController, LineElement, PointElement, BarElement,
  LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip, Filler, Title, Colors);

/**
 * `value` with `decimals` digits after the point, rounded half away from zero from its shortest decimal form (as
 * Intl.NumberFormat rounds: 0.0075 to 0.008), the integer digits grouped in threes with ',' as both UI languages
 * (English, Chinese) write numbers.
 */
function groupedFixed(value, decimals) {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  const [whole, fraction] = (scaled / 10 ** decimals).toFixed(decimals).split('.');
  return `${value < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A linear axis's tick label: Chart.js's numeric formatter in English (decimals from the tick spacing) without
 * Intl.NumberFormat, whose first construction costs about 50-120 ms at 4x CPU while the page loads. Scientific
 * notation (ticks below 1e-4 or above 1e15) and an axis's own ticks.format go to Chart.js's formatter. `this`: the scale.
 */
export function linearTick(value, index, ticks) {
  if (value === 0) return '0';
  const largest = ticks.length > 1 ? Math.max(Math.abs(ticks[0].value), Math.abs(ticks[ticks.length - 1].value)) : 1;
  if (largest < 1e-4 || largest > 1e15 || this.options.ticks.format) return Ticks.formatters.numeric.call(this, value, index, ticks);
  let spacing = value;
  if (ticks.length > 1) {
    spacing = ticks.length > 3 ? ticks[2].value - ticks[1].value : ticks[1].value - ticks[0].value;
    if (Math.abs(spacing) >= 1 && value !== Math.floor(value)) spacing = value - Math.floor(value);
  }
  const logSpacing = Math.log10(Math.abs(spacing));
  return groupedFixed(value, Number.isNaN(logSpacing) ? 1 : Math.max(Math.min(-Math.floor(logSpacing), 20), 0));
}
Chart.defaults.scales.linear.ticks.callback = linearTick;

/** Okabe-Ito colours, in the order series take them. */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D00'];
/** Dash patterns paired with the palette: solid, dashed, dotted, dash-dot, ... */
export const dashes = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 4], [1, 2], [6, 2, 2, 2]];

/** Colour and dash of series i: no two of the first 64 series share both (the colour shifts by one each lap). */
export function seriesStyle(i) {
  const colour = palette[(i + Math.floor(i / palette.length)) % palette.length];
  return { borderColor: colour, backgroundColor: colour, borderDash: dashes[i % dashes.length] };
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** A short line drawn in a series' colour and dash pattern, for legends and card headings. */
export function lineSample({ borderColor, borderDash }) {
  const svg = document.createElementNS(svgNamespace, 'svg');
  svg.setAttribute('class', 'line-sample');
  svg.setAttribute('viewBox', '0 0 40 10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(svgNamespace, 'line');
  for (const [key, value] of Object.entries({
    x1: 1, y1: 5, x2: 39, y2: 5, stroke: borderColor, 'stroke-width': 2.5, 'stroke-dasharray': borderDash.join(' ') || 'none',
  })) line.setAttribute(key, String(value));
  svg.append(line);
  return svg;
}

/** Legend labels that draw each series as a short line in its own colour, width and dash pattern (not a filled box). */
export const lineLegendLabels = {
  usePointStyle: true,
  pointStyle: 'line',
  pointStyleWidth: 32,
  boxHeight: 8,
  generateLabels(chart) {
    return Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
      const dataset = chart.data.datasets[item.datasetIndex];
      return {
        ...item,
        lineDash: dataset.borderDash ?? [],
        lineWidth: typeof dataset.borderWidth === 'number' ? dataset.borderWidth : item.lineWidth,
        strokeStyle: dataset.borderColor ?? item.strokeStyle,
      };
    });
  },
};

export function prefersReducedMotion() {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** A Chart.js chart with the app's defaults (no animation, responsive, reduced motion honoured). */
export function createChart(canvas, config) {
  const options = config.options ?? {};
  return new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...options,
      plugins: { legend: { labels: { usePointStyle: false } }, ...(options.plugins ?? {}) },
    },
  });
}

export { Chart };
