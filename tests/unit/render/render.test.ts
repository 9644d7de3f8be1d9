import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../../src/doc/model.js';
import { renderDoc } from '../../../src/render/index.js';
import { handBuiltCase, profile } from '../../fixtures/render/hand-built.js';

const text = (inlines: Inline[]) => inlines.map((i) => (i.type === 'text' ? i.text : '\n')).join('');

function blockText(b: Block): string {
  switch (b.type) {
    case 'title':
    case 'heading':
    case 'paragraph':
      return text(b.inlines);
    case 'list':
      return b.items
        .map((i) => i.blocks.map((c) => (c.type === 'list' ? blockText(c) : text(c.inlines))).join(' '))
        .join(' | ');
    case 'signatures':
      return b.signatures.map((s) => [s.department, s.name, s.title].join(' / ')).join(' ; ');
    case 'recipients':
      return `${b.label} ${b.recipients.join(' ; ')}`;
    case 'rule':
      return '—';
  }
}

describe('renderDoc', () => {
  // Numbers are kept whole (no-break spaces and hyphens, src/doc/nobreak.ts).
  it('lays out the memo in the standard order', () => {
    const doc = renderDoc(handBuiltCase(), profile);
    expect(doc.blocks.map((b) => `${b.type}:${blockText(b)}`)).toEqual([
      'title:En rubrik',
      'heading:Förslag till social- och omsorgsnämndens beslut',
      'list:Punkt ett. | Punkt två.',
      'heading:Ärende',
      'paragraph:Det här är ärendet med betoning.',
      'paragraph:Av ovanstående skäl föreslås nämnden att besluta.',
      'rule:—',
      'paragraph:Beslutsunderlag:',
      'paragraph:Tjänsteskrivelse 2023\u201108\u201130',
      'heading:Bakgrund',
      'paragraph:Bakgrunden.',
      'heading:Ekonomiska konsekvenser',
      'paragraph:Kostar 2\u00A0085\u00A0000\u00A0kr.',
      'heading:Jämställdhet',
      'paragraph:Inte relevant.',
      'heading:MBL',
      'paragraph:Information har lämnats 2023\u201108\u201120.',
      'signatures:Social- och omsorgsförvaltningen / Berit Berg / Direktör',
      'recipients:Beslutet skickas till: Mottagare ett ; Mottagare två',
    ]);
    expect(doc.blocks[7]).toMatchObject({ type: 'paragraph', role: 'label' });
    expect(doc.blocks[4]).toMatchObject({ source: { line: 3, column: 1 } });
    expect(doc.blocks[12]).toMatchObject({ source: { line: 13, column: 1 } });
    expect(doc.furniture).toMatchObject({
      municipality: 'Testkommun',
      label: 'TJÄNSTESKRIVELSE',
      dnrLines: ['Dnr SON 2020-281'],
      senderLines: ['Social- och omsorgsförvaltningen', 'Anna Andersson, Utredare'],
      pageNumberFormat: '{n} ({m})',
    });
    expect(doc.meta).toMatchObject({
      title: 'En rubrik',
      subject: 'Dnr SON 2020-281',
      language: 'sv-SE',
      date: '2023-08-30',
    });
  });

  it('keeps emphasis and links from the official’s Markdown as inline runs', () => {
    const doc = renderDoc(handBuiltCase(), profile);
    const para = doc.blocks[4];
    expect(para?.type === 'paragraph' && para.inlines).toContainEqual({
      type: 'text',
      text: 'betoning',
      italic: true,
    });
  });

  it('gives each nämnd of a joint memo its own block, numbered from 1', () => {
    const c = handBuiltCase({
      boards: ['Social- och omsorgsnämnden', 'Bildningsnämnden'],
      decisions: [
        { board: 'Social- och omsorgsnämnden', points: [{ text: 'A.' }, { text: 'B.' }] },
        { board: 'Bildningsnämnden', points: [{ text: 'C.' }] },
      ],
      mbl: [
        { department: 'Social- och omsorgsförvaltningen', kind: 'information', date: '2023-08-01' },
        { department: 'Utbildningsförvaltningen', kind: 'förhandling', date: '2023-08-02' },
      ],
    });
    const doc = renderDoc(c, profile);
    const lists = doc.blocks.filter((b) => b.type === 'list');
    expect(lists.map((l) => l.type === 'list' && [l.start, l.items.length])).toEqual([
      [1, 2],
      [1, 1],
    ]);
    expect(doc.blocks.map(blockText)).toContain('Förslag till bildningsnämndens beslut');
    expect(doc.blocks.map(blockText)).toContain(
      'Utbildningsförvaltningen: Förhandling 2023\u201108\u201102.',
    );
  });

  const hostile = [
    '*fet*',
    '# rubrik',
    '_kursiv_',
    '[x](y)',
    '{{rubrik}}',
    '<script>alert(1)</script>',
    'a | b',
    '1. inte en lista',
    '::linje',
    'a "citat" & b',
  ];
  for (const value of hostile) {
    it(`keeps ${JSON.stringify(value)} literal in every data field`, () => {
      const c = handBuiltCase({
        title: value,
        decisions: [{ board: 'Social- och omsorgsnämnden', points: [{ text: value }] }],
        decisionBasis: [value],
        recipients: [value],
        signatures: [{ department: value, name: value, title: value }],
      });
      const doc = renderDoc(c, profile);
      const title = doc.blocks[0]!;
      expect(title.type).toBe('title');
      expect(blockText(title)).toBe(value);
      expect(
        title.type === 'title' &&
          title.inlines.every((i) => i.type === 'text' && !i.bold && !i.italic && !i.href),
      ).toBe(true);
      expect(blockText(doc.blocks[2]!)).toBe(value);
      expect(doc.blocks.map(blockText)).toContain(value);
      expect(doc.blocks.at(-1)).toEqual({
        type: 'recipients',
        label: 'Beslutet skickas till:',
        recipients: [value],
      });
      expect(doc.blocks.at(-2)).toEqual({
        type: 'signatures',
        signatures: [{ department: value, name: value, title: value }],
      });
      expect(doc.blocks.filter((b) => b.type === 'rule')).toHaveLength(1);
    });
  }

  it('renders raw HTML in a section as literal text', () => {
    const c = handBuiltCase({}, '## Ärende\n\n<script>alert(1)</script>\n\nText med <b>tagg</b>.\n');
    const doc = renderDoc(c, profile);
    expect(doc.blocks.map(blockText)).toContain('<script>alert(1)</script>');
    expect(doc.blocks.map(blockText)).toContain('Text med <b>tagg</b>.');
  });

  it('leaves out "Beslutet skickas till:" when there are no recipients', () => {
    const doc = renderDoc(handBuiltCase({ recipients: [] }), profile);
    expect(doc.blocks.some((b) => b.type === 'recipients')).toBe(false);
    expect(doc.blocks.at(-1)?.type).toBe('signatures');
  });

  it('drops HTML comments, which are notes to colleagues', () => {
    const c = handBuiltCase({}, '## Ärende\n\n<!-- FYLL I: be ekonomen läsa -->\n\nSynlig text.\n');
    const texts = renderDoc(c, profile).blocks.map(blockText);
    expect(texts).toContain('Synlig text.');
    expect(texts.join(' ')).not.toContain('FYLL I');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(renderDoc(handBuiltCase(), profile))).toBe(
      JSON.stringify(renderDoc(handBuiltCase(), profile)),
    );
  });
});
