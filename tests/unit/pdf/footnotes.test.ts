/**
 * Footnotes in the PDF: the mark is a small raised number tagged Reference (with /Ref to its Note), the
 * notes stand at the end of the memo under a rule, each a Note with an /ID. Read with poppler (text,
 * boxes, structure), pdf.js (structure tree), qpdf (/ID and /Ref) and the preflight's PDF/UA rules.
 */
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { type PreflightContext, rules } from '../../../src/archive/preflight.js';
import { readXmpFromCatalog } from '../../../src/archive/xmp.js';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { readCaseFile } from '../../../src/case/read.js';
import { renderDoc } from '../../../src/render/index.js';
import { openWithPdfjs, pdftotext, run, structText, tempPdf, wordBoxes } from '../../helpers/pdf.js';
import { fixture, linkoping } from '../case/helpers.js';

let bytes: Uint8Array;
let path: string;

beforeAll(async () => {
  const c = readCaseFile(fixture('footnotes.md'), linkoping).case!;
  bytes = await renderPdf(renderDoc(c, linkoping));
  path = tempPdf(bytes, 'fotnoter');
});

describe('footnotes in the PDF', () => {
  test('pdftotext: the marks follow their words and the notes come last, numbered by first reference', () => {
    const text = pdftotext(path).replace(/\s+/g, ' ');
    expect(text).toContain('föreskrifter.1 Kostnaden står i bilaga 2.2 Se föreskrifterna igen.1');
    const notes = text.indexOf('1 SOSFS 2014:5 om dokumentation. Gäller också LSS-verksamhet.');
    expect(notes).toBeGreaterThan(0);
    expect(text.indexOf('2 Beräknad på 2024 års priser, exklusive moms.')).toBeGreaterThan(notes);
    // At the very end: after the signature and the recipients.
    expect(notes).toBeGreaterThan(text.indexOf('Beslutet skickas till'));
  });

  test('pdftotext -bbox: the mark is smaller than its word and raised above its baseline', () => {
    const boxes = wordBoxes(path);
    const at = boxes.findIndex((b) => b.word === 'föreskrifter.');
    const word = boxes[at]!;
    const mark = boxes[at + 1]!;
    expect(mark.word).toBe('1');
    expect(mark.yMax - mark.yMin).toBeLessThan(0.8 * (word.yMax - word.yMin));
    expect(mark.yMax).toBeLessThan(word.yMax - 2);
    expect(Math.abs(mark.xMin - word.xMax)).toBeLessThan(0.5);
  });

  test('pdfinfo -struct-text: three References in the paragraph and a Note per note with Lbl and text', () => {
    // A Reference's own text is the quoted line right below it (the paragraph's text goes on after it).
    const references = [
      ...run('pdfinfo', ['-struct-text', path]).matchAll(/Reference \(inline\)\n\s*"([^"]*)"/g),
    ];
    expect(references.map((m) => m[1])).toEqual(['1', '2', '1']);
    const elements = structText(path);
    const notes = elements.flatMap((e, i) => (e.role === 'Note' ? [elements.slice(i, i + 4)] : []));
    expect(notes.map((n) => n.map((e) => `${e.role}: ${e.text}`))).toEqual([
      ['Note: ', 'Lbl: 1', 'P: SOSFS 2014:5 om dokumentation.', 'P: Gäller också LSS-verksamhet.'],
      // The last elements of the tree: nothing after the notes.
      ['Note: ', 'Lbl: 2', 'P: Beräknad på 2024 års priser, exklusive moms.'],
    ]);
    expect(elements.filter((e) => e.role === 'Note').map((e) => e.depth)).toEqual([1, 1]);
    expect(run('pdfinfo', ['-struct', path])).toMatch(/Note <fotnot-1>[\s\S]*Note <fotnot-2>/);
  });

  test('pdf.js: the structure tree holds Reference and Note', async () => {
    const pdf = await openWithPdfjs(bytes);
    const roles: string[] = [];
    const walk = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.push(node.role);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    for (let n = 1; n <= pdf.numPages; n++) walk(await (await pdf.getPage(n)).getStructTree());
    await pdf.destroy();
    expect(roles.filter((r) => r === 'Reference')).toHaveLength(3);
    expect(roles.filter((r) => r === 'Note')).toHaveLength(2);
  });

  test('qpdf: each Reference has /Ref to the Note whose /ID it names', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', path])) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    const elements = Object.entries(json.qpdf[1]).flatMap(([key, o]) =>
      o.value?.['/Type'] === '/StructElem' ? [{ ref: key.replace(/^obj:/, ''), value: o.value }] : [],
    );
    const noteIds = new Map(
      elements.filter((e) => e.value['/S'] === '/Note').map((e) => [e.ref, String(e.value['/ID'])]),
    );
    expect([...noteIds.values()]).toEqual(['u:fotnot-1', 'u:fotnot-2']);
    const refs = elements
      .filter((e) => e.value['/S'] === '/Reference')
      .map((e) => noteIds.get((e.value['/Ref'] as string[])[0]!));
    expect(refs).toEqual(['u:fotnot-1', 'u:fotnot-2', 'u:fotnot-1']);
  });

  test('passes every pdfua-* rule of the preflight', async () => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const ctx: PreflightContext = { bytes, pdf, ...readXmpFromCatalog(pdf) };
    for (const rule of rules.filter((r) => r.id.startsWith('pdfua-')))
      expect(await rule.check(ctx), rule.id).toEqual([]);
  });
});
