// The training panel's timeline: the scrubber, the unit inspector and the line overlay, wired
// to the session. Seeking pauses; Play resumes from the live end; a setting changed at an
// earlier step branches there. The step shown and the inspected unit live in the settings
// (timelineStep: -1 = the live end; inspectLayer / inspectUnit 1-based, 0 = none).
import { el } from '../../dom.js';
import { t, onLanguageChange } from '../../i18n.js';
import { createTimelineView } from '../../training/views/timeline.js';
import { createUnitInspector } from '../../training/views/unit-inspector.js';
import { createLineOverlay, linesInPlane } from '../../training/views/line-overlay.js';
import { createDeathMarks } from '../../training/views/death-marks.js';

/**
 * ctx: {session, settings() -> current settings, save(patch), paused(), decisionCanvas, diagramHost,
 * lossBox (the loss chart's .chart-box)}.
 * Returns {timelineElement, inspectorElement, draw(frame), beforePlay(), liveSettings(s), showFirstDeath(), ...}.
 */
export function createTimelineControls(ctx) {
  const { session } = ctx;
  let selection = null;
  let position = { step: 0, origin: 0, liveEnd: 0 };
  let pendingStep = null;
  let focusInspector = false;
  let restored = false;
  let data = null;

  function seek(step) {
    ctx.paused();
    session.seek(step);
    ctx.save({ timelineStep: step < position.liveEnd ? step : -1 });
  }

  function select(layer, unit, { byKeyboard = false } = {}) {
    selection = layer === null ? null : { layer, unit };
    focusInspector = byKeyboard && selection !== null;
    session.inspect(layer, unit);
    ctx.save({ inspectLayer: selection ? layer + 1 : 0, inspectUnit: selection ? unit + 1 : 0 });
  }

  const timeline = createTimelineView({ seek });
  const marks = createDeathMarks(ctx.lossBox, {
    openDeath(death) {
      select(death.layer, death.unit);
      seek(death.step);
    },
  });
  const inspector = createUnitInspector({
    select: (layer, unit) => select(layer, unit, { byKeyboard: true }),
    seek,
  });

  const overlayCanvas = el('canvas');
  const wrap = el('div', { className: 'tl-decision-wrap' });
  ctx.decisionCanvas.replaceWith(wrap);
  wrap.append(ctx.decisionCanvas, overlayCanvas);
  const overlay = createLineOverlay(overlayCanvas);
  const overlayNote = el('p', { className: 'note tl-overlay-note' });
  wrap.after(overlayNote);
  const noteOverlay = () => {
    const note = `${t('timeline.overlayLegend')} ${overlay.summary()}`.trim();
    if (overlayNote.textContent !== note) overlayNote.textContent = note;
  };
  const stopListening = onLanguageChange(() => {
    noteOverlay();
    marks.refresh();
  });

  function tileOf(event) {
    const tile = event.target.closest?.('.nn-tile.nn-hidden[data-layer][data-unit]');
    return tile ? { layer: Number(tile.dataset.layer) - 1, unit: Number(tile.dataset.unit) - 1 } : null;
  }
  ctx.diagramHost.addEventListener('click', (event) => {
    const unit = tileOf(event);
    if (unit) select(unit.layer, unit.unit);
  });
  ctx.diagramHost.addEventListener('keydown', (event) => {
    const unit = tileOf(event);
    if (!unit || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    select(unit.layer, unit.unit, { byKeyboard: true });
  });

  /** On a fresh run: keeps the settings' unit where it exists; the first run also goes to their step. */
  function restore(frame) {
    const s = ctx.settings();
    data = frame.data ?? data;
    const layers = frame.network.hiddenLayers;
    const layer = s.inspectLayer - 1;
    const valid = layer >= 0 && layer < layers.length && s.inspectUnit >= 1 && s.inspectUnit <= layers[layer];
    selection = valid ? { layer, unit: s.inspectUnit - 1 } : null;
    session.inspect(selection?.layer ?? null, selection?.unit ?? null);
    if (!restored) pendingStep = s.timelineStep >= 0 ? s.timelineStep : null;
    else if (s.timelineStep !== -1) ctx.save({ timelineStep: -1 });
    restored = true;
  }

  return {
    timelineElement: timeline.element,
    inspectorElement: inspector.element,
    /** True while an earlier step than the live end is shown. */
    get earlier() { return position.step < position.liveEnd; },
    /** Draws one runner frame. */
    draw(frame) {
      if (frame.fresh && frame.network) restore(frame);
      if (!frame.timeline) return;
      position = frame.timeline;
      if (pendingStep !== null && !frame.fresh) {
        const target = pendingStep;
        pendingStep = null;
        if (target > position.liveEnd) session.step(target - position.liveEnd);
        else if (target !== position.step) session.seek(target);
      }
      timeline.update(frame);
      marks.update(timeline.deaths, position.step < position.liveEnd ? position.step : null);
      inspector.update(frame, selection, data, timeline.deaths.length);
      overlay.update({ parameters: linesInPlane(frame.network) ? frame.parameters : null, units: frame.units, domain: frame.domain });
      overlayNote.hidden = !linesInPlane(frame.network);
      noteOverlay();
      if (focusInspector && frame.inspection) {
        focusInspector = false;
        inspector.focus();
      }
    },
    /** Call before Play: an earlier step resumes from the live end. */
    beforePlay() {
      if (position.step < position.liveEnd) session.seek(position.liveEnd);
      ctx.save({ timelineStep: -1 });
    },
    /** Sends changed optimiser settings; at an earlier step the run branches there first. */
    liveSettings(settings) {
      if (position.step < position.liveEnd) session.branch(settings);
      session.settings(settings);
      ctx.save({ timelineStep: -1 });
    },
    /** Ends a story: opens the first unit that died, at the step before its death (false: none died). */
    showFirstDeath() {
      const [first] = timeline.deaths;
      if (!first) return false;
      select(first.layer, first.unit);
      seek(first.step - 1);
      return true;
    },
    destroy() {
      stopListening();
      timeline.destroy();
      marks.destroy();
      inspector.destroy();
      overlay.destroy();
    },
  };
}
