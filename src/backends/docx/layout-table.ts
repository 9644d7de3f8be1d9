/**
 * Borderless layout tables: how the memo sets text side by side (the page heads, the foot, the
 * signatures) so that Word and LibreOffice place it the same and the official can still edit it.
 *
 * WordprocessingML has no "layout table" flag; a table is marked as one the way Word's accessibility
 * guidance reads it: no table style, no borders, no header row (no `w:tblHeader` on any row) and a
 * `w:tblLook` that turns every conditional format off (`w:val="0600"`: no first or last row or column,
 * no banding), so nothing presents a row or column as headers. Its cells are read row by row.
 */
import {
  BorderStyle,
  type Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { colours, furniture } from '../../doc/typography.js';
import { mmToTwip, ptToEighthPt } from './units.js';

/** Space between columns. */
const gutterTwip = mmToTwip(3);

/** Splits `totalTwip` in proportion to `weights`, each column at least `minShare` of the total. */
export function splitWidth(totalTwip: number, weights: readonly number[], minShare = 0.12): number[] {
  const floor = weights.map((w) => Math.max(w, 1));
  const sum = floor.reduce((a, b) => a + b, 0);
  const shares = floor.map((w) => Math.max(w / sum, minShare));
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((s / shareSum) * totalTwip));
  widths[widths.length - 1]! += totalTwip - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export interface CellOptions {
  columnSpan?: number;
  /** The last column has no gutter, so its text ends at the right margin. */
  last?: boolean;
  bottom?: boolean;
  /** Space to the next column, inside this cell's width (3 mm unless given). */
  gutterTwip?: number;
}

export function cell(children: Paragraph[], widthTwip: number, options: CellOptions = {}): TableCell {
  return new TableCell({
    children,
    columnSpan: options.columnSpan,
    verticalAlign: options.bottom ? VerticalAlignTable.BOTTOM : undefined,
    margins: { top: 0, bottom: 0, left: 0, right: options.last ? 0 : (options.gutterTwip ?? gutterTwip) },
    width: { size: widthTwip, type: WidthType.DXA },
  });
}

/** A row that Word and LibreOffice never split across pages. */
export function row(cells: TableCell[]): TableRow {
  return new TableRow({ children: cells, cantSplit: true });
}

/**
 * No header row, no first column, no banding: a table that only places text. docx writes these as the
 * named attributes of ISO 29500; package.ts turns them into the `w:val` bitmask every Word version reads.
 */
const layoutTableLook = {
  firstRow: false,
  lastRow: false,
  firstColumn: false,
  lastColumn: false,
  noHBand: true,
  noVBand: true,
} as const;

export function borderlessTable(rows: TableRow[], columnWidthsTwip: number[], topRule = false): Table {
  const total = columnWidthsTwip.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    columnWidths: columnWidthsTwip,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    tableLook: layoutTableLook,
    borders: topRule
      ? {
          ...TableBorders.NONE,
          top: {
            style: BorderStyle.SINGLE,
            size: ptToEighthPt(furniture.footerRuleThicknessPt),
            color: colours.rule,
          },
        }
      : TableBorders.NONE,
  });
}
