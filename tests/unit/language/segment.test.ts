import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { letterCount, sentences, words, wordsWithin } from '../../../src/language/segment.js';

const root = join(import.meta.dirname, '../../..');
const paragraphs = readdirSync(join(root, 'cases'))
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => readFileSync(join(root, 'cases', f), 'utf8').split(/\n\s*\n/));

describe('words of a sentence from its text’s words', () => {
  test('the same as segmenting each sentence of the example cases again', () => {
    let checked = 0;
    for (const text of [...paragraphs, 'Kl. 10.00 enl. s. k. beslut, t.ex. 3 kap. 5 §. Nästa mening här.']) {
      const all = words(text);
      for (const s of sentences(text)) {
        expect(wordsWithin(all, s)).toEqual(words(s.text, s.start));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('a word that crosses the sentence edge: the sentence is segmented on its own', () => {
    const text = 'abc def';
    const span = { start: 2, end: 7, text: text.slice(2) };
    expect(wordsWithin(words(text), span)).toEqual(words(span.text, 2));
  });
});

test('letterCount counts letters, not characters, also beyond the fast path', () => {
  expect(letterCount('Överenskommelse')).toBe(15);
  expect(letterCount('t.ex')).toBe(3);
  expect(letterCount('IOP’er')).toBe(5);
  expect(letterCount('e\u0301n')).toBe(2); // a combining accent is not a letter
  expect(letterCount('𝐀𝐁c')).toBe(3); // letters outside the BMP count once each
});
