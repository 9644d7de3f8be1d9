/**
 * Page furniture and the first-page head. The head (wordmark, label, date, Dnr, sender, addressees) is
 * content: a layout table at the start of the body, not a header. The headers hold the page number
 * "N (M)" top right on every page (PAGE and NUMPAGES fields with cached values, page-number.ts) and, on
 * later pages, the short head (one row); the first-page footer is a footer.
 */
import { AlignmentType, Footer, Header, Paragraph, type Table, TextRun } from 'docx';
import { type Doc, type Furniture, headLines, type Inline, lineChange } from '../../doc/model.js';
import { furniture as sizes } from '../../doc/typography.js';
import { inlinesToChildren } from './inlines.js';
import { borderlessTable, cell, row, splitWidth } from './layout-table.js';
import { headerLiftPt, textWidthTwip } from './page.js';
import { type CachedPageNumber, pageNumberChildren } from './page-number.js';
import { paragraphMark } from './revisions.js';
import { StyleId } from './styles.js';
import { exactLine } from './typography.js';
import { ptToTwip } from './units.js';

const line = (text: string, style: string = StyleId.header, bold?: boolean) =>
  new Paragraph({ style, children: [new TextRun({ text, bold })] });

/** A head line of runs: in a diff document with its changes tracked (a whole added or removed line's mark too). */
const markedLine = (runs: readonly Inline[], style: string, bold?: boolean) =>
  new Paragraph({
    style,
    ...paragraphMark(lineChange(runs)),
    children: inlinesToChildren(bold ? runs.map((r) => (r.type === 'text' ? { ...r, bold } : r)) : runs),
  });

const emptyLine: Inline[] = [{ type: 'text', text: '' }];

/** Share of the text width kept for the page number, top right. */
const pageNumberShare = 0.15;

/**
 * A spacer paragraph: a header or footer must end with a paragraph, and it sets off the body. It is one
 * point high, so the gap is `afterPt` as in the PDF.
 */
const spacer = (afterPt: number, style: string = StyleId.header) =>
  new Paragraph({ style, spacing: { after: ptToTwip(afterPt), ...exactLine(1, 1) }, children: [] });

/** The page number in its column: at the bottom of page 1's first row (the label's line), else at the top. */
const pageNumberCell = (f: Furniture, widthTwip: number, cached: CachedPageNumber, bottom = false) =>
  cell(
    [
      new Paragraph({
        style: StyleId.pageNumber,
        alignment: AlignmentType.RIGHT,
        children: pageNumberChildren(f.pageNumberFormat, cached),
      }),
    ],
    widthTwip,
    { last: true, bottom },
  );

/**
 * Lines of the head, the first set off from the row above by `beforePt`, the last followed by `afterPt`
 * (inside the cell, so the row ends that much below its longest column, as the PDF's head edge does).
 */
function stack(
  lines: readonly Inline[][],
  beforePt: number,
  style: string = StyleId.header,
  afterPt = 0,
): Paragraph[] {
  const items: readonly Inline[][] = lines.length > 0 ? lines : [emptyLine];
  const last = items.length - 1;
  return items.map((runs, i) => {
    const spacing = {
      ...(i === 0 && { before: ptToTwip(beforePt) }),
      ...(i === last && afterPt > 0 && { after: ptToTwip(afterPt) }),
    };
    return new Paragraph({
      style,
      spacing: Object.keys(spacing).length > 0 ? spacing : undefined,
      ...paragraphMark(lineChange(runs)),
      children: inlinesToChildren(runs),
    });
  });
}

/**
 * Page 1's head, the first thing in the body so that every reader (LibreOffice's text, a screen reader,
 * Word's navigation) reads it as text, in the order the PDF tags it: kommun, label; date, Dnr; sender
 * lines, addressees. A layout table (layout-table.ts): kommun | label; – | date and Dnr; sender | nämnd.
 * The right column starts where the PDF's does. The last row ends `gapBelowHeadPt` above the title: the
 * gap the first-page header's spacer made when the head was in the header, now after the head in the body.
 */
