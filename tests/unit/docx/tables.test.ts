/**
 * Data tables in the DOCX: a Word table in the style Skrivelsetabell, the header row repeated on every
 * page and kept whole, rows never split, columns aligned and sized from their content, the rules of the
 * typography table; read back with xmllint, and by LibreOffice as an independent reader.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { textWidthTwip } from '../../../src/backends/docx/page.js';
import { ptToEighthPt, ptToTwip } from '../../../src/backends/docx/units.js';
import { tableWidths } from '../../../src/backends/pdf/layout/table.js';
import type { TableBlock } from '../../../src/doc/model.js';
import { quote, table as tableTypo } from '../../../src/doc/typography.js';
import { docWith, fillers, heading, para, text } from '../../fixtures/pdf/docs.js';
import { pageCount, pdftotext } from '../../helpers/pdf.js';
import { insatserTable, nestedQuote, richBlocks, table } from './helpers/blocks.js';
import { convert, hasLibreOffice, makeWorkDir } from './helpers/libreoffice.js';
import { part, readParts, wordTexts, xpathStrings } from './helpers/parts.js';

const el = (name: string) => `*[local-name()='${name}']`;
const attr = (name: string) => `@*[local-name()='${name}']`;
const values = (xml: string, expression: string) =>
  xpathStrings(xml, expression).map((s) => s.replace(/^\s*[\w:]+="|"$/g, ''));
const count = (xml: string, expression: string) => Number(xpathStrings(xml, `count(${expression})`)[0]);

/** The body's data tables (the page head is a table too, without a style). */
const dataTables = `//${el('body')}/${el('tbl')}[${el('tblPr')}/${el('tblStyle')}]`;

