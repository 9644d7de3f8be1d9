/** Property tests (fast-check) for the word diff: both sides rebuild, and invisible edits are no change. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/diff/normalize.js';
import { diffWords, sideText } from '../../../src/diff/words.js';

const letters = 'abcåäöéüÅÄÖ0123456789-,.:;()§\'"'.split('');
const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
const space = fc.constantFrom(' ', '  ', '\n', '\u00A0', ' \n ', '\t');
const text = fc
  .array(fc.tuple(word, space), { maxLength: 25 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('diffWords properties', () => {
  it('rebuilds the normalised old and new text from its parts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffWords(a, b);
        expect(sideText(parts, 'old')).toBe(normalizeText(a));
        expect(sideText(parts, 'new')).toBe(normalizeText(b));
      }),
      { numRuns: 300 },
    );
  });

  it('rebuilds the new text exactly in exact mode (what tracked changes rely on)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sideText(diffWords(a, b, { exact: true }), 'new')).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('finds no change when only wrapping, spacing or Unicode normal form differ', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 25 }), (parts) => {
        const single = parts.map(([w]) => w).join(' ');
        const rewrapped = parts
          .map(([w, s]) => w + s)
          .join('')
          .normalize('NFD');
        expect(diffWords(single, rewrapped).every((p) => p.op === 'same')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
