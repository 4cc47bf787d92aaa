// The per-unit grids of a training frame: which resolution the runner computes for each unit
// (hidden units, then outputs), how often it recomputes the outputs, and where each unit's block
// lies in the frame's grid.

/**
 * Per unit the resolution a frame asks the core for: the page's tile resolutions for hidden units
 * (every one at `large` until the page has sent one per unit), `large` for the inspected hidden
 * unit ({layer, unit}, 0-based, or null) and for every output (the output heatmap is shown large),
 * or 0 for the outputs when `withOutputs` is false (the page keeps the last output heatmap).
 */
export function frameResolutions({ hiddenLayers, hiddenUnits, outputs }, tiles, large, inspected, withOutputs = true) {
  const hidden = tiles?.length === hiddenUnits ? Array.from(tiles) : new Array(hiddenUnits).fill(large);
  if (inspected && inspected.layer < hiddenLayers.length && inspected.unit < hiddenLayers[inspected.layer]) {
    hidden[flatUnit(hiddenLayers, inspected.layer, inspected.unit)] = large;
  }
  return [...hidden, ...new Array(outputs).fill(withOutputs ? large : 0)];
}

/**
 * A frame's grids ({gridResolutions, grid}) from `trainer`: the output heatmap (one forward pass per
 * cell of the view's grid) on every frame while the grid call costs at most cheapMs, else, while
 * playing, once every ceil(cost / cheapMs) frames (about cheapMs a frame on average); always when
 * not playing, so the frame a run pauses or steps on is exact.
 */
export function createFrameGrids({ cheapMs = 8, now = () => globalThis.performance.now() } = {}) {
  let costMs = 0;
  let framesSince = 0;
  /** {shape, tiles, view: {resolution, domain}, inspected, running} as for frameResolutions. */
  return (trainer, { shape, tiles, view, inspected, running }) => {
    framesSince += 1;
    const withOutputs = !running || costMs <= cheapMs || framesSince >= Math.ceil(costMs / cheapMs);
    const start = now();
    const gridResolutions = frameResolutions(shape, tiles, view.resolution, inspected, withOutputs);
    const grid = trainer.gridActivations({ ...view.domain, resolutions: gridResolutions });
    if (withOutputs) {
      costMs = now() - start;
      framesSince = 0;
    }
    return { gridResolutions, grid };
  };
}

/** Flat index of hidden unit `unit` of hidden layer `layer` (both 0-based). */
export function flatUnit(hiddenLayers, layer, unit) {
  return hiddenLayers.slice(0, layer).reduce((sum, units) => sum + units, 0) + unit;
}

/** Where each unit's block starts in a per-unit grid: offsets[u]; offsets[units] is the grid's length. */
export function blockOffsets(resolutions) {
  const offsets = new Array(resolutions.length + 1);
  offsets[0] = 0;
  resolutions.forEach((r, u) => { offsets[u + 1] = offsets[u] + r * r; });
  return offsets;
}

/** Unit u's block of a frame ({grid, gridResolutions}): {values, resolution}, or null when the frame left it out. */
export function unitBlock(frame, u, offsets = blockOffsets(frame.gridResolutions)) {
  const resolution = frame.gridResolutions[u];
  if (!frame.grid || !(resolution > 0)) return null;
  return { values: frame.grid.subarray(offsets[u], offsets[u + 1]), resolution };
}
