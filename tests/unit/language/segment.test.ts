import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { icuWords, letterCount, sentences, words, wordsWithin } from '../../../src/language/segment.js';
import { exampleAndFixtureMarkdown } from '../../helpers/markdown-files.js';

const root = join(import.meta.dirname, '../../..');
const paragraphs = readdirSync(join(root, 'cases'))
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => readFileSync(join(root, 'cases', f), 'utf8').split(/\n\s*\n/));

describe('words without ICU for ordinary Swedish text', () => {
  test('the same words as Intl.Segmenter in the example cases, the seeds and the fixtures', () => {
    const files = exampleAndFixtureMarkdown();
    expect(files.length).toBeGreaterThan(20);
    for (const { text } of files)
      for (const paragraph of text.split(/\n\s*\n/))
        expect(words(paragraph, 3)).toEqual(icuWords(paragraph, 3));
  });

  test('the same words as Intl.Segmenter for generated text, joiners and breakers between letters and digits', () => {
    const piece = fc.constantFrom(
      'a',
      'Ö',
      'é',
      'ž',
      'Z',
      '0',
      '7',
      ' ',
      '\n',
      '\t',
      '\u00A0',
      '.',
      ',',
      ';',
      ':',
      "'",
      '‘',
      '’',
      '"',
      '“',
      '-',
      '–',
      '—',
      '!',
      '?',
      '(',
      ')',
      '[',
      ']',
      '%',
      '§',
      '/',
      '&',
      '+',
      '=',
      '*',
      '#',
      '«',
      '»',
      '…',
      't.ex.',
      'S:t',
      '3,5',
      '1.000',
      'it’s',
      '10:00',
      // Outside the fast path's text: these must go to ICU and still agree.
      '_',
      '·',
      '\u00AD',
      'ª',
      'µ',
      '\u0301',
      '日本',
      '١٢',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(words(text)).toEqual(icuWords(text));
      }),
      { numRuns: 3000 },
    );
  });
});

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
