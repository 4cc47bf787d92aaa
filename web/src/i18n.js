// UI strings: each panel registers its own table {en: {...}, zh: {...}}; t('panel.key') looks
// a string up in the current language, falling back to English. Listeners hear language changes.
// In dist/ the bundle keeps the English tables only; scripts/build.mjs writes the others to one
// script per language (stringsFile), which loadLanguage runs, and each table then says where
// its strings are: {en: {...}, source: '<file name in web/src/i18n>'}.
import { loadScript } from './bundle-url.js';

export const languages = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '简体中文' },
];

/** The language every bundled table holds; the others may come from stringsFile. */
export const baseLanguage = languages[0].code;

/** The script, next to the bundle, that holds language `code`'s strings when the bundle leaves them out. */
export const stringsFile = (code) => `activation-lab-strings-${code}.js`;

/** The global that a strings file fills: {[code]: {[source]: {key: text}}}. */
export const stringsGlobal = 'activationLabStrings';

const tables = { en: {}, zh: {} };
const listeners = new Set();
const deferred = [];
const loads = new Map();
const arrived = new Set([baseLanguage]);
let current = 'en';
let wanted = 'en';

function add(code, namespace, strings) {
  for (const [key, text] of Object.entries(strings)) tables[code][`${namespace}.${key}`] = text;
}

/** True once every registered table has its strings in `code`. */
function complete(code) {
  return deferred.length === 0 || arrived.has(code);
}

/** Adds a namespace's strings: registerStrings('race', {en: {title: ...}, zh: {title: ...}}). */
export function registerStrings(namespace, table) {
  for (const { code } of languages) add(code, namespace, table[code] ?? {});
  if (table.source === undefined) return;
  deferred.push({ namespace, source: table.source });
  for (const { code } of languages) {
    if (code !== baseLanguage && arrived.has(code)) add(code, namespace, globalThis[stringsGlobal][code][table.source] ?? {});
  }
}

/** Resolves once language `code`'s strings are all registered, running its strings file first if the bundle left them out. */
export function loadLanguage(code) {
  if (complete(code)) return Promise.resolve();
  if (!loads.has(code)) {
    loads.set(code, loadScript(stringsFile(code)).then(() => {
      const strings = globalThis[stringsGlobal]?.[code];
      if (!strings) throw new Error(`${stringsFile(code)} did not define the '${code}' strings`);
      for (const { namespace, source } of deferred) add(code, namespace, strings[source] ?? {});
      arrived.add(code);
    }).catch((error) => {
      loads.delete(code);
      throw error;
    }));
  }
  return loads.get(code);
}

/** The string for `key` in language `code` (English where that language lacks it), placeholders unfilled. */
export function textIn(code, key) {
  const text = tables[code][key] ?? tables.en[key];
  if (text === undefined) throw new Error(`missing UI string '${key}'`);
  return text;
}

/** The string for `key` in the current language; {name} placeholders are filled from `values`. */
export function t(key, values = {}) {
  return textIn(current, key).replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
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

/** Switches to `code` once its strings are there (loading them if needed); resolves after the listeners ran. */
export function setLanguage(code) {
  if (!languages.some((l) => l.code === code)) throw new Error(`unsupported language '${code}'`);
  wanted = code;
  const switchTo = () => {
    if (code !== wanted || code === current) return;
    current = code;
    for (const listener of listeners) listener(code);
  };
  if (complete(code)) {
    switchTo();
    return Promise.resolve();
  }
  return loadLanguage(code).then(switchTo);
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
