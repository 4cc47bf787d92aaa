// Which link of the network diagram lies under a click: the links are the cubic curves
// network-links.js draws from a tile's right edge to the next column's left edge.

/** Largest distance (CSS px) from a link's curve that still picks it. */
const reach = 6;

// y of the curve P0 = (x0, y0), P1 = (m, y0), P2 = (m, y1), P3 = (x1, y1) where its x is `x` (x rises with t).
function curveY(x0, y0, x1, y1, x) {
  const m = (x0 + x1) / 2;
  const along = (t) => (1 - t) ** 3 * x0 + 3 * (1 - t) ** 2 * t * m + 3 * (1 - t) * t ** 2 * m + t ** 3 * x1;
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 30; k += 1) {
    const mid = (lo + hi) / 2;
    if (along(mid) < x) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return (1 - t) ** 3 * y0 + 3 * (1 - t) ** 2 * t * y0 + 3 * (1 - t) * t ** 2 * y1 + t ** 3 * y1;
}

/**
 * The drawn link nearest to stage point (x, y) within `reach` px, as {layer, unit, input} (dense
 * layer, its unit, the unit's input), or null. geometry: the diagram's {columns: [{left, right,
 * centres}]}; drawn(layer, unit, input): whether that link is on screen (large layers draw only
 * their strongest links).
 */
export function linkAt(geometry, x, y, drawn = () => true) {
  const columns = geometry?.columns ?? [];
  for (let l = 0; l + 1 < columns.length; l += 1) {
    const from = columns[l];
    const to = columns[l + 1];
    if (x < from.right || x > to.left) continue;
    let best = null;
    from.centres.forEach((y0, input) => to.centres.forEach((y1, unit) => {
      const distance = Math.abs(curveY(from.right, y0, to.left, y1, x) - y);
      if (distance > reach || (best && distance >= best.distance) || !drawn(l, unit, input)) return;
      best = { layer: l, unit, input, distance };
    }));
    return best && { layer: best.layer, unit: best.unit, input: best.input };
  }
  return null;
}
