/** Property tests (fast-check) for the word diff: both sides rebuild, and invisible edits are no change. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffCases, hasDifferences } from '../../../src/diff/index.js';
import { normalizeText } from '../../../src/diff/normalize.js';
import { diffWords, sideText } from '../../../src/diff/words.js';
import { copyCase, makeCase, section } from '../../fixtures/diff/builder.js';

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

describe('diffCases properties', () => {
  const paragraph = fc
    .array(
      fc.constantFrom(
        'nämnden',
        'beslutar',
        'att',
        '1 200 000',
        'kr',
        'och',
        'Social- och omsorgsnämnden',
        '.',
      ),
      {
        minLength: 1,
        maxLength: 12,
      },
    )
    .map((w) => w.join(' '));
  const markdown = fc.array(paragraph, { maxLength: 5 }).map((ps) => ps.join('\n\n'));
  const headings = fc.uniqueArray(fc.constantFrom('Ärende', 'Bakgrund', 'Samråd', 'Risker', 'Ekonomi'), {
    maxLength: 5,
  });
  const arbitraryCase = fc
    .tuple(
      headings,
      fc.array(markdown, { minLength: 5, maxLength: 5 }),
      fc.array(paragraph, { maxLength: 6 }),
    )
    .map(([hs, mds, points]) =>
      makeCase({
        sections: hs.map((h, i) => section(h, mds[i]!)),
        decisions: [{ board: 'Social- och omsorgsnämnden', points: points.map((text) => ({ text })) }],
      }),
    );

  it('finds nothing between a case and its re-wrapped copy', () => {
    fc.assert(
      fc.property(arbitraryCase, (a) => {
        const b = copyCase(a);
        for (const s of b.sections) s.markdown = s.markdown.replace(/ /g, ' \n').normalize('NFD');
        expect(hasDifferences(diffCases(a, b).summary)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('accounts for every point of both versions, and rebuilds changed ones', () => {
    fc.assert(
      fc.property(arbitraryCase, arbitraryCase, (a, b) => {
        const diff = diffCases(a, b);
        const points = diff.decisions.flatMap((d) => d.points);
        expect(points.filter((p) => p.oldNumber !== undefined)).toHaveLength(a.decisions[0]!.points.length);
        expect(points.filter((p) => p.newNumber !== undefined)).toHaveLength(b.decisions[0]!.points.length);
        for (const p of points.filter((x) => x.kind === 'changed')) {
          expect(sideText(p.words!, 'old')).toBe(p.old);
          expect(sideText(p.words!, 'new')).toBe(p.new);
        }
        expect(diff.sections.filter((s) => s.oldIndex !== undefined)).toHaveLength(a.sections.length);
        expect(diff.sections.filter((s) => s.newIndex !== undefined)).toHaveLength(b.sections.length);
      }),
      { numRuns: 200 },
    );
  });
});
