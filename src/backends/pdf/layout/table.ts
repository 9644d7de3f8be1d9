/**
 * Tables: columns sized from their content (automatic table layout, doc/table-widths.ts), cells wrapped
 * inside their column and aligned as the column says, each row one flow line so a page never breaks inside
 * a row, and the header row drawn again (as an artifact) above the rows that start a later page.
 * Structure: Table → THead → TR → TH (/Scope /Column), TBody → TR → TD; every cell has its element, empty
 * or not.
 */
import type { ColumnAlign, Inline, TableBlock, TableCell } from '../../../doc/model.js';
import { type ColumnContent, type TableWidths, tableColumnWidths } from '../../../doc/table-widths.js';
import * as typo from '../../../doc/typography.js';
import { breakLines, contentWidths } from './break-lines.js';
import {
  type FlowContext,
  type FlowLine,
  movedDown,
  StructBuilder,
  styleInlines,
  toFlowLine,
} from './lines.js';
import type { LinkArea, PageItem } from './types.js';

const { cellPaddingPt, rowPaddingPt } = typo.table;
const CELL = { sizePt: typo.table.text.sizePt, leading: typo.table.text.lineHeight };
const LINE_HEIGHT_PT = CELL.sizePt * CELL.leading;

/** A header taller than this share of the page is not repeated: it would leave too little for the rows. */
const MAX_REPEATED_HEADER_SHARE = 0.5;

function columnCount(block: TableBlock): number {
  return Math.max(block.align.length, block.header.length, ...block.rows.map((row) => row.length));
}

/**
 * Each column's min- and max-content width with the cell padding, header cells measured in bold as they
 * are drawn. Styled as the cells are drawn (note marks small), with their nodes in a scratch tree.
 */
export function columnContents(block: TableBlock): ColumnContent[] {
  const scratch = new StructBuilder();
  return Array.from({ length: columnCount(block) }, (_, c) => {
    let minPt = 0;
    let maxPt = 0;
    const measure = (cell: TableCell | undefined, bold: boolean) => {
      if (!cell) return;
      const widths = contentWidths(styleInlines(cell.inlines, { ...CELL, bold }, 0, scratch));
      minPt = Math.max(minPt, widths.minPt);
      maxPt = Math.max(maxPt, widths.maxPt);
    };
    measure(block.header[c], true);
    for (const row of block.rows) measure(row[c], false);
    return { minPt: minPt + 2 * cellPaddingPt, maxPt: maxPt + 2 * cellPaddingPt };
  });
}

/** The table's column widths in a text block `widthPt` wide. */
export function tableWidths(block: TableBlock, widthPt: number): TableWidths {
  return tableColumnWidths(columnContents(block), widthPt);
}

interface Column {
  leftPt: number;
  widthPt: number;
  align: ColumnAlign;
}

/** A cell's lines inside its column's padding, each moved right by its slack as the column aligns. */
function cellLines(inlines: Inline[], bold: boolean, node: number, column: Column, ctx: FlowContext) {
  const innerPt = Math.max(0, column.widthPt - 2 * cellPaddingPt);
  return breakLines(styleInlines(inlines, { ...CELL, bold }, node, ctx.struct), innerPt)
    .filter((line) => line.pieces.length > 0)
    .map((line) => {
      const slackPt = Math.max(0, innerPt - line.widthPt);
      const shiftPt = column.align === 'right' ? slackPt : column.align === 'center' ? slackPt / 2 : 0;
      return toFlowLine(line, column.leftPt + cellPaddingPt + shiftPt, CELL.leading);
    });
}

/** Lines in chunks no taller than `limitPt` (at least one line each). */
function chunks(lines: FlowLine[], limitPt: number): FlowLine[][] {
  const result: FlowLine[][] = [];
  let heightPt = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (heightPt + line.heightPt > limitPt) {
      result.push([]);
      heightPt = 0;
    }
    result.at(-1)!.push(line);
    heightPt += line.heightPt;
  }
  return result;
}

const height = (lines: FlowLine[]) => lines.reduce((sum, line) => sum + line.heightPt, 0);

/** The columns of a table and its extent, which the rules under the rows span. */
interface Grid {
  columns: Column[];
  leftPt: number;
  widthPt: number;
}

/**
 * One row (or one band of a row) as one line: each cell's lines stacked from the row's top padding, the
 * cells one after the other, so text is drawn (and extracted) cell by cell; a rule below it unless
 * `ruleThicknessPt` is null.
 */
