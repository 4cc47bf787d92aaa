// A picture of a part of the page that is not one chart (the network diagram: tiles, links,
// column heads, its legend): the part is copied with its canvases as images and the page's
// stylesheets, drawn through an SVG foreignObject onto a white canvas and saved as PNG.

/** Extra height (CSS px) for text that wraps onto one more line where the picture's fonts are wider than the page's. */
const fontSlack = 32;

/** The CSS text of every readable stylesheet that applies to `node` (its document or shadow root). */
function cssText(node) {
  const sheets = [...document.styleSheets, ...(node.getRootNode() instanceof ShadowRoot ? node.getRootNode().styleSheets : [])];
  const rules = [];
  for (const sheet of sheets) {
    try {
      for (const rule of sheet.cssRules) rules.push(rule.cssText);
    } catch {
      // A stylesheet from another origin cannot be read: its rules are left out.
    }
  }
  return rules.join('\n');
}

/** The custom properties (--name: value) in effect on `node`, so var() resolves inside the picture. */
function customProperties(node) {
  const style = getComputedStyle(node);
  return [...style].filter((name) => name.startsWith('--')).map((name) => `${name}: ${style.getPropertyValue(name)};`).join(' ');
}

/** A copy of `node` whose canvases are images of what they show, without hidden parts and export buttons. */
function copyWithImages(node) {
  const copy = node.cloneNode(true);
  const originals = node.querySelectorAll('canvas');
  copy.querySelectorAll('canvas').forEach((canvas, i) => {
    const original = originals[i];
    const box = original.getBoundingClientRect();
    const image = document.createElement('img');
    image.className = canvas.className;
    image.setAttribute('style', `${canvas.getAttribute('style') ?? ''}; width: ${box.width}px; height: ${box.height}px;`);
    image.src = original.width > 0 && original.height > 0 ? original.toDataURL('image/png') : '';
    canvas.replaceWith(image);
  });
  for (const left of copy.querySelectorAll('[hidden], .export-bar')) left.remove();
  return copy;
}

/**
 * Resolves to a PNG data URL of `node` as shown (at `scale` times its CSS size, on white). Rejects
 * when the browser refuses to read the picture back (a tainted canvas).
 */
export async function nodePng(node, scale = 2) {
  const bars = [...node.querySelectorAll('.export-bar')];
  for (const bar of bars) bar.style.display = 'none';
  const width = Math.ceil(node.scrollWidth);
  const height = Math.ceil(node.scrollHeight) + fontSlack;
  for (const bar of bars) bar.style.removeProperty('display');
  const style = getComputedStyle(node);
  const holder = document.createElement('div');
  holder.setAttribute('xmlns', 'http://www.w3.org/1999/xhtml');
  const font = `font-family: ${style.fontFamily}; font-size: ${style.fontSize}; line-height: ${style.lineHeight};`;
  holder.setAttribute('style', `${customProperties(node)} width: ${width}px; ${font} color: ${style.color};`);
  const sheet = document.createElement('style');
  sheet.textContent = cssText(node);
  holder.append(sheet, copyWithImages(node));
  const markup = new XMLSerializer().serializeToString(holder);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><foreignObject width="100%" height="100%">${markup}</foreignObject></svg>`;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const out = document.createElement('canvas');
  out.width = width * scale;
  out.height = height * scale;
  const context = out.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  context.drawImage(image, 0, 0, out.width, out.height);
  return out.toDataURL('image/png');
}
