// A PReLU unit's learnt slope below 0, as text and as a small readout on its diagram tile.
import { el } from '../../dom.js';
import { fixed } from '../../panels/shared/format.js';

/** Unit j's slope in a units() layer report, with 2 decimals, or '' when the layer has none (not prelu). */
export function slopeOf(report, j) {
  return report?.slopes?.length > 0 ? fixed(report.slopes[j], 2) : '';
}

/** Shows `slope` (text from slopeOf) on `tile` ({element, slope}); '' removes the readout. */
export function showSlope(tile, slope) {
  if (!slope) {
    tile.slope?.remove();
    tile.slope = null;
    return;
  }
  tile.slope ??= el('span', { className: 'nn-slope', 'aria-hidden': 'true' });
  if (!tile.slope.isConnected) tile.element.append(tile.slope);
  const text = `a ${slope}`;
  if (tile.slope.textContent !== text) tile.slope.textContent = text;
}
