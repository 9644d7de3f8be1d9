/** MBL per förvaltning in a joint memo: the unit informed (`enhet:`) and the official's own sentence (`text:`). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { readCase } from '../../../src/case/read.js';
import { diffCases } from '../../../src/diff/index.js';
import type { Block } from '../../../src/doc/model.js';
import { renderDoc } from '../../../src/render/index.js';
import { pdftotext, tempPdf } from '../../helpers/pdf.js';
import { brief, exempel, fixture, linkoping } from './helpers.js';

const joint = readFileSync(fixture('joint.md'), 'utf8');
const exempelValid = readFileSync(fixture('exempel-valid.md'), 'utf8');

const socMbl =
  '  - förvaltning: Social- och omsorgsförvaltningen\n    typ: information\n    datum: 2024-09-03\n';

function jointWith(from: string, to: string) {
  expect(joint).toContain(from);
  return readCase(joint.replace(from, to), 'gemensam.md', linkoping);
}

const paragraphs = (blocks: Block[]) =>
  blocks.flatMap((b) =>
    b.type === 'paragraph' ? [b.inlines.map((i) => (i.type === 'text' ? i.text : ' ')).join('')] : [],
  );
/** The Doc's text has no-break spaces and hyphens in numbers; compare on plain ones. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2011/g, '-');

describe('mbl: enhet and text', () => {
  it('enhet is read and printed in the profile sentence of its förvaltning', () => {
    const r = jointWith(socMbl, `${socMbl}    enhet: Omsorgskontorets samverkansgrupp\n`);
    expect(brief(r.diagnostics)).toEqual([]);
    expect(r.case!.mbl[1]).toMatchObject({
      department: 'Social- och omsorgsförvaltningen',
      unit: 'Omsorgskontorets samverkansgrupp',
    });
    const text = paragraphs(renderDoc(r.case!, linkoping).blocks).map(plain);
    expect(text).toContain(
      'Social- och omsorgsförvaltningen: Information enligt 19 § medbestämmandelagen har lämnats till Omsorgskontorets samverkansgrupp 2024-09-03.',
    );
    // The other förvaltning keeps the profile sentence without a unit.
    expect(text).toContain(
      'Utbildningsförvaltningen: Ärendet har behandlats i samverkan enligt FAS-avtalet 2024-09-02.',
    );
  });

  it('text replaces the profile sentence, literally (Markdown stays text), and reaches the PDF', async () => {
    const own = 'Information om *förslaget* lämnades till de fackliga företrädarna 2024-09-03.';
    const r = jointWith(socMbl, `${socMbl}    text: "${own}"\n`);
    expect(brief(r.diagnostics)).toEqual([]);
    const doc = renderDoc(r.case!, linkoping);
    const text = paragraphs(doc.blocks).map(plain);
    expect(text).toContain(`Social- och omsorgsförvaltningen: ${own}`);
    expect(text.join('\n')).not.toContain('Information enligt 19 § medbestämmandelagen');
    const pdf = plain(pdftotext(tempPdf(await renderPdf(doc), 'mbl-text'))).replace(/\s+/g, ' ');
    expect(pdf).toContain('Information om *förslaget* lämnades till de fackliga företrädarna 2024-09-03.');
  });

  it('a single mbl (not a list) takes enhet and text too', () => {
    const base = readFileSync(fixture('valid.md'), 'utf8');
    const from = /mbl:\n {2}typ: information\n(?: {2}datum: .*\n)?/.exec(base)![0];
    const r = readCase(
      base.replace(from, `${from}  enhet: förvaltningens samverkansgrupp\n`),
      'x.md',
      linkoping,
    );
    expect(brief(r.diagnostics)).toEqual([]);
    expect(paragraphs(renderDoc(r.case!, linkoping).blocks).join('\n')).toContain(
      'har lämnats till förvaltningens samverkansgrupp',
    );
  });

  it('an unknown key next to them is still refused, with the new keys among the suggestions', () => {
    const r = jointWith(socMbl, `${socMbl}    enheten: Omsorgskontoret\n`);
    expect(brief(r.diagnostics)).toEqual(['unknown-key@39:5']);
    expect(r.diagnostics[0]!.hint).toContain('enhet');
  });

  it('mbl-unit-unused: enhet together with text, or with a sentence that has no {{enhet}}', () => {
    const both = jointWith(socMbl, `${socMbl}    enhet: Omsorgskontoret\n    text: Egen mening.\n`);
    expect(brief(both.diagnostics)).toEqual(['mbl-unit-unused@39:12']);
    expect(both.diagnostics[0]!.message).toContain('text: ersätter');
    const noSlot = jointWith(
      socMbl,
      '  - förvaltning: Social- och omsorgsförvaltningen\n    typ: ej_aktuellt\n    enhet: Omsorgskontoret\n',
    );
    expect(brief(noSlot.diagnostics)).toEqual(['mbl-unit-unused@38:12']);
    expect(noSlot.diagnostics[0]!.message).toContain('typ ej_aktuellt');
    expect(noSlot.diagnostics[0]!.field).toBe('mbl.1.enhet');
  });

  it('the other profile has {{enhet}} in its sentences too', () => {
    const from = 'mbl:\n  typ: ej_aktuellt\n';
    expect(exempelValid).toContain(from);
    const r = readCase(
      exempelValid.replace(from, 'mbl:\n  typ: samverkan\n  enhet: Centrala samverkansgruppen\n'),
      'x.md',
      exempel,
    );
    expect(brief(r.diagnostics)).toEqual([]);
    expect(paragraphs(renderDoc(r.case!, exempel).blocks).join('\n')).toContain('Centrala samverkansgruppen');
  });

  it('diff reports a changed enhet and an added text per förvaltning', () => {
    const a = jointWith(socMbl, `${socMbl}    enhet: Omsorgskontoret\n`).case!;
    const b = jointWith(socMbl, `${socMbl}    enhet: Omsorgskontorets samverkansgrupp\n`).case!;
    const c = jointWith(socMbl, `${socMbl}    text: Egen mening.\n`).case!;
    expect(diffCases(a, b).metadata).toMatchObject([
      {
        path: 'mbl[Social- och omsorgsförvaltningen].enhet',
        kind: 'changed',
        old: 'Omsorgskontoret',
        new: 'Omsorgskontorets samverkansgrupp',
      },
    ]);
    expect(diffCases(a, c).metadata.map((m) => [m.path, m.kind])).toEqual([
      ['mbl[Social- och omsorgsförvaltningen].enhet', 'removed'],
      ['mbl[Social- och omsorgsförvaltningen].text', 'added'],
    ]);
  });
});
