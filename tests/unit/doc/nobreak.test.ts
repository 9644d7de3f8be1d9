import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { keepNumbersTogether, keepNumbersTogetherIn } from '../../../src/doc/nobreak.js';
import { paragraphItem } from '../../fixtures/doc/lists.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';

const visible = (s: string) => s.replace(/\u00A0/g, '⍽').replace(/\u2011/g, '‑');

describe('keepNumbersTogether', () => {
  test.each([
    ['avsätter 1 200 000 kr per år', 'avsätter 1⍽200⍽000⍽kr per år'],
    ['enligt 19 § medbestämmandelagen', 'enligt 19⍽§ medbestämmandelagen'],
    ['enligt § 19 i lagen', 'enligt §⍽19 i lagen'],
    ['ökning med 25 % sedan', 'ökning med 25⍽% sedan'],
    ['lämnats 2024-10-09.', 'lämnats 2024‑10‑09.'],
    ['Dnr SON 2024-112', 'Dnr SON 2024‑112'],
    // Left alone: words with hyphens, a year and a count, numbers that are not thousands groups.
    ['Social- och omsorgsnämnden', 'Social- och omsorgsnämnden'],
    ['under 2021 och 2022', 'under 2021 och 2022'],
    ['de 60 avtalade platserna', 'de 60 avtalade platserna'],
    ['år 2022 12345 kronor', 'år 2022 12345 kronor'],
    ['10 kronor', '10 kronor'],
  ])('%s', (input, expected) => {
    expect(visible(keepNumbersTogether(input))).toBe(expected);
  });

  test('only spaces and hyphens change, and the length stays the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '2', ' ', '-', 'k', 'r', '§', '%', 'a') }), (s) => {
        const out = keepNumbersTogether(s);
        expect(out.length).toBe(s.length);
        expect(out.replace(/\u00A0/g, ' ').replace(/\u2011/g, '-')).toBe(s);
      }),
    );
  });
});

describe('keepNumbersTogetherIn', () => {
  test('applies to every text of the body, not to the furniture or the metadata', () => {
    const doc = seed001Doc();
    doc.blocks.push(
      { type: 'heading', level: 2, inlines: [{ type: 'text', text: 'Budget 2 000 000 kr' }] },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [paragraphItem([{ type: 'text', text: 'Post 300 000 kr' }])],
      },
      { type: 'signatures', signatures: [{ department: 'Kontor 100 000 kr', name: 'N', title: '5 %' }] },
      { type: 'recipients', label: 'Till:', recipients: ['Enhet 19 §'] },
    );
    const out = keepNumbersTogetherIn(doc);
    const body = visible(JSON.stringify(out.blocks));
    for (const s of ['19⍽§', '2⍽000⍽000⍽kr', '300⍽000⍽kr', '100⍽000⍽kr', '5⍽%', 'Enhet 19⍽§', '2023‑08‑30'])
      expect(body).toContain(s);
    expect(out.furniture).toEqual(doc.furniture);
    expect(out.meta).toEqual(doc.meta);
    // The input is not changed.
    expect(JSON.stringify(doc)).not.toMatch(/[\u00A0\u2011]/);
  });
});
