// Writes build/manifest.json from the built WASM module, so the page's schemas can import the
// core's own manifest at bundle time (web/src/manifest.js).
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Loads the module at `coreModule`, asks it for its manifest and writes it to `outFile`. */
export async function writeManifest(coreModule, outFile) {
  const require = createRequire(import.meta.url);
  const core = await require(coreModule)();
  const result = core.manifest();
  if (result.error !== undefined) throw new Error(`the core's manifest failed: ${result.error}`);
  const manifest = JSON.parse(result.value);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  await writeManifest(path.join(root, 'build', 'wasm', 'web', 'activation-lab-core.js'), path.join(root, 'build', 'manifest.json'));
  console.log('Wrote build/manifest.json');
}
