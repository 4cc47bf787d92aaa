// docs/EMBEDDING.md lists every panel setting with its link name, element attribute, kind, range
// and default; this keeps those tables in step with the panels' schemas (web/src/panels/).
// The panels are bundled with esbuild, the WASM core replaced by a stub (only schemas are read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const read = (relative) => readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8');

const stubCore = {
  name: 'stub-core',
  setup(build) {
    build.onResolve({ filter: /^activation-lab-core$/ }, () => ({ path: 'core', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default () => { throw new Error("no core here"); };' }));
  },
};

async function loadModules() {
  const source = 'export { default as panels } from "./web/src/panels/index.js"; export { attributeName } from "./web/src/snippets.js"; export { partsOf, viewsOf } from "./web/src/classroom.js"; export { commandNames, version } from "./web/src/host-api.js";';
  const { outputFiles } = await esbuild.build({
    stdin: { contents: source, resolveDir: new URL('../..', import.meta.url).pathname },
    bundle: true, format: 'esm', platform: 'node', write: false, plugins: [stubCore], logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** The "Allowed" cell as the tables write it for ranges and choices (lists and sets are not compared). */
function shownAllowed(spec, cell) {
  if (spec.kind === 'number' || spec.kind === 'integer') return `${spec.min} … ${spec.max}`;
  if (spec.kind === 'choice') return spec.values.join(', ');
  return cell;
}

/** The default as the tables write it: lists comma-joined, an empty list as "(empty)". */
function shownDefault(value) {
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : value.join(',');
  return String(value);
}

test('docs/EMBEDDING.md has a row for every panel setting, with its attribute, kind, range and default, and no other rows', async () => {
  const { panels, attributeName } = await loadModules();
  const rows = new Map([...read('docs/EMBEDDING.md').matchAll(/^\| `([\w-]+\.\w+)` \| `([\w-]+)` \| (\w+) \| (.*) \| `([^`]*)` \|$/gm)]
    .map(([, name, attribute, kind, allowed, fallback]) => [name, { attribute, kind, allowed, fallback }]));
  const expected = new Set();
  for (const panel of panels) {
    for (const [key, spec] of Object.entries(panel.schema)) {
      const name = `${panel.id}.${key}`;
      expected.add(name);
      const row = rows.get(name);
      const documented = { attribute: attributeName(key), kind: spec.kind, allowed: shownAllowed(spec, row?.allowed), fallback: shownDefault(spec.fallback) };
      assert.deepEqual(row, documented,
        `expected docs/EMBEDDING.md to document ${name} as it is in the schema`);
    }
  }
  assert.deepEqual([...rows.keys()].filter((name) => !expected.has(name)), [], 'rows in docs/EMBEDDING.md for settings no panel has');
  assert.ok(expected.size > 50, `expected the settings of every panel, found ${expected.size}`);
});

test('docs/EMBEDDING.md lists the classroom parts and views of every panel and every command of the host protocol', async () => {
  const { panels, partsOf, viewsOf, commandNames, version } = await loadModules();
  const docs = read('docs/EMBEDDING.md');
  const names = (cell) => [...cell.matchAll(/`([\w-]+)`/g)].map((m) => m[1]);
  const rows = new Map([...docs.matchAll(/^\| `([\w-]+)` \|([^|]*)\|([^|]*)\|$/gm)].map(([, id, parts, views]) => [id, { parts: names(parts), views: names(views) }]));
  for (const panel of panels) {
    const common = ['controls', 'intro', 'explanations'];
    assert.deepEqual(rows.get(panel.id), { parts: partsOf(panel).filter((p) => !common.includes(p)), views: viewsOf(panel) },
      `expected the classroom table to list the parts and views of ${panel.id}`);
  }
  const commands = [...docs.matchAll(/^\| `(\w+)` \|[^|]*\|[^|]*\|$/gm)].map((m) => m[1]).filter((name) => commandNames.includes(name));
  assert.deepEqual(commands, commandNames, 'expected every command documented, in order');
  assert.ok(docs.includes(`version ${version})`), `expected the documented protocol version to be ${version}`);
});
