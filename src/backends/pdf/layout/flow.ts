/**
 * Flow: Doc blocks → a column of lines with spacing and keep rules, plus the structure tree the lines'
 * text belongs to. Pagination comes after and only decides where pages break.
 */
import type {
  Block,
  Inline,
  ListBlock,
  NotesBlock,
  QuoteBlock,
  RecipientsBlock,
  SignatureBlock,
} from '../../../doc/model.js';
import { tocEntries } from '../../../doc/toc.js';
import * as typo from '../../../doc/typography.js';
import { breakLines, type StyledText } from './break-lines.js';
import { type FigureContext, figureFlow, ImageList } from './figure.js';
import {
  type FlowContext,
  type FlowLine,
  keptTogether,
  movedDown,
  paragraphLines,
  plainText,
  StructBuilder,
  type TextStyle,
  toFlowLine,
} from './lines.js';
import { tableLines } from './table.js';
import { tocLines } from './toc.js';
import type { Destination, LinkArea, PageItem, StructNode } from './types.js';

/** Lines that must follow a heading, title or label on the same page. */
const KEEP_WITH_HEADING_LINES = 2;

interface BlockFlow {
  lines: FlowLine[];
  spacing: { before: number; after: number };
  /** How many lines after this block must stay on its page. */
  keepNextLines: number;
}

const HEADING_STYLES = {
  H1: typo.text.title,
  H2: typo.text.heading2,
  H3: typo.text.heading3,
  H4: typo.text.heading4,
} as const;
type HeadingRole = keyof typeof HEADING_STYLES;
const headingLevel: Record<HeadingRole, 1 | 2 | 3 | 4> = { H1: 1, H2: 2, H3: 3, H4: 4 };

function style(s: typo.TextStyle): TextStyle {
  return { sizePt: s.sizePt, leading: s.lineHeight, bold: s.bold };
}

function spacing(s: { beforePt: number; afterPt: number }): BlockFlow['spacing'] {
  return { before: s.beforePt, after: s.afterPt };
}

function headingFlow(inlines: Inline[], role: HeadingRole, ctx: FlowContext): BlockFlow {
  const heading: typo.TextStyle = HEADING_STYLES[role];
  const runs = heading.italic
    ? inlines.map((i) => (i.type === 'text' ? { ...i, italic: true } : i))
    : inlines;
  const lines = keptTogether(paragraphLines(runs, style(heading), ctx.struct.add(role, ctx.parent), ctx));
  if (lines[0]) lines[0].outline = { level: headingLevel[role], title: plainText(inlines) };
  return { lines, spacing: spacing(heading), keepNextLines: KEEP_WITH_HEADING_LINES };
}

const BODY = style(typo.text.body);
const BODY_SIZE_PT = BODY.sizePt;
const LEADING = BODY.leading;

/** The items' labels: their numbers ("1.", "2.", … on every level), or the bullet of the list's level. */
function listLabels(block: ListBlock, level: number, bullets?: readonly string[]): string[] {
  return block.items.map((_, i) => (block.ordered ? `${block.start + i}.` : typo.bulletAt(level, bullets)));
}

function labelText(text: string, node: number): StyledText {
  return { type: 'text', text, face: 'regular', sizePt: BODY_SIZE_PT, node };
}

/**
 * A list `depth` lists deep (0 in the body) as L → LI → Lbl, LBody, its labels at `ctx.leftPt`. An item's
 * paragraphs and nested lists are laid out in its LBody in order: a nested list is an L of its own there,
 * with its labels where the item's text starts (from Word's last level on, no further in). An item that is
 * one paragraph has its text in LBody itself; otherwise each paragraph is a P. Pages break inside a list
 * as inside a paragraph (never after its first line or before its last), and a nested list starts on the
 * page of the line that introduces it.
 */
