// Saving what the page shows: a chart as PNG on white (its legend and axis titles are drawn on its
// canvas), a chart's data as CSV (one row per point), any canvas as PNG, with file names that say
// panel, what and settings. exportBar() is the one toolbar chartBox() offers to every panel.
import { registerStrings, t } from './i18n.js';
import strings from './i18n/export.js';
import { el } from './dom.js';
import { Chart } from './charts.js';

registerStrings('export', strings);

const safePart = (text) => String(text).toLowerCase().replace(/[^a-z0-9.+-]+/g, '-').replace(/^-+|-+$/g, '');

/** 'activation-lab_race_curve_racers-sigmoid+relu_lr-0.2.png' from {panel, what, settings}; arrays join with '+'. */
export function exportFileName({ panel, what, settings = {} }, extension) {
  const parts = ['activation-lab', panel, what, ...Object.entries(settings).map(([key, value]) => `${key}-${[].concat(value).join('+')}`)];
  return `${parts.map(safePart).filter(Boolean).join('_')}.${extension}`;
}

/** CSV text (RFC 4180, CRLF): the header row, then one line per row of cells. */
export function toCsv(header, rows) {
  const cell = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** One row per point of a Chart.js chart: [series label, x, y]; category charts take x from labels. */
export function chartRows(chart) {
  const labels = chart.data.labels ?? [];
  return chart.data.datasets.flatMap((set, index) => set.data.map((point, i) => {
    const [x, y] = point !== null && typeof point === 'object' ? [point.x, point.y] : [labels[i], point];
    return [set.label ?? String(index + 1), x, y];
  }));
}

/** `canvas` painted over white as a PNG data URL (chart canvases are transparent). */
export function canvasPng(canvas) {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const context = out.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  context.drawImage(canvas, 0, 0);
  return out.toDataURL('image/png');
}

/** Makes the browser save `href` as `file`. */
export function download(file, href) {
  const link = el('a', { href, download: file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Makes the browser save `text` (of MIME `type`) as `file`. */
export function saveText(file, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(file, url);
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * PNG and CSV buttons for the chart drawn on `canvas`, named for `chartName`; describe() gives
 * {panel, what, settings} at click time, so the file name tells the settings then shown.
 */
export function exportBar(canvas, describe, chartName) {
  const status = el('span', { className: 'visually-hidden', role: 'status' });
  const action = (extension, write) => {
    const node = el('button', {
      type: 'button', name: `export-${extension}`, className: 'export-button', text: t(`export.${extension}`),
      'aria-label': t(`export.${extension}Label`, { chart: chartName }),
    });
    node.addEventListener('click', () => {
      const chart = Chart.getChart(canvas);
      if (!chart) return;
      const file = exportFileName(describe(), extension);
      write(chart, file);
      status.textContent = t('export.saved', { file });
    });
    return node;
  };
  const header = [t('export.series'), t('export.x'), t('export.y')];
  return el('div', { className: 'export-bar', role: 'group', 'aria-label': t('export.toolbar', { chart: chartName }) }, [
    action('png', (chart, file) => download(file, canvasPng(chart.canvas))),
    action('csv', (chart, file) => saveText(file, toCsv(header, chartRows(chart)), 'text/csv')),
    status,
  ]);
}
