// The npm package: packs it (scripts/pack.mjs runs `npm pack`), installs the tarball offline into an
// empty folder and checks it there: contents, the README's autograder, both entries, the types.
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { pack, packageSource } from '../../scripts/pack.mjs';
import { loadEngine } from './load-engine.mjs';

let packed;
let course;
const installed = () => path.join(course, 'node_modules', 'activation-lab');
// A child Node in the course folder, not attached to this test runner (NODE_TEST_CONTEXT left out).
const node = (args) => {
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  return spawnSync(process.execPath, args, { cwd: course, encoding: 'utf8', env });
};

before(async () => {
  packed = await pack();
  course = mkdtempSync(path.join(tmpdir(), 'alab-course-'));
  writeFileSync(path.join(course, 'package.json'), JSON.stringify({ name: 'course', private: true, type: 'module' }));
  const started = performance.now();
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', path.join(course, '.npm-cache'), packed.tarball], { cwd: course, stdio: 'pipe' });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`# activation-lab: ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked, installed from the tarball in ${seconds} s`);
});

after(() => {
  if (course) rmSync(course, { recursive: true, force: true });
});

// The README's ```js blocks whose first line is `// file-name`, as {name: source}.
function readmeFiles() {
  const readme = readFileSync(path.join(packageSource, 'README.md'), 'utf8');
  return Object.fromEntries([...readme.matchAll(/```js\n\/\/ (\S+)\n([\s\S]*?)```/g)].map(([, name, body]) => [name, body]));
}

test('the tarball holds the engine only: no dependencies, no Chart.js, no KaTeX', () => {
  assert.deepEqual([...packed.files].sort(), ['README.md', 'activation-lab-core.cjs', 'index.cjs', 'index.d.cts', 'index.d.ts', 'index.mjs', 'manifest.json', 'package.json']);
  const manifest = JSON.parse(readFileSync(path.join(installed(), 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'activation-lab');
  assert.equal(manifest.dependencies, undefined);
  assert.deepEqual(readdirSync(path.join(course, 'node_modules')).filter((entry) => !entry.startsWith('.')), ['activation-lab']);
  for (const file of ['index.mjs', 'index.cjs']) {
    assert.doesNotMatch(readFileSync(path.join(installed(), file), 'utf8'), /chart\.js|katex/i, file);
  }
});

test("the README's autograder passes a right answer and fails a wrong one", () => {
  const files = readmeFiles();
  assert.deepEqual(Object.keys(files), ['student.mjs', 'grade.test.mjs']);
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(course, name), source);
  const right = node(['--test', '--test-reporter=tap', 'grade.test.mjs']);
  assert.equal(right.status, 0, right.stdout + right.stderr);
  assert.match(right.stdout, /# pass 2/);
  writeFileSync(path.join(course, 'student.mjs'), files['student.mjs'].replace('s * (1 - s)', 's * (1 + s)'));
  const wrong = node(['--test', '--test-reporter=tap', 'grade.test.mjs']);
  assert.notEqual(wrong.status, 0);
  assert.match(wrong.stdout, /# fail 2/);
  assert.match(wrong.stdout, /at x = -8/);
});

test('the ESM and the CommonJS entries give the engine the page uses, same numbers', async () => {
  const probe = "const e = await loadEngine(); const t = e.createTrainer({ statsEvery: 10 }); t.train(50);"
    + " console.log(JSON.stringify({ d: [...e.derivative('gelu', [-1, 0, 2])], race: e.race().steps, loss: [...t.history().trainLoss],"
    + " trainer: t instanceof Trainer, engine: e instanceof Engine, bad: (() => { try { e.evaluate('nope', [0]); } catch (error) { return error.message; } })() })); t.delete();";
  const esm = node(['--input-type=module', '-e', `import { loadEngine, Engine, Trainer } from 'activation-lab'; ${probe}`]);
  const cjs = node(['--input-type=commonjs', '-e', `const { loadEngine, Engine, Trainer } = require('activation-lab'); (async () => { ${probe} })();`]);
  assert.equal(esm.status, 0, esm.stderr);
  assert.equal(cjs.status, 0, cjs.stderr);
  const engine = await loadEngine();
  const trainer = engine.createTrainer({ statsEvery: 10 });
  trainer.train(50);
  const expected = { d: [...engine.derivative('gelu', [-1, 0, 2])], race: engine.race().steps, loss: [...trainer.history().trainLoss], trainer: true, engine: true };
  trainer.delete();
  for (const result of [esm, cjs]) {
    const { bad, ...rest } = JSON.parse(result.stdout);
    assert.deepEqual(rest, expected);
    assert.match(bad, /^evaluate: activation must be one of/);
  }
});

// Method and getter names declared in `class name { ... }` of a .d.ts text.
function declaredMembers(types, name) {
  const body = types.match(new RegExp(`export declare class ${name} \\{\\n([\\s\\S]*?)\\n\\}`))[1];
  return [...body.matchAll(/^ {2}(?:get )?(\w+)\(/gm)].map(([, member]) => member).filter((member) => member !== 'constructor').sort();
}

test('the types declare every public method of Engine and Trainer, and every export', async () => {
  const types = readFileSync(path.join(installed(), 'index.d.ts'), 'utf8');
  assert.equal(readFileSync(path.join(installed(), 'index.d.cts'), 'utf8'), types);
  const entry = await import(pathToFileURL(path.join(installed(), 'index.mjs')).href);
  for (const name of ['Engine', 'Trainer']) {
    const runtime = Object.getOwnPropertyNames(entry[name].prototype).filter((member) => member !== 'constructor').sort();
    assert.deepEqual(declaredMembers(types, name), runtime, name);
  }
  const exported = [...types.matchAll(/^export declare (?:class|function) (\w+)/gm)].map(([, name]) => name).sort();
  assert.deepEqual(exported, Object.keys(entry).sort());
});
