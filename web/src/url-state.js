// Every panel's settings live in the fragment of the page URL, which browsers never send to a
// server (no server length limits, nothing in access logs):
//   index.html#race&race.start=0.5&softmax.logits=2,1,0.1   the open panel, then settings
//   index.html#embed=race&race.start=0.5&lang=zh            one panel alone, for an iframe
// Only settings that differ from the defaults are written. Reading is defensive: each value goes
// through its panel's schema, anything invalid falls back to the default and is listed for the
// notice, and nothing read from the URL is ever used as a property name or as markup.
import { sanitize, fallbackFor } from './settings.js';
import { languages } from './i18n.js';
import { classroomKeys, readClassroom, classroomParams } from './classroom.js';
import { parseOrigins } from './host-api.js';

/** Inputs larger than these are not parsed (500 drawn points make a value of about 7,000 characters). */
export const limits = { fragmentLength: 24000, valueLength: 8000, parameters: 200 };

const reserved = { embed: 'embed', lang: 'lang', origins: 'origins', skipLink: 'content', lesson: 'lesson', lessonSrc: 'lesson-src' };
const writeDelay = 250;

/** The text of one setting value in a URL: lists comma-separated, numbers in shortest form. */
function encodeValue(value) {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

/** A URL component with commas left readable. */
function escape(text) {
  return encodeURIComponent(text).replace(/%2C/gi, ',');
}

/** [[name, text]] of the settings of `panel` that differ from its defaults, in schema order. */
export function settingParams(panel, settings) {
  const params = [];
  for (const [key, spec] of Object.entries(panel.schema)) {
    const text = encodeValue(settings[key]);
    if (text !== encodeValue(fallbackFor(spec, settings))) params.push([`${panel.id}.${key}`, text]);
  }
  return params;
}

/** "a=1&b&c=2" from [[name, text]] pairs (text null: the bare name). */
function joinParams(params) {
  return params.map(([name, text]) => (text === null ? escape(name) : `${escape(name)}=${escape(text)}`)).join('&');
}

/** Percent-decoding that never throws: '+' is a space and malformed escapes become U+FFFD. */
function decode(text) {
  return new URLSearchParams(`v=${text}`).get('v');
}

/** [{name, value}] of a fragment's '&'-separated parts; value is null for a bare name. */
function fragmentParts(text) {
  return text.split('&').filter((part) => part !== '').map((part) => {
    const equals = part.indexOf('=');
    return equals < 0 ? { name: decode(part), value: null } : { name: decode(part.slice(0, equals)), value: decode(part.slice(equals + 1)) };
  });
}

/**
 * Reads a fragment ('#...') against the panel registry. Returns {settings: Map(panelId ->
 * settings), rejected: [{panel, keys}], unknown (names it does not know), tooLong, chosen
 * (panel id or null), section (a bare name that is no panel), embed ({id} or {id: null}),
 * lang (code, null when absent, undefined when invalid), classroom: Map(panelId -> options),
 * classroomUnknown: [{panel, keys}], origins ({origins, invalid} or null when absent),
 * lesson ({key: 'lesson' or 'lesson-src', value} or null; web/src/lesson/sources.js reads it), hasState (anything besides a bare name)}.
 */
function readFragment(hash, panels) {
  const byId = new Map(panels.map((panel) => [panel.id, panel]));
  const raw = new Map(panels.map((panel) => [panel.id, Object.create(null)]));
  const rawClassroom = new Map(panels.map((panel) => [panel.id, Object.create(null)]));
  const tooLongValues = [];
  const result = {
    settings: new Map(), rejected: [], unknown: 0, tooLong: false, chosen: null, section: false, embed: null, lang: null, hasState: false,
    classroom: new Map(), classroomUnknown: [], origins: null, lesson: null,
  };
  const text = String(hash ?? '').replace(/^#/, '');
  let parts = [];
  if (text.length > limits.fragmentLength || text.split('&').length > limits.parameters) result.tooLong = true;
  else parts = fragmentParts(text);
  for (const { name, value } of parts) {
    const dot = name.indexOf('.');
    const panel = dot > 0 ? byId.get(name.slice(0, dot)) : undefined;
    const key = panel ? name.slice(dot + 1) : '';
    if (value === null) {
      if (byId.has(name)) result.chosen ??= name;
      else if (name !== reserved.skipLink) result.section = true;
    } else if (name === reserved.embed) {
      result.embed = byId.has(value) ? { id: value } : { id: null };
    } else if (name === reserved.lang) {
      result.lang = languages.some((l) => l.code === value) ? value : undefined;
    } else if (name === reserved.origins) {
      result.origins = value.length > limits.valueLength ? { origins: [], invalid: [name] } : parseOrigins(value);
    } else if (name === reserved.lesson || name === reserved.lessonSrc) {
      result.lesson = { key: name, value };
    } else if (panel && classroomKeys.includes(key)) {
      rawClassroom.get(panel.id)[key] = value.slice(0, limits.valueLength);
    } else if (panel && Object.hasOwn(panel.schema, key)) {
      if (value.length > limits.valueLength) tooLongValues.push(name);
      else raw.get(panel.id)[key] = value;
    } else {
      result.unknown += 1;
    }
  }
  result.hasState = result.tooLong || parts.some(({ value }) => value !== null);
  for (const panel of panels) {
    const { settings, rejected } = sanitize(panel.schema, raw.get(panel.id));
    const keys = [...rejected.map((key) => `${panel.id}.${key}`), ...tooLongValues.filter((name) => name.startsWith(`${panel.id}.`))];
    result.settings.set(panel.id, settings);
    if (keys.length > 0) result.rejected.push({ panel, keys });
    const classroom = readClassroom(panel, rawClassroom.get(panel.id));
    result.classroom.set(panel.id, classroom.options);
    if (classroom.unknown.length > 0) result.classroomUnknown.push({ panel, keys: classroom.unknown });
  }
  return result;
}

/**
 * The store behind the app page: settings read from and written back to the URL fragment with
 * history.replaceState (debounced, so a slider drag adds no history entries). `language()`
 * gives the current language, written back only when the link named one.
 */
export function createUrlStore(panels, { location = globalThis.location, history = globalThis.history, language } = {}) {
  const read = readFragment(location.hash, panels);
  const settings = read.settings;
  const embedded = read.embed ? panels.find((p) => p.id === read.embed.id) ?? panels[0] : null;
  let chosen = embedded?.id ?? read.chosen ?? panels[0].id;
  let timer = 0;
  let written = location.hash;
  let lesson = read.lesson;

  const problems = {
    rejected: read.rejected,
    unknown: read.unknown,
    tooLong: read.tooLong,
    lang: read.lang === undefined,
    embed: Boolean(read.embed && read.embed.id === null),
    section: read.section,
    classroom: read.classroomUnknown,
    origins: read.origins?.invalid ?? [],
  };

  /**
   * The fragment of the current state; `panel` limits the settings to that panel; `classroom`
   * (options for that panel) replaces the classroom options the link came with; `trim` false
   * leaves every classroom option out.
   */
  function fragment({ panel = embedded, embed = Boolean(embedded), lang = Boolean(read.lang), classroom = null, trim = true } = {}) {
    const params = [embed ? [reserved.embed, panel.id] : [chosen, null]];
    if (lang && language) params.push([reserved.lang, language()]);
    if (trim && read.origins?.origins.length > 0) params.push([reserved.origins, read.origins.origins.join(',')]);
    if (lesson && (!embed || embedded)) params.push([lesson.key, lesson.value]);
    for (const each of panels) {
      if (panel && each !== panel) continue;
      params.push(...settingParams(each, settings.get(each.id)));
      const options = classroom && each === panel ? classroom : read.classroom.get(each.id);
      if (trim) params.push(...classroomParams(options).map(([key, text]) => [`${each.id}.${key}`, text]));
    }
    return `#${joinParams(params)}`;
  }

  /** The page URL with `hash` (and without the query when `query` is false). */
  function withFragment(hash, { query = true } = {}) {
    const url = new URL(location.href);
    if (!query) url.search = '';
    url.hash = hash;
    return url.href;
  }

  function write() {
    clearTimeout(timer);
    timer = 0;
    const hash = fragment();
    if (hash === location.hash) return;
    try {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
      written = location.hash;
    } catch {
      // A host that forbids rewriting the URL: the settings stay in memory.
    }
  }

  const store = {
    /** The panel shown alone in embed mode, or null for the full app. */
    embedded,
    /** What the URL asked for that could not be used (for the notice). */
    problems,
    /** The language the link asks for, or null. */
    language: read.lang ?? null,
    /** The origins the link allows to send commands (host-api.js), or null when it names none. */
    hostOrigins: read.origins ? read.origins.origins : null,
    /** The lesson the link names ({key: 'lesson' or 'lesson-src', value}), or null. */
    lesson: () => lesson,
    /** Names the lesson in the link from now on (null: none). */
    setLesson(next) {
      lesson = next;
      write();
    },
    /** The classroom options of `panel` (web/src/classroom.js). */
    classroomOf(panel) {
      return structuredClone(read.classroom.get(panel.id));
    },
    settingsOf(panel) {
      return structuredClone(settings.get(panel.id));
    },
    saveSettings(panel, next) {
      settings.set(panel.id, sanitize(panel.schema, next).settings);
      clearTimeout(timer);
      timer = setTimeout(write, writeDelay);
    },
    /** The panel to show: the one the fragment names, else the last one chosen. */
    chosenPanel() {
      return embedded?.id ?? readFragment(location.hash, panels).chosen ?? chosen;
    },
    choosePanel(id) {
      chosen = id;
      write();
    },
    /** True when the fragment now holds settings this page did not write (a pasted link): reload to apply them. */
    fragmentChanged() {
      return location.hash !== written && readFragment(location.hash, panels).hasState;
    },
    /** Writes a pending change now (before the page goes away). */
    flush() {
      if (timer) write();
    },
    /** An absolute link that reopens the full app on the chosen panel with these settings, untrimmed. */
    shareLink() {
      return withFragment(fragment({ embed: false, trim: false }));
    },
    /**
     * An absolute link showing `panel` alone with its settings, the current language and
     * `classroom` options (default: the link's own), for an iframe.
     */
    embedLink(panel, classroom = null) {
      return withFragment(fragment({ panel, embed: true, lang: true, classroom }), { query: false });
    },
  };
  globalThis.addEventListener?.('pagehide', () => store.flush());
  return store;
}
