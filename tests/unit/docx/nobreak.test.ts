import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { keepNumbersTogether } from '../../../src/backends/docx/nobreak.js';

const visible = (s: string) => s.replace(/\u00A0/g, '⍽').replace(/\u2011/g, '‑');

describe('keepNumbersTogether', () => {
  test.each([
    ['lämnats 2024-10-09.', 'lämnats 2024‑10‑09.'],
    ['Dnr SON 2024-112', 'Dnr SON 2024‑112'],
    ['avsätter 1 200 000 kr per år', 'avsätter 1⍽200⍽000⍽kr per år'],
    ['enligt 19 § medbestämmandelagen', 'enligt 19⍽§ medbestämmandelagen'],
    ['enligt § 19 i lagen', 'enligt §⍽19 i lagen'],
    ['ökning med 25 % sedan', 'ökning med 25⍽% sedan'],
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
