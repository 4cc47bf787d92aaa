// Builds the `activation-lab` npm package into build/package/ and packs it with `npm pack`:
// the SINGLE_FILE WebAssembly core, the page's engine (web/src/engine*.js) bundled once as ESM
// and once as CommonJS, the core's manifest, the types and the README from package/.
// No Chart.js, no KaTeX, no runtime dependencies. `npm run pack` builds the WASM module first
// and prints the tarball's size.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { root, coreModule, buildWasm } from './build.mjs';
import { ensureTools } from './setup.mjs';

export const packageSource = path.join(root, 'package');
export const packageDir = path.join(root, 'build', 'package');
const coreFile = 'activation-lab-core.cjs';

/** Writes build/package/: package.json (version from the root's), entries, core, manifest, types, README. */
export async function stagePackage() {
  for (const needed of [coreModule, path.join(root, 'build', 'manifest.json')]) {
    if (!existsSync(needed)) throw new Error(`${path.relative(root, needed)} is missing: run \`npm run build\` first`);
  }
  const esbuild = await import('esbuild');
  rmSync(packageDir, { recursive: true, force: true });
  mkdirSync(packageDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(packageSource, 'package.json'), 'utf8'));
  manifest.version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  if (manifest.dependencies !== undefined) throw new Error('package/package.json must have no runtime dependencies');
  writeFileSync(path.join(packageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(coreModule, path.join(packageDir, coreFile));
  copyFileSync(path.join(root, 'build', 'manifest.json'), path.join(packageDir, 'manifest.json'));
  for (const file of ['README.md', 'index.d.ts']) copyFileSync(path.join(packageSource, file), path.join(packageDir, file));
  copyFileSync(path.join(packageSource, 'index.d.ts'), path.join(packageDir, 'index.d.cts'));
  for (const [format, file] of [['esm', 'index.mjs'], ['cjs', 'index.cjs']]) {
    await esbuild.build({
      entryPoints: [path.join(packageSource, 'src', 'index.js')],
      outfile: path.join(packageDir, file),
      bundle: true,
      format,
      platform: 'node',
      target: ['node20'],
      external: [`./${coreFile}`],
      banner: { js: '// activation-lab: the Activation Lab engine, bundled from web/src/engine.js by scripts/pack.mjs.' },
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
  return manifest;
}

/** Stages the package and packs it into build/; returns {tarball, size, unpackedSize, files}. */
export async function pack() {
  await stagePackage();
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', path.join(root, 'build')], { cwd: packageDir, encoding: 'utf8' });
  const [info] = JSON.parse(output);
  return { tarball: path.join(root, 'build', info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.files.map((f) => f.path) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureTools(['wasm']);
  buildWasm();
  const { tarball, size, unpackedSize, files } = await pack();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`Packed ${path.relative(root, tarball)}: ${files.length} files, ${kb(size)} packed, ${kb(unpackedSize)} unpacked`);
}
