/** The rendered PDF as independent readers see it: poppler, qpdf and pdf.js. */
import { beforeAll, describe, expect, test } from 'vitest';
import { layoutDoc, renderPdf } from '../../../src/backends/pdf/index.js';
import type { Doc, Inline } from '../../../src/doc/model.js';
import { listTexts } from '../../fixtures/doc/lists.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { docWith, LONG_URL, overflowDoc, para, prose, text } from '../../fixtures/pdf/docs.js';
import {
  openWithPdfjs,
  pageCount,
  pdftotext,
  run,
  structText,
  tempPdf,
  wordBoxes,
} from '../../helpers/pdf.js';

const MM = 72 / 25.4;

/** All objects as qpdf's JSON (names as "/Name", references as "N 0 R") keyed by reference. */
function qpdfObjects(path: string): Record<string, Record<string, unknown>> {
  const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', path])) as {
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  const objects: Record<string, Record<string, unknown>> = {};
  for (const [key, entry] of Object.entries(json.qpdf[1])) {
    if (entry.value && typeof entry.value === 'object') objects[key.replace(/^obj:/, '')] = entry.value;
  }
  return objects;
}

/** Every word a reader should find in the body, in reading order. */
function bodyWords(doc: Doc): string[] {
  const texts: string[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'title' || block.type === 'heading' || block.type === 'paragraph') {
      texts.push(block.inlines.map((i) => (i.type === 'text' ? i.text : ' ')).join(''));
    } else if (block.type === 'list') {
      texts.push(...listTexts(block));
    } else if (block.type === 'signatures') {
      for (const s of block.signatures) texts.push(s.department, s.name, s.title ?? '');
    } else if (block.type === 'recipients') {
      texts.push(block.label, ...block.recipients);
    }
  }
  return words(texts.join(' '));
}

/** The first-page head's lines in reading order: kommun, label, date, Dnr, sender, addressees. */
function headLines(doc: Doc): string[] {
  const f = doc.furniture;
  return [f.municipality, f.label, f.date, ...f.dnrLines, ...f.senderLines, ...f.addressees];
}

