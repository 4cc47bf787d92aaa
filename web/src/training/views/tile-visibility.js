// Which tiles of the network diagram are on screen or about to be (IntersectionObserver, 64 px
// ahead), so that off-screen tiles ask for no grid. Without IntersectionObserver every tile counts
// as on screen.

/** onChange() after every batch of changes; ready is false from reset() until the first batch. */
export function createTileVisibility(onChange) {
  const onScreen = new WeakSet();
  const observer = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) onScreen.add(entry.target);
      else onScreen.delete(entry.target);
    }
    handle.ready = true;
    onChange();
  }, { rootMargin: '64px' });

  const handle = {
    ready: observer === null,
    /** Stops watching every element; the next observed elements start unknown. */
    reset() {
      observer?.disconnect();
      handle.ready = observer === null;
    },
    observe(element) { observer?.observe(element); },
    /** True when `element` is on screen (always without IntersectionObserver). */
    visible(element) { return observer === null || onScreen.has(element); },
    destroy() { observer?.disconnect(); },
  };
  return handle;
}
