// Shared chart helpers: a colour-blind-safe palette (Okabe-Ito) with a dash pattern per series,
// so lines differ by more than colour, and Chart.js defaults that respect reduced motion.
import {
  Chart, LineController, BarController, LineElement, PointElement, BarElement,
  LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip, Filler, Title, Colors,
} from 'chart.js';

// Only the chart types, scales and plugins the panels use (a smaller bundle than chart.js/auto).
Chart.register(LineController, BarController, LineElement, PointElement, BarElement,
  LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip, Filler, Title, Colors);

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
