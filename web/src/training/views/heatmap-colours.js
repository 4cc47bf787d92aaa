// Colour scales of the training views (colour-blind safe: Okabe-Ito blue and vermillion around
// white, Okabe-Ito class colours) and one-pass painters from engine grids into ImageData pixels.
// Tables hold packed RGBA words in the platform's byte order, so painting is one lookup and one
// 32-bit store per pixel.

/** Class colours: class 0 blue, class 1 vermillion, class 2 bluish green (Okabe-Ito). */
export const classColours = ['#0072B2', '#D55E00', '#009E73'];
/** Ends of the diverging scale: negative (or class 0) blue, positive (or class 1) vermillion. */
export const negativeColour = classColours[0];
export const positiveColour = classColours[1];
/** Centre of the diverging scale and the colour of NaN cells. */
export const neutralColour = '#f7f7f7';
export const missingColour = '#bdbdbd';
/** Entries per table. */
export const tableSize = 256;

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function mix(a, b, amount) {
  return a.map((c, i) => c + (b[i] - c) * amount);
}

/** A table of `size` packed colours from f(position in [0, 1]) -> [r, g, b]. */
function table(size, colourAt) {
  const bytes = new Uint8ClampedArray(size * 4);
  for (let i = 0; i < size; i += 1) {
    const [r, g, b] = colourAt(i / (size - 1));
    bytes.set([Math.round(r), Math.round(g), Math.round(b), 255], i * 4);
  }
  return new Uint32Array(bytes.buffer);
}

/** The packed colour of one #rrggbb. */
export function packed(hex) {
  return table(2, () => rgb(hex))[0];
}

/** Diverging blue–white–vermillion: entry 0 = −1, the middle = 0, the last = +1; strength < 1 stops short of the ends. */
export function divergingTable(strength = 1) {
  const [low, middle, high] = [negativeColour, neutralColour, positiveColour].map(rgb);
  return table(tableSize, (p) => (p < 0.5
    ? mix(middle, low, (1 - 2 * p) * strength)
    : mix(middle, high, (2 * p - 1) * strength)));
}

/** Two entries for a discretized binary output: below the decision threshold blue, from it on vermillion. */
export function steppedTable(strength = 1) {
  const [low, middle, high] = [negativeColour, neutralColour, positiveColour].map(rgb);
  return table(2, (p) => mix(middle, p < 0.5 ? low : high, strength));
}

/** Per class, the class colour at `strength` in every entry: a discretized softmax output shows only the winning class. */
export function flatClassTables(classes, strength = 1) {
  return Array.from({ length: classes }, (_, k) => table(tableSize, () => mix(rgb(neutralColour), rgb(classColours[k % classColours.length]), strength)));
}

/** Per class, white → class colour: entry 0 = no confidence, the last = full confidence. */
export function classTables(classes, strength = 1) {
  return Array.from({ length: classes }, (_, k) => {
    const colour = rgb(classColours[k % classColours.length]);
    return table(tableSize, (p) => mix(rgb(neutralColour), colour, p * strength));
  });
}

/** The value range an output head spans: [lo, hi] mapped onto the diverging scale (centre = decision threshold). */
export function outputRange(head) {
  return head === 'tanh_mse' || head === 'linear_mse' ? [-1, 1] : [0, 1];
}

/** The CSS colour of `value` on the full diverging scale over [lo, hi] (clamped), for points coloured by their target. */
export function divergingColour(value, lo = -1, hi = 1) {
  const p = Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
  const [low, middle, high] = [negativeColour, neutralColour, positiveColour].map(rgb);
  const [r, g, b] = p < 0.5 ? mix(middle, low, 1 - 2 * p) : mix(middle, high, 2 * p - 1);
  return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}

/** Source indices that subsample a resolution^2 block to size^2 cells (nearest cell centre), row-major. */
export function sampleIndices(resolution, size) {
  const indices = new Int32Array(size * size);
  const source = new Int32Array(size);
  for (let i = 0; i < size; i += 1) source[i] = Math.min(resolution - 1, Math.floor(((i + 0.5) * resolution) / size));
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) indices[row * size + col] = source[row] * resolution + source[col];
  }
  return indices;
}

/**
 * Paints `count` values into pixels (a Uint32Array view of ImageData data): pixel i gets the colour
 * of values[offset + (indices ? indices[i] : i)], lo → first table entry, hi → last, clamped; NaN → grey.
 */
export function paintScalar(pixels, values, offset, count, colours, lo, hi, indices = null) {
  const last = colours.length - 1;
  const scale = last / (hi - lo);
  const missing = packed(missingColour);
  for (let i = 0; i < count; i += 1) {
    const v = values[offset + (indices === null ? i : indices[i])];
    if (v !== v) {
      pixels[i] = missing;
      continue;
    }
    let position = (v - lo) * scale + 0.5;
    if (position < 0) position = 0;
    else if (position > last) position = last;
    pixels[i] = colours[position | 0];
  }
}

/**
 * Paints softmax outputs: `classes` blocks of blockSize values from `offset`; pixel i takes the
 * colour of its most probable class, from white (probability 1/classes) to full (probability 1).
 */
export function paintArgmax(pixels, values, offset, blockSize, count, tables, indices = null) {
  const classes = tables.length;
  const last = tableSize - 1;
  const floor = 1 / classes;
  const scale = last / (1 - floor);
  const missing = packed(missingColour);
  for (let i = 0; i < count; i += 1) {
    const cell = offset + (indices === null ? i : indices[i]);
    let best = 0;
    let top = values[cell];
    for (let k = 1; k < classes; k += 1) {
      const p = values[cell + k * blockSize];
      if (p > top) {
        top = p;
        best = k;
      }
    }
    if (top !== top) {
      pixels[i] = missing;
      continue;
    }
    let position = (top - floor) * scale + 0.5;
    if (position < 0) position = 0;
    else if (position > last) position = last;
    pixels[i] = tables[best][position | 0];
  }
}

/** Largest |value| of a block (over `indices` when given); 0 when every value is 0 or NaN. */
export function maxAbs(values, offset, count, indices = null) {
  let top = 0;
  for (let i = 0; i < count; i += 1) {
    const v = values[offset + (indices === null ? i : indices[i])];
    const a = v < 0 ? -v : v;
    if (a > top) top = a;
  }
  return top;
}

/** A CSS linear-gradient of the diverging scale, for legends. */
export function divergingGradient(direction = 'to right') {
  return `linear-gradient(${direction}, ${negativeColour}, ${neutralColour}, ${positiveColour})`;
}
