/**
 * Data tables: a Word table in the style Skrivelsetabell (styles.ts) with a header row that repeats on
 * every page, rows that never split across pages, and columns as wide as their content asks (automatic
 * table layout, src/doc/table-widths.ts), fixed in the grid so Word and LibreOffice set them alike.
 *
 * Unlike the borderless layout tables (layout-table.ts) it reads as data: a table style, a header row
 * (`w:tblHeader`) and a `w:tblLook` with the first row on, so the header cells are column headers.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { ColumnAlign, TableCell as DocTableCell, TableBlock } from '../../doc/model.js';
import * as typo from '../../doc/typography.js';
// The PDF layout's measure of the cells, with the same Noto Sans the DOCX embeds: the columns agree.
import { tableWidths } from '../pdf/layout/table.js';
import { inlinesToChildren } from './inlines.js';
import { StyleId, tableRule } from './styles.js';
import { ptToTwip } from './units.js';

/**
 * Whole twips summing to `totalTwip`. Columns too wide even at their narrowest are scaled down to fit:
 * the table stays within the text, and Word breaks the longest words.
 */
function gridTwip(widthsPt: readonly number[], totalTwip: number): number[] {
  const sum = widthsPt.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? widthsPt.map((w) => w / sum) : widthsPt.map(() => 1 / widthsPt.length);
  const grid = shares.map((s) => Math.floor(s * totalTwip));
  grid[grid.length - 1]! += totalTwip - grid.reduce((a, b) => a + b, 0);
  return grid;
}

const alignments = {
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const satisfies Record<Exclude<ColumnAlign, 'left'>, unknown>;

export interface DataTableOptions {
  /** Width of the text the table stands in. */
  textWidthTwip: number;
  /** Left indent (a table in a block quote); the table is this much narrower. */
  indentPt: number;
  /** Space above the header text, where what precedes the table leaves less than `table.text.beforePt`. */
  extraBeforePt: number;
  /** The last row keeps with the next block (before the signatures). */
  keepWithNext: boolean;
}

export function dataTable(b: TableBlock, options: DataTableOptions): Table {
  const columns = Math.max(b.align.length, b.header.length, ...b.rows.map((r) => r.length), 1);
  const indentTwip = ptToTwip(options.indentPt);
  const widthTwip = Math.max(columns, options.textWidthTwip - indentTwip);
  const { widthsPt } = tableWidths(b, widthTwip / 20);
  const grid = gridTwip(widthsPt, widthTwip);

  const cellOf = (cell: DocTableCell | undefined, c: number, header: boolean) => {
    const spacing = header && options.extraBeforePt > 0 ? { before: ptToTwip(options.extraBeforePt) } : {};
    return new TableCell({
      width: { size: grid[c]!, type: WidthType.DXA },
      // The header's rule is the style's too; said here for readers without conditional formats.
      ...(header && { borders: { bottom: tableRule(typo.table.headerRuleThicknessPt) } }),
      // OOXML wants a paragraph in every cell, an empty cell too.
      children: [
        new Paragraph({
          style: header ? StyleId.tableHeading : StyleId.tableText,
          // Left is the style's; only the other alignments are written.
          ...(b.align[c] && b.align[c] !== 'left' && { alignment: alignments[b.align[c]] }),
          ...(header && { spacing }),
          children: inlinesToChildren(cell?.inlines ?? []),
        }),
      ],
    });
  };
  const cellsOf = (cells: readonly DocTableCell[], header: boolean) =>
    Array.from({ length: columns }, (_, c) => cellOf(cells[c], c, header));

  const rows = [
    // Repeated on every page; kept with the first body row, so it never ends a page alone.
    new TableRow({
      children: cellsOf(b.header, true),
      tableHeader: true,
      cantSplit: true,
      keepNext: b.rows.length > 0 || options.keepWithNext || undefined,
    }),
    ...b.rows.map(
      (r, i) =>
        new TableRow({
          children: cellsOf(r, false),
          cantSplit: true,
          keepNext: (options.keepWithNext && i === b.rows.length - 1) || undefined,
        }),
    ),
  ];
  return new Table({
    rows,
    style: StyleId.table,
    columnWidths: grid,
    width: { size: widthTwip, type: WidthType.DXA },
    ...(indentTwip > 0 && { indent: { size: indentTwip, type: WidthType.DXA } }),
    layout: TableLayoutType.FIXED,
    // The header row is the style's first row: Word's "Rubrikrad" ticked, no banding, no first column.
    tableLook: {
      firstRow: true,
      lastRow: false,
      firstColumn: false,
      lastColumn: false,
      noHBand: true,
      noVBand: true,
    },
  });
}
