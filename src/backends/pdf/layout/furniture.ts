/**
 * Page furniture: the first-page head, the short head of later pages, the page number "N (M)" on every page
 * and the first-page footer. The first-page head is content (kommun, label, date, Dnr, sender, addressees:
 * what a reader needs to know what the memo is), tagged in reading order before the title; the short head,
 * the page numbers and the footer repeat or paginate, so they are artifacts.
 */
import { type Furniture, headLines, type Inline } from '../../../doc/model.js';
import { furniture as FURNITURE } from '../../../doc/typography.js';
import { type FaceId, textWidthPt } from '../fonts.js';
import { breakLines } from './break-lines.js';
import { type StructBuilder, toFlowLine } from './lines.js';
import type { ArtifactKind, PageItem } from './types.js';

const LEADING = FURNITURE.lineHeight;

/** What drawn text is: content of a structure node, or an artifact. */
type Mark = { node: number } | { artifact: ArtifactKind };

/** Structure nodes of the first-page head: a Div with one P per line, created in reading order. */
export interface HeadNodes {
  municipality: number;
  label: number;
  /** The date, then each Dnr line. */
  dated: number[];
  sender: number[];
  addressees: number[];
}

/** Adds the head's nodes to `struct`; call before the body's, so the head comes first in the tree. */
export function headNodes(f: Furniture, struct: StructBuilder): HeadNodes {
  const div = struct.add('Div', 0);
  const p = () => struct.add('P', div);
  return {
    municipality: p(),
    label: p(),
    dated: headLines(f, 'dated').map(p),
    sender: headLines(f, 'sender').map(p),
    addressees: headLines(f, 'addressees').map(p),
  };
}

const header = { artifact: 'header' } as const;
const footer = { artifact: 'footer' } as const;

/** The page's content box in points (x from the left, y from the top). */
export interface Box {
  leftPt: number;
  topPt: number;
  rightPt: number;
  bottomPt: number;
}

export interface FurnitureLayout {
  items: PageItem[];
  /** The y where the body may start (head) or must end (footer). */
  edgePt: number;
}

/**
 * Lines of `text` (or of runs, a diff document's changes marked) broken to `widthPt`, placed from
 * `topPt` down; returns the items and the y below them.
 */
function textBlock(
  text: string | readonly Inline[],
  face: FaceId,
  sizePt: number,
  xPt: number,
  topPt: number,
  widthPt: number,
  mark: Mark,
): { items: PageItem[]; bottomPt: number } {
  const items: PageItem[] = [];
  let y = topPt;
  const runs = typeof text === 'string' ? [{ type: 'text' as const, text }] : text;
  const styled = runs.flatMap((run) =>
    run.type === 'text'
      ? [{ type: 'text' as const, text: run.text, face, sizePt, ...(run.change && { change: run.change }) }]
      : [],
  );
  for (const broken of breakLines(styled, widthPt)) {
    if (broken.pieces.length === 0) continue;
    const line = toFlowLine(broken, xPt, LEADING);
    for (const item of line.items) {
      if (item.kind === 'text') items.push({ ...item, baselinePt: item.baselinePt + y, ...mark });
      // The underline or strike of a changed word (an artifact, as in the body).
      else if (item.kind === 'rule') items.push({ ...item, yPt: item.yPt + y });
    }
    y += line.heightPt;
  }
  return { items, bottomPt: y };
}

/** Lines one below the other: all one artifact, or each the content of its own node. */
function stack(
  lines: readonly Inline[][],
  face: FaceId,
  sizePt: number,
  xPt: number,
  topPt: number,
  widthPt: number,
  marks: { artifact: ArtifactKind } | readonly number[],
): { items: PageItem[]; bottomPt: number } {
  const items: PageItem[] = [];
  let bottomPt = topPt;
  for (const [i, line] of lines.entries()) {
    const mark = 'artifact' in marks ? marks : { node: marks[i]! };
    const block = textBlock(line, face, sizePt, xPt, bottomPt, widthPt, mark);
    items.push(...block.items);
    bottomPt = block.bottomPt;
  }
  return { items, bottomPt };
}

export function pageNumberText(format: string, n: number, m: number): string {
  return format.replaceAll('{n}', String(n)).replaceAll('{m}', String(m));
}

/**
 * Room kept free for the page number beside the head's right column: the same for every page and pass,
 * so the head's line breaks (and so its height) never depend on the page count.
 */
function reservedNumberWidth(format: string): number {
  return textWidthPt('regular', pageNumberText(format, 888, 888), FURNITURE.pageNumberSizePt) + 12;
}

/** The page number, right-aligned at the top right of the content box. */
function pageNumber(text: string, box: Box): PageItem[] {
  const sizePt = FURNITURE.pageNumberSizePt;
  const widthPt = textWidthPt('regular', text, sizePt);
  return textBlock(text, 'regular', sizePt, box.rightPt - widthPt, box.topPt, widthPt + 1, header).items;
}

function rightColumnX(box: Box): number {
  return box.leftPt + (box.rightPt - box.leftPt) * FURNITURE.rightColumnAt;
}

