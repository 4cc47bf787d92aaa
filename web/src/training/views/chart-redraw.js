// Redraws a Chart.js chart at most once every gapMs while data keeps arriving, with a trailing
// redraw for the last data: a line chart of a few thousand points takes milliseconds to draw,
// more than a 30-60 frames-a-second training view can spend on it every frame. The chart's data
// itself is always current; only the drawing waits.

/** request(): redraw now, or gapMs after the last redraw; cancel(): drop a waiting redraw. */
export function createRedrawThrottle(chart, gapMs = 100) {
  let last = -Infinity;
  let timer = 0;

  function draw() {
    timer = 0;
    last = performance.now();
    chart.update('none');
  }

  return {
    request() {
      if (timer) return;
      const wait = last + gapMs - performance.now();
      if (wait <= 0) draw();
      else timer = setTimeout(draw, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = 0;
    },
  };
}
