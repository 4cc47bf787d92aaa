// The network diagram's tile pictures: every input (feature) tile from the engine's input grid, and every hidden and output tile from
// a frame's per-unit grid blocks (grid-blocks.js), at the tile's own resolution or subsampled to it.
import {
  divergingTable, classTables, outputRange, paintScalar, sampleIndices, maxAbs,
} from './heatmap-colours.js';

/** Paints tiles ({canvas, context, image, pixels}) of diagram columns ({kind, units, resolution, tiles}). */
export function createTilePainter() {
  const diverging = divergingTable();
  const sampleCache = new Map();

  function samples(resolution, size) {
    const key = `${resolution}:${size}`;
    if (!sampleCache.has(key)) sampleCache.set(key, sampleIndices(resolution, size));
    return sampleCache.get(key);
  }

  function pixelsOf(tile, size) {
    if (!tile.image || tile.image.width !== size) {
      tile.canvas.width = size;
      tile.canvas.height = size;
      tile.image = tile.context.createImageData(size, size);
      tile.pixels = new Uint32Array(tile.image.data.buffer);
    }
    return tile.pixels;
  }

  function paintInputs(column, { resolution, values }) {
    const size = Math.min(column.resolution, resolution);
    const indices = size === resolution ? null : samples(resolution, size);
    const count = size * size;
    column.tiles.forEach((tile, j) => {
      const offset = j * resolution * resolution;
      const peak = maxAbs(values, offset, count, indices);
      paintScalar(pixelsOf(tile, size), values, offset, count, diverging, peak > 0 ? -peak : -1, peak > 0 ? peak : 1, indices);
      tile.context.putImageData(tile.image, 0, 0);
    });
  }

  function paintTiles(columns, {
    grid, gridResolutions, offsets, outputs, head, step, outputStep = step, frozenUnit = null,
  }) {
    let unit = 0;
    for (const column of columns) {
      column.tiles.forEach((tile, j) => {
        const shown = column.kind === 'output' || unit + j === frozenUnit ? outputStep : step;
        const resolution = gridResolutions[unit + j];
        if (!(resolution > 0)) return;
        const size = Math.min(column.resolution, resolution);
        const indices = size === resolution ? null : samples(resolution, size);
        const count = size * size;
        const pixels = pixelsOf(tile, size);
        const offset = offsets[unit + j];
        if (column.kind === 'hidden') {
          const peak = maxAbs(grid, offset, count, indices);
          paintScalar(pixels, grid, offset, count, diverging, peak > 0 ? -peak : -1, peak > 0 ? peak : 1, indices);
        } else if (outputs > 1) {
          column.classTables ??= classTables(outputs);
          paintScalar(pixels, grid, offset, count, column.classTables[j], 0, 1, indices);
        } else {
          const [lo, hi] = outputRange(head);
          paintScalar(pixels, grid, offset, count, diverging, lo, hi, indices);
        }
        tile.context.putImageData(tile.image, 0, 0);
        if (tile.element.dataset.step !== String(shown)) tile.element.dataset.step = shown;
        if (tile.element.dataset.resolution !== String(resolution)) tile.element.dataset.resolution = resolution;
      });
      unit += column.units;
    }
  }

  return {
    /** The input column from the engine's inputGrid ({resolution, values}, input-major), each tile on the diverging scale over ± its largest |value|. */
    paintInputs,
    /**
     * Hidden and output columns from state {grid, gridResolutions, offsets, outputs, head, step, outputStep (the
     * outputs' step, default step), frozenUnit (a hidden unit shown at outputStep too, or null)}; a unit left out
     * keeps its picture. Each painted tile's data-step and
     * data-resolution name the step and grid it shows.
     */
    paintTiles,
  };
}
