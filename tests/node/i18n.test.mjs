// Every string table of the page has the same keys in English and Chinese, no empty strings,
// and the same {placeholders} in both languages (a missing one would show as "{name}" on screen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = new URL('../../web/src/i18n/', import.meta.url);
const files = readdirSync(fileURLToPath(folder)).filter((name) => name.endsWith('.js')).sort();

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('there are string tables to check', () => {
  assert.ok(files.length >= 10, `expected the panels' string tables in web/src/i18n, found ${files.join(', ')}`);
});

for (const file of files) {
  test(`${file}: English and Chinese have the same keys, none empty, with the same placeholders`, async () => {
    const { default: table } = await import(new URL(file, folder));
    const en = Object.keys(table.en).sort();
    const zh = Object.keys(table.zh ?? {}).sort();
    assert.deepEqual(en.filter((key) => !zh.includes(key)), [], `keys of ${file} without a Chinese string`);
    assert.deepEqual(zh.filter((key) => !en.includes(key)), [], `keys of ${file} without an English string`);
    for (const key of en) {
      for (const code of ['en', 'zh']) {
        const text = table[code][key];
        assert.equal(typeof text, 'string', `${file} ${code}.${key} should be a string`);
        assert.ok(text.trim().length > 0, `${file} ${code}.${key} is empty`);
      }
      assert.deepEqual(placeholders(table.zh[key]), placeholders(table.en[key]), `${file} ${key}: placeholders differ between en and zh`);
    }
  });
}