describe('a data table', () => {
  let document: string;
  let styles: string;
  const doc = docWith([heading('Statistik'), insatserTable(), para(text('Efter tabellen.'))]);
  beforeAll(async () => {
    const parts = await readParts(await renderDocx(doc));
    document = part(parts, 'word/document.xml');
    styles = part(parts, 'word/styles.xml');
  });
  const tbl = `(${dataTables})[1]`;

  test('a w:tbl in the style Skrivelsetabell, which styles.xml defines as a table style', () => {
    expect(count(document, dataTables)).toBe(1);
    expect(values(document, `${tbl}/${el('tblPr')}/${el('tblStyle')}/${attr('val')}`)).toEqual([
      'Skrivelsetabell',
    ]);
    const style = `//${el('style')}[${attr('styleId')}='Skrivelsetabell']`;
    expect(values(styles, `${style}/${attr('type')}`)).toEqual(['table']);
    expect(values(styles, `${style}/${el('name')}/${attr('val')}`)).toEqual(['Skrivelsetabell']);
  });

  test('the header row: w:tblHeader on the first row only, bold, and a data table look (first row on)', () => {
    const rows = `${tbl}/${el('tr')}`;
    expect(count(document, rows)).toBe(4);
    expect(count(document, `${rows}[${el('trPr')}/${el('tblHeader')}]`)).toBe(1);
    expect(count(document, `${rows}[1]/${el('trPr')}/${el('tblHeader')}`)).toBe(1);
    expect(values(document, `${rows}[1]//${el('pStyle')}/${attr('val')}`)).toEqual(
      Array(4).fill('TableHeading'),
    );
    const heading = `//${el('style')}[${attr('styleId')}='TableHeading']`;
    expect(count(styles, `${heading}/${el('rPr')}/${el('b')}`)).toBe(1);
    expect(values(styles, `${heading}/${el('name')}/${attr('val')}`)).toEqual(['Tabellrubrik']);
    // The style's first row is bold over the header rule too, for a table the official adds in Word.
    const firstRow = `//${el('style')}[${attr('styleId')}='Skrivelsetabell']/${el('tblStylePr')}[${attr('type')}='firstRow']`;
    expect(count(styles, `${firstRow}/${el('rPr')}/${el('b')}`)).toBe(1);
    // ECMA-376 1st edition's bitmask: 0x0020 first row, 0x0200 and 0x0400 no banding.
    expect(values(document, `${tbl}/${el('tblPr')}/${el('tblLook')}/${attr('val')}`)).toEqual(['0620']);
  });

  test('every row cantSplit, so no row is split across pages; body rows in TableText', () => {
    const rows = `${tbl}/${el('tr')}`;
    expect(count(document, `${rows}[${el('trPr')}/${el('cantSplit')}]`)).toBe(4);
    expect(values(document, `${rows}[position() > 1]//${el('pStyle')}/${attr('val')}`)).toEqual(
      Array(12).fill('TableText'),
    );
  });

  test('number columns right-aligned, text columns left (the style default)', () => {
    const jc = (column: number) =>
      values(
        document,
        `${tbl}/${el('tr')}/${el('tc')}[${column}]/${el('p')}/${el('pPr')}/${el('jc')}/${attr('val')}`,
      );
    expect(jc(2)).toEqual(Array(4).fill('right'));
    expect(jc(3)).toEqual(Array(4).fill('right'));
    expect(jc(1)).toEqual([]);
    expect(jc(4)).toEqual([]);
  });

  test('all cell text in reading order, the link a hyperlink, an empty cell still a paragraph', () => {
    expect(wordTexts(document).filter((_, i, all) => i >= all.indexOf('Insats'))).toEqual([
      'Insats',
      'Antal 2022',
      'Antal 2023',
      'Kommentar',
      'Arbetsträning',
      '128',
      '141',
      'Ökning efter omorganisationen',
      'Praktik',
      '57',
      '49',
      'Se ',
      'kommunens webbplats',
      ' för mer.',
      'Studier',
      '1 204',
      'Uppgift saknas',
      'för 2023',
      'Efter tabellen.',
    ]);
    expect(count(document, `${tbl}//${el('hyperlink')}`)).toBe(1);
    expect(count(document, `${tbl}//${el('tc')}[not(${el('p')})]`)).toBe(0);
    expect(count(document, `${tbl}/${el('tr')}[4]/${el('tc')}[3]/${el('p')}`)).toBe(1);
    expect(count(document, `${tbl}/${el('tr')}[4]/${el('tc')}[3]//${el('t')}`)).toBe(0);
  });

  test('as wide as the text, columns sized from their content (the comment column widest)', () => {
    const width = textWidthTwip(doc.page);
    expect(values(document, `${tbl}/${el('tblPr')}/${el('tblW')}/${attr('w')}`)).toEqual([String(width)]);
    const grid = values(document, `${tbl}/${el('tblGrid')}/${el('gridCol')}/${attr('w')}`).map(Number);
    expect(grid).toHaveLength(4);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
    expect(Math.max(...grid)).toBe(grid[3]);
    expect(grid[1]).toBe(grid[2]);
    expect(grid[1]!).toBeLessThan(grid[0]!);
    expect(values(document, `${tbl}/${el('tblPr')}/${el('tblLayout')}/${attr('type')}`)).toEqual(['fixed']);
    // Each cell says its column's width too.
    const cellWidths = values(
      document,
      `${tbl}/${el('tr')}[2]/${el('tc')}/${el('tcPr')}/${el('tcW')}/${attr('w')}`,
    );
    expect(cellWidths.map(Number)).toEqual(grid);
    // The PDF's widths, measured with the same font: the two formats' columns agree (to a twip).
    const pdf = tableWidths(doc.blocks.find((b) => b.type === 'table') as TableBlock, width / 20).widthsPt;
    for (const [i, w] of grid.entries()) expect(Math.abs(w - pdf[i]! * 20)).toBeLessThanOrEqual(1);
  });

  test('rules: under the header, thin under every row, no vertical lines; cell margins and text size', () => {
    const style = `//${el('style')}[${attr('styleId')}='Skrivelsetabell']`;
    const border = (side: string) =>
      values(styles, `${style}/${el('tblPr')}/${el('tblBorders')}/${el(side)}/${attr('val')}`)[0];
    expect(['top', 'left', 'right', 'insideV'].map(border)).toEqual(['none', 'none', 'none', 'none']);
    expect(['bottom', 'insideH'].map(border)).toEqual(['single', 'single']);
    const thin = String(ptToEighthPt(tableTypo.rowRuleThicknessPt));
    expect(
      values(styles, `${style}/${el('tblPr')}/${el('tblBorders')}/${el('insideH')}/${attr('sz')}`),
    ).toEqual([thin]);
    const header = String(ptToEighthPt(tableTypo.headerRuleThicknessPt));
    expect(header).not.toBe(thin);
    expect(
      values(
        document,
        `${tbl}/${el('tr')}[1]/${el('tc')}/${el('tcPr')}/${el('tcBorders')}/${el('bottom')}/${attr('sz')}`,
      ),
    ).toEqual(Array(4).fill(header));
    const margin = (side: string) =>
      values(styles, `${style}/${el('tblPr')}/${el('tblCellMar')}/${el(side)}/${attr('w')}`)[0];
    expect(['top', 'left', 'bottom', 'right'].map(margin)).toEqual(
      [tableTypo.rowPaddingPt, tableTypo.cellPaddingPt, tableTypo.rowPaddingPt, tableTypo.cellPaddingPt].map(
        (pt) => String(ptToTwip(pt)),
      ),
    );
    const textStyle = `//${el('style')}[${attr('styleId')}='TableText']`;
    expect(values(styles, `${textStyle}/${el('rPr')}/${el('sz')}/${attr('val')}`)).toEqual([
      String(tableTypo.text.sizePt * 2),
    ]);
  });

  test('space around the table: the header text lower after a heading, the paragraph after it set off', () => {
    // Heading 2 leaves 4 pt, the table wants 6 pt above it: the other 2 pt are above the header text.
    expect(values(document, `${tbl}/${el('tr')}[1]//${el('spacing')}/${attr('before')}`)).toEqual(
      Array(4).fill('40'),
    );
    const after = `//${el('p')}[.//${el('t')}='Efter tabellen.']/${el('pPr')}/${el('spacing')}/${attr('before')}`;
    expect(values(document, after)).toEqual([String(ptToTwip(tableTypo.text.afterPt))]);
  });
});

