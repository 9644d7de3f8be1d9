/**
 * The table of contents in the PDF, read back by poppler, pdf.js and qpdf: each entry's number is the page
 * pdftotext finds its heading on, the tags are TOC/TOCI with a Link per entry, each link goes to its
 * heading's page and line, the dot leaders are no text, and verifiera's PDF/UA and PDF/A rules accept it.
 */
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { toArchivalPdf } from '../../../src/archive/pdfa.js';
import { type PreflightContext, preflightPdf, rules } from '../../../src/archive/preflight.js';
import { readXmpFromCatalog } from '../../../src/archive/xmp.js';
import { buildPdfDocument, layoutDoc, renderPdf } from '../../../src/backends/pdf/index.js';
import type { Doc } from '../../../src/doc/model.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { LONG_HEADING, TOC_ENTRIES, tocDoc } from '../../fixtures/doc/toc-doc.js';
import {
  openWithPdfjs,
  pageCount,
  pdftotext,
  qpdfCheck,
  qpdfInspect,
  structText,
  tempPdf,
  wordBoxes,
} from '../../helpers/pdf.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

interface Annotation {
  subtype: string;
  dest?: unknown;
  url?: string;
  contentsObj?: { str: string };
  rect: number[];
}

describe('a table of contents after the title', () => {
  let doc: Doc;
  let bytes: Uint8Array;
  let path: string;
  let pages: string[];
  beforeAll(async () => {
    doc = tocDoc();
    bytes = await renderPdf(doc);
    path = tempPdf(bytes, 'toc');
    pages = Array.from({ length: pageCount(path) }, (_, i) => squash(pdftotext(path, i + 1)));
  });

  /** The page (from 1) pdftotext finds the heading itself on: the toc's page holds its entry too. */
  const headingPage = (heading: string) => {
    const found = pages.flatMap((text, i) =>
      occurrences(text, heading) - (i === 0 ? 1 : 0) > 0 ? [i + 1] : [],
    );
    expect(found, heading).toHaveLength(1);
    return found[0]!;
  };

  /** The toc as poppler reads its tags: each TOCI's Link text, split into the entry and its number. */
  const tocItems = () => {
    const elements = structText(path);
    const at = elements.findIndex((e) => e.role === 'TOC');
    const items: { text: string; page: number }[] = [];
    for (const [i, e] of elements.entries()) {
      if (i <= at || e.depth <= elements[at]!.depth) continue;
      if (e.role !== 'Link') continue;
      const m = /^(.*\D)(\d+)$/.exec(squash(e.text))!;
      items.push({ text: squash(m[1]!), page: Number(m[2]) });
    }
    return items;
  };

  test('the headings spread over several pages, the toc on the first', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const found = TOC_ENTRIES.map((e) => headingPage(e.text));
    expect(new Set(found).size).toBeGreaterThanOrEqual(4);
    expect(pages[0]).toContain('Innehåll');
  });

  test('each entry carries the page pdftotext finds its heading on, in order, only the listed ones', () => {
    const items = tocItems();
    expect(items.map((i) => i.text)).toEqual(TOC_ENTRIES.map((e) => e.text));
    for (const item of items) expect(item.page, item.text).toBe(headingPage(item.text));
    // The number is printed at the end of the entry's (last) line, as the page shows it.
    const lines = pdftotext(path, 1, { layout: true }).split('\n').map(squash);
    for (const item of items) {
      const last = item.text === LONG_HEADING ? item.text.split(' ').slice(-3).join(' ') : item.text;
      expect(
        lines.some((l) => l.endsWith(` ${item.page}`) && l.includes(last)),
        item.text,
      ).toBe(true);
    }
    // Neither the heading before the toc nor the level-4 heading (depth 3) is listed.
    expect(occurrences(pages[0]!, 'Förord före innehållet')).toBe(1);
    expect(pages.join(' ')).toContain('Detaljer som inte listas');
    expect(items.some((i) => i.text.includes('Detaljer'))).toBe(false);
  });

  test('the layout numbers match pdftotext, so the second pass saw the same pages as the first', () => {
    const layout = layoutDoc(doc);
    const headingBlocks = doc.blocks.flatMap((b, i) =>
      b.type === 'heading' && b.level <= 3 && i > doc.blocks.findIndex((x) => x.type === 'toc') ? [i] : [],
    );
    expect(headingBlocks.map((i) => layout.blockPositions[i]!.pageIndex + 1)).toEqual(
      TOC_ENTRIES.map((e) => headingPage(e.text)),
    );
  });

  test('pdfinfo -struct-text: an H2 title, then TOC with one TOCI → Reference → Link per entry', () => {
    const elements = structText(path);
    const at = elements.findIndex((e) => e.role === 'TOC');
    expect(at).toBeGreaterThan(0);
    expect(elements[at - 1]).toMatchObject({ role: 'H2', text: 'Innehåll' });
    const toc = elements[at]!;
    const inside = elements.slice(
      at + 1,
      elements.findIndex((e, i) => i > at && e.depth <= toc.depth),
    );
    expect(inside.filter((e) => e.depth === toc.depth + 1).map((e) => e.role)).toEqual(
      TOC_ENTRIES.map(() => 'TOCI'),
    );
    expect(inside.map((e) => e.role)).toEqual(TOC_ENTRIES.flatMap(() => ['TOCI', 'Reference', 'Link']));
    // The leader is not text: no dots in the tags.
    for (const e of inside) expect(e.text).not.toMatch(/\.\./);
  });

  test('the dot leaders are artifacts: pdftotext reads "Inledning 3", no dots', () => {
    expect(pages[0]).not.toMatch(/\.\.\./);
    expect(pages[0]).toMatch(new RegExp(`Inledning ${headingPage('Inledning')}\\b`));
  });

  test("pdf.js: each entry's link annotations go to its heading's page, at the heading's line", async () => {
    const pdf = await openWithPdfjs(bytes);
    const boxes = wordBoxes(path);
    const heightPt = (await pdf.getPage(1)).view[3]!;
    const annotations = ((await (await pdf.getPage(1)).getAnnotations()) as Annotation[]).filter(
      (a) => a.subtype === 'Link',
    );
    // One per line: the long entry wraps.
    expect(annotations).toHaveLength(TOC_ENTRIES.length + 1);
    for (const a of annotations) {
      expect(a.url).toBeUndefined();
      const contents = a.contentsObj!.str;
      const entry = TOC_ENTRIES.find((e) => contents.startsWith(`${e.text}, sida `))!;
      expect(entry, contents).toBeDefined();
      const page = headingPage(entry.text);
      expect(contents).toBe(`${entry.text}, sida ${page}`);
      const [ref, kind, left, top, zoom] = a.dest as [
        { num: number; gen: number },
        { name: string },
        ...unknown[],
      ];
      expect(kind.name).toBe('XYZ');
      expect([left, zoom]).toEqual([null, null]);
      expect((await pdf.getPageIndex(ref)) + 1, entry.text).toBe(page);
      // The top is just above the heading's first word on that page (its last on the page: on the toc's
      // page the entry stands above the heading).
      const firstWord = entry.text.split(' ')[0]!;
      const word = boxes.filter((b) => b.page === page && b.word === firstWord).at(-1)!;
      const wordTop = heightPt - word.yMin;
      expect(top as number).toBeGreaterThanOrEqual(wordTop);
      expect(top as number).toBeLessThan(wordTop + 16);
    }
    await pdf.destroy();
  });

  test('the bookmarks still list the title and the headings, not the toc title', async () => {
    const pdf = await openWithPdfjs(bytes);
    const flat = (items: { title: string; items: unknown[] }[]): string[] =>
      items.flatMap((i) => [i.title, ...flat(i.items as { title: string; items: unknown[] }[])]);
    const titles = flat((await pdf.getOutline()) as { title: string; items: unknown[] }[]);
    expect(titles).toContain('Inledning');
    expect(titles).toContain('Intervjuer med brukare');
    expect(titles).not.toContain('Innehåll');
    await pdf.destroy();
  });

  test('qpdf: a clean file whose links are destinations, no actions at all', () => {
    expect(qpdfCheck(path).status).toBe(0);
    const found = qpdfInspect(path);
    expect(found.types).toEqual([]);
    expect(found.triggers).toEqual([]);
  });

  test('every pdfua-* rule of the preflight passes on the build PDF', async () => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const ctx: PreflightContext = { bytes, pdf, ...readXmpFromCatalog(pdf) };
    const pdfua = rules.filter((r) => r.id.startsWith('pdfua-'));
    expect(pdfua.length).toBeGreaterThanOrEqual(9);
    for (const rule of pdfua) expect(await rule.check(ctx), rule.id).toEqual([]);
  });

  test('as an archival PDF/A, verifiera finds nothing (links to destinations are allowed)', async () => {
    const pdf = await buildPdfDocument(doc);
    const source = new TextEncoder().encode('# källa\n');
    const archival = await toArchivalPdf(pdf, { ...doc.meta, producer: 'skrivelse' }, [
      { name: 'rapport.md', bytes: source, mimeType: 'text/markdown', description: 'Ärendefil (källa)' },
    ]);
    expect(await preflightPdf(archival)).toEqual([]);
  });

  test('same Doc, same bytes', async () => {
    expect(Buffer.from(await renderPdf(tocDoc())).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('edge cases', () => {
  test('a toc with no headings after it is its title alone; without a title, nothing', async () => {
    const base = seed001Doc();
    const onlyTitle = {
      ...base,
      blocks: [...base.blocks, { type: 'toc' as const, title: 'Innehåll', depth: 2 as const }],
    };
    const elements = structText(tempPdf(await renderPdf(onlyTitle), 'toc-empty'));
    expect(elements.at(-1)).toMatchObject({ role: 'H2', text: 'Innehåll' });
    expect(elements.some((e) => e.role === 'TOC')).toBe(false);
    const none = {
      ...base,
      blocks: [...base.blocks, { type: 'toc' as const, title: ' ', depth: 2 as const }],
    };
    expect(layoutDoc(none).pages.length).toBe(layoutDoc(base).pages.length);
  });

  test('depth 2 lists only the sections', () => {
    const doc = tocDoc();
    const toc = doc.blocks.find((b) => b.type === 'toc')!;
    if (toc.type === 'toc') toc.depth = 2;
    const texts = layoutDoc(doc)
      .nodes.filter((n) => n.role === 'Link')
      .map((n) => n.text!.replace(/, sida \d+$/, ''));
    expect(texts).toEqual(TOC_ENTRIES.filter((e) => e.level === 2).map((e) => e.text));
  });
});
