// The per-unit grids of a training frame: the network's shape, which resolution the runner
// computes for each unit (hidden units, then outputs), how it spreads a costly output heatmap over
// frames, and where each unit's block lies in the frame's grid.

/**
 * Per unit the resolution a frame asks the core for: the page's tile resolutions for hidden units
 * (every one at `large` until the page has sent one per unit), `inspectedAt` (default `large`) for the
 * inspected hidden unit ({layer, unit}, 0-based, or null) and `large` for every output (the output
 * heatmap is shown large), or 0 for the outputs when `withOutputs` is false (the page keeps the last
 * output heatmap; an inspected unit at 0 keeps its last picture too).
 */
export function frameResolutions({ hiddenLayers, hiddenUnits, outputs }, tiles, large, inspected, withOutputs = true, inspectedAt = large) {
  const hidden = tiles?.length === hiddenUnits ? Array.from(tiles) : new Array(hiddenUnits).fill(large);
  const index = inspectedIndex(hiddenLayers, inspected);
  if (index !== null) hidden[index] = inspectedAt;
  return [...hidden, ...new Array(outputs).fill(withOutputs ? large : 0)];
}

/** Flat index of the inspected hidden unit ({layer, unit} or null), or null when there is none in this network. */
function inspectedIndex(hiddenLayers, inspected) {
  return inspected && inspected.layer < hiddenLayers.length && inspected.unit < hiddenLayers[inspected.layer]
    ? flatUnit(hiddenLayers, inspected.layer, inspected.unit) : null;
}

/**
 * A frame's grids ({gridResolutions, grid, outputStep, frozenUnit}) from `trainer`: the hidden tiles
 * on every frame, and the large grids (the output heatmap and the inspected unit, one forward pass per
 * cell of the view's grid) whole on every frame while that costs at most cheapMs and on every frame
 * that is not playing (the frame a run pauses or steps on is exact). Costlier ones, while playing,
 * are computed in row bands of what is left of workMs after the frame's spentMs (training and
 * statistics so far), from minBandMs to cheapMs, from a copy of the network frozen when the first band
 * starts (trainer.freezeGrid), and sent whole, on the frame the last band is done, with outputStep the
 * step they show (null: this frame's step) and frozenUnit the inspected unit's flat index among them
 * (null: none). workMs 28 leaves about 5 ms of a 33 ms frame (30 a second) for the page's drawing.
 */
export function createFrameGrids({
  cheapMs = 8, workMs = 28, minBandMs = 4, now = () => globalThis.performance.now(),
} = {}) {
  let costMs = 0;
  let job = null;
  let owner = null;
  /** {shape, tiles, view: {resolution, domain}, inspected, running} as for frameResolutions; spentMs: the frame's work so far. */
  return (trainer, {
    shape, tiles, view, inspected, running, spentMs = 0,
  }) => {
    if (owner !== trainer) {
      owner = trainer;
      costMs = 0;
      job = null;
    }
    const large = view.resolution;
    if (!running || costMs <= cheapMs) {
      job = null;
      const start = now();
      const gridResolutions = frameResolutions(shape, tiles, large, inspected);
      const grid = trainer.gridActivations({ ...view.domain, resolutions: gridResolutions });
      costMs = now() - start;
      return { gridResolutions, grid, outputStep: null, frozenUnit: null };
    }
    const gridResolutions = frameResolutions(shape, tiles, large, inspected, false, 0);
    const grid = trainer.gridActivations({ ...view.domain, resolutions: gridResolutions });
    const frozenUnit = inspectedIndex(shape.hiddenLayers, inspected);
    if (job?.domain !== view.domain || job.large !== large || job.frozenUnit !== frozenUnit) {
      job = { step: trainer.freezeGrid(), row: 0, bands: [], domain: view.domain, large, frozenUnit };
    }
    const bandMs = Math.max(minBandMs, Math.min(cheapMs, workMs - spentMs));
    const rows = Math.max(1, Math.min(large - job.row, Math.floor((large * bandMs) / costMs)));
    const resolutions = frameResolutions(shape, new Array(shape.hiddenUnits).fill(0), large, inspected);
    const start = now();
    job.bands.push({ rows, values: trainer.gridActivations({ ...view.domain, resolutions, rowFrom: job.row, rowTo: job.row + rows, frozen: true }) });
    costMs = ((now() - start) * large) / rows;
    job.row += rows;
    if (job.row < large) return { gridResolutions, grid, outputStep: null, frozenUnit: null };
    const done = job;
    job = null;
    const joined = joinBands(done.bands, shape.outputs + (frozenUnit === null ? 0 : 1), large);
    const offsets = blockOffsets(gridResolutions);
    const split = frozenUnit === null ? 0 : offsets[frozenUnit];
    const hiddenEnd = offsets[shape.hiddenUnits];
    const inspectedSize = frozenUnit === null ? 0 : large * large;
    const whole = new Float64Array(hiddenEnd + joined.length);
    whole.set(grid.subarray(0, split));
    whole.set(joined.subarray(0, inspectedSize), split);
    whole.set(grid.subarray(split, hiddenEnd), split + inspectedSize);
    whole.set(joined.subarray(inspectedSize), hiddenEnd + inspectedSize);
    return { gridResolutions: frameResolutions(shape, gridResolutions.slice(0, shape.hiddenUnits), large, inspected), grid: whole, outputStep: done.step, frozenUnit };
  };
}

/** `units` blocks of `columns` columns joined from row bands ({rows, values}: each block's rows of the band in unit order). */
export function joinBands(bands, units, columns) {
  const rows = bands.reduce((sum, band) => sum + band.rows, 0);
  const out = new Float64Array(units * rows * columns);
  let row = 0;
  for (const band of bands) {
    const size = band.rows * columns;
    for (let u = 0; u < units; u += 1) out.set(band.values.subarray(u * size, (u + 1) * size), (u * rows + row) * columns);
    row += band.rows;
  }
  return out;
}

/** The network's shape from its dense layers ({inputs, outputs} each, the last one the output layer) and input features. */
export function shapeOf(layers, head, classes, features) {
  const hiddenLayers = layers.slice(0, -1).map((layer) => layer.outputs);
  return { hiddenLayers, hiddenUnits: hiddenLayers.reduce((a, b) => a + b, 0), head, classes, outputs: layers.at(-1).outputs, features };
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
