/** The Case built by readCase: roles, positions, canonical names, normalisation, size cap. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaOf } from '../../../src/case/front-matter.js';
import { readCase, readCaseFile } from '../../../src/case/read.js';
import { fieldSchemas } from '../../../src/case/schema.js';
import { validPart } from '../../../src/case/valid-part.js';
import { defaultKind } from '../../../src/kinds/index.js';
import { brief, exempel, fixture, fixtureBytes, linkoping } from './helpers.js';

const valid = () => readCaseFile(fixture('valid.md'), linkoping);

describe('readCase', () => {
  it('builds sections with roles, consequence ids and source slices', () => {
    const c = valid().case!;
    expect(c.sections.map((s) => [s.heading, s.role, s.consequenceId])).toEqual([
      ['Ärende', 'ärende', undefined],
      ['Bakgrund', 'bakgrund', undefined],
      ['Ekonomiska konsekvenser', 'consequence', 'ekonomiska_konsekvenser'],
      ['Samråd', 'consequence', 'samråd'],
      ['Uppföljning och utvärdering', 'consequence', 'uppföljning_och_utvärdering'],
    ]);
    const bakgrund = c.sections[1]!;
    expect(bakgrund.markdown).toBe(
      'Nuvarande riktlinjer antogs 2015.\n\n### Tidigare beslut\n\nNämnden beslutade 2015-05-20 om de nuvarande riktlinjerna.\n',
    );
    expect(bakgrund.nodes.map((n) => n.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('gives node positions into the whole file, not the body', () => {
    const c = valid().case!;
    const lines = c.source.split('\n');
    const para = c.sections[1]!.nodes[0]!;
    const { line, column } = para.position!.start;
    expect(lines[line - 1]!.slice(column - 1)).toBe('Nuvarande riktlinjer antogs 2015.');
    expect(c.source.slice(para.position!.start.offset, para.position!.end.offset)).toBe(
      'Nuvarande riktlinjer antogs 2015.',
    );
    expect(c.sections[0]!.position).toEqual({ line: 31, column: 1 });
    expect(c.decisions[0]!.points[0]!.position).toEqual({ line: 11, column: 5 });
  });

  it('maps the front matter to the typed Case', () => {
    const c = valid().case!;
    expect(c).toMatchObject({
      kind: 'tjänsteskrivelse',
      date: '2024-03-12',
      dnr: ['SON 2024-17'],
      departments: ['Social- och omsorgsförvaltningen'],
      officer: { name: 'Anna Andersson', title: 'Utredare' },
      boards: ['Social- och omsorgsnämnden'],
      title: 'Riktlinjer för hemtjänst',
      decisionBasis: ['Tjänsteskrivelse, Riktlinjer för hemtjänst, 2024-03-12'],
      consequences: {
        kommunala_mål: { link: { url: 'https://www.linkoping.se/', text: 'Kommunfullmäktiges mål' } },
        jämställdhet: { notRelevant: 'Jämställdhetsanalys har bedömts inte vara relevant i detta ärende.' },
      },
      mbl: [{ department: 'Social- och omsorgsförvaltningen', kind: 'information', date: '2024-03-01' }],
      signatures: [
        {
          department: 'Social- och omsorgsförvaltningen',
          name: 'Bo Berg',
          title: 'Social- och omsorgsdirektör',
        },
      ],
      recipients: ['Social- och omsorgsförvaltningen'],
      secrecy: [],
    });
  });

  it('stores nämnd names in the profile spelling (matched case-insensitively)', () => {
    const c = readCaseFile(fixture('exempel-valid.md'), exempel).case!;
    expect(c.boards).toEqual(['Kommunstyrelsen']);
    expect(c.decisions[0]!.board).toBe('Kommunstyrelsen');
    expect(c.mbl).toEqual([
      expect.objectContaining({ kind: 'ej_aktuellt', department: 'Kommunledningskontoret' }),
    ]);
  });

  it('reads a joint memo: one decision block per nämnd, one MBL statement per förvaltning', () => {
    const c = readCaseFile(fixture('joint.md'), linkoping).case!;
    expect(c.decisions.map((d) => [d.board, d.points.length])).toEqual([
      ['Bildningsnämnden', 1],
      ['Social- och omsorgsnämnden', 2],
    ]);
    expect(c.mbl.map((m) => [m.department, m.kind, m.date])).toEqual([
      ['Utbildningsförvaltningen', 'samverkan', '2024-09-02'],
      ['Social- och omsorgsförvaltningen', 'information', '2024-09-03'],
    ]);
    expect(c.secrecy).toEqual([{ section: 'Bakgrund', osl: '23 kap. 1 § OSL' }]);
    expect(c.officer).toEqual({ name: 'Lena Lund', phone: '013-20 00 00', email: 'lena.lund@example.se' });
  });

  it('accepts CRLF with exactly the same result as LF', () => {
    const lf = readCase(fixtureBytes('valid.md'), 'x.md', linkoping);
    const crlf = readCase(fixtureBytes('crlf.md'), 'x.md', linkoping);
    expect(crlf.diagnostics).toEqual(lf.diagnostics);
    expect(JSON.stringify(crlf.case)).toBe(JSON.stringify(lf.case));
  });

  it('accepts a BOM with an info and otherwise the same case', () => {
    const lf = readCase(fixtureBytes('valid.md'), 'x.md', linkoping);
    const bom = readCase(fixtureBytes('bom.md'), 'x.md', linkoping);
    expect(brief(bom.diagnostics, ['info'])).toEqual(['bom@1:1']);
    expect(JSON.stringify(bom.case)).toBe(JSON.stringify(lf.case));
  });

  it('normalises to NFC (decomposed ö reads like composed ö)', () => {
    const text = readFileSync(fixture('valid.md'), 'utf8');
    const decomposed = readCase(text.normalize('NFD'), 'x.md', linkoping);
    expect(decomposed.case?.departments).toEqual(['Social- och omsorgsförvaltningen']);
  });

  it('reads string and byte input alike', () => {
    const text = readFileSync(fixture('valid.md'), 'utf8');
    expect(JSON.stringify(readCase(text, 'x.md', linkoping))).toBe(
      JSON.stringify(readCase(fixtureBytes('valid.md'), 'x.md', linkoping)),
    );
  });

  it('rejects a 5 MB case up front with file-too-large (bytes, string and file)', () => {
    const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Ärende. \n';
    const big = `---\nrubrik: x\n---\n\n## Ärende\n\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}`;
    const bytes = new TextEncoder().encode(big);
    expect(bytes.byteLength).toBeGreaterThan(5 * 1024 * 1024);
    expect(brief(readCase(bytes, 'big.md', linkoping).diagnostics)).toEqual(['file-too-large@1:1']);
    expect(brief(readCase(big, 'big.md', linkoping).diagnostics)).toEqual(['file-too-large@1:1']);
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-'));
    try {
      writeFileSync(join(dir, 'big.md'), bytes);
      const result = readCaseFile(join(dir, 'big.md'), linkoping);
      expect(brief(result.diagnostics)).toEqual(['file-too-large@1:1']);
      expect(result.diagnostics[0]!.message).toMatch(/5,\d MB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('recognises UTF-16 (with BOM) as an encoding problem, not as binary', () => {
    const text = readFileSync(fixture('valid.md'), 'utf8');
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = readCase(utf16, 'x.md', linkoping);
    expect(brief(result.diagnostics)).toEqual(['encoding@1:1']);
    expect(result.diagnostics[0]!.message).toContain('UTF-16');
  });

  it('reports a missing file as a diagnostic, not an exception', () => {
    expect(brief(readCaseFile(fixture('finns-inte.md'), linkoping).diagnostics)).toEqual([
      'file-unreadable@-',
    ]);
  });

  it('accepts datum as a Date (as YAML 1.1 readers produce) and as text', () => {
    const base = fieldSchemas.datum;
    expect(base.parse(new Date(Date.UTC(2024, 2, 12)))).toBe('2024-03-12');
    expect(base.parse('2024-03-12')).toBe('2024-03-12');
  });

  it('reports an unclosed front matter', () => {
    expect(
      brief(readCase('---\ndatum: 2024-01-01\n\n## Ärende\n\nText.\n', 'x.md', linkoping).diagnostics),
    ).toEqual(['front-matter-unclosed@1:1']);
  });

  it('reports # headings and keeps ### inside sections', () => {
    const text = readFileSync(fixture('valid.md'), 'utf8').replace('## Bakgrund', '# Bakgrund');
    expect(brief(readCase(text, 'x.md', linkoping).diagnostics)).toEqual(['heading-level@37:1']);
  });

  it('validPart drops exactly the top-level keys the schema issues point at', () => {
    const raw = { datum: '2024-03-12', nämnd: 42, rubrik: 'R', okänd: 1, handläggare: { namn: 'A', x: 1 } };
    const schema = schemaOf(defaultKind);
    const result = schema.safeParse(raw);
    expect(result.success).toBe(false);
    const part = validPart(schema, raw, result.error!.issues);
    expect(part).toEqual({
      datum: '2024-03-12',
      rubrik: 'R',
      mall: 'tjänsteskrivelse',
      konsekvenser: {},
      beslutet_skickas_till: [],
      sekretess: [],
    });
  });
});
