// Where the bundle was loaded from, captured while the script runs (document.currentScript is
// only set then), so a course page in another folder still finds KaTeX's CSS next to the bundle.

/** The absolute URL of activation-lab.js, or null in a Worker or when it cannot be known. */
export const bundleUrl = typeof document !== 'undefined' && document.currentScript?.src ? document.currentScript.src : null;

/** The absolute URL of `relative` (e.g. 'katex/katex.min.css') next to the bundle, else next to the page. */
export function assetUrl(relative) {
  return new URL(relative, bundleUrl ?? globalThis.location.href).href;
}

/** Runs the classic script `relative` (next to the bundle) in the page; resolves once it has run. */
export function loadScript(relative) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = assetUrl(relative);
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
    document.head.append(script);
  });
}