function listLines(block: ListBlock, parent: number, depth: number, ctx: FlowContext): FlowLine[] {
  const list = ctx.struct.add('L', parent);
  // PDF/UA 7.6: a list with labels says how it is numbered (the bullets of every level count as discs).
  ctx.struct.nodes[list]!.attributes = { O: 'List', ListNumbering: block.ordered ? 'Decimal' : 'Disc' };
  const level = typo.listLevel(depth);
  const labels = listLabels(block, level, ctx.bullets);
  const labelWidths = labels.map((label) => breakLines([labelText(label, 0)], 1e6)[0]?.widthPt ?? 0);
  const indentPt = Math.max(typo.list.indentPt, Math.max(0, ...labelWidths) + typo.list.labelGapPt);
  const nested: FlowContext =
    typo.listLevel(depth + 1) > level
      ? { ...ctx, leftPt: ctx.leftPt + indentPt, widthPt: ctx.widthPt - indentPt }
      : ctx;
  const lines: FlowLine[] = [];
  block.items.forEach((item, i) => {
    const li = ctx.struct.add('LI', list);
    const lbl = ctx.struct.add('Lbl', li);
    const body = ctx.struct.add('LBody', li);
    const alone = item.blocks.length === 1 && item.blocks[0]!.type === 'paragraph';
    const itemLines: FlowLine[] = [];
    item.blocks.forEach((content, k) => {
      const blockLines =
        content.type === 'list'
          ? listLines(content, body, depth + 1, nested)
          : paragraphLines(content.inlines, BODY, alone ? body : ctx.struct.add('P', body), ctx, indentPt);
      const first = blockLines[0];
      if (k > 0 && first) {
        first.spaceBeforePt = typo.list.itemGapPt;
        if (content.type === 'list') first.keepWithPrevious = true;
      }
      itemLines.push(...blockLines);
    });
    const label = breakLines([labelText(labels[i]!, lbl)], 1e6)[0];
    if (!itemLines[0])
      itemLines.push({
        heightPt: BODY_SIZE_PT * LEADING,
        spaceBeforePt: 0,
        keepWithPrevious: false,
        items: [],
        links: [],
      });
    const first = itemLines[0]!;
    if (label) first.items.unshift(...toFlowLine(label, ctx.leftPt, LEADING).items);
    if (i > 0) first.spaceBeforePt = typo.list.itemGapPt;
    lines.push(...itemLines);
  });
  // As in a paragraph, no single first or last line of a list (or of a nested list) alone on a page.
  if (lines.length >= 2) {
    lines[1]!.keepWithPrevious = true;
    lines.at(-1)!.keepWithPrevious = true;
  }
  return lines;
}

function listFlow(block: ListBlock, ctx: FlowContext): BlockFlow {
  return {
    lines: listLines(block, ctx.parent, 0, ctx),
    spacing: { before: 0, after: typo.list.afterPt },
    keepNextLines: 0,
  };
}

function textRun(text: string, bold = false): Inline[] {
  return [{ type: 'text', text, bold }];
}

/** Signatures side by side, two to a row; each is a Div with one P per line (department, name, title). */
const SIGNATURES_PER_ROW = typo.signatures.perRow;
const SIGNATURE_COLUMN_GAP_PT = typo.signatures.columnGapPt;

/** Lines stacked into one line: each keeps its place below the one before, as it would on the page. */
function stacked(lines: FlowLine[]): FlowLine {
  const items: PageItem[] = [];
  const links: LinkArea[] = [];
  let y = 0;
  lines.forEach((line, i) => {
    if (i > 0) y += line.spaceBeforePt;
    for (const item of line.items) items.push(movedDown(item, y));
    for (const link of line.links) links.push({ ...link, topPt: link.topPt + y });
    y += line.heightPt;
  });
  return { heightPt: y, spaceBeforePt: lines[0]?.spaceBeforePt ?? 0, keepWithPrevious: false, items, links };
}

/**
 * A row of signatures as one line holding each column whole, one after the other: drawn (and so read by
 * text extraction) signature by signature, not department, department, name, name.
 */
function besideEachOther(columns: FlowLine[]): FlowLine {
  return {
    heightPt: Math.max(0, ...columns.map((c) => c.heightPt)),
    spaceBeforePt: 0,
    keepWithPrevious: false,
    items: columns.flatMap((c) => c.items),
    links: columns.flatMap((c) => c.links),
  };
}

function signaturesFlow(block: SignatureBlock, ctx: FlowContext): BlockFlow {
  const lines: FlowLine[] = [];
  const columnWidthPt =
    (ctx.widthPt - SIGNATURE_COLUMN_GAP_PT * (SIGNATURES_PER_ROW - 1)) / SIGNATURES_PER_ROW;
  for (let row = 0; row * SIGNATURES_PER_ROW < block.signatures.length; row++) {
    const signatures = block.signatures.slice(row * SIGNATURES_PER_ROW, (row + 1) * SIGNATURES_PER_ROW);
    const columns = signatures.map((signature, i) => {
      const column = {
        ...ctx,
        leftPt: ctx.leftPt + i * (columnWidthPt + SIGNATURE_COLUMN_GAP_PT),
        widthPt: columnWidthPt,
      };
      const div = ctx.struct.add('Div', ctx.parent);
      const line = (text: string) => paragraphLines(textRun(text), BODY, ctx.struct.add('P', div), column);
      const name = line(signature.name);
      if (name[0]) name[0].spaceBeforePt = typo.signatures.nameGapPt;
      return stacked([
        ...line(signature.department),
        ...name,
        ...(signature.title ? line(signature.title) : []),
      ]);
    });
    const rowLine = besideEachOther(columns);
    if (row > 0) rowLine.spaceBeforePt = typo.signatures.rowGapPt;
    lines.push(rowLine);
  }
  // Never a signature alone on the last page: it takes the end of the text before it along.
  if (lines[0]) lines[0].keepWithPrevious = true;
  return {
    lines: keptTogether(lines),
    spacing: { before: typo.signatures.beforePt, after: 0 },
    keepNextLines: 0,
  };
}

