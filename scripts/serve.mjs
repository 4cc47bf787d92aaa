// A small static file server for dist/: correct MIME types (application/wasm), gzip for text
// and WebAssembly when the browser accepts it (compress: false serves every file as stored),
// no caching, CORS open to any origin (fonts of embeds), optional extra headers (e.g. a
// Content-Security-Policy; or a function of the file's path giving them) and an optional sub-path prefix.
import http from 'node:http';
import { createGzip } from 'node:zlib';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
};
/** Already compressed formats, sent as they are. */
const stored = new Set(['.png', '.woff2', '.woff', '.gz']);

function resolveFile(dir, prefix, url) {
  let pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  if (!pathname.startsWith(prefix)) return null;
  pathname = pathname.slice(prefix.length - 1);
  const file = path.join(dir, path.normalize(pathname));
  if (!file.startsWith(dir)) return null;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return resolveFile(dir, prefix, `${prefix}${path.relative(dir, file)}/index.html`.replace('//', '/'));
    return file;
  } catch {
    return null;
  }
}

/**
 * Serves `dir` under `prefix` (e.g. '/' or '/course/lab/'); resolves to {server, url}. `headers`:
 * added to every response, or headers(file) for each file (absolute path).
 */
export function serve({ dir, port = 0, host = '127.0.0.1', prefix = '/', headers = {}, compress = true }) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const file = resolveFile(root, prefix, request.url);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
      return;
    }
    const gzip = compress && !stored.has(path.extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(200, {
      'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      // Public files: a sandboxed or cross-origin embed fetches the KaTeX fonts with CORS.
      'Access-Control-Allow-Origin': '*',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : { 'Content-Length': statSync(file).size }),
      ...(typeof headers === 'function' ? headers(file) : headers),
    });
    const body = createReadStream(file);
    if (gzip) body.pipe(createGzip({ level: 6 })).pipe(response);
    else body.pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      resolve({ server, url: `http://${host}:${server.address().port}${prefix}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await serve({ dir, port });
  console.log(`Serving ${dir} at ${url}`);
}
