// UI strings: each panel registers its own table {en: {...}, zh: {...}}; t('panel.key') looks
// a string up in the current language, falling back to English. Listeners hear language changes.

export const languages = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '简体中文' },
];

const tables = { en: {}, zh: {} };
const listeners = new Set();
let current = 'en';

/** Adds a namespace's strings: registerStrings('race', {en: {title: ...}, zh: {title: ...}}). */
export function registerStrings(namespace, table) {
  for (const { code } of languages) {
    for (const [key, text] of Object.entries(table[code] ?? {})) tables[code][`${namespace}.${key}`] = text;
  }
}

/** The string for `key` in the current language; {name} placeholders are filled from `values`. */
export function t(key, values = {}) {
  const text = tables[current][key] ?? tables.en[key];
  if (text === undefined) throw new Error(`missing UI string '${key}'`);
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

export function language() {
  return current;
}

/** The supported language closest to the browser's preferences. */
export function preferredLanguage(candidates = globalThis.navigator?.languages ?? []) {
  for (const tag of candidates) {
    const code = String(tag).toLowerCase().split('-')[0];
    if (languages.some((l) => l.code === code)) return code;
  }
  return 'en';
}

export function setLanguage(code) {
  if (!languages.some((l) => l.code === code)) throw new Error(`unsupported language '${code}'`);
  if (code === current) return;
  current = code;
  for (const listener of listeners) listener(code);
}

/** Calls listener(code) on every language change; returns a function that stops it. */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every key registered in one language (for the test that both tables match). */
export function keys(code) {
  return Object.keys(tables[code]);
}
