// Every ```js example in docs/API.md runs as written against the built module.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from './load-engine.mjs';

const markdown = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
const examples = [...markdown.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
const engine = await loadEngine();

test('docs/API.md has examples', () => assert.ok(examples.length >= 6, `found ${examples.length}`));

examples.forEach((code, i) => {
  const firstLine = code.split('\n').find((line) => line.trim() && !line.trim().startsWith('//')) ?? '';
  test(`docs/API.md example ${i + 1} runs: ${firstLine.trim().slice(0, 60)}`, async () => {
    await new AsyncFunction('engine', 'assert', code)(engine, assert);
  });
});
