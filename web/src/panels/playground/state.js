// The training panel's state as a flow: actions go through reduce(), which returns the next state
// and the effects its changed settings declare in the schema ('rebuild' the network and data,
// 'live' to the running trainer, 'schedule' how the session runs, 'redraw' only, 'record' nothing); the panel
// applies the effects. No DOM here.
import { sanitize } from '../../settings.js';
import { schema, classCount } from './settings.js';
import { perClassHead } from '../shared/engine-facts.js';

const everyEffect = ['rebuild', 'schedule', 'redraw'];

/** Valid settings from `raw`: sanitized, and the per-class head (softmax + cross-entropy) whenever there are more than 2 classes. */
export function normalise(raw) {
  const { settings } = sanitize(schema, raw);
  if (classCount(settings) > 2) settings.head = perClassHead;
  return settings;
}

/** The state a panel starts in: {settings, story (id of the story last applied, or null), playing}. */
export function initialState(settings) {
  return { settings: normalise(settings), story: null, playing: false };
}

/** The effects of going from settings `before` to `after`: a Set of the changed fields' effects. */
export function effectsOf(before, after) {
  const changed = Object.keys(schema).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return new Set(changed.map((key) => schema[key].effect));
}

/**
 * The next state after `action` and the effects to apply: {state, effects}. Actions:
 * {type: 'set', patch} (settings changed by a control), {type: 'story', preset} (a one-click
 * story: its settings, a fresh run, playing), {type: 'load', settings} (a saved network's settings,
 * paused), {type: 'play'}, {type: 'pause'} (also when the run stops by itself).
 */
export function reduce(state, action) {
  switch (action.type) {
    case 'set': {
      const settings = normalise({ ...state.settings, ...action.patch });
      return { state: { ...state, settings }, effects: effectsOf(state.settings, settings) };
    }
    case 'story':
      return {
        state: { settings: normalise({ ...state.settings, ...action.preset.settings }), story: action.preset.id, playing: true },
        effects: new Set(everyEffect),
      };
    case 'load':
      return { state: { settings: normalise(action.settings), story: null, playing: false }, effects: new Set(['schedule', 'redraw']) };
    case 'play':
    case 'pause':
      return { state: { ...state, playing: action.type === 'play' }, effects: new Set() };
    default:
      throw new Error(`unknown training panel action '${action.type}'`);
  }
}
