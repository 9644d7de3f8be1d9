/**
 * Page furniture: the first-page head (a borderless table: wordmark, label, sender, date, Dnr,
 * addressees), the short head of later pages (tab stops), the first-page footer, and the page
 * number "N (M)" top right on every page from PAGE and NUMPAGES fields.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Doc, Furniture } from '../../doc/model.js';
import { xmlSafe } from './inlines.js';
import { StyleId } from './styles.js';
import { mmToTwip, ptToTwip } from './units.js';

type RunChild = string | (typeof PageNumber)[keyof typeof PageNumber];

/** "{n} ({m})" → literal text and PAGE / NUMPAGES fields, in order. */
export function pageNumberChildren(format: string): RunChild[] {
  return format
    .split(/(\{n\}|\{m\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{n}' ? PageNumber.CURRENT : part === '{m}' ? PageNumber.TOTAL_PAGES : xmlSafe(part),
    );
}

const pageNumberRun = (f: Furniture) => new TextRun({ children: pageNumberChildren(f.pageNumberFormat) });

const line = (text: string, style: string = StyleId.header, bold?: boolean) =>
  new Paragraph({ style, children: [new TextRun({ text: xmlSafe(text), bold })] });

/** Text width between the side margins. */
export function textWidthTwip(doc: Doc): number {
  const { widthMm, marginsMm } = doc.page;
  return mmToTwip(widthMm - marginsMm.left - marginsMm.right);
}

/** No padding, except a gutter on the right so neighbouring columns never touch. */
const cellMargins = { top: 0, bottom: 0, left: 0, right: mmToTwip(3) };

function cell(children: Paragraph[], widthTwip: number, columnSpan?: number): TableCell {
  return new TableCell({
    children,
    columnSpan,
    margins: cellMargins,
    width: { size: widthTwip, type: WidthType.DXA },
  });
}

function borderlessTable(rows: TableRow[], columnWidthsTwip: number[], topRule = false): Table {
  const total = columnWidthsTwip.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    columnWidths: columnWidthsTwip,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: topRule
      ? { ...TableBorders.NONE, top: { style: BorderStyle.SINGLE, size: 4, color: '000000' } }
      : TableBorders.NONE,
  });
}

/** A spacer paragraph: a header or footer must end with a paragraph, and it sets off the body. */
const spacer = (afterPt: number) =>
  new Paragraph({ style: StyleId.header, spacing: { after: ptToTwip(afterPt) }, children: [] });

function firstPageHeader(doc: Doc): Header {
  const f = doc.furniture;
  const width = textWidthTwip(doc);
  const left = Math.round(width * 0.5);
  const pageCol = Math.round(width * 0.15);
  const middle = width - left - pageCol;
  const rows = [
    new TableRow({
      children: [
        cell([line(f.municipality, StyleId.wordmark)], left),
        cell([line(f.label, StyleId.header, true)], middle),
        cell(
          [
            new Paragraph({
              style: StyleId.header,
              alignment: AlignmentType.RIGHT,
              children: [pageNumberRun(f)],
            }),
          ],
          pageCol,
        ),
      ],
    }),
    new TableRow({
      children: [
        cell(stack(f.senderLines, 10), left),
        cell(stack([f.date, ...f.dnrLines], 10), middle + pageCol, 2),
      ],
    }),
    new TableRow({
      children: [cell([line('')], left), cell(stack(f.addressees, 12, true), middle + pageCol, 2)],
    }),
  ];
  return new Header({ children: [borderlessTable(rows, [left, middle, pageCol]), spacer(18)] });
}

/** Lines of the head, the first set off from the row above by `beforePt`. */
function stack(texts: readonly string[], beforePt: number, bold?: boolean): Paragraph[] {
  const items = texts.length > 0 ? texts : [''];
  return items.map(
    (text, i) =>
      new Paragraph({
        style: StyleId.header,
        spacing: i === 0 ? { before: ptToTwip(beforePt) } : undefined,
        children: [new TextRun({ text: xmlSafe(text), bold })],
      }),
  );
}

/** Later pages: the short head on one line, items at even tab stops, the page number flush right. */
function laterPageHeader(doc: Doc): Header {
  const f = doc.furniture;
  const width = textWidthTwip(doc);
  const step = Math.round((width * 0.75) / Math.max(f.shortHead.length, 1));
  const children: TextRun[] = [];
  f.shortHead.forEach((item, i) => {
    if (i > 0) children.push(new TextRun({ text: '\t' }));
    children.push(new TextRun({ text: xmlSafe(item) }));
  });
  children.push(new TextRun({ text: '\t' }), pageNumberRun(f));
  const tabStops = [
    ...f.shortHead.slice(1).map((_, i) => ({ type: TabStopType.LEFT, position: step * (i + 1) })),
    { type: TabStopType.RIGHT, position: width },
  ];
  return new Header({
    children: [new Paragraph({ style: StyleId.header, tabStops, children }), spacer(12)],
  });
}

function firstPageFooter(doc: Doc): Footer {
  const fields = doc.furniture.footer;
  if (fields.length === 0)
    return new Footer({ children: [new Paragraph({ style: StyleId.footer, children: [] })] });
  const width = textWidthTwip(doc);
  const colWidth = Math.floor(width / fields.length);
  const widths = fields.map((_, i) =>
    i === fields.length - 1 ? width - colWidth * (fields.length - 1) : colWidth,
  );
  const row = new TableRow({
    children: fields.map((field, i) =>
      cell(
        [
          new Paragraph({
            style: StyleId.footerLabel,
            spacing: { before: ptToTwip(3) },
            children: [new TextRun({ text: xmlSafe(field.label) })],
          }),
          line(field.value, StyleId.footer),
        ],
        widths[i]!,
      ),
    ),
  });
  return new Footer({
    children: [borderlessTable([row], widths, true), new Paragraph({ style: StyleId.footer, children: [] })],
  });
}

export function buildHeaders(doc: Doc) {
  return { first: firstPageHeader(doc), default: laterPageHeader(doc) };
}

export function buildFooters(doc: Doc) {
  return {
    first: firstPageFooter(doc),
    default: new Footer({ children: [new Paragraph({ style: StyleId.footer, children: [] })] }),
  };
}
