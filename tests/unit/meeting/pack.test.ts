/**
 * The handlingar PDF, read back by poppler (pdfinfo -struct-text, pdftotext), qpdf (check, outline) and the
 * archive's PDF/UA preflight: kallelse, memos and bilagor in order with their tag trees, bookmarks per ärende
 * and per document, each memo's own "N (M)", and a warning naming an untagged bilaga.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { preflightPdf } from '../../../src/archive/preflight.js';
import { readXmpFromCatalog } from '../../../src/archive/xmp.js';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { readCaseFile } from '../../../src/case/read.js';
import type { Meeting } from '../../../src/meeting/model.js';
import { readMeetingFile } from '../../../src/meeting/read.js';
import {
  renderHandlingar,
  renderKallelse,
  writeMeeting as writeMeetingFiles,
} from '../../../src/meeting/write.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDoc } from '../../../src/render/index.js';
import { pageCount, run, structText, tempPdf } from '../../helpers/pdf.js';
import { convert, hasLibreOffice, makeWorkDir } from '../docx/helpers/libreoffice.js';
import { head, kfnCase, kfnRapport, scratch, sonCase, writeMeeting } from './helpers.js';

const profile = loadProfile();
let dir: string;

/** Words, with no-break spaces and hyphens as plain ones. */
const flat = (s: string) =>
  s
    .replace(/[\u00A0\s]+/g, ' ')
    .replace(/\u2011/g, '-')
    .trim();

