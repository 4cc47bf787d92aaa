// The network diagram's tile pictures: the two input ramps, and every hidden and output tile from
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

  function paintInputs(column) {
    const size = column.resolution;
    const ramp = new Float64Array(size * size);
    column.tiles.forEach((tile, axis) => {
      for (let row = 0; row < size; row += 1) {
        for (let col = 0; col < size; col += 1) {
          ramp[row * size + col] = axis === 0 ? (2 * (col + 0.5)) / size - 1 : 1 - (2 * (row + 0.5)) / size;
        }
      }
      paintScalar(pixelsOf(tile, size), ramp, 0, size * size, diverging, -1, 1);
      tile.context.putImageData(tile.image, 0, 0);
    });
  }

  function paintTiles(columns, { grid, gridResolutions, offsets, outputs, head, step }) {
    let unit = 0;
    for (const column of columns) {
      column.tiles.forEach((tile, j) => {
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
        if (tile.element.dataset.step !== String(step)) tile.element.dataset.step = step;
        if (tile.element.dataset.resolution !== String(resolution)) tile.element.dataset.resolution = resolution;
      });
      unit += column.units;
    }
  }

  return {
    /** The input column: x rises to the right, y to the top, on the diverging scale over [-1, 1]. */
    paintInputs,
    /**
     * Hidden and output columns from state {grid, gridResolutions, offsets, outputs, head, step}; a unit left
     * out keeps its picture. Each painted tile's data-step and data-resolution name the step and grid it shows.
     */
    paintTiles,
  };
}
