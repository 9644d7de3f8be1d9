/**
 * Lines of the column: Doc inlines → styled text → broken lines → flow lines (text items placed relative to
 * the line's top, link areas, keep flags), and the structure nodes that text belongs to.
 */
import { isAllowedLink } from '../../../doc/links.js';
import { type Inline, type RunChange, spokenChange, type TocBlock } from '../../../doc/model.js';
import type { TocEntry } from '../../../doc/toc.js';
import * as typo from '../../../doc/typography.js';
import { type FaceId, faceFor, verticalMetrics } from '../fonts.js';
import { type BrokenLine, breakLines, type StyledInline, type StyledText } from './break-lines.js';
import type { FigureContext } from './figure.js';
import type { Destination, LinkArea, PageItem, StructNode, StructRole, TextItem } from './types.js';

/** Link underline below the baseline and its thickness, as fractions of the font size. */
const LINK_UNDERLINE_OFFSET = 0.12;
const LINK_UNDERLINE_THICKNESS = 0.05;
/** A diff document's inserted text is underlined lower than a link, its deleted text struck at mid x-height. */
const CHANGE_UNDERLINE_OFFSET = 0.2;
const CHANGE_STRIKE_HEIGHT = 0.28;

/** One line of the column; item positions are relative to the line's top. */
export interface FlowLine {
  heightPt: number;
  spaceBeforePt: number;
  /** No page break may fall between this line and the one before. */
  keepWithPrevious: boolean;
  items: PageItem[];
  links: LinkArea[];
  outline?: { level: 1 | 2 | 3 | 4; title: string };
  /** The first line of the Doc's block at this index (where a table of contents points). */
  startsBlock?: number;
  /** Drawn above this line when it starts a page (a table's header row, as artifacts). */
  repeatAtTop?: FlowLine[];
}

/** `item` moved `dyPt` down the page (every kind keeps its vertical position in its own field). */
export function movedDown(item: PageItem, dyPt: number): PageItem {
  switch (item.kind) {
    case 'text':
      return { ...item, baselinePt: item.baselinePt + dyPt };
    case 'rule':
      return { ...item, yPt: item.yPt + dyPt };
    case 'image':
      return { ...item, topPt: item.topPt + dyPt };
  }
}

export class StructBuilder {
  readonly nodes: StructNode[] = [{ id: 0, role: 'Document', parent: null }];
  add(role: StructRole, parent: number, href?: string): number {
    const id = this.nodes.length;
    this.nodes.push(href === undefined ? { id, role, parent } : { id, role, parent, href });
    return id;
  }
  /** The element id of note `number` (its Note's /ID, its References' /Ref). */
  static noteId(number: number): string {
    return `fotnot-${number}`;
  }
}

export interface FlowContext {
  struct: StructBuilder;
  /** The Doc's list bullets by level (typography's when absent). */
  bullets?: readonly string[];
  /** The structure element the blocks being laid out belong to: the Document (0) or a BlockQuote. */
  parent: number;
  leftPt: number;
  widthPt: number;
  figures: FigureContext;
  /** The entries of a table of contents in the blocks being laid out (flowBlocks sets it). */
  tocEntries?: (block: TocBlock) => PlacedTocEntry[];
}

/** A toc entry with where its heading starts: known in the second pass only (layout/index.ts). */
export interface PlacedTocEntry extends TocEntry {
  target?: Destination;
}

export interface TextStyle {
  sizePt: number;
  leading: number;
  bold?: boolean;
}

/** The inlines' text on one line, as drawn (the Doc's no-break hyphen is the hyphen-minus). */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.type === 'text' ? i.text : i.type === 'noteRef' ? String(i.number) : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .replaceAll('\u2011', '-')
    .trim();
}

/**
 * Doc inlines → styled text for `node`; each run of one link target gets its own Link node, and in a diff
 * document each run of inserted or deleted words (outside links) a Span that a screen reader reads as
 * "[borttaget: …]" or "[infogat: …]" (/ActualText), as the struck or underlined words are seen.
 */
export function styleInlines(
  inlines: Inline[],
  style: TextStyle,
  node: number,
  struct: StructBuilder,
): StyledInline[] {
  const result: StyledInline[] = [];
  let linkNode: { href: string; id: number } | undefined;
  let changeNode: { change: RunChange; text: string; id: number } | undefined;
  const changedNode = (change: RunChange, text: string): number => {
    if (changeNode?.change !== change) changeNode = { change, text: '', id: struct.add('Span', node) };
    changeNode.text += text;
    // The words' own spaces stay outside the brackets, so they still part the words around them.
    const [, lead, words, trail] = changeNode.text.match(/^(\s*)([\s\S]*?)(\s*)$/)!;
    const spoken = spokenChange(change, words!);
    struct.nodes[changeNode.id]!.actualText = `${lead}${spoken.open}${spoken.text}${spoken.close}${trail}`;
    return changeNode.id;
  };
  for (const inline of inlines) {
    if (inline.type !== 'text' || !inline.change || isAllowedLink(inline.href)) changeNode = undefined;
    if (inline.type === 'break') {
      result.push({ type: 'break' });
      linkNode = undefined;
      continue;
    }
    if (inline.type === 'noteRef') {
      // The mark is its own Reference element, pointing at its Note by id; set small and raised.
      const ref = struct.add('Reference', node);
      struct.nodes[ref]!.refersTo = [StructBuilder.noteId(inline.number)];
      result.push({
        type: 'text',
        text: String(inline.number),
        face: faceFor(style.bold, undefined),
        sizePt: style.sizePt * typo.notes.markScale,
        risePt: style.sizePt * typo.notes.markRise,
        node: ref,
      });
      linkNode = undefined;
      continue;
    }
    const face = faceFor(style.bold || inline.bold, inline.italic);
    // Only allowed web and mail addresses become links; anything else stays plain text.
    if (isAllowedLink(inline.href)) {
      if (linkNode?.href !== inline.href)
        linkNode = { href: inline.href, id: struct.add('Link', node, inline.href) };
      const link = struct.nodes[linkNode.id]!;
      link.text = `${link.text ?? ''}${inline.text}`;
      result.push({
        type: 'text',
        text: inline.text,
        face,
        sizePt: style.sizePt,
        node: linkNode.id,
        href: inline.href,
        ...(inline.change ? { change: inline.change } : {}),
      });
    } else {
      linkNode = undefined;
      result.push({
        type: 'text',
        text: inline.text,
        face,
        sizePt: style.sizePt,
        node: inline.change ? changedNode(inline.change, inline.text) : node,
        ...(inline.change ? { change: inline.change } : {}),
      });
    }
  }
  return result;
}

