// Colour helpers shared by the panels: tints, readable text on a background, marker shapes.

/** Mixes a #rrggbb colour with white: amount 0 keeps the colour, 1 gives white. */
export function tint(hex, amount) {
  const channel = (i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(c + (255 - c) * amount);
  };
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** '#000000' or '#ffffff', whichever contrasts more with an 'rgb(r, g, b)' background (always >= 4.5:1). */
export function readableTextOn(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/** Marker shapes paired with series, so racers differ by shape as well as colour. */
export const markers = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'];