/**
 * Page 1: wordmark, label, date and Dnr in the right column, sender lines left, then the addressees; each
 * line tagged as its P of `nodes`, drawn in reading order (only the page number is an artifact).
 */
export function firstPageHead(f: Furniture, box: Box, numberText: string, nodes: HeadNodes): FurnitureLayout {
  const right = rightColumnX(box);
  const leftWidth = right - box.leftPt - 12;
  const numberWidth = reservedNumberWidth(f.pageNumberFormat);
  const rightWidth = box.rightPt - right;
  const wordmark = textBlock(
    f.municipality,
    'bold',
    FURNITURE.wordmarkSizePt,
    box.leftPt,
    box.topPt,
    leftWidth,
    { node: nodes.municipality },
  );
  // Label and page number sit on the wordmark's first baseline.
  const firstBaseline = (items: PageItem[]) => (items[0]?.kind === 'text' ? items[0].baselinePt : 0);
  const probe = textBlock('X', 'bold', FURNITURE.labelSizePt, right, box.topPt, rightWidth, header);
  const labelTop = box.topPt + Math.max(0, firstBaseline(wordmark.items) - firstBaseline(probe.items));
  const label = textBlock(f.label, 'bold', FURNITURE.labelSizePt, right, labelTop, rightWidth - numberWidth, {
    node: nodes.label,
  });
  const dated = stack(
    headLines(f, 'dated'),
    'regular',
    FURNITURE.headSizePt,
    right,
    label.bottomPt + FURNITURE.dateGapPt,
    rightWidth,
    nodes.dated,
  );
  const senderTop = Math.max(wordmark.bottomPt, dated.bottomPt) + FURNITURE.senderGapPt;
  const sender = stack(
    headLines(f, 'sender'),
    'regular',
    FURNITURE.headSizePt,
    box.leftPt,
    senderTop,
    leftWidth,
    nodes.sender,
  );
  const addressees = stack(
    headLines(f, 'addressees'),
    'regular',
    FURNITURE.addresseeSizePt,
    right,
    senderTop + FURNITURE.addresseeDropPt,
    rightWidth,
    nodes.addressees,
  );
  return {
    items: [
      ...wordmark.items,
      ...label.items,
      ...pageNumber(numberText, { ...box, topPt: labelTop }),
      ...dated.items,
      ...sender.items,
      ...addressees.items,
    ],
    edgePt: Math.max(sender.bottomPt, addressees.bottomPt) + FURNITURE.gapBelowHeadPt,
  };
}

/** Later pages: the first short-head line (kommun) left, the rest (date, Dnr) in the right column. */
export function shortHead(f: Furniture, box: Box, numberText: string): FurnitureLayout {
  const right = rightColumnX(box);
  const [first = '', ...rest] = headLines(f, 'short');
  const sizePt = FURNITURE.shortHeadSizePt;
  const left = textBlock(first, 'bold', sizePt, box.leftPt, box.topPt, right - box.leftPt - 12, header);
  const numberWidth = reservedNumberWidth(f.pageNumberFormat);
  const column = stack(rest, 'regular', sizePt, right, box.topPt, box.rightPt - right - numberWidth, header);
  return {
    items: [...left.items, ...column.items, ...pageNumber(numberText, box)],
    edgePt: Math.max(left.bottomPt, column.bottomPt) + FURNITURE.gapBelowShortHeadPt,
  };
}

/** Page 1 footer: a thin rule, then the fields in up to four columns (label above value). */
export function firstPageFooter(f: Furniture, box: Box): FurnitureLayout {
  if (f.footer.length === 0) return { items: [], edgePt: box.bottomPt };
  const columns = Math.min(4, f.footer.length);
  const gapPt = 10;
  const columnWidth = (box.rightPt - box.leftPt - gapPt * (columns - 1)) / columns;
  const place = (topPt: number) => {
    const items: PageItem[] = [];
    let rowTop = topPt;
    for (let start = 0; start < f.footer.length; start += columns) {
      let rowBottom = rowTop;
      f.footer.slice(start, start + columns).forEach((field, i) => {
        const x = box.leftPt + i * (columnWidth + gapPt);
        const label = textBlock(
          field.label,
          'bold',
          FURNITURE.footerLabelSizePt,
          x,
          rowTop,
          columnWidth,
          footer,
        );
        const value = textBlock(
          field.value,
          'regular',
          FURNITURE.footerValueSizePt,
          x,
          label.bottomPt,
          columnWidth,
          footer,
        );
        items.push(...label.items, ...value.items);
        rowBottom = Math.max(rowBottom, value.bottomPt);
      });
      rowTop = rowBottom + 2;
    }
    return { items, heightPt: rowTop - topPt };
  };
  const { heightPt } = place(0);
  const topPt = box.bottomPt - heightPt;
  const ruleY = topPt - FURNITURE.footerRuleGapPt;
  const rule: PageItem = {
    kind: 'rule',
    xPt: box.leftPt,
    yPt: ruleY,
    widthPt: box.rightPt - box.leftPt,
    thicknessPt: FURNITURE.footerRuleThicknessPt,
    artifact: 'footer',
  };
  return { items: [rule, ...place(topPt).items], edgePt: ruleY - FURNITURE.gapAboveFooterPt };
}
