// Where a lesson comes from: a built-in id ('chapter'), the compact encoding a link carries
// ('z.' + base64url of the deflated JSON), JSON text (a file, an element attribute) or a
// same-origin URL. Every source is size-capped before and while it is read, then parseLesson()
// checks the document.
import { parseLesson, lessonLimits, LessonError } from './schema.js';
import chapter from '../lessons/chapter.js';

/** The built-in lessons by id. */
export const builtInLessons = { chapter };

/** The prefix of an encoded lesson, and the longest encoded text read. */
export const encodedPrefix = 'z.';
export const maxEncodedLength = 16000;

/** Reads a byte stream into text, refusing more than `limit` bytes. */
async function readCapped(stream, limit, what) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new LessonError([`${what} is larger than ${limit} bytes`]);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function toBase64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The compact text of a lesson document for a link: 'z.' + base64url(deflate-raw(JSON)). */
export async function encodeLesson(document) {
  const stream = new Blob([JSON.stringify(document)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return `${encodedPrefix}${toBase64Url(bytes)}`;
}

/** The lesson document text inside an encoded lesson; throws a LessonError when it is not one. */
export async function decodeLessonText(encoded) {
  if (encoded.length > maxEncodedLength) throw new LessonError([`the encoded lesson is ${encoded.length} characters; the limit is ${maxEncodedLength}`]);
  const body = encoded.slice(encodedPrefix.length);
  if (!encoded.startsWith(encodedPrefix) || !/^[A-Za-z0-9_-]*$/.test(body)) throw new LessonError(['the encoded lesson is not base64url text after "z."']);
  let binary;
  try {
    binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw new LessonError(['the encoded lesson is not valid base64url']);
  }
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await readCapped(stream, lessonLimits.documentLength * 4, 'the decoded lesson');
  } catch (error) {
    if (error instanceof LessonError) throw error;
    throw new LessonError(['the encoded lesson is damaged (it does not inflate)']);
  }
}

/** A checked lesson from a link's or attribute's `value`: a built-in id, an encoded lesson or JSON text. */
export async function lessonFromValue(value, panels) {
  const text = String(value).trim();
  if (Object.hasOwn(builtInLessons, text)) return parseLesson(builtInLessons[text], panels);
  if (text.startsWith(encodedPrefix)) return parseLesson(await decodeLessonText(text), panels);
  if (text.startsWith('{')) return parseLesson(text, panels);
  throw new LessonError([`${JSON.stringify(text.slice(0, 40))} is neither a built-in lesson (${Object.keys(builtInLessons).join(', ')}), an encoded lesson nor JSON`]);
}

/** A checked lesson from a chosen File. */
export async function lessonFromFile(file, panels) {
  if (file.size > lessonLimits.documentLength * 4) throw new LessonError([`the file is ${file.size} bytes; the limit is ${lessonLimits.documentLength * 4}`]);
  return parseLesson(await readCapped(file.stream(), lessonLimits.documentLength * 4, 'the file'), panels);
}

/** A checked lesson fetched from `src`, which must be on the page's own origin. */
export async function lessonFromUrl(src, panels, base = globalThis.location.href) {
  let url;
  try {
    url = new URL(src, base);
  } catch {
    throw new LessonError([`${JSON.stringify(String(src).slice(0, 80))} is not a URL`]);
  }
  if (url.origin !== new URL(base).origin) throw new LessonError([`lessons load only from this site (${new URL(base).origin}), not ${url.origin.slice(0, 80)}`]);
  let response;
  try {
    response = await fetch(url, { mode: 'same-origin', credentials: 'same-origin', redirect: 'error' });
  } catch (error) {
    throw new LessonError([`could not load ${url.pathname.slice(0, 80)} (${error.message.slice(0, 80)})`]);
  }
  if (!response.ok) throw new LessonError([`could not load ${url.pathname.slice(0, 80)} (HTTP ${response.status})`]);
  return parseLesson(await readCapped(response.body, lessonLimits.documentLength * 4, url.pathname.slice(0, 80)), panels);
}