/** Words after joining a line-end hyphen to the next line ("Social-\noch" and "Social- och" compare equal). */
function words(text: string): string[] {
  return text
    .replace(/-\s+/g, '-')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** Index after the last word of `needle` found in order in `haystack`, or -1 with the first missing word. */
function findInOrder(haystack: string[], needle: string[]): { missing?: string; at?: number } {
  let at = 0;
  for (const [i, word] of needle.entries()) {
    const found = haystack.indexOf(word, at);
    if (found < 0)
      return { missing: `${word} (ord ${i}: …${needle.slice(Math.max(0, i - 5), i).join(' ')})`, at };
    at = found + 1;
  }
  return {};
}

describe('seed 001 as PDF', () => {
  const doc = seed001Doc();
  let bytes: Uint8Array;
  let path: string;
  beforeAll(async () => {
    bytes = await renderPdf(doc);
    path = tempPdf(bytes, 'seed001');
  });

  test('pdftotext finds every word of the memo in order', () => {
    expect(findInOrder(words(pdftotext(path)), bodyWords(doc))).toEqual({});
  });

  test('3 to 5 pages, each numbered "N (M)"', () => {
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(5);
    for (let n = 1; n <= pages; n++) expect(pdftotext(path, n)).toContain(`${n} (${pages})`);
  });

  test('the first page carries the head and the footer; later pages the short head', () => {
    const first = pdftotext(path, 1);
    for (const s of [
      'Linköpings kommun',
      'TJÄNSTESKRIVELSE',
      'John Fristedt',
      'Dnr SON 2020-281',
      'Org.nr',
      '212000-2403',
    ]) {
      expect(first).toContain(s);
    }
    const second = pdftotext(path, 2);
    expect(second).toContain('Dnr SON 2020-281');
    expect(second).not.toContain('TJÄNSTESKRIVELSE');
    expect(second).not.toContain('Org.nr');
  });

  test('pdftotext -bbox: lines end where layout measured them (kerning drawn as measured)', () => {
    const layout = layoutDoc(doc);
    const boxes = wordBoxes(path);
    let compared = 0;
    layout.pages.forEach((page, pageIndex) => {
      const lineEnds = new Map<number, number>();
      for (const item of page.items) {
        if (item.kind !== 'text' || item.node === undefined) continue;
        lineEnds.set(item.baselinePt, Math.max(lineEnds.get(item.baselinePt) ?? 0, item.xPt + item.widthPt));
      }
      for (const [baseline, end] of lineEnds) {
        // Words of this line; text further right (the head's other column, the page number) starts past its end.
        const words = boxes.filter(
          (b) => b.page === pageIndex + 1 && b.yMin < baseline && b.yMax > baseline && b.xMin < end,
        );
        if (words.length === 0) continue;
        expect(Math.max(...words.map((w) => w.xMax))).toBeCloseTo(end, 1);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(60);
  });

  test('pdffonts: every font embedded as a subset with a ToUnicode map', () => {
    const rows = run('pdffonts', [path]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+NotoSans-/);
  });

  test('qpdf --check finds no errors', () => {
    const out = run('qpdf', ['--check', path]);
    expect(out).toContain('No syntax or stream encoding errors');
    expect(out).not.toMatch(/WARNING|error:/i);
  });

  test('metadata: title, author, dates from the case, tagged', () => {
    const info = run('pdfinfo', ['-isodates', path]);
    expect(info).toContain(`Title:           ${doc.meta.title}`);
    expect(info).toContain('Author:          John Fristedt');
    expect(info).toMatch(/CreationDate:\s+2023-08-30T00:00:00Z/);
    expect(info).toMatch(/ModDate:\s+2023-08-30T00:00:00Z/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const catalog = run('qpdf', ['--show-object=trailer', '--filtered-stream-data', path]);
    expect(catalog).toContain('/ID [');
  });

  test('pdf.js: language, display title, the structure tree with headings in order, marked text', async () => {
    const pdf = await openWithPdfjs(bytes);
    const meta = await pdf.getMetadata();
    expect((meta.info as { Language?: string }).Language).toBe('sv-SE');
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const elements: { role: string; text: string }[] = [];
    const roles = new Set<string>();
    let textInside = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const tree = await page.getStructTree();
      const content = await page.getTextContent({ includeMarkedContent: true });
      const textById = new Map<string, string>();
      let open: string | undefined;
      for (const item of content.items) {
        if ('type' in item) {
          open = item.type === 'beginMarkedContentProps' ? (item.id ?? undefined) : undefined;
        } else if (open) {
          textById.set(open, (textById.get(open) ?? '') + item.str);
          textInside++;
        }
      }
      type Node = { role?: string; id?: string; type?: string; children?: Node[] };
      // Text of each heading and paragraph element, its marked content joined as a reader would.
      const walk = (node: Node, into?: string[]) => {
        if (node.role) roles.add(node.role);
        const collect = node.role && /^(H[1-3]|P)$/.test(node.role) ? [] : into;
        for (const child of node.children ?? []) {
          if (child.type === 'content' && child.id && collect) collect.push(textById.get(child.id) ?? '');
          else walk(child, collect);
        }
        if (collect && collect !== into) elements.push({ role: node.role!, text: collect.join(' ') });
      };
      walk(tree as Node);
    }
    const inlineText = (inlines: Inline[]) => inlines.map((i) => (i.type === 'text' ? i.text : ' ')).join('');
    const expected = doc.blocks.flatMap((b) =>
      b.type === 'title' || b.type === 'heading'
        ? [{ role: b.type === 'title' ? 'H1' : `H${b.level}`, text: inlineText(b.inlines) }]
        : [],
    );
    const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(elements.filter((e) => e.role !== 'P').map((e) => ({ ...e, text: normalised(e.text) }))).toEqual(
      expected,
    );
    // The first-page head is read first, one paragraph per line, before the title.
    const title = elements.findIndex((e) => e.role === 'H1');
    expect(elements.slice(0, title).map((e) => ({ ...e, text: normalised(e.text) }))).toEqual(
      headLines(doc).map((text) => ({ role: 'P', text })),
    );
    for (const role of ['Document', 'Div', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody']) {
      expect(roles).toContain(role);
    }
    expect(textInside).toBeGreaterThan(50);
  });

  test('pdfinfo -struct-text: each paragraph reads back word for word, spaces at line ends included', () => {
    const elements = structText(path).map(({ role, text }) => ({ role, text }));
    const paragraphs = doc.blocks.flatMap((b) =>
      b.type === 'paragraph' ? [b.inlines.map((i) => (i.type === 'text' ? i.text : ' ')).join('')] : [],
    );
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const p of paragraphs) expect(elements).toContainEqual({ role: 'P', text: p });
  });

  test('pdfinfo -struct-text: the first-page head is tagged content, in reading order before the title', () => {
    const elements = structText(path);
    const title = elements.findIndex((e) => e.role === 'H1');
    expect(title).toBeGreaterThan(0);
    // Document, then a Div holding the head's lines as paragraphs.
    expect(elements.slice(0, 2).map((e) => e.role)).toEqual(['Document', 'Div']);
    const head = elements.slice(2, title);
    expect(head.map((e) => e.role)).toEqual(headLines(doc).map(() => 'P'));
    expect(head.map((e) => e.text)).toEqual(headLines(doc));
    for (const s of [
      '2023-08-30',
      'Dnr SON 2020-281',
      'Social- och omsorgsförvaltningen',
      'Social- och omsorgsnämnden',
    ])
      expect(head.map((e) => e.text)).toContain(s);
    expect(head.map((e) => e.text).join(' ')).toContain('John Fristedt');
  });

  test('qpdf: catalog, pages and structure root carry the tagging entries', () => {
    const objects = qpdfObjects(path);
    const byType = (type: string) => Object.values(objects).filter((o) => o['/Type'] === type);
    const [catalog] = byType('/Catalog');
    expect(catalog).toMatchObject({ '/Lang': 'u:sv-SE', '/MarkInfo': { '/Marked': true } });
    expect(objects[catalog!['/ViewerPreferences'] as string]).toMatchObject({ '/DisplayDocTitle': true });
    const pages = byType('/Page');
    for (const [i, page] of pages.entries())
      expect(page).toMatchObject({ '/Tabs': '/S', '/StructParents': i });
    const [root] = byType('/StructTreeRoot');
    const parentTree = objects[root!['/ParentTree'] as string] as { '/Nums': unknown[] };
    expect(parentTree['/Nums'].filter((_, i) => i % 2 === 0)).toEqual(pages.map((_, i) => i));
  });

  test('pdf.js: bookmarks for the title and every heading; running heads, numbers and footer are artifacts', async () => {
    const pdf = await openWithPdfjs(bytes);
    const outline = await pdf.getOutline();
    const flat = (items: { title: string; items: unknown[] }[]): string[] =>
      items.flatMap((i) => [i.title, ...flat(i.items as { title: string; items: unknown[] }[])]);
    const titles = doc.blocks.flatMap((b) =>
      b.type === 'title' || b.type === 'heading'
        ? [b.inlines.map((i) => (i.type === 'text' ? i.text : '')).join('')]
        : [],
    );
    expect(flat(outline)).toEqual(titles);
    const artifactsOf = async (page: number) => {
      const content = await (await pdf.getPage(page)).getTextContent({ includeMarkedContent: true });
      let inArtifact = false;
      const artifactText: string[] = [];
      for (const item of content.items) {
        if ('type' in item) inArtifact = item.type === 'beginMarkedContentProps' && item.tag === 'Artifact';
        else if (inArtifact) artifactText.push(item.str);
      }
      return artifactText.join(' ');
    };
    const later = await artifactsOf(2);
    expect(later).toContain(`2 (${pdf.numPages})`);
    expect(later).toContain('Dnr SON 2020-281');
    expect(later).not.toContain('Bakgrund');
    // On page 1 only the page number and the footer are artifacts: the head is content.
    const first = await artifactsOf(1);
    expect(first).toContain(`1 (${pdf.numPages})`);
    expect(first).toContain('Org.nr');
    for (const s of ['TJÄNSTESKRIVELSE', '2023-08-30', 'Dnr', 'John Fristedt', 'förvaltningen', 'nämnden'])
      expect(first).not.toContain(s);
  });

  test('same Doc, same bytes', async () => {
    expect(Buffer.from(await renderPdf(seed001Doc())).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('links and overflow', () => {
  let bytes: Uint8Array;
  let path: string;
  beforeAll(async () => {
    bytes = await renderPdf(overflowDoc());
    path = tempPdf(bytes, 'overflow');
  });

  test('pdftotext -bbox: no word passes the right margin', () => {
    const doc = overflowDoc();
    const right = doc.page.widthMm * MM - doc.page.marginsMm.right * MM;
    const boxes = wordBoxes(path);
    expect(boxes.length).toBeGreaterThan(50);
    for (const box of boxes) expect(box.xMax, box.word).toBeLessThanOrEqual(right + 0.5);
  });

  test('link annotations carry the URL, a description and a structure parent', async () => {
    const pdf = await openWithPdfjs(bytes);
    const annotations = (await (await pdf.getPage(1)).getAnnotations()) as {
      id: string;
      subtype: string;
      url?: string;
      contentsObj?: { str: string };
    }[];
    const links = annotations.filter((a) => a.subtype === 'Link');
    expect(links[0]).toMatchObject({
      url: 'https://www.linkoping.se/',
      contentsObj: { str: 'kommunens webbplats' },
    });
    expect(links.filter((a) => a.url === LONG_URL).length).toBeGreaterThan(1);
    const tree = JSON.stringify(await (await pdf.getPage(1)).getStructTree());
    expect(tree).toContain('"role":"Link"');
    // Each link annotation is an object reference (OBJR) inside a Link element.
    for (const link of links)
      expect(tree).toMatch(
        new RegExp(`"role":"Link","children":\\[[^\\]]*"type":"object","id":"${link.id}"`),
      );
  });
});

describe('wrapped links and joint signatures', () => {
  const linkText = `${prose(30)} i kommunens riktlinjer`;
  const doc = docWith([
    para(text('Se '), text(linkText, { href: 'https://www.linkoping.se/riktlinjer' }), text(' för mer.')),
    para(text('Adress: '), text(LONG_URL, { href: LONG_URL })),
    {
      type: 'signatures',
      signatures: [
        {
          department: 'Social- och omsorgsförvaltningen',
          name: 'Maria Ek',
          title: 'Social- och omsorgsdirektör',
        },
        { department: 'Utbildningsförvaltningen', name: 'Per Lind', title: 'Utbildningsdirektör' },
      ],
    },
  ]);
  let path: string;
  beforeAll(async () => {
    path = tempPdf(await renderPdf(doc), 'wrapped');
  });

  test('qpdf: every annotation of a link that wraps has the whole link text as /Contents', () => {
    const annotations = Object.values(qpdfObjects(path)).filter((o) => o['/Subtype'] === '/Link');
    const contentsFor = (uri: string) =>
      annotations
        .filter((a) => (a['/A'] as Record<string, unknown>)['/URI'] === `u:${uri}`)
        .map((a) => a['/Contents']);
    const riktlinjer = contentsFor('https://www.linkoping.se/riktlinjer');
    expect(riktlinjer.length).toBeGreaterThan(1);
    expect(new Set(riktlinjer)).toEqual(new Set([`u:${linkText}`]));
    const long = contentsFor(LONG_URL);
    expect(long.length).toBeGreaterThan(1);
    expect(new Set(long)).toEqual(new Set([`u:${LONG_URL}`]));
  });

  test('pdfinfo -struct-text: each signature reads department, name, title, one paragraph per line', () => {
    const elements = structText(path);
    const divs = elements.flatMap((e, i) => (e.role === 'Div' && i > 2 ? [i] : []));
    const linesOf = (at: number) =>
      elements.slice(at + 1, at + 4).map((e) => ({ role: e.role, depth: e.depth, text: e.text }));
    expect(divs.map(linesOf)).toEqual(
      doc.blocks.flatMap((b) =>
        b.type === 'signatures'
          ? b.signatures.map((s) =>
              [s.department, s.name, s.title].map((text) => ({ role: 'P', depth: 2, text })),
            )
          : [],
      ),
    );
  });

  test('pdftotext: the signature lines are not run together, and -raw reads signature by signature', () => {
    const all = pdftotext(path);
    // The signatures follow the long URL (the head above them also names the förvaltning).
    const lines = all
      .slice(all.lastIndexOf('dokument='))
      .split('\n')
      .map((l) => l.trim());
    for (const line of [
      'Social- och omsorgsförvaltningen',
      'Maria Ek',
      'Social- och omsorgsdirektör',
      'Utbildningsförvaltningen',
      'Per Lind',
      'Utbildningsdirektör',
    ])
      expect(lines).toContain(line);
    const raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']).replace(/\s+/g, ' ');
    expect(raw).toContain(
      'Social- och omsorgsförvaltningen Maria Ek Social- och omsorgsdirektör Utbildningsförvaltningen Per Lind Utbildningsdirektör',
    );
  });
});
