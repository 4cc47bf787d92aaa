// Work a panel does after its first paint: views below the first screen made once the browser is
// idle, so the panel's first chart is not kept waiting for them (Chart.js spends tens of
// milliseconds on each new chart), and drawing that can follow the first frame.

/** Runs fn in a task after the next frame is painted; returns cancel(). */
export function afterPaint(fn) {
  let timer = 0;
  const frame = requestAnimationFrame(() => { timer = setTimeout(fn, 0); });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Runs fn when the browser is next idle, within `timeout` ms; returns cancel(). */
export function whenIdle(fn, timeout = 1000) {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 0);
  return () => clearTimeout(handle);
}

/**
 * A stand-in for the view create() makes, made when the browser is next idle: calls of `methods`
 * before then are kept (only those since the last `reset`, when `reset` is one) and replayed on it
 * in order. destroy() destroys the view, or drops it if it is not made yet.
 */
export function idleView(create, methods) {
  let view = null;
  let calls = [];
  const cancel = whenIdle(() => {
    view = create();
    for (const [name, args] of calls) view[name](...args);
    calls = null;
  });
  const stand = Object.fromEntries(methods.map((name) => [name, (...args) => {
    if (view) return view[name](...args);
    if (name === 'reset') calls = [];
    calls.push([name, args]);
    return undefined;
  }]));
  stand.destroy = () => {
    if (view) view.destroy();
    else cancel();
  };
  return stand;
}
