/**
 * Page furniture and the first-page head. The head (wordmark, label, date, Dnr, sender, addressees) is
 * content: a layout table at the start of the body, not a header. The headers hold the page number
 * "N (M)" top right on every page (PAGE and NUMPAGES fields) and, on later pages, the short head (one
 * row); the first-page footer is a footer.
 */
import { AlignmentType, Footer, Header, PageNumber, Paragraph, type Table, TextRun } from 'docx';
import type { Doc, Furniture } from '../../doc/model.js';
import { borderlessTable, cell, row, splitWidth } from './layout-table.js';
import { textWidthTwip } from './page.js';
import { StyleId } from './styles.js';
import { ptToTwip } from './units.js';

type RunChild = string | (typeof PageNumber)[keyof typeof PageNumber];

/** "{n} ({m})" → literal text and PAGE / NUMPAGES fields, in order. */
export function pageNumberChildren(format: string): RunChild[] {
  return format
    .split(/(\{n\}|\{m\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{n}' ? PageNumber.CURRENT : part === '{m}' ? PageNumber.TOTAL_PAGES : part));
}

const pageNumberRun = (f: Furniture) => new TextRun({ children: pageNumberChildren(f.pageNumberFormat) });

const line = (text: string, style: string = StyleId.header, bold?: boolean) =>
  new Paragraph({ style, children: [new TextRun({ text, bold })] });

/** Share of the text width kept for the page number, top right. */
const pageNumberShare = 0.15;

/** A spacer paragraph: a header or footer must end with a paragraph, and it sets off the body. */
const spacer = (afterPt: number) =>
  new Paragraph({ style: StyleId.header, spacing: { after: ptToTwip(afterPt) }, children: [] });

const pageNumberCell = (f: Furniture, widthTwip: number) =>
  cell(
    [new Paragraph({ style: StyleId.header, alignment: AlignmentType.RIGHT, children: [pageNumberRun(f)] })],
    widthTwip,
    { last: true, bottom: true },
  );

/** Lines of the head, the first set off from the row above by `beforePt`, the last followed by `afterPt`. */
function stack(texts: readonly string[], beforePt: number, bold?: boolean, afterPt = 0): Paragraph[] {
  const items = texts.length > 0 ? texts : [''];
  const last = items.length - 1;
  return items.map((text, i) => {
    const spacing = {
      ...(i === 0 && { before: ptToTwip(beforePt) }),
      ...(i === last && afterPt > 0 && { after: ptToTwip(afterPt) }),
    };
    return new Paragraph({
      style: StyleId.header,
      spacing: Object.keys(spacing).length > 0 ? spacing : undefined,
      children: [new TextRun({ text, bold })],
    });
  });
}

/** Space between the first-page head and the title. */
const belowHeadPt = 18;

/**
 * Page 1's head, the first thing in the body so that every reader (LibreOffice's text, a screen reader,
 * Word's navigation) reads it as text, in the order the PDF tags it: kommun, label; date, Dnr; sender
 * lines, addressees. A layout table (layout-table.ts): kommun | label; – | date and Dnr; sender | nämnd.
 */
export function firstPageHead(doc: Doc): Table {
  const f = doc.furniture;
  const width = textWidthTwip(doc.page);
  const left = Math.round(width * 0.5);
  const right = width - left;
  const rows = [
    row([
      cell([line(f.municipality, StyleId.wordmark)], left, { bottom: true }),
      cell([line(f.label, StyleId.header, true)], right, { bottom: true, last: true }),
    ]),
    row([cell([line('')], left), cell(stack([f.date, ...f.dnrLines], 10), right, { last: true })]),
    row([
      cell(stack(f.senderLines, 10, false, belowHeadPt), left),
      cell(stack(f.addressees, 12, true, belowHeadPt), right, { last: true }),
    ]),
  ];
  return borderlessTable(rows, [left, right]);
}

/** Page 1's header: only the page number, top right (the rest of the head is in the body). */
function firstPageHeader(doc: Doc): Header {
  return new Header({
    children: [
      new Paragraph({
        style: StyleId.header,
        alignment: AlignmentType.RIGHT,
        children: [pageNumberRun(doc.furniture)],
      }),
    ],
  });
}

/** Later pages: the short head on one line, its items in columns as wide as they need, then the page number. */
function laterPageHeader(doc: Doc): Header {
  const f = doc.furniture;
  const width = textWidthTwip(doc.page);
  const pageCol = Math.round(width * pageNumberShare);
  const items = f.shortHead.length > 0 ? f.shortHead : [''];
  const widths = splitWidth(
    width - pageCol,
    items.map((item) => item.length),
  );
  const cells = [...items.map((item, i) => cell([line(item)], widths[i]!)), pageNumberCell(f, pageCol)];
  return new Header({ children: [borderlessTable([row(cells)], [...widths, pageCol]), spacer(12)] });
}

/** Page 1 foot: one column per field (label over value), widths after their text, a rule above. */
function firstPageFooter(doc: Doc): Footer {
  const fields = doc.furniture.footer;
  const empty = new Paragraph({ style: StyleId.footer, children: [] });
  if (fields.length === 0) return new Footer({ children: [empty] });
  const widths = splitWidth(
    textWidthTwip(doc.page),
    fields.map((field) => Math.max(field.label.length, field.value.length)),
  );
  const cells = fields.map((field, i) =>
    cell(
      [
        new Paragraph({
          style: StyleId.footerLabel,
          spacing: { before: ptToTwip(3) },
          children: [new TextRun({ text: field.label })],
        }),
        line(field.value, StyleId.footer),
      ],
      widths[i]!,
      { last: i === fields.length - 1 },
    ),
  );
  // The paragraph above the rule keeps the body text off the foot.
  const gap = new Paragraph({ style: StyleId.footer, spacing: { after: ptToTwip(10) }, children: [] });
  return new Footer({ children: [gap, borderlessTable([row(cells)], widths, true), empty] });
}

export function buildHeaders(doc: Doc) {
  return { first: firstPageHeader(doc), default: laterPageHeader(doc) };
}

/** Later pages have no foot; an empty one is written so Word does not repeat the first. */
export function buildFooters(doc: Doc) {
  return {
    first: firstPageFooter(doc),
    default: new Footer({ children: [new Paragraph({ style: StyleId.footer, children: [] })] }),
  };
}
