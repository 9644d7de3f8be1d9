/**
 * Tables in the PDF, read back by poppler (pdftotext, pdfinfo -struct-text), qpdf and pdf.js: the tag tree
 * Table/THead/TBody/TR/TH/TD with TH scoped to its column, cell text in reading order, numbers right-aligned,
 * long cells wrapped inside their column, and a long table broken between rows with its header row on
 * every page (drawn again as an artifact, so the tag tree has it once).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { preflightPdf } from '../../../src/archive/preflight.js';
import { layoutDoc, renderPdf } from '../../../src/backends/pdf/index.js';
import { tableWidths } from '../../../src/backends/pdf/layout/table.js';
import type { ColumnAlign, Doc, TableBlock, TableCell } from '../../../src/doc/model.js';
import { PT_PER_MM, quote, table as typoTable } from '../../../src/doc/typography.js';
import { docWith, fillers, para, text } from '../../fixtures/pdf/docs.js';
import {
  pageCount,
  pdftotext,
  qpdfCheck,
  run,
  type StructTextElement,
  tempPdf,
  type WordBox,
  wordBoxes,
} from '../../helpers/pdf.js';

const cell = (t: string): TableCell => ({ inlines: t ? [text(t)] : [] });

function table(align: ColumnAlign[], header: string[], rows: string[][]): TableBlock {
  return { type: 'table', align, header: header.map(cell), rows: rows.map((r) => r.map(cell)) };
}

const LONG_CELL =
  'Arbetsinriktad rehabilitering och stöd för personer med funktionsnedsättning enligt överenskommelsen med arbetsmarknadsnämnden';

const budget: TableBlock = table(
  ['left', 'left', 'right'],
  ['Verksamhet', 'Beskrivning', 'Kostnad (tkr)'],
  [
    ['Daglig verksamhet', 'Kort text', '1 200'],
    ['Rehabilitering', LONG_CELL, '35 400'],
    ['Boendestöd', '', '7'],
    ['Summa', 'Alla verksamheter', '36 607'],
  ],
);

// A link inside a cell: its Link element belongs to the TD, its annotation on the cell's words.
budget.rows[0]![1] = {
  inlines: [text('Kort '), text('text', { href: 'https://www.linkoping.se/' })],
};

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * `pdfinfo -struct-text` as elements (as structText in helpers/pdf.ts), also reading the elements that have
 * attributes: poppler prints those as `TH:` followed by the attribute lines.
 */
function cellTree(path: string): StructTextElement[] {
  const elements: StructTextElement[] = [];
  for (const line of run('pdfinfo', ['-struct-text', path]).split('\n')) {
    const role = /^( *)(\w+):?(?: <[^>]*>)?(?: \(\w+\))?$/.exec(line);
    const quoted = /^\s*"(.*)"$/.exec(line);
    if (role) elements.push({ role: role[2]!, depth: role[1]!.length / 2, text: '' });
    else if (quoted && elements.length > 0) elements.at(-1)!.text += quoted[1];
  }
  return elements;
}

/** The text block's left edge and width of the seed Doc, in points. */
function textBlock(doc: Doc) {
  const m = doc.page.marginsMm;
  return { leftPt: m.left * PT_PER_MM, widthPt: (doc.page.widthMm - m.left - m.right) * PT_PER_MM };
}