function recipientsFlow(block: RecipientsBlock, ctx: FlowContext): BlockFlow {
  const lines = paragraphLines(textRun(block.label, true), BODY, ctx.struct.add('P', ctx.parent), ctx);
  for (const [i, recipient] of block.recipients.entries()) {
    const change = block.changes?.[i];
    const runs: Inline[] = [{ type: 'text', text: recipient, ...(change ? { change } : {}) }];
    lines.push(...paragraphLines(runs, BODY, ctx.struct.add('P', ctx.parent), ctx));
  }
  // The expedition list belongs with the signatures above it: no page of its own.
  if (lines[0]) lines[0].keepWithPrevious = true;
  return {
    lines: keptTogether(lines),
    spacing: { before: typo.recipients.beforePt, after: 0 },
    keepNextLines: 0,
  };
}

const NOTE = style(typo.notes.text);

/**
 * The notes at the end of the memo, under a short rule: each a Note element (with the /ID its References
 * point to) holding its number as Lbl and its paragraphs as P, the text hanging after the number.
 */
function notesFlow(block: NotesBlock, ctx: FlowContext): BlockFlow {
  const { notes } = typo;
  const separator: FlowLine = {
    heightPt: notes.ruleGapPt,
    spaceBeforePt: 0,
    keepWithPrevious: false,
    items: [
      {
        kind: 'rule',
        xPt: ctx.leftPt,
        yPt: 0,
        widthPt: Math.min(notes.ruleWidthPt, ctx.widthPt),
        thicknessPt: notes.ruleThicknessPt,
        artifact: 'layout',
      },
    ],
    links: [],
  };
  const lines: FlowLine[] = [separator];
  block.notes.forEach((note, i) => {
    const element = ctx.struct.add('Note', ctx.parent);
    ctx.struct.nodes[element]!.elementId = StructBuilder.noteId(note.number);
    const lbl = ctx.struct.add('Lbl', element);
    const noteLines: FlowLine[] = [];
    note.paragraphs.forEach((inlines, p) => {
      const paragraph = paragraphLines(inlines, NOTE, ctx.struct.add('P', element), ctx, notes.indentPt);
      if (p > 0 && paragraph[0]) paragraph[0].spaceBeforePt = notes.text.afterPt;
      noteLines.push(...paragraph);
    });
    if (!noteLines[0])
      noteLines.push({
        heightPt: NOTE.sizePt * NOTE.leading,
        spaceBeforePt: 0,
        keepWithPrevious: false,
        items: [],
        links: [],
      });
    const label = breakLines(
      [{ type: 'text', text: String(note.number), face: 'regular', sizePt: NOTE.sizePt, node: lbl }],
      1e6,
    )[0];
    const first = noteLines[0]!;
    if (label) first.items.unshift(...toFlowLine(label, ctx.leftPt, NOTE.leading).items);
    if (i > 0) first.spaceBeforePt = notes.text.afterPt;
    lines.push(...noteLines);
  });
  // The rule never ends a page: it goes with the first note.
  if (lines[1]) lines[1].keepWithPrevious = true;
  return { lines, spacing: { before: notes.beforePt, after: 0 }, keepNextLines: 0 };
}

function ruleFlow(ctx: FlowContext): BlockFlow {
  const { heightPt } = typo.rule;
  const line: FlowLine = {
    heightPt,
    spaceBeforePt: 0,
    keepWithPrevious: false,
    items: [
      {
        kind: 'rule',
        xPt: ctx.leftPt,
        yPt: heightPt / 2,
        widthPt: Math.min(typo.rule.widthPt, ctx.widthPt),
        thicknessPt: typo.rule.thicknessPt,
        artifact: 'layout',
      },
    ],
    links: [],
  };
  return { lines: [line], spacing: spacing(typo.rule), keepNextLines: 1 };
}

/**
 * A block quote: its content laid out as in the body, `typo.quote.indentPt` further in, as one BlockQuote
 * element. Spacing between its blocks is the blocks' own, as in the body.
 */
