// The timeline of a training run: a slider over its steps (arrow keys, Page Up/Down, Home/End),
// one-step buttons, a jump to the live end, a live line saying which step is shown, and the run's
// deaths (their marks sit on the loss chart: death-marks.js). Draws what frames say; seeking is the caller's.
import { t, registerStrings, onLanguageChange } from '../../i18n.js';
import strings from '../../i18n/timeline.js';
import { el } from '../../dom.js';

registerStrings('timeline', strings);

let nextId = 0;

/** actions: {seek(step)}. update({timeline, deaths, deathsFrom, branched}) after each frame. */
export function createTimelineView(actions) {
  nextId += 1;
  const sliderId = `tl-slider-${nextId}`;
  const title = el('h4', { className: 'tl-title' });
  const sliderLabel = el('label', { for: sliderId, className: 'tl-slider-label' });
  const slider = el('input', { type: 'range', id: sliderId, name: 'timelineStep', min: 0, max: 0, step: 1, value: 0 });
  const back = el('button', { type: 'button', name: 'timelineBack', text: '\u25c0' });
  const forward = el('button', { type: 'button', name: 'timelineForward', text: '\u25b6' });
  const live = el('button', { type: 'button', name: 'timelineLive' });
  const position = el('p', { className: 'tl-position', role: 'status', 'aria-live': 'polite' });
  const hint = el('p', { className: 'note tl-hint' });
  const branchNote = el('p', { className: 'note tl-branched', role: 'status' });
  const marksTitle = el('p', { className: 'note tl-marks-title' });
  const element = el('section', { className: 'chart-figure tl-timeline' }, [
    title, sliderLabel,
    el('div', { className: 'tl-row' }, [back, slider, forward, live]),
    position, hint, branchNote, marksTitle,
  ]);
  let state = { step: 0, origin: 0, liveEnd: 0 };
  let deaths = [];
  let branched = null;
  let wanted = null;
  let requested = null;
  let sendRequest = 0;

  const shownStep = () => wanted ?? requested ?? state.step;

  function requestSeek(step) {
    wanted = Math.max(state.origin, Math.min(state.liveEnd, step));
    sendRequest ||= requestAnimationFrame(() => {
      sendRequest = 0;
      if (wanted !== null && wanted !== state.step) {
        requested = wanted;
        actions.seek(wanted);
      }
      wanted = null;
    });
  }

  slider.addEventListener('input', () => requestSeek(Number(slider.value)));
  back.addEventListener('click', () => requestSeek(shownStep() - 1));
  forward.addEventListener('click', () => requestSeek(shownStep() + 1));
  live.addEventListener('click', () => requestSeek(state.liveEnd));

  function renderMarksTitle() {
    marksTitle.textContent = deaths.length > 0 ? t('timeline.deathsTitle', { count: deaths.length }) : t('timeline.noDeaths');
  }

  function render() {
    const { step, origin, liveEnd } = state;
    const earlier = step < liveEnd;
    slider.min = String(origin);
    slider.max = String(liveEnd);
    slider.value = String(shownStep());
    slider.setAttribute('aria-valuetext', t(earlier ? 'timeline.positionEarlier' : 'timeline.positionLive', { step, end: liveEnd }));
    back.disabled = step <= origin;
    forward.disabled = !earlier;
    live.disabled = !earlier;
    const text = t(earlier ? 'timeline.positionEarlier' : 'timeline.positionLive', { step, end: liveEnd });
    if (position.textContent !== text) position.textContent = text;
    hint.textContent = earlier ? t('timeline.earlierHint', { step, from: step + 1, end: liveEnd }) : '';
    branchNote.hidden = !branched;
    branchNote.textContent = branched ? t('timeline.branched', branched) : '';
    element.dataset.earlier = String(earlier);
  }

  function relabel() {
    title.textContent = t('timeline.title');
    sliderLabel.textContent = t('timeline.slider');
    back.setAttribute('aria-label', t('timeline.back'));
    back.title = t('timeline.back');
    forward.setAttribute('aria-label', t('timeline.forward'));
    forward.title = t('timeline.forward');
    live.textContent = t('timeline.live');
    render();
    renderMarksTitle();
  }
  relabel();
  const stopListening = onLanguageChange(relabel);

  return {
    element,
    /** The step shown and the run's extent: {step, origin, liveEnd}. */
    get position() { return { ...state }; },
    /** Deaths so far (the page's copy of the engine's list). */
    get deaths() { return deaths; },
    /** Follows a frame: its timeline extent, the deaths it adds (from index deathsFrom) and a branch note. */
    update(frame) {
      if (!frame.timeline) return;
      const { step, origin, liveEnd } = frame.timeline;
      state = { step, origin, liveEnd };
      if (requested === step || frame.fresh) requested = null;
      if (frame.fresh) branched = null;
      if (frame.branched) branched = { step: frame.branched.step, from: frame.branched.step + 1, end: frame.branched.step + frame.branched.dropped };
      const added = frame.deaths?.length ?? 0;
      const kept = frame.fresh ? 0 : frame.deathsFrom ?? deaths.length;
      if (added > 0 || kept !== deaths.length) deaths = [...deaths.slice(0, kept), ...(frame.deaths ?? [])];
      render();
      renderMarksTitle();
    },
    destroy() {
      stopListening();
      if (sendRequest) cancelAnimationFrame(sendRequest);
    },
  };
}
