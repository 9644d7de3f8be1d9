import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../src/diff/normalize.js';
import { tokenize } from '../../../src/diff/tokenize.js';
import { diffWords, sideText } from '../../../src/diff/words.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps Swedish letters inside words', () => {
    expect(texts('Överenskommelsen är grundad på behov, även för Åsa och Müller.')).toEqual([
      'Överenskommelsen',
      'är',
      'grundad',
      'på',
      'behov',
      ',',
      'även',
      'för',
      'Åsa',
      'och',
      'Müller',
      '.',
    ]);
  });

  it('keeps suspended compounds as one token', () => {
    expect(texts('Social- och omsorgsnämnden och Integrations- och arbetsmarknadsförvaltningen')).toEqual([
      'Social- och omsorgsnämnden',
      'och',
      'Integrations- och arbetsmarknadsförvaltningen',
    ]);
    expect(texts("civilsamhället-Idéburet IOP'er")).toEqual(['civilsamhället-Idéburet', "IOP'er"]);
  });

  it('reads numbers with space or no-break-space thousands separators as one token', () => {
    expect(texts('avsätter 2 085 000 kr')).toEqual(['avsätter', '2 085 000', 'kr']);
    expect(texts('avsätter 1\u00A0200\u00A0000,50 kr')).toEqual(['avsätter', '1\u00A0200\u00A0000,50', 'kr']);
    expect(texts('cirka 1,9 miljoner den 2024-10-15')).toEqual([
      'cirka',
      '1,9',
      'miljoner',
      'den',
      '2024-10-15',
    ]);
    // A four-digit year before a number is not a thousands group.
    expect(texts('år 2024 123 personer')).toEqual(['år', '2024', '123', 'personer']);
  });

  it('treats decomposed ä (NFD) like composed ä', () => {
    expect(texts('na\u0308mnd')).toEqual(['nämnd']);
  });
});

describe('diffWords', () => {
  it('shows a changed amount as one replaced number', () => {
    const parts = diffWords('avsätter 1 200 000 kr per år', 'avsätter 1 300 000 kr per år');
    expect(parts).toEqual([
      { op: 'same', text: 'avsätter' },
      { op: 'del', text: ' 1 200 000' },
      { op: 'ins', text: ' 1 300 000' },
      { op: 'same', text: ' kr per år' },
    ]);
  });

  it('rebuilds both sides exactly', () => {
    const a = 'Social- och omsorgsnämnden godkänner överenskommelsen, och avsätter medel.';
    const b = 'Bildningsnämnden godkänner den reviderade överenskommelsen och avsätter 800 000 kr.';
    const parts = diffWords(a, b);
    expect(sideText(parts, 'old')).toBe(a);
    expect(sideText(parts, 'new')).toBe(b);
    expect(parts.filter((p) => p.op === 'del').map((p) => p.text)).toContain('Social- och omsorgsnämnden');
  });

  it('finds no difference in wrapping, trailing spaces or NFD', () => {
    const parts = diffWords('Nämnden  beslutar \n att', 'Na\u0308mnden beslutar att ');
    expect(parts).toEqual([{ op: 'same', text: 'Nämnden beslutar att' }]);
  });
});

describe('splitParagraphs', () => {
  it('joins wrapped lines, splits on blank lines and list items', () => {
    const md = 'Första stycket\r\nfortsätter här.  \n\n- punkt ett\n  fortsätter\n- punkt två\n\n\nSista.';
    expect(splitParagraphs(md)).toEqual([
      'Första stycket fortsätter här.',
      '- punkt ett fortsätter',
      '- punkt två',
      'Sista.',
    ]);
  });
});