function read(text: string, name: string): Meeting {
  const r = readMeetingFile(writeMeeting(dir, text, name), profile);
  expect(r.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
  return r.meeting!;
}

async function pack(m: Meeting) {
  const kallelse = (await renderKallelse(m, profile))[0]!.data;
  return { kallelse, ...(await renderHandlingar(m, profile, kallelse)) };
}

interface Bookmark {
  title: string;
  page: number;
  /** The destination's top (user space). */
  top: number | null;
  kids: Bookmark[];
}

/** The outline as qpdf reads it. */
function outlineOf(path: string): Bookmark[] {
  type Raw = { title: string; destpageposfrom1: number; dest: unknown[]; kids: Raw[] };
  const convert = (entries: Raw[]): Bookmark[] =>
    entries.map((e) => ({
      title: e.title,
      page: e.destpageposfrom1,
      top: (e.dest?.[3] as number | null) ?? null,
      kids: convert(e.kids),
    }));
  return convert(JSON.parse(run('qpdf', ['--json', '--json-key=outlines', path])).outlines);
}

/** The text pdftotext reads on pages from..to (1-based) of a PDF. */
function pagesText(path: string, from: number, to: number): string {
  return flat(run('pdftotext', ['-f', String(from), '-l', String(to), path, '-']).replace(/\f/g, ' '));
}

/** The structure below the Document, split per Part (the pack's documents), depth made relative. */
function parts(path: string) {
  const all = structText(path);
  const out: { role: string; depth: number; text: string }[][] = [];
  for (const e of all) {
    if (e.depth === 1 && e.role === 'Part') out.push([]);
    else if (e.depth > 1) out.at(-1)?.push({ ...e, depth: e.depth - 2 });
  }
  return out;
}

/** A memo's own tree below its Document, as poppler reads it from the memo alone. */
function ownTree(bytes: Uint8Array, name: string) {
  return structText(tempPdf(bytes, name))
    .filter((e) => e.depth >= 1)
    .map((e) => ({ ...e, depth: e.depth - 1 }));
}

beforeAll(async () => {
  dir = await scratch();
  // A tagged bilaga: a memo of another nämnd, rendered by the PDF backend alone.
  const sonMemo = readCaseFile(join(dir, sonCase), profile).case!;
  writeFileSync(join(dir, 'taggad.pdf'), await renderPdf(renderDoc(sonMemo, profile)));
});

describe('the handlingar of memos and tagged bilagor', () => {
  const text = `${head}ärenden:
  - rubrik: Val av justerare
  - ärende: ${kfnCase}
    föredragande: Ahmed Yilmaz
    bilagor: [taggad.pdf]
  - ärende: ${kfnRapport}
`;

  it('is kallelse, memo, bilaga, rapport in order: pages, text, bookmarks, each memo its own "N (M)"', async () => {
    const m = read(text, 'taggad.yaml');
    const { kallelse, data, untagged } = await pack(m);
    expect(untagged).toEqual([]);
    const path = tempPdf(data, 'handlingar');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const item = (i: number) => (m.items[i] as Extract<Meeting['items'][number], { type: 'case' }>).case;
    const memo = await renderPdf(renderDoc(item(1), profile));
    const rapport = await renderPdf(renderDoc(item(2), profile));
    const counts = [kallelse, memo, renderedBilaga(), rapport].map((b, i) => pageCount(tempPdf(b, `p${i}`)));
    expect(pageCount(path)).toBe(counts.reduce((a, b) => a + b, 0));
    const starts = counts.map((_, i) => 1 + counts.slice(0, i).reduce((a, b) => a + b, 0));

    const outlines = outlineOf(path);
    const tree = outlines.map((o) => [o.title, o.page, o.kids.map((k) => [k.title, k.page])]);
    const kallelseOwn = outlineOf(tempPdf(kallelse, 'k-alone')).map((k) => [k.title, k.page]);
    expect(tree).toEqual([
      ['Kallelse och föredragningslista', 1, kallelseOwn],
      [
        `2. ${item(1).title}`,
        starts[1],
        [
          ['Tjänsteskrivelse', starts[1]],
          ['Bilaga: taggad.pdf', starts[2]],
        ],
      ],
      [`3. ${item(2).title}`, starts[3], [['Rapport', starts[3]]]],
    ]);
    // Under each document, its own bookmarks as it has them alone: titles, nesting, page and position.
    const shifted = (entries: Bookmark[], by: number): Bookmark[] =>
      entries.map((e) => ({ ...e, page: e.page + by, kids: shifted(e.kids, by) }));
    const documents = [outlines[1]!.kids[0]!, outlines[1]!.kids[1]!, outlines[2]!.kids[0]!];
    for (const [k, bytes] of [memo, renderedBilaga(), rapport].entries()) {
      const alone = outlineOf(tempPdf(bytes, `o${k}`));
      expect(alone.length).toBeGreaterThan(2);
      expect(documents[k]!.kids).toEqual(shifted(alone, starts[k + 1]! - 1));
    }

    // Every document's text, page range by page range, is what it is alone: nothing dropped or moved.
    for (const [i, bytes] of [kallelse, memo, renderedBilaga(), rapport].entries()) {
      const alone = tempPdf(bytes, `alone${i}`);
      expect(pagesText(path, starts[i]!, starts[i]! + counts[i]! - 1)).toBe(pagesText(alone, 1, counts[i]!));
    }
    // The memo keeps its own page numbers: "1 (3)" on its first page, not the pack's.
    expect(pagesText(path, starts[1]!, starts[1]!)).toContain(`1 (${counts[1]})`);
  });

  it('keeps each document’s tag tree whole, one Part per document, and passes the PDF/UA preflight', async () => {
    const m = read(text, 'taggad2.yaml');
    const { kallelse, data } = await pack(m);
    const path = tempPdf(data, 'handlingar-ua');
    expect(run('pdfinfo', [path])).toMatch(/^Tagged:\s+yes$/m);
    const item = (i: number) => (m.items[i] as Extract<Meeting['items'][number], { type: 'case' }>).case;
    const own = [
      ownTree(kallelse, 'k'),
      ownTree(await renderPdf(renderDoc(item(1), profile)), 'm'),
      ownTree(renderedBilaga(), 'b'),
      ownTree(await renderPdf(renderDoc(item(2), profile)), 'r'),
    ];
    expect(parts(path)).toEqual(own);
    const findings = (await preflightPdf(data)).filter((f) => f.rule.startsWith('pdfua'));
    expect(findings).toEqual([]);
    expect(readXmpFromCatalog(await PDFDocument.load(data)).xmp?.['pdfuaid:part']).toBe('1');
    // Same bytes twice.
    expect(Buffer.from((await pack(m)).data).equals(Buffer.from(data))).toBe(true);
  });

  it.runIf(hasLibreOffice())(
    'keeps the tag tree of a bilaga LibreOffice made (its own roles and links)',
    async () => {
      const work = makeWorkDir();
      const html = join(work, 'lo-bilaga.html');
      writeFileSync(
        html,
        '<html><body><h1>Riskbedömning</h1><p>Bilagans text med <a href="https://example.org/">en länk</a>.</p><ul><li>Ett</li><li>Två</li></ul></body></html>',
      );
      const [pdfPath] = convert(
        work,
        [html],
        'pdf:writer_web_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}',
      );
      writeFileSync(join(dir, 'lo-bilaga.pdf'), readFileSync(pdfPath!));
      const m = read(`${head}ärenden:\n  - ärende: ${kfnCase}\n    bilagor: [lo-bilaga.pdf]\n`, 'lo.yaml');
      const { data, untagged } = await pack(m);
      expect(untagged).toEqual([]);
      const bilaga = parts(tempPdf(data, 'lo-pack'))[2]!;
      expect(bilaga).toEqual(ownTree(readFileSync(pdfPath!), 'lo'));
      expect(bilaga.map((e) => e.role)).toContain('Link');
      expect((await preflightPdf(data)).filter((f) => f.rule.startsWith('pdfua'))).toEqual([]);
    },
  );
});

describe('the handlingar with an untagged bilaga', () => {
  it('warns naming the bilaga, leaves out the PDF/UA claim, and still tags the kallelse and the memo', async () => {
    const m = read(
      `${head}ärenden:\n  - ärende: ${kfnCase}\n    bilagor: [riskbedomning.pdf, taggad.pdf]\n`,
      'otaggad.yaml',
    );
    const out = join(dir, 'ut-otaggad');
    const result = await writeMeetingFiles(m, profile, { outDir: out }, { handlingar: true });
    expect(result.diagnostics.map((d) => [d.severity, d.rule])).toEqual([
      ['varning', 'meeting-attachment-untagged'],
    ]);
    expect(result.diagnostics[0]!.message).toContain('Bilagan riskbedomning.pdf är inte taggad');
    // At the bilaga's place in the meeting file.
    expect(result.diagnostics[0]!.position).toMatchObject({ line: 9, column: 15 });
    expect(result.diagnostics[0]!.message).toContain('inte PDF/UA');
    const { data } = await pack(m);
    const rules = (await preflightPdf(data)).map((f) => f.rule);
    expect(rules).toContain('pdfua-identification');
    expect(rules).toContain('pdfua-tagged-content');
    // Kallelse, memo and the tagged bilaga keep their trees; the untagged one has none.
    expect(parts(tempPdf(data, 'otaggad'))).toHaveLength(3);
  });
});

function renderedBilaga(): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, 'taggad.pdf')));
}

describe('a crafted bilaga', () => {
  it('with a structure tree nested 20 000 deep is a diagnostic of that bilaga, not a crash', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([595, 842]);
    const { context } = doc;
    let child = context.register(context.obj({ Type: 'StructElem', S: 'P', K: [] }));
    for (let i = 0; i < 20_000; i++)
      child = context.register(context.obj({ Type: 'StructElem', S: 'Div', K: [child] }));
    doc.catalog.set(
      PDFName.of('StructTreeRoot'),
      context.register(context.obj({ Type: 'StructTreeRoot', K: [child] })),
    );
    doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    writeFileSync(join(dir, 'djup.pdf'), await doc.save({ useObjectStreams: false }));
    const m = read(`${head}ärenden:\n  - ärende: ${kfnCase}\n    bilagor: [djup.pdf]\n`, 'djup.yaml');
    const result = await writeMeetingFiles(
      m,
      profile,
      { outDir: join(dir, 'ut-djup') },
      { handlingar: true },
    );
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['meeting-attachment-unreadable']);
    expect(result.diagnostics[0]!.message).toContain('djup.pdf');
    expect(result.written).toEqual([]);
  });
});