describe('tables next to other blocks', () => {
  let document: string;
  beforeAll(async () => {
    document = part(await readParts(await renderDocx(docWith(richBlocks()))), 'word/document.xml');
  });

  test('two tables in a row are kept apart by a paragraph (Word would join them)', () => {
    const first = `${dataTables}[.//${el('t')}='Första']`;
    expect(count(document, first)).toBe(1);
    const next = `${first}/following-sibling::*[1]`;
    expect(xpathStrings(document, `local-name(${next})`)).toEqual(['p']);
    expect(xpathStrings(document, `local-name(${next}/following-sibling::*[1])`)).toEqual(['tbl']);
    expect(count(document, `${next}//${el('t')}`)).toBe(0);
  });

  test('a table in a block quote is indented by the quote and narrower by as much', () => {
    const inQuote = `${dataTables}[.//${el('t')}='Post']`;
    const indent = ptToTwip(quote.indentPt);
    expect(values(document, `${inQuote}/${el('tblPr')}/${el('tblInd')}/${attr('w')}`)).toEqual([
      String(indent),
    ]);
    const width = textWidthTwip(docWith([]).page) - indent;
    expect(values(document, `${inQuote}/${el('tblPr')}/${el('tblW')}/${attr('w')}`)).toEqual([String(width)]);
    // Tables in the body are not indented.
    expect(count(document, `${dataTables}[.//${el('t')}='Insats']/${el('tblPr')}/${el('tblInd')}`)).toBe(0);
  });

  test('the last row keeps with the signatures after the table', async () => {
    const doc = docWith([
      insatserTable(),
      { type: 'signatures', signatures: [{ department: 'X', name: 'Y' }] },
    ]);
    const xml = part(await readParts(await renderDocx(doc)), 'word/document.xml');
    const rows = `${dataTables}/${el('tr')}`;
    expect(count(xml, `${rows}[last()]//${el('p')}[${el('pPr')}/${el('keepNext')}]`)).toBe(4);
    const withoutSignatures = part(
      await readParts(await renderDocx(docWith([insatserTable()]))),
      'word/document.xml',
    );
    expect(count(withoutSignatures, `${rows}[last()]//${el('keepNext')}`)).toBe(0);
    // The header keeps with the first body row in both.
    expect(count(withoutSignatures, `${rows}[1]//${el('keepNext')}`)).toBe(4);
  });

  test('a table of only a header row, and rows shorter than the header, still have a cell per column', async () => {
    const short = table(['left', 'right'], ['A', 'B'], []);
    const ragged = { ...table(['left', 'left', 'left'], ['X', 'Y', 'Z'], []), rows: [[{ inlines: [] }]] };
    const xml = part(
      await readParts(await renderDocx(docWith([short, para(text('-')), ragged]))),
      'word/document.xml',
    );
    expect(count(xml, `${dataTables}[1]/${el('tr')}`)).toBe(1);
    expect(count(xml, `${dataTables}[2]/${el('tr')}[2]/${el('tc')}[${el('p')}]`)).toBe(3);
  });
});