/** Where the baseline of text `sizePt` large falls in a line `heightPt` high. */
export function baselineOffsetPt(face: FaceId, sizePt: number, heightPt: number): number {
  const { ascent, descent } = verticalMetrics(face);
  return (heightPt - sizePt * (ascent - descent)) / 2 + ascent * sizePt;
}

/** A broken line → a flow line at `xPt`: pieces of one face and node merged into text items. */
export function toFlowLine(line: BrokenLine, xPt: number, leading: number): FlowLine {
  const sizePt = Math.max(...line.pieces.map((p) => p.style.sizePt));
  const heightPt = sizePt * leading;
  const baselinePt = baselineOffsetPt('regular', sizePt, heightPt);
  const items: TextItem[] = [];
  const links: LinkArea[] = [];
  const changed: { change: RunChange; xPt: number; widthPt: number }[] = [];
  let x = xPt;
  let last: { item: TextItem; style: StyledText } | undefined;
  for (const p of line.pieces) {
    const s = p.style;
    if (
      last &&
      last.style.face === s.face &&
      last.style.sizePt === s.sizePt &&
      last.style.node === s.node &&
      last.style.risePt === s.risePt &&
      last.style.change === s.change
    ) {
      last.item.pieces.push(p.text);
      last.item.widthPt += p.widthPt;
    } else {
      const item: TextItem = {
        kind: 'text',
        xPt: x,
        baselinePt: baselinePt - (s.risePt ?? 0),
        face: s.face,
        sizePt: s.sizePt,
        pieces: [p.text],
        widthPt: p.widthPt,
      };
      if (s.node !== undefined) item.node = s.node;
      if (s.href) item.link = true;
      items.push(item);
      last = { item, style: s };
    }
    if (s.href && s.node !== undefined) {
      const area = links.at(-1);
      if (area && area.node === s.node && Math.abs(area.xPt + area.widthPt - x) < 1e-6) {
        area.widthPt += p.widthPt;
      } else {
        links.push({
          node: s.node,
          href: s.href,
          xPt: x,
          topPt: 0,
          widthPt: p.widthPt,
          heightPt,
        });
      }
    }
    if (s.change) {
      const area = changed.at(-1);
      if (area && area.change === s.change && Math.abs(area.xPt + area.widthPt - x) < 1e-6)
        area.widthPt += p.widthPt;
      else changed.push({ change: s.change, xPt: x, widthPt: p.widthPt });
    }
    x += p.widthPt;
  }
  // A diff document's changes are legible without colour: inserted text underlined, deleted struck through.
  const marks: PageItem[] = changed.map((area) => ({
    kind: 'rule',
    xPt: area.xPt,
    yPt: baselinePt + sizePt * (area.change === 'ins' ? CHANGE_UNDERLINE_OFFSET : -CHANGE_STRIKE_HEIGHT),
    widthPt: area.widthPt,
    thicknessPt: sizePt * LINK_UNDERLINE_THICKNESS,
    artifact: 'layout',
  }));
  // Links are underlined as well as coloured, so colour is not the only cue (WCAG 1.4.1).
  const underlines: PageItem[] = links.map((area) => ({
    kind: 'rule',
    xPt: area.xPt,
    yPt: baselinePt + sizePt * LINK_UNDERLINE_OFFSET,
    widthPt: area.widthPt,
    thicknessPt: sizePt * LINK_UNDERLINE_THICKNESS,
    artifact: 'layout',
    link: true,
  }));
  // The space the line broke at is drawn (invisibly, past the text) so copied text keeps its word gap.
  if (line.trailingSpace) items.at(-1)?.pieces.push(' ');
  return {
    heightPt,
    spaceBeforePt: 0,
    keepWithPrevious: false,
    items: [...items, ...underlines, ...marks],
    links,
  };
}

/** Lines of one paragraph, with widow and orphan control (no single first or last line on a page). */
export function paragraphLines(
  inlines: Inline[],
  style: TextStyle,
  node: number,
  ctx: FlowContext,
  indentPt = 0,
): FlowLine[] {
  const broken = breakLines(styleInlines(inlines, style, node, ctx.struct), ctx.widthPt - indentPt);
  const lines = broken
    .filter((l) => l.pieces.length > 0)
    .map((l) => toFlowLine(l, ctx.leftPt + indentPt, style.leading));
  if (lines.length >= 2) {
    lines[1]!.keepWithPrevious = true;
    lines[lines.length - 1]!.keepWithPrevious = true;
  }
  return lines;
}

export function keptTogether(lines: FlowLine[]): FlowLine[] {
  for (const line of lines.slice(1)) line.keepWithPrevious = true;
  return lines;
}
