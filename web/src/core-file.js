// Which file of the WebAssembly core a page downloads over http(s), and how its bytes become a
// response WebAssembly.compileStreaming takes. activation-lab-core.wasm.gz (the same module,
// gzipped at build time) is about 40 % of the .wasm: a host that compresses nothing then still
// sends the small file, and the page unpacks it into the compiler (DecompressionStream). A host
// that compresses sends either about as small. Browsers without DecompressionStream take the .wasm.

/** File name of the core to download here: the .wasm.gz where the page can unpack it, else the .wasm. */
export function coreFileName() {
  return typeof DecompressionStream === 'function' ? 'activation-lab-core.wasm.gz' : 'activation-lab-core.wasm';
}

/** The uncompressed core's file name (the fallback when the .wasm.gz cannot be used). */
export const plainCoreFile = 'activation-lab-core.wasm';

/**
 * An application/wasm Response of the module in `response` (a .wasm.gz download), unpacked as it
 * goes into the compiler, or passed through where the host sent the .gz with a Content-Encoding
 * the browser has already undone. The download itself is read to its end first (a body streamed
 * straight into compileStreaming through DecompressionStream was at times left unfinished and
 * reported as aborted). Rejects on an HTTP error.
 */
export async function wasmResponse(response) {
  if (!response.ok) throw new Error(`could not load ${response.url}: HTTP ${response.status}`);
  const bytes = new Blob([await response.arrayBuffer()]);
  const unpacked = response.headers.get('Content-Encoding') ? bytes.stream() : bytes.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(unpacked, { headers: { 'Content-Type': 'application/wasm' } });
}

/** Compiles the core from `response` (a fetch of file `url`) as it streams in, a .wasm.gz unpacked on the way. */
export function compileResponse(url, response) {
  return WebAssembly.compileStreaming(url.endsWith('.gz') ? response.then(wasmResponse) : response);
}
