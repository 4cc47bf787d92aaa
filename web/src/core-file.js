// Which file of the WebAssembly core a page downloads over http(s), and how its bytes become a
// response WebAssembly.compileStreaming takes. activation-lab-core.wasm.gz (the same module,
// gzipped at build time) is about 40 % of the .wasm: a host that compresses nothing then still
// sends the small file, and the page unpacks it while it streams (DecompressionStream). A host
// that compresses sends either about as small. Browsers without DecompressionStream take the .wasm.

/** File name of the core to download here: the .wasm.gz where the page can unpack it, else the .wasm. */
export function coreFileName() {
  return typeof DecompressionStream === 'function' ? 'activation-lab-core.wasm.gz' : 'activation-lab-core.wasm';
}

/** The uncompressed core's file name (the fallback when the .wasm.gz cannot be used). */
export const plainCoreFile = 'activation-lab-core.wasm';

const gzipMagic = [0x1f, 0x8b];
const wasmMagic = [0x00, 0x61, 0x73, 0x6d];
const startsWith = (bytes, magic) => magic.every((byte, i) => bytes[i] === byte);

/**
 * An application/wasm Response of the module in `response` (a .wasm.gz download), unpacked as it
 * streams; bytes that are already the module (a host that sent the .gz with Content-Encoding: gzip,
 * which the browser undid) pass through. Rejects when the body is neither.
 */
export async function wasmResponse(response) {
  if (!response.ok) throw new Error(`could not load ${response.url}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  let head = new Uint8Array(0);
  const chunks = [];
  while (head.length < wasmMagic.length) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    head = Uint8Array.from([...head, ...value.subarray(0, wasmMagic.length - head.length)]);
  }
  const body = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  let module;
  if (startsWith(head, gzipMagic)) module = body.pipeThrough(new DecompressionStream('gzip'));
  else if (startsWith(head, wasmMagic)) module = body;
  else {
    reader.cancel();
    throw new Error(`${response.url} is neither gzip nor WebAssembly`);
  }
  return new Response(module, { headers: { 'Content-Type': 'application/wasm' } });
}