function quoteFlow(block: QuoteBlock, ctx: FlowContext): BlockFlow {
  const inner: FlowContext = {
    ...ctx,
    parent: ctx.struct.add('BlockQuote', ctx.parent),
    leftPt: ctx.leftPt + typo.quote.indentPt,
    widthPt: ctx.widthPt - typo.quote.indentPt,
  };
  const flows = block.blocks.map((b) =>
    (HANDLERS[b.type] as (b: Block, c: FlowContext) => BlockFlow)(b, inner),
  );
  const lines: FlowLine[] = [];
  let afterPt = 0;
  for (const flow of flows) {
    if (flow.lines.length === 0) continue;
    if (lines.length > 0) flow.lines[0]!.spaceBeforePt += Math.max(afterPt, flow.spacing.before);
    afterPt = flow.spacing.after;
    lines.push(...flow.lines);
  }
  return {
    lines,
    spacing: { before: flows[0]?.spacing.before ?? 0, after: afterPt },
    keepNextLines: 0,
  };
}

type Handlers = { [K in Block['type']]: (block: Extract<Block, { type: K }>, ctx: FlowContext) => BlockFlow };

const HANDLERS: Handlers = {
  title: (block, ctx) => headingFlow(block.inlines, 'H1', ctx),
  heading: (block, ctx) => headingFlow(block.inlines, `H${block.level}`, ctx),
  paragraph: (block, ctx) => {
    const label = block.role === 'label';
    const paragraph = label ? typo.text.label : typo.text.body;
    const lines = paragraphLines(block.inlines, style(paragraph), ctx.struct.add('P', ctx.parent), ctx);
    return label
      ? { lines: keptTogether(lines), spacing: spacing(paragraph), keepNextLines: KEEP_WITH_HEADING_LINES }
      : { lines, spacing: spacing(paragraph), keepNextLines: 0 };
  },
  list: listFlow,
  rule: (_block, ctx) => ruleFlow(ctx),
  signatures: signaturesFlow,
  recipients: recipientsFlow,
  notes: notesFlow,
  table: (block, ctx) => ({
    lines: tableLines(block, ctx),
    spacing: spacing(typo.table.text),
    keepNextLines: 0,
  }),
  figure: figureFlow,
  quote: quoteFlow,
  toc: (block, ctx) => ({
    lines: tocLines(block, ctx),
    spacing: { before: typo.text.heading2.beforePt, after: typo.text.body.afterPt },
    keepNextLines: 0,
  }),
};

/**
 * Lay the blocks out in one column `widthPt` wide starting at `leftPt`; their nodes go into `struct`, their
 * images into `figures.images`. `positions` (where each block starts, from a layout before) gives the
 * entries of a table of contents their pages; without it they have placeholders of the same width.
 */
export function flowBlocks(
  blocks: Block[],
  leftPt: number,
  widthPt: number,
  struct = new StructBuilder(),
  figures: FigureContext = {
    images: new ImageList(),
    bodyHeightPt: { first: Number.POSITIVE_INFINITY, later: Number.POSITIVE_INFINITY },
  },
  positions?: readonly (Destination | undefined)[],
  bullets?: readonly string[],
): { lines: FlowLine[]; nodes: StructNode[]; images: ImageList } {
  const tocAt = new Map(blocks.flatMap((b, i) => (b.type === 'toc' ? [[b, i] as const] : [])));
  const ctx: FlowContext = {
    struct,
    leftPt,
    widthPt,
    parent: 0,
    figures,
    ...(bullets ? { bullets } : {}),
    tocEntries: (toc) => {
      const at = tocAt.get(toc);
      return at === undefined
        ? []
        : tocEntries(blocks, at).map((entry) => {
            const target = positions?.[entry.block];
            return target ? { ...entry, target } : entry;
          });
    },
  };
  const lines: FlowLine[] = [];
  let afterPt = 0;
  // Lines still to keep with the last heading (or label), and whether a block already came in between.
  let keepLines = 0;
  let carried = false;
  blocks.forEach((block, index) => {
    const handler = HANDLERS[block.type] as (b: Block, c: FlowContext) => BlockFlow;
    figures.opensBody = lines.length === 0;
    const flow = handler(block, ctx);
    if (flow.lines.length === 0) return;
    flow.lines[0]!.startsBlock = index;
    flow.lines[0]!.spaceBeforePt += lines.length > 0 ? Math.max(afterPt, flow.spacing.before) : 0;
    // A heading keeps with two lines of what follows, but the count stops at the next heading, so a run of
    // one-line sections does not chain into one unbreakable block.
    const startsSection = flow.keepNextLines > 0;
    const kept = carried && startsSection ? 0 : Math.min(keepLines, flow.lines.length);
    for (const line of flow.lines.slice(0, kept)) line.keepWithPrevious = true;
    if (startsSection) {
      keepLines = flow.keepNextLines;
      carried = false;
    } else {
      keepLines -= kept;
      carried = true;
    }
    afterPt = flow.spacing.after;
    lines.push(...flow.lines);
  });
  return { lines, nodes: ctx.struct.nodes, images: figures.images };
}
