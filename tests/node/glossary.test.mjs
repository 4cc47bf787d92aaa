// The string tables and the built-in lesson follow docs/GLOSSARY.md: an English string that uses a term has the glossary's
// Chinese term in its Chinese string, and no Chinese string uses a form the glossary rules out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const glossary = readFileSync(new URL('../../docs/GLOSSARY.md', import.meta.url), 'utf8');
const folder = new URL('../../web/src/i18n/', import.meta.url);
const files = readdirSync(fileURLToPath(folder)).filter((name) => name.endsWith('.js')).sort();

/** Rows of the glossary table: {english, chinese: [...], not: [...], pairedCheck}. */
const terms = glossary.split('\n').filter((line) => /^\| [^-|]/.test(line) && !line.startsWith('| English')).map((line) => {
  const [english, chinese, not] = line.split('|').slice(1, 4).map((cell) => cell.trim());
  const split = (cell) => cell.split(' / ').map((s) => s.trim()).filter(Boolean);
  return { english: english.replace(/\*$/, '').replace(/ \(.*\)$/, ''), chinese: split(chinese), not: split(not), pairedCheck: !english.endsWith('*') };
});

/** English strings that use a term in another sense, or leave it implicit in Chinese: key -> terms. */
const allowed = {
  'activations.js silu.about': ['dead'],
  'activations.js gelu.about': ['activation'],
  'activations.js selu.about': ['weight'],
  'sharing.js elementLabel': ['activation'],
  'experiments.js init.look.xavier-sigmoid': ['weight'],
  'mean-shift.js why2': ['unit'],
  'nonlinearity.js weightTo': ['unit'],
  'nonlinearity.js biasOf': ['unit'],
};

const strip = (text) => text.replace(/\{\w+\}/g, '');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The texts of the built-in lesson as a string table (title, then each step's title, prompt and choice labels). */
function lessonTable(lesson) {
  const texts = [['title', lesson.title], ...lesson.steps.flatMap((step, i) => [[`steps[${i}].title`, step.title], [`steps[${i}].prompt`, step.prompt],
    ...(step.question?.choices ?? []).map((choice, j) => [`steps[${i}].choices[${j}]`, choice.label])])];
  return Object.fromEntries(['en', 'zh'].map((code) => [code, Object.fromEntries(texts.map(([key, text]) => [key, text[code]]))]));
}

const tables = await Promise.all(files.map(async (file) => [file, (await import(new URL(file, folder))).default]));
tables.push(['lessons/chapter.js', lessonTable((await import('../../web/src/lessons/chapter.js')).default)]);

test('the glossary lists the terms with their Chinese forms', () => {
  assert.ok(terms.length >= 25, `expected the glossary table, found ${terms.length} rows`);
  for (const term of terms) assert.ok(term.chinese.length > 0, `${term.english}: no Chinese form`);
  assert.ok(terms.some((term) => term.english === 'unit' && term.not.includes('神经元')), 'expected unit = 单元, not 神经元');
});

for (const [file, table] of tables) {
  test(`${file}: Chinese strings use the glossary's term wherever the English one does, and none it rules out`, () => {
    const problems = [];
    for (const key of Object.keys(table.en)) {
      const en = strip(table.en[key]);
      const zh = strip(table.zh[key]).toLowerCase();
      for (const term of terms) {
        for (const bad of term.not) {
          const biological = bad === '神经元' && /\bneuron\b/i.test(en);
          if (zh.includes(bad.toLowerCase()) && !biological) problems.push(`${key}: uses ${bad} (glossary: ${term.chinese.join(' / ')})`);
        }
        if (!term.pairedCheck || !new RegExp(`\\b${escape(term.english)}`, 'i').test(en)) continue;
        if ((allowed[`${file} ${key}`] ?? []).includes(term.english)) continue;
        if (!term.chinese.some((form) => zh.includes(form.toLowerCase()))) problems.push(`${key}: "${term.english}" in English but no ${term.chinese.join(' / ')} in Chinese`);
      }
    }
    assert.deepEqual(problems, [], `${file} does not follow docs/GLOSSARY.md`);
  });
}
