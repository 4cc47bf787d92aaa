// Builds the WASM module (emcmake + CMake) and bundles the page into dist/:
// dist/index.html, dist/activation-lab.js (app + core + Chart.js + KaTeX), dist/katex/ (CSS, fonts).
import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ensureTools } from './setup.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const wasmDir = path.join(root, 'build', 'wasm');
export const nativeDir = path.join(root, 'build', 'native');
export const distDir = path.join(root, 'dist');
/** The built module; the CommonJS factory createActivationLabCore. */
export const coreModule = path.join(wasmDir, 'web', 'activation-lab-core.js');

const emscriptenEnv = { ...process.env, NODE_PATH: '/usr/share/nodejs' };

function run(command, env = process.env) {
  console.log(`$ ${command}`);
  execSync(command, { stdio: 'inherit', cwd: root, env, shell: '/bin/bash' });
}

/** The native core, its GoogleTest suite and the native tools (alab_trace, alab_bench). */
export function buildNative() {
  run(`cmake -S . -B ${nativeDir} -DCMAKE_BUILD_TYPE=Release`);
  run(`cmake --build ${nativeDir} -j2`);
}

export function buildWasm() {
  if (!existsSync(path.join(wasmDir, 'CMakeCache.txt'))) {
    run(`emcmake cmake -S . -B ${wasmDir} -DCMAKE_BUILD_TYPE=Release -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node`,
      emscriptenEnv);
  }
  run(`cmake --build ${wasmDir} -j2`, emscriptenEnv);
}

export async function bundleWeb({ outDir = distDir } = {}) {
  const esbuild = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(path.join(root, 'web'), outDir, {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(root, 'web', 'src')),
  });
  const katexDist = path.join(root, 'node_modules', 'katex', 'dist');
  cpSync(path.join(katexDist, 'katex.min.css'), path.join(outDir, 'katex', 'katex.min.css'));
  cpSync(path.join(katexDist, 'fonts'), path.join(outDir, 'katex', 'fonts'), { recursive: true });
  await esbuild.build({
    entryPoints: { 'activation-lab': path.join(root, 'web', 'src', 'main.js') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // The Emscripten module's Node branch requires these; it never runs in a browser.
    external: ['fs', 'path', 'crypto', 'url', 'worker_threads', 'module'],
    alias: { 'activation-lab-core': coreModule },
    logLevel: 'warning',
  });
}

export async function build() {
  ensureTools(['wasm']);
  buildWasm();
  await bundleWeb();
  console.log(`Built ${path.relative(root, distDir)}/`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
