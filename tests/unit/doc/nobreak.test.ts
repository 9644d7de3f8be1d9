import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { keepNumbersTogether, keepNumbersTogetherIn } from '../../../src/doc/nobreak.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';

const visible = (s: string) => s.replace(/\u00A0/g, '⍽');

describe('keepNumbersTogether', () => {
  test.each([
    ['avsätter 1 200 000 kr per år', 'avsätter 1⍽200⍽000⍽kr per år'],
    ['enligt 19 § medbestämmandelagen', 'enligt 19⍽§ medbestämmandelagen'],
    ['enligt § 19 i lagen', 'enligt §⍽19 i lagen'],
    ['ökning med 25 % sedan', 'ökning med 25⍽% sedan'],
    // Hyphens stay what the official wrote, so the date and the Dnr can be searched for.
    ['lämnats 2024-10-09.', 'lämnats 2024-10-09.'],
    ['Dnr SON 2024-112', 'Dnr SON 2024-112'],
    // Left alone: words with hyphens, a year and a count, numbers that are not thousands groups.
    ['Social- och omsorgsnämnden', 'Social- och omsorgsnämnden'],
    ['under 2021 och 2022', 'under 2021 och 2022'],
    ['de 60 avtalade platserna', 'de 60 avtalade platserna'],
    ['år 2022 12345 kronor', 'år 2022 12345 kronor'],
    ['10 kronor', '10 kronor'],
  ])('%s', (input, expected) => {
    expect(visible(keepNumbersTogether(input))).toBe(expected);
  });

  test('only spaces change, and the length stays the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '2', ' ', '-', 'k', 'r', '§', '%', 'a') }), (s) => {
        const out = keepNumbersTogether(s);
        expect(out.length).toBe(s.length);
        expect(out.replace(/\u00A0/g, ' ')).toBe(s);
      }),
    );
  });
});

describe('keepNumbersTogetherIn', () => {
  test('applies to every printed text of the Doc, not to its metadata', () => {
    const doc = seed001Doc();
    doc.blocks.push(
      { type: 'heading', level: 2, inlines: [{ type: 'text', text: 'Budget 2 000 000 kr' }] },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [{ paragraphs: [[{ type: 'text', text: 'Post 300 000 kr' }]] }],
      },
      { type: 'signatures', signatures: [{ department: 'Kontor 100 000 kr', name: 'N', title: '5 %' }] },
      { type: 'recipients', label: 'Till:', recipients: ['Enhet 19 §'] },
    );
    doc.furniture.senderLines.push('Rum 1 000 000');
    doc.meta.title = 'Titel 1 000 kr';
    const out = keepNumbersTogetherIn(doc);
    const printed = JSON.stringify([out.blocks, out.furniture]);
    for (const s of ['19⍽§', '2⍽000⍽000⍽kr', '300⍽000⍽kr', '100⍽000⍽kr', '5⍽%', 'Rum 1⍽000⍽000'])
      expect(visible(printed)).toContain(s);
    expect(out.meta.title).toBe('Titel 1 000 kr');
    // The input is not changed.
    expect(JSON.stringify(doc)).not.toContain('\u00A0');
  });
});
