// Formulas where KaTeX's fonts cannot load (a sandboxed frame or another origin, on a host that
// sends no Access-Control-Allow-Origin for katex/fonts/): the page then shows the browser's own
// MathML rendering of each formula (system fonts, properly stretched braces) instead of KaTeX's
// HTML rendering, and tells the reader why (the class formula-fonts-blocked, see embed.css).

/** True when `face` is one of KaTeX's fonts. */
function isKatexFont(face) {
  return face.family.replace(/["']/g, '').startsWith('KaTeX');
}

/** Calls onBlocked() once, as soon as one of KaTeX's fonts fails to load. */
export function watchFormulaFonts(onBlocked) {
  const fonts = globalThis.document?.fonts;
  if (!fonts) return;
  let told = false;
  const tell = () => {
    if (told) return;
    told = true;
    onBlocked();
  };
  if ([...fonts].some((face) => face.status === 'error' && isKatexFont(face))) tell();
  fonts.addEventListener('loadingerror', (event) => {
    if ([...(event.fontfaces ?? [])].some(isKatexFont)) tell();
  });
}