const lineNames = ['första', 'andra', 'tredje', 'fjärde'];

/**
 * A table over several pages: 40 rows whose last cell has four lines, which widow control alone would
 * let a page break split two and two.
 */
function longTable() {
  const rows = Array.from({ length: 40 }, (_, i) => [
    `Post ${i + 1}`,
    String((i + 1) * 10),
    lineNames.flatMap((name, l) => [
      ...(l > 0 ? [{ type: 'break' as const }] : []),
      { type: 'text' as const, text: `Rad ${i + 1} ${name}` },
    ]),
  ]);
  return table(['left', 'right', 'left'], ['Namn', 'Belopp', 'Anteckning'], rows);
}

describe.runIf(hasLibreOffice())('LibreOffice reads the tables', () => {
  let workDir: string;
  let txt: string;
  let pdf: string;
  beforeAll(() => {
    workDir = makeWorkDir();
    return (async () => {
      const path = join(workDir, 'tables.docx');
      writeFileSync(path, await renderDocx(docWith([insatserTable(), nestedQuote(), para(text('Slut.'))])));
      txt = readFileSync(convert(workDir, [path], 'txt:Text')[0]!, 'utf8');
      const long = join(workDir, 'long.docx');
      writeFileSync(long, await renderDocx(docWith([...fillers(20), longTable()])));
      pdf = convert(workDir, [long], 'pdf')[0]!;
    })();
  }, 300_000);

  test('a long table: the header row at the top of every page it continues on, no row split', () => {
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const pageOf = new Map<string, number>();
    for (let page = 1; page <= pages; page++) {
      // Line by line as the page shows it: a row's cells side by side.
      const lines = pdftotext(pdf, page, { layout: true }).split('\n');
      const firstRow = lines.findIndex((l) => /^\s*Post \d+\b/.test(l));
      if (firstRow === -1) continue;
      const header = lines.slice(0, firstRow).filter((l) => /Namn\s+Belopp\s+Anteckning/.test(l));
      expect(header, `page ${page}`).toHaveLength(1);
      for (const m of lines.join('\n').matchAll(/Rad \d+ \p{L}+/gu)) pageOf.set(m[0], page);
    }
    expect(new Set(pageOf.values()).size).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= 40; i++) {
      const pagesOfRow = lineNames.map((name) => pageOf.get(`Rad ${i} ${name}`));
      expect(pagesOfRow[0], `row ${i}`).toBeDefined();
      expect(pagesOfRow, `row ${i}`).toEqual(Array(4).fill(pagesOfRow[0]));
    }
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  test('every cell in reading order, row by row, then the quote', () => {
    const words = txt.match(/[\p{L}\p{N}]+/gu) ?? [];
    const start = words.indexOf('Insats');
    expect(words.slice(start)).toEqual(
      [
        'Insats Antal 2022 Antal 2023 Kommentar',
        'Arbetsträning 128 141 Ökning efter omorganisationen',
        'Praktik 57 49 Se kommunens webbplats för mer',
        'Studier 1 204 Uppgift saknas för 2023',
        'Citerad mening ett Citerad punkt Post Belopp Hyra 12 000 Djupare citat Citerad mening två Slut',
      ]
        .join(' ')
        .split(' '),
    );
  });
});