describe('a small table', () => {
  const doc = docWith([para(text('Före tabellen.')), budget, para(text('Efter tabellen.'))]);
  let bytes: Uint8Array;
  let path: string;
  let boxes: WordBox[];
  beforeAll(async () => {
    bytes = await renderPdf(doc);
    path = tempPdf(bytes, 'table');
    boxes = wordBoxes(path);
  });

  test('the tag tree is Table → THead → TR → TH and TBody → TR → TD, every cell present', () => {
    const tree = cellTree(path);
    const table = tree.findIndex((e) => e.role === 'Table');
    expect(table).toBeGreaterThan(-1);
    const depth = tree[table]!.depth;
    const end = tree.findIndex((e, i) => i > table && e.depth <= depth);
    const inside = tree.slice(table + 1, end === -1 ? undefined : end);
    // The Link in the second row's cell is inside its TD.
    const link = inside.findIndex((e) => e.role === 'Link');
    expect(inside[link - 1]).toMatchObject({ role: 'TD', text: 'Kort ' });
    expect(inside[link]!.depth).toBe(inside[link - 1]!.depth + 1);
    const roles = inside
      .filter((e) => e.role !== 'Link')
      .map((e) => `${'  '.repeat(e.depth - depth - 1)}${e.role}`);
    const cells = (role: string, n: number) => Array.from({ length: n }, () => `    ${role}`);
    expect(roles).toEqual([
      'THead',
      '  TR',
      ...cells('TH', 3),
      'TBody',
      ...[1, 2, 3, 4].flatMap(() => ['  TR', ...cells('TD', 3)]),
    ]);
    // Cell text in reading order, row by row; the empty cell is an element without text.
    const cellText = inside.flatMap((e, i) =>
      e.role === 'TH' || e.role === 'TD'
        ? [`${e.text}${inside[i + 1]?.role === 'Link' ? inside[i + 1]!.text : ''}`.trim()]
        : [],
    );
    expect(cellText).toEqual([
      'Verksamhet',
      'Beskrivning',
      'Kostnad (tkr)',
      'Daglig verksamhet',
      'Kort text',
      '1 200',
      'Rehabilitering',
      LONG_CELL,
      '35 400',
      'Boendestöd',
      '',
      '7',
      'Summa',
      'Alla verksamheter',
      '36 607',
    ]);
  });

  test('TH has the attribute /O /Table /Scope /Column (qpdf --json, pdfinfo -struct)', () => {
    const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', path])) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    const dicts = Object.values(json.qpdf[1]).flatMap((o) =>
      o.value && typeof o.value === 'object' ? [o.value] : [],
    );
    const resolve = (v: unknown) => (typeof v === 'string' ? json.qpdf[1][`obj:${v}`]?.value : v);
    const th = dicts.filter((d) => d['/S'] === '/TH');
    expect(th).toHaveLength(3);
    for (const element of th) expect(resolve(element['/A'])).toEqual({ '/O': '/Table', '/Scope': '/Column' });
    expect(dicts.filter((d) => d['/S'] === '/TD').every((d) => d['/A'] === undefined)).toBe(true);
    // poppler reads the attribute too: each TH line is followed by its scope.
    const tree = run('pdfinfo', ['-struct', path]).split('\n');
    const thLines = tree.flatMap((line, i) => (/^\s*TH:?$/.test(line) ? [tree[i + 1]!.trim()] : []));
    expect(thLines).toEqual(['/Scope /Column', '/Scope /Column', '/Scope /Column']);
  });

  test('pdftotext reads every cell, row by row', () => {
    // Cell by cell, row by row: each cell is drawn whole before the next.
    const body = words(pdftotext(path, 1));
    const start = body.indexOf('Före');
    const expected = words(
      `Före tabellen. Verksamhet Beskrivning Kostnad (tkr) Daglig verksamhet Kort text 1 200 Rehabilitering ${LONG_CELL} 35 400 Boendestöd`,
    );
    expect(body.slice(start, start + expected.length)).toEqual(expected);
    // The wrapped cell's words all appear, and the text after the table follows it.
    const all = words(pdftotext(path, 1)).join(' ');
    for (const w of words(LONG_CELL)) expect(all).toContain(w);
    expect(body.indexOf('Efter')).toBeGreaterThan(body.indexOf('36'));
  });

  test('numbers are right-aligned: their right edges line up', () => {
    const rights = ['(tkr)', '200', '400', '7', '607'].map((w) => {
      const box = boxes.find((b) => b.word === w && b.page === 1);
      expect(box, w).toBeDefined();
      return box!.xMax;
    });
    for (const right of rights) expect(right).toBeCloseTo(rights[0]!, 0);
    // …at the table's right edge less the cell padding.
    const { leftPt, widthPt } = textBlock(doc);
    expect(rights[0]).toBeGreaterThan(leftPt + widthPt - 10);
    expect(rights[0]).toBeLessThanOrEqual(leftPt + widthPt);
  });

  test('the long cell wraps over lines, every word inside its column', () => {
    const { leftPt, widthPt } = textBlock(doc);
    const widths = tableWidths(budget, widthPt).widthsPt;
    const columnLeft = leftPt + widths[0]!;
    const columnRight = columnLeft + widths[1]!;
    const cellWords = words(LONG_CELL);
    const first = boxes.findIndex((b) => b.word === cellWords[0]);
    const cellBoxes = boxes.slice(first, first + cellWords.length);
    expect(cellBoxes.map((b) => b.word)).toEqual(cellWords);
    expect(new Set(cellBoxes.map((b) => Math.round(b.yMin))).size).toBeGreaterThan(1);
    for (const b of cellBoxes) {
      expect(b.xMin, b.word).toBeGreaterThanOrEqual(columnLeft);
      expect(b.xMax, b.word).toBeLessThanOrEqual(columnRight);
    }
    // The row's other cells start on its first line, level with the cell's first word.
    const rehab = boxes.find((b) => b.word === 'Rehabilitering')!;
    expect(rehab.yMin).toBeCloseTo(cellBoxes[0]!.yMin, 0);
  });

  test('passes qpdf --check and our preflight', async () => {
    expect(qpdfCheck(path).status).toBe(0);
    // The PDF/UA rules of verifiera (the PDF/A ones need the archival copy, made by arkivera).
    expect((await preflightPdf(bytes)).filter((f) => f.rule.startsWith('pdfua-'))).toEqual([]);
  });

  test('renders byte-identically twice', async () => {
    expect(Buffer.from(await renderPdf(doc)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('a table longer than a page', () => {
  const rows = Array.from({ length: 120 }, (_, i) => [
    `Rad${i + 1}`,
    `post${i + 1} avser kvartal`,
    `${(i + 1) * 100}`,
  ]);
  const long = table(['left', 'left', 'right'], ['Radnamn', 'Innehåll', 'Belopp'], rows);
  const doc = docWith([...fillers(5), long, para(text('Slutrad efter tabellen.'))]);
  let path: string;
  let boxes: WordBox[];
  beforeAll(async () => {
    path = tempPdf(await renderPdf(doc), 'long-table');
    boxes = wordBoxes(path);
  });

  test('spans pages; every page of it starts with the header row', () => {
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const tableWords = boxes.filter(
        (b) => b.page === page && /^(Rad|post|Radnamn|Innehåll|Belopp)/.test(b.word),
      );
      if (tableWords.length === 0) continue;
      const top = Math.min(...tableWords.map((b) => b.yMin));
      const header = tableWords.filter((b) => b.word === 'Radnamn');
      expect(header, `page ${page}`).toHaveLength(1);
      expect(header[0]!.yMin, `page ${page}`).toBeCloseTo(top, 1);
      expect(pdftotext(path, page)).toContain('Belopp');
    }
  });

  test('no row is split: each row’s words are on one page and one line', () => {
    rows.forEach(([name, content, amount]) => {
      const rowWords = [name!, ...words(content!), amount!];
      const found = rowWords.map((w) => boxes.filter((b) => b.word === w));
      const nameBox = found[0]!;
      expect(nameBox, name).toHaveLength(1);
      const { page, yMin } = nameBox[0]!;
      for (const [k, candidates] of found.entries())
        expect(
          candidates.some((b) => b.page === page && Math.abs(b.yMin - yMin) < 1),
          `${name}: ${rowWords[k]}`,
        ).toBe(true);
    });
  });

  test('the repeated headers are artifacts: the tag tree has the header row once', () => {
    const tree = cellTree(path);
    expect(tree.filter((e) => e.role === 'TH').map((e) => e.text.trim())).toEqual([
      'Radnamn',
      'Innehåll',
      'Belopp',
    ]);
    expect(tree.filter((e) => e.text.includes('Radnamn'))).toHaveLength(1);
    expect(tree.filter((e) => e.role === 'TR')).toHaveLength(121);
    // All 120 rows are read, in order.
    const names = tree
      .filter((e) => e.role === 'TD' && /^Rad\d+$/.test(e.text.trim()))
      .map((e) => e.text.trim());
    expect(names).toEqual(rows.map((r) => r[0]));
  });

  test('passes qpdf --check and the PDF/UA rules (the repeated headers are marked as artifacts)', async () => {
    expect(qpdfCheck(path).status).toBe(0);
    const bytes = new Uint8Array(readFileSync(path));
    expect((await preflightPdf(bytes)).filter((f) => f.rule.startsWith('pdfua-'))).toEqual([]);
  });
});

describe('a table too wide for the page', () => {
  const header = Array.from({ length: 12 }, (_, i) => `Kolumn${i + 1}`);
  const wide = table(
    header.map(() => 'left'),
    header,
    [header.map((_, i) => `Verksamhetsområdesansvarig${i + 1}`)],
  );
  const doc = docWith([wide]);

  test('breaks its words between letters and stays inside the text block, every letter kept', async () => {
    expect(tableWidths(wide, textBlock(doc).widthPt).overflow).toBe(true);
    const path = tempPdf(await renderPdf(doc), 'wide-table');
    const { leftPt, widthPt } = textBlock(doc);
    const boxes = wordBoxes(path).filter((b) => b.yMin > 150 && b.yMax < 700);
    expect(boxes.length).toBeGreaterThan(24);
    for (const b of boxes) {
      expect(b.xMin, b.word).toBeGreaterThanOrEqual(leftPt - 0.5);
      expect(b.xMax, b.word).toBeLessThanOrEqual(leftPt + widthPt + 0.5);
    }
    // Each cell's pieces, read in the tag tree, make up its word again.
    const td = cellTree(path).filter((e) => e.role === 'TD');
    expect(td.map((e) => e.text.replace(/\s+/g, ''))).toEqual(
      header.map((_, i) => `Verksamhetsområdesansvarig${i + 1}`),
    );
  });
});

describe('a very wide table', () => {
  test('300 columns by 50 rows render (a page of more operators than a call takes as arguments)', async () => {
    const header = Array.from({ length: 300 }, (_, i) => `k${i}`);
    const doc = docWith([
      table(
        header.map(() => 'left'),
        header,
        Array.from({ length: 50 }, () => header),
      ),
    ]);
    const path = tempPdf(await renderPdf(doc), 'very-wide-table');
    expect(qpdfCheck(path).status).toBe(0);
    // Every cell's text is there (its letters broken over lines in so narrow a column): one "k" each.
    const ks = (text: string) => [...text].filter((c) => c === 'k').length;
    const without = ks(pdftotext(tempPdf(await renderPdf(docWith([])), 'no-table')));
    // Each later page repeats the header row (300) and has the short head ("Linköpings kommun": 2).
    expect(ks(pdftotext(path)) - without).toBe(300 * 51 + (pageCount(path) - 1) * (300 + 2));
  }, 60_000);
});

describe('empty cells', () => {
  test('an empty row, an empty header cell and a last empty cell keep their elements in place', async () => {
    const t = table(
      ['left', 'left', 'left'],
      ['Namn', '', 'Sista'],
      [
        ['a1', 'b1', 'c1'],
        ['', '', ''],
        ['a3', 'b3', ''],
      ],
    );
    const path = tempPdf(await renderPdf(docWith([t])), 'empty-cells');
    const tree = cellTree(path).filter((e) => ['THead', 'TBody', 'TR', 'TH', 'TD'].includes(e.role));
    expect(tree.map((e) => `${e.role}${e.text.trim() ? `:${e.text.trim()}` : ''}`)).toEqual([
      'THead',
      'TR',
      'TH:Namn',
      'TH',
      'TH:Sista',
      'TBody',
      'TR',
      'TD:a1',
      'TD:b1',
      'TD:c1',
      'TR',
      'TD',
      'TD',
      'TD',
      'TR',
      'TD:a3',
      'TD:b3',
      'TD',
    ]);
  });
});

describe('centred columns', () => {
  test('a centred cell has as much room on its left as on its right', () => {
    const t = table(['left', 'center'], ['Namn', 'Mitten'], [['Första raden här', 'x']]);
    const doc = docWith([t]);
    const layout = layoutDoc(doc);
    const { leftPt, widthPt } = textBlock(doc);
    const widths = tableWidths(t, widthPt).widthsPt;
    const columnLeft = leftPt + widths[0]!;
    const columnRight = columnLeft + widths[1]!;
    const items = layout.pages[0]!.items.flatMap((i) => (i.kind === 'text' ? [i] : []));
    for (const word of ['Mitten', 'x']) {
      const item = items.find((i) => i.pieces.join('') === word)!;
      expect(item.xPt - columnLeft, word).toBeCloseTo(columnRight - (item.xPt + item.widthPt), 3);
    }
  });
});

describe('a table in a block quote', () => {
  test('is a Table inside the BlockQuote, indented with the quote', () => {
    const doc = docWith([{ type: 'quote', blocks: [budget] }]);
    const layout = layoutDoc(doc);
    const roles = layout.nodes.map((n) => n.role);
    const table = layout.nodes.find((n) => n.role === 'Table')!;
    expect(layout.nodes[table.parent!]!.role).toBe('BlockQuote');
    expect(roles.filter((r) => r === 'TD')).toHaveLength(12);
    const { leftPt } = textBlock(doc);
    const cellText = layout.pages[0]!.items.filter(
      (i) => i.kind === 'text' && i.node !== undefined && ['TH', 'TD'].includes(layout.nodes[i.node]!.role),
    );
    expect(Math.min(...cellText.map((i) => i.xPt))).toBeCloseTo(
      leftPt + quote.indentPt + typoTable.cellPaddingPt,
      3,
    );
  });
});

describe('a row taller than a page', () => {
  const huge = Array.from({ length: 900 }, (_, i) => `ord${i}`).join(' ');
  const tall = table(
    ['left', 'left'],
    ['Namn', 'Text'],
    [
      ['Kort', 'Första'],
      ['Lång', huge],
      ['Sist', 'Slut'],
    ],
  );
  const doc = docWith([tall]);

  test('is cut into bands between lines, losing no text, no band below the page body', async () => {
    const layout = layoutDoc(doc);
    expect(layout.pages.length).toBeGreaterThan(1);
    const bottom = (doc.page.heightMm - doc.page.marginsMm.bottom) * PT_PER_MM;
    for (const page of layout.pages)
      for (const item of page.items)
        if (item.kind === 'text' && item.node !== undefined) expect(item.baselinePt).toBeLessThan(bottom);
    const path = tempPdf(await renderPdf(doc), 'tall-row');
    const text = words(pdftotext(path));
    for (const w of words(huge)) expect(text).toContain(w);
    const td = cellTree(path).filter((e) => e.role === 'TD');
    expect(td.map((e) => words(e.text).length)).toEqual([1, 1, 1, 900, 1, 1]);
  });
});
