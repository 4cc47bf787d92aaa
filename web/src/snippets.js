// The code a teacher pastes into a course page: an <iframe> with the few lines of host script
// that size it to its content (the 'height' message of web/src/host-api.js), and a script tag
// with an <activation-lab> element. Every value is escaped for a double-quoted attribute.
import { settingParams } from './url-state.js';
import { classroomParams } from './classroom.js';

/** Height in CSS pixels an iframe has before the app reports its own (or for good, where the host strips scripts). */
export const fallbackHeight = 900;

/** `text` safe inside a double-quoted HTML attribute. */
function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The element attribute of a setting: learningRate -> learning-rate. */
export function attributeName(key) {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The host script: sets the height of each iframe marked data-activation-lab to the height its
 * page reports. Plain ES5, no dependencies; pasting it twice does no harm.
 */
export const hostScript = '<script>\n'
  + 'addEventListener("message", function (e) {\n'
  + '  var d = e.data, frames = document.querySelectorAll("iframe[data-activation-lab]");\n'
  + '  if (!d || d.protocol !== "activation-lab" || d.type !== "height" || !(d.height > 0)) return;\n'
  + '  for (var i = 0; i < frames.length; i++) {\n'
  + '    if (frames[i].contentWindow === e.source) frames[i].style.height = Math.min(d.height, 30000) + "px";\n'
  + '  }\n'
  + '});\n'
  + '</script>';

/** The <iframe> snippet showing `url` (an embed link), titled for screen readers, `height` px until it reports its own, plus the host script. */
export function iframeSnippet(url, title, height = fallbackHeight) {
  return `<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(height)}"`
    + ' style="border: 0; max-width: 100%;" loading="lazy" data-activation-lab></iframe>\n'
    + hostScript;
}

/** The script tag plus <activation-lab> element for `panel` with its non-default settings and classroom options. */
export function elementSnippet(bundle, panel, settings, lang, classroom) {
  const attributes = [
    ...settingParams(panel, settings).map(([name, text]) => [attributeName(name.slice(panel.id.length + 1)), text]),
    ...classroomParams(classroom),
  ].map(([name, text]) => ` ${name}="${escapeAttribute(text)}"`).join('');
  return `<script src="${escapeAttribute(bundle)}" defer></script>\n`
    + `<activation-lab panel="${escapeAttribute(panel.id)}" lang="${escapeAttribute(lang)}"${attributes}></activation-lab>`;
}
