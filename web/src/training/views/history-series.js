// Keeps a chart's points few as the history grows: every row is stored, the chart arrays show
// every stride-th row plus the newest one, and the stride doubles whenever they would pass the cap.

/** Default cap on the points one chart series shows. */
const maxShownPoints = 2000;

/**
 * Chart arrays ({x, y} points, one per column, same identity for the series' life) fed with
 * trainer.history(from) deltas. x(delta, row) and columns[name](delta, row) read one row.
 */
export function createHistorySeries(x, columns, cap = maxShownPoints) {
  const names = Object.keys(columns);
  const data = Object.fromEntries(names.map((n) => [n, []]));
  let xs = [];
  let ys = Object.fromEntries(names.map((n) => [n, []]));
  let stride = 1;
  let tailShown = false;

  function show(i) {
    for (const n of names) data[n].push({ x: xs[i], y: ys[n][i] });
  }

  function rebuild() {
    stride = 1;
    while (Math.ceil(xs.length / stride) + 1 > cap) stride *= 2;
    for (const n of names) data[n].length = 0;
    for (let i = 0; i < xs.length; i += stride) show(i);
    tailShown = xs.length > 0 && (xs.length - 1) % stride !== 0;
    if (tailShown) show(xs.length - 1);
  }

  return {
    data,
    /** Adds a history delta's rows; a delta starting before the stored end replaces the rows from there on. */
    append(delta) {
      const before = xs.length;
      const rewind = delta.from < before;
      if (rewind) {
        xs.length = delta.from;
        for (const n of names) ys[n].length = delta.from;
      }
      for (let r = 0; r < delta.step.length; r += 1) {
        xs.push(x(delta, r));
        for (const n of names) ys[n].push(columns[n](delta, r));
      }
      if (rewind) {
        rebuild();
        return;
      }
      for (let i = before; i < xs.length; i += 1) {
        if (tailShown) {
          for (const n of names) data[n].pop();
          tailShown = false;
        }
        if (i % stride === 0) show(i);
        else if (i === xs.length - 1) {
          show(i);
          tailShown = true;
        }
      }
      if (names.length > 0 && data[names[0]].length > cap) rebuild();
    },
    get rows() { return xs.length; },
    reset() {
      xs = [];
      ys = Object.fromEntries(names.map((n) => [n, []]));
      stride = 1;
      tailShown = false;
      for (const n of names) data[n].length = 0;
    },
  };
}
