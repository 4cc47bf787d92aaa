// Redraws a Chart.js chart at most once every gapMs while data keeps arriving, with a trailing
// redraw for the last data: a line chart of a few thousand points takes milliseconds to draw,
// more than a 30-60 frames-a-second training view can spend on it every frame. While the chart's
// canvas is off screen (IntersectionObserver) it is not drawn at all, and is drawn once it comes
// into view. The chart's data itself is always current; only the drawing waits.

/**
 * request(): redraw now, or gapMs after the last redraw, or once on screen; cancel(): drop a waiting
 * redraw; destroy(): also stop watching. draw() does the redrawing (default: chart.update('none'));
 * watch: the element whose visibility counts (default the chart's canvas; null: always drawn).
 */
export function createRedrawThrottle(chart, gapMs = 100, { draw = () => chart.update('none'), watch = chart?.canvas } = {}) {
  let last = -Infinity;
  let timer = 0;
  let onScreen = true;
  let stale = false;

  function redraw() {
    timer = 0;
    if (!onScreen) {
      stale = true;
      return;
    }
    stale = false;
    last = performance.now();
    draw();
  }

  const observer = typeof IntersectionObserver === 'undefined' || !watch ? null : new IntersectionObserver((entries) => {
    onScreen = entries.at(-1).isIntersecting;
    if (onScreen && stale) redraw();
  });
  observer?.observe(watch);

  function cancel() {
    clearTimeout(timer);
    timer = 0;
    stale = false;
  }

  return {
    request() {
      if (timer) return;
      if (!onScreen) {
        stale = true;
        return;
      }
      const wait = last + gapMs - performance.now();
      if (wait <= 0) redraw();
      else timer = setTimeout(redraw, wait);
    },
    cancel,
    /** Drops a waiting redraw and stops watching the canvas. */
    destroy() {
      cancel();
      observer?.disconnect();
    },
  };
}