export function firstPageHead(doc: Doc, pages: number): Table {
  const f = doc.furniture;
  const width = textWidthTwip(doc.page);
  const left = Math.round(width * sizes.rightColumnAt);
  const right = width - left;
  const pageCol = Math.round(width * pageNumberShare);
  const below = sizes.gapBelowHeadPt;
  const rows = [
    row([
      cell([line(f.municipality, StyleId.wordmark)], left, { bottom: true }),
      cell([line(f.label, StyleId.documentLabel)], right - pageCol, { bottom: true }),
      // In the head rather than a header: a header would push the body (the head) below the top margin.
      pageNumberCell(f, pageCol, { page: 1, pages }, true),
    ]),
    row([
      cell([line('')], left),
      cell(stack(headLines(f, 'dated'), dateGapPt()), right, { last: true, columnSpan: 2 }),
    ]),
    row([
      cell(stack(headLines(f, 'sender'), sizes.senderGapPt, StyleId.header, below), left),
      // The addressees stand `addresseeDropPt` lower than the sender lines, as in the PDF.
      cell(
        stack(
          headLines(f, 'addressees'),
          sizes.senderGapPt + sizes.addresseeDropPt,
          StyleId.addressee,
          below,
        ),
        right,
        { last: true, columnSpan: 2 },
      ),
    ]),
  ];
  return borderlessTable(rows, [left, right - pageCol, pageCol]);
}

/**
 * The space above the date: the PDF sets it `dateGapPt` below the label, whose line shares the wordmark's
 * baseline; here the date's row starts below the wordmark's (taller) line, so the gap is what remains.
 */
function dateGapPt(): number {
  const labelBottom =
    (sizes.wordmarkSizePt - sizes.labelSizePt) * sizes.ascent + sizes.labelSizePt * sizes.lineHeight;
  return Math.max(0, labelBottom + sizes.dateGapPt - sizes.wordmarkSizePt * sizes.lineHeight);
}

/** Page 1 has no header: the page number is in the head (firstPageHead). One point high, as the PDF's. */
function firstPageHeader(): Header {
  return new Header({ children: [spacer(0)] });
}

/**
 * Later pages: the short head as the PDF sets it, the kommun left, the rest (date, Dnr) one below the
 * other in the right column, then the page number; `headerLiftPt` of space first (page.ts).
 */
function laterPageHeader(doc: Doc, pages: number): Header {
  const f = doc.furniture;
  const width = textWidthTwip(doc.page);
  const left = Math.round(width * sizes.rightColumnAt);
  const pageCol = Math.round(width * pageNumberShare);
  const [first = [], ...rest] = headLines(f, 'short');
  const cells = [
    // The kommun in bold, as on page 1.
    cell([markedLine(first, StyleId.shortHead, true)], left),
    cell(
      (rest.length > 0 ? rest : [emptyLine]).map((runs) => markedLine(runs, StyleId.shortHead)),
      width - left - pageCol,
    ),
    pageNumberCell(f, pageCol, { page: 2, pages: Math.max(2, pages) }),
  ];
  return new Header({
    children: [
      spacer(headerLiftPt - 1),
      borderlessTable([row(cells)], [left, width - left - pageCol, pageCol]),
      spacer(sizes.gapBelowShortHeadPt),
    ],
  });
}

/** Page 1 foot: one column per field (label over value), widths after their text, a rule above. */
function firstPageFooter(doc: Doc): Footer {
  const fields = doc.furniture.footer;
  const empty = spacer(0, StyleId.footer);
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
          spacing: { before: ptToTwip(sizes.footerRuleGapPt) },
          children: [new TextRun({ text: field.label })],
        }),
        line(field.value, StyleId.footer),
      ],
      widths[i]!,
      { last: i === fields.length - 1 },
    ),
  );
  // The paragraph above the rule keeps the body text off the foot.
  const gap = spacer(sizes.gapAboveFooterPt, StyleId.footer);
  return new Footer({ children: [gap, borderlessTable([row(cells)], widths, true), empty] });
}

/** `pageCount` is cached in NUMPAGES; without it each head caches the fewest pages it can be on. */
export function buildHeaders(doc: Doc, pageCount?: number) {
  return { first: firstPageHeader(), default: laterPageHeader(doc, pageCount ?? 2) };
}

/** Later pages have no foot; an empty one is written so Word does not repeat the first. */
export function buildFooters(doc: Doc) {
  return {
    first: firstPageFooter(doc),
    default: new Footer({ children: [spacer(0, StyleId.footer)] }),
  };
}
