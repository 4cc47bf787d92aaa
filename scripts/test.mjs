// npm test: every test layer in order — C++ (GoogleTest via CTest, native), Node (node --test
// against the WASM module), browser (playwright-core driving Debian's chromium against dist/).
import { execSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ensureTools } from './setup.mjs';
import { root, nativeDir, buildNative, buildWasm, bundleWeb } from './build.mjs';

function run(command) {
  console.log(`$ ${command}`);
  execSync(command, { stdio: 'inherit', cwd: root, shell: '/bin/bash' });
}

function testFiles(folder) {
  const dir = path.join(root, 'tests', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join('tests', folder, f));
}

const started = Date.now();
const layer = (name, body) => {
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  body();
  console.log(`=== ${name}: passed in ${((Date.now() - t) / 1000).toFixed(1)} s ===`);
};

ensureTools(['native', 'wasm', 'browser']);
layer('C++ unit tests (native, CTest)', () => {
  buildNative();
  run(`ctest --test-dir ${nativeDir} --output-on-failure -j2`);
});
layer('WASM build', () => buildWasm());
await bundleWeb();
layer('Node tests (WASM module)', () => run(`node --test --test-reporter=spec ${testFiles('node').join(' ')}`));
const browserTests = testFiles('browser');
if (browserTests.length > 0) {
  layer('Browser tests (chromium)', () => run(`node --test --test-concurrency=1 --test-reporter=spec ${browserTests.join(' ')}`));
}
console.log(`\nAll test layers passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
