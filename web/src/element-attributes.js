// What an <activation-lab> element asks for in its attributes: settings (kebab-case attributes or
// a data-settings JSON object; attributes win), classroom options (hide, lock, views) and the
// origins allowed to send it commands (host-origins). All of it is untrusted and checked.
import { sanitize } from './settings.js';
import { attributeName } from './snippets.js';
import { limits } from './url-state.js';
import { readClassroom } from './classroom.js';
import { parseOrigins } from './host-api.js';

/**
 * Settings of `panel` from an element's attributes (spaces around commas allowed):
 * {settings, rejected (attribute names), unknown (count of data-settings keys it does not know)}.
 */
export function settingsFromAttributes(element, panel) {
  const raw = Object.create(null);
  const badNames = [];
  let unknown = 0;
  const json = element.getAttribute('data-settings');
  if (json !== null) {
    let parsed = null;
    try {
      parsed = json.length <= limits.fragmentLength ? JSON.parse(json) : null;
    } catch {
      parsed = null;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      badNames.push('data-settings');
    } else {
      for (const key of Object.keys(parsed)) {
        if (Object.hasOwn(panel.schema, key)) raw[key] = parsed[key];
        else unknown += 1;
      }
    }
  }
  for (const key of Object.keys(panel.schema)) {
    const value = element.getAttribute(attributeName(key));
    if (value === null) continue;
    if (value.length > limits.valueLength) badNames.push(attributeName(key));
    else raw[key] = value.split(',').map((part) => part.trim()).join(',');
  }
  const { settings, rejected } = sanitize(panel.schema, raw);
  return { settings, rejected: [...badNames, ...rejected.map(attributeName)], unknown };
}

/**
 * Classroom options and allowed origins of an element: {classroom, classroomUnknown: [names],
 * origins (null when the attribute is absent), badOrigins: [entries]}.
 */
export function hostingFromAttributes(element, panel) {
  const raw = {};
  for (const key of ['hide', 'lock', 'views']) {
    const value = element.getAttribute(key);
    if (value !== null) raw[key] = value.slice(0, limits.valueLength);
  }
  const { options, unknown } = readClassroom(panel, raw);
  const text = element.getAttribute('host-origins');
  const origins = text === null ? null : parseOrigins(text.slice(0, limits.valueLength));
  return { classroom: options, classroomUnknown: unknown, origins: origins?.origins ?? null, badOrigins: origins?.invalid ?? [] };
}