function rowLine(cells: FlowLine[][], grid: Grid, ruleThicknessPt: number | null): FlowLine {
  const heightPt = Math.max(LINE_HEIGHT_PT, ...cells.map(height)) + 2 * rowPaddingPt;
  const items: PageItem[] = [];
  const links: LinkArea[] = [];
  for (const lines of cells) {
    let y = rowPaddingPt;
    for (const line of lines) {
      for (const item of line.items) items.push(movedDown(item, y));
      for (const link of line.links) links.push({ ...link, topPt: link.topPt + y });
      y += line.heightPt;
    }
  }
  if (ruleThicknessPt !== null)
    items.push({
      kind: 'rule',
      xPt: grid.leftPt,
      yPt: heightPt - ruleThicknessPt / 2,
      widthPt: grid.widthPt,
      thicknessPt: ruleThicknessPt,
      artifact: 'layout',
    });
  return { heightPt, spaceBeforePt: 0, keepWithPrevious: false, items, links };
}

/** The header row as drawn again on a later page: the same marks, as artifacts outside the tag tree. */
function repeated(line: FlowLine): FlowLine {
  const items = line.items.map((item): PageItem => {
    if (item.kind !== 'text') return item;
    const { node: _node, ...text } = item;
    return { ...text, artifact: 'pagination' };
  });
  return { heightPt: line.heightPt, spaceBeforePt: 0, keepWithPrevious: false, items, links: [] };
}

/**
 * A row of cells, each a TH (header) or TD element of the row's TR, as flow lines. A row is one line, so
 * pages break only between rows; only a row taller than `limitPt` (more than a page) is cut into bands of
 * lines, each as high as fits, so no text is lost: the cells' first lines in the first band, the next in
 * the second, and so on (the rule under the last band).
 */
function rowLines(
  cells: TableCell[],
  row: { header: boolean; tr: number; limitPt: number },
  grid: Grid,
  ctx: FlowContext,
): FlowLine[] {
  const perCell = grid.columns.map((column, c) => {
    const node = ctx.struct.add(row.header ? 'TH' : 'TD', row.tr);
    const element = ctx.struct.nodes[node]!;
    element.required = true;
    if (row.header) element.attributes = { O: 'Table', Scope: 'Column' };
    return cellLines(cells[c]?.inlines ?? [], row.header, node, column, ctx);
  });
  const ruleThicknessPt = row.header ? typo.table.headerRuleThicknessPt : typo.table.rowRuleThicknessPt;
  const contentLimitPt = row.limitPt - 2 * rowPaddingPt;
  if (Math.max(0, ...perCell.map(height)) <= contentLimitPt) return [rowLine(perCell, grid, ruleThicknessPt)];
  const bands = perCell.map((lines) => chunks(lines, contentLimitPt));
  const count = Math.max(1, ...bands.map((b) => b.length));
  return Array.from({ length: count }, (_, k) =>
    rowLine(
      bands.map((b) => b[k] ?? []),
      grid,
      k === count - 1 ? ruleThicknessPt : null,
    ),
  );
}

/**
 * The table's lines: the header row, then each body row, the first of them kept with the header. The
 * header is repeated above every row that starts a page, unless it is taller than half a page body (it
 * would crowd out the rows) or had to be cut into bands itself.
 */
export function tableLines(block: TableBlock, ctx: FlowContext): FlowLine[] {
  const { widthsPt } = tableWidths(block, ctx.widthPt);
  let leftPt = ctx.leftPt;
  const columns = widthsPt.map((widthPt, c): Column => {
    const column = { leftPt, widthPt, align: block.align[c] ?? 'left' };
    leftPt += widthPt;
    return column;
  });
  const grid: Grid = { columns, leftPt: ctx.leftPt, widthPt: leftPt - ctx.leftPt };
  // The shortest page body: a row is never made taller than a page can hold.
  const pageBodyPt = Math.min(ctx.figures.bodyHeightPt.first, ctx.figures.bodyHeightPt.later);

  const table = ctx.struct.add('Table', ctx.parent);
  const headerRow = ctx.struct.add('TR', ctx.struct.add('THead', table));
  const headerLines = rowLines(block.header, { header: true, tr: headerRow, limitPt: pageBodyPt }, grid, ctx);
  const headerPt = height(headerLines);
  const repeat = headerLines.length === 1 && headerPt <= pageBodyPt * MAX_REPEATED_HEADER_SHARE;
  const repeatAtTop = repeat ? headerLines.map(repeated) : undefined;
  const lines = [...headerLines];
  if (block.rows.length > 0) {
    const body = ctx.struct.add('TBody', table);
    const limitPt = repeat ? pageBodyPt - headerPt : pageBodyPt;
    block.rows.forEach((cells, r) => {
      const row = rowLines(cells, { header: false, tr: ctx.struct.add('TR', body), limitPt }, grid, ctx);
      if (r === 0) row[0]!.keepWithPrevious = true;
      if (repeatAtTop) for (const line of row) line.repeatAtTop = repeatAtTop;
      lines.push(...row);
    });
  }
  return lines;
}
