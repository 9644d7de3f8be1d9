/**
 * Body blocks → Word paragraphs and tables (data tables, the signatures' layout table), one handler per
 * block type; a block quote's content goes through the same handlers, indented.
 */
import { type FileChild, LineRuleType, Paragraph, TextRun } from 'docx';
import type {
  Block,
  BlockChange,
  Inline,
  ListBlock,
  ParagraphBlock,
  RecipientsBlock,
  RunChange,
  SignatureBlock,
  TocBlock,
} from '../../doc/model.js';
import * as typo from '../../doc/typography.js';
import { figureParagraph } from './figure.js';
import { inlinesToChildren, runText } from './inlines.js';
import { borderlessTable, cell, row } from './layout-table.js';
import { type ListNumbering, levelIndent } from './numbering.js';
import { paragraphMark } from './revisions.js';
import { StyleId } from './styles.js';
import { dataTable } from './table.js';
import { bookmarked, type CachedTocEntry, type HeadingBookmark, tocParagraphs } from './toc.js';
import { ptToTwip } from './units.js';

export interface BlockContext {
  numbering: ListNumbering;
  /** Width of the text between the margins. */
  textWidthTwip: number;
  /** The bookmark of a heading a table of contents lists (none without a toc). */
  bookmarkOf?: (block: Block) => HeadingBookmark | undefined;
  /** A table of contents' entries with their bookmarks and pages. */
  tocEntriesOf?: (block: TocBlock) => CachedTocEntry[];
}

/**
 * What the block before leaves under itself. A Word table has no space after it, so a data table's
 * `table.text.afterPt` is taken by the first paragraph after it (`afterTable`), and two tables in a row are
 * kept apart by a spacer paragraph (`tableAbove`: Word would join them into one).
 */
interface Flow {
  /** Space after the block before this one, where a table cannot share it (see signatureTable). */
  previousAfterPt: number;
  /** The block before ends with a data table: the first paragraph takes at least its space after. */
  afterTable: boolean;
  /** The block before ends with a table (or this is the first block, under the page head's table). */
  tableAbove: boolean;
}

interface HandlerContext extends BlockContext, Flow {
  /** The block's last paragraph keeps with the next block (set before the signatures). */
  keepLastWithNext: boolean;
  /** Left indent of the block quotes the block stands in; 0 in the body. */
  indentPt: number;
  /** Figures so far in the document, counted per render (their drawing ids). */
  figures: { count: number };
  /** The recipients block right after joint signatures, which their table takes in. */
  recipientsAfter?: RecipientsBlock;
  /** These recipients are already in the signature table before them. */
  inSignatureTable: boolean;
}

type Handler<T extends Block['type']> = (
  block: Extract<Block, { type: T }>,
  ctx: HandlerContext,
) => FileChild[];

const text = (t: string) => new TextRun({ children: runText(t) });

/** A line of plain text, tracked as inserted or deleted in a diff document. */
const changedText = (t: string, change: RunChange | undefined) =>
  change ? inlinesToChildren([{ type: 'text', text: t, change }]) : [text(t)];

/**
 * Space before a block's first paragraph, in twips, where the block after a data table takes the
 * table's space after (`ownPt` is what its style has; undefined where the style's is enough).
 */
function beforeAfterTable(ownPt: number, ctx: HandlerContext): number | undefined {
  const tablePt = typo.table.text.afterPt;
  return ctx.afterTable && ownPt < tablePt ? ptToTwip(tablePt) : undefined;
}

const spacing = (before: number | undefined) => (before === undefined ? {} : { spacing: { before } });

/** One paragraph of a list: an item's first (numbered) or a later one, at its list's level. */
interface ListLine {
  list: ListBlock;
  level: number;
  inlines: Inline[];
  numbered: boolean;
  keepNext: boolean;
  /** The item's change in a diff document (its paragraph marks tracked with it). */
  change?: BlockChange;
  /** The item's paragraph the line sets (none for the empty line of an item without one). */
  paragraph?: ParagraphBlock;
}

/**
 * A list's paragraphs in reading order, nested lists included at their own level (`depth` lists deep).
 * An item's first paragraph carries its number; an item without paragraphs still takes its number (on
 * an empty paragraph, also when it starts with a nested list), so the numbers after it stay right. Pages
 * break as in the PDF: the paragraph a nested list follows keeps with it, and a list's first paragraph and
 * the one before its last keep with the next, so no single item is left alone on a page.
 */
function listLines(list: ListBlock, depth: number): ListLine[] {
  const level = typo.listLevel(depth);
  const all = list.items.flatMap((item) => {
    const line = (paragraph: ParagraphBlock | undefined, numbered: boolean): ListLine => ({
      list,
      level,
      inlines: paragraph?.inlines ?? [],
      numbered,
      keepNext: false,
      ...(item.change ? { change: item.change } : {}),
      ...(paragraph ? { paragraph } : {}),
    });
    const lines: ListLine[] = [];
    for (const content of item.blocks) {
      if (content.type === 'paragraph') {
        lines.push(line(content, lines.length === 0));
        continue;
      }
      const nested = listLines(content, depth + 1);
      if (nested.length === 0) continue;
      if (lines.length === 0) lines.push(line(undefined, true));
      lines.at(-1)!.keepNext = true;
      lines.push(...nested);
    }
    if (lines.length === 0) lines.push(line(undefined, true));
    return lines;
  });
  if (all.length >= 2) {
    all[0]!.keepNext = true;
    all.at(-2)!.keepNext = true;
  }
  return all;
}

function listParagraphs(list: ListBlock, ctx: HandlerContext): Paragraph[] {
  const lines = listLines(list, 0);
  const firstBefore = beforeAfterTable(0, ctx);
  return lines.map((l, i) => {
    const last = i === lines.length - 1;
    const keepNext = l.keepNext || (ctx.keepLastWithNext && last) || undefined;
    // Items are `list.itemGapPt` apart (their styles); the list as a whole is followed by `list.afterPt`.
    const after = last ? { after: ptToTwip(typo.list.afterPt) } : {};
    const before = i === 0 && firstBefore !== undefined ? { before: firstBefore } : {};
    const spacing = last || i === 0 ? { ...before, ...after } : undefined;
    const indent = levelIndent(l.level, ctx.indentPt);
    if (!l.numbered)
      return new Paragraph({
        style: StyleId.listContinue,
        keepNext,
        spacing,
        indent: { left: indent.left },
        ...paragraphMark(l.change),
        children: inlinesToChildren(l.inlines, l.paragraph),
      });
    const { reference, instance } = ctx.numbering.refOf(l.list);
    return new Paragraph({
      style: l.list.ordered ? StyleId.listNumber : StyleId.listBullet,
      keepNext,
      spacing,
      numbering: { reference, level: l.level, instance },
      // In a block quote the numbering's own indents move in by the quote's.
      ...(ctx.indentPt > 0 && { indent }),
      ...paragraphMark(l.change),
      children: inlinesToChildren(l.inlines, l.paragraph),
    });
  });
}

/** One signature's lines: förvaltning `beforePt` below what precedes it, room to sign, name, title. */
function signatureLines(s: SignatureBlock['signatures'][number], beforePt: number): Paragraph[] {
  return [
    new Paragraph({
      style: StyleId.signature,
      spacing: { before: ptToTwip(beforePt) },
      children: [text(s.department)],
    }),
    new Paragraph({
      style: StyleId.signature,
      spacing: { before: ptToTwip(typo.signatures.nameGapPt) },
      children: [text(s.name)],
    }),
    ...(s.title ? [new Paragraph({ style: StyleId.signature, children: [text(s.title)] })] : []),
  ];
}

/**
 * A joint memo's signatures side by side, `perRow` to a row, as the PDF sets them: a borderless table
 * with columns `columnGapPt` apart, read cell by cell (förvaltning, name, title). The recipients after
 * them are the table's last row, across the columns: LibreOffice does not keep a table with the
 * paragraph after it, but it does keep rows whose lines all keep with the next (style Signature), and so
 * does Word; rows never split. So the signatures stay whole and with the recipients, as in the PDF.
 * A table does not share its space above with the paragraph before it, as two paragraphs do (the larger
 * of after and before), so the first row's space is what is left of `beforePt` after that paragraph's.
 */
function signatureTable(
  b: SignatureBlock,
  recipients: RecipientsBlock | undefined,
  ctx: HandlerContext,
): FileChild[] {
  const { perRow, columnGapPt, beforePt, rowGapPt } = typo.signatures;
  const gutter = ptToTwip(columnGapPt);
  const column = Math.floor((ctx.textWidthTwip - gutter * (perRow - 1)) / perRow);
  const widths = Array.from({ length: perRow }, (_, i) => (i < perRow - 1 ? column + gutter : column));
  const rows = [];
  for (let start = 0; start < b.signatures.length; start += perRow) {
    const before = start === 0 ? Math.max(0, beforePt - ctx.previousAfterPt) : rowGapPt;
    const cells = widths.map((width, i) => {
      const s = b.signatures[start + i];
      const lines = s ? signatureLines(s, before) : [new Paragraph({ style: StyleId.signature })];
      return cell(lines, width, { last: i === perRow - 1, gutterTwip: gutter });
    });
    rows.push(row(cells));
  }
  if (recipients)
    rows.push(
      row([cell(recipientParagraphs(recipients), ctx.textWidthTwip, { columnSpan: perRow, last: true })]),
    );
  return [borderlessTable(rows, widths)];
}

function signatureBlock(b: SignatureBlock, ctx: HandlerContext): FileChild[] {
  if (b.signatures.length > 1) return signatureTable(b, ctx.recipientsAfter, ctx);
  return b.signatures.flatMap((s) => signatureLines(s, typo.signatures.beforePt));
}

function recipientParagraphs(b: RecipientsBlock): Paragraph[] {
  return [
    new Paragraph({
      style: StyleId.label,
      // Bold as a label, but the recipients follow at line distance, one list with it (as the PDF).
      spacing: { before: ptToTwip(typo.recipients.beforePt), after: 0 },
      children: [text(b.label)],
    }),
    // The recipients keep together up to their last line.
    ...b.recipients.map(
      (r, i) =>
        new Paragraph({
          style: StyleId.recipients,
          keepNext: i < b.recipients.length - 1 || undefined,
          ...paragraphMark(b.changes?.[i]),
          children: changedText(r, b.changes?.[i]),
        }),
    ),
  ];
}

const headingStyles = {
  2: [StyleId.heading2, typo.text.heading2],
  3: [StyleId.heading3, typo.text.heading3],
  4: [StyleId.heading4, typo.text.heading4],
} as const;

/**
 * A paragraph in the body, or in a block quote: style Citat (Quote), whose indent is one quote's; a quote
 * in a quote, and a label in a quote, have their indent on the paragraph.
 */
function paragraphOf(b: Extract<Block, { type: 'paragraph' }>, ctx: HandlerContext): Paragraph {
  const label = b.role === 'label';
  const style = label ? StyleId.label : ctx.indentPt > 0 ? StyleId.quote : undefined;
  const styleIndentPt = style === StyleId.quote ? typo.quote.indentPt : 0;
  return new Paragraph({
    style,
    keepNext: ctx.keepLastWithNext || undefined,
    ...spacing(beforeAfterTable((label ? typo.text.label : typo.text.body).beforePt, ctx)),
    ...(ctx.indentPt !== styleIndentPt && { indent: { left: ptToTwip(ctx.indentPt) } }),
    ...paragraphMark(b.change),
    children: inlinesToChildren(b.inlines, b),
  });
}

/** An empty paragraph as high as a table's space after: between two tables, which Word would join. */
function tableSpacer(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: ptToTwip(typo.table.text.afterPt), lineRule: LineRuleType.EXACT },
  });
}

const handlers: { [T in Block['type']]: Handler<T> } = {
  title: (b, ctx) => [
    new Paragraph({
      style: StyleId.heading1,
      ...spacing(beforeAfterTable(typo.text.title.beforePt, ctx)),
      ...paragraphMark(b.change),
      children: inlinesToChildren(b.inlines, b),
    }),
  ],
  heading: (b, ctx) => [
    new Paragraph({
      style: headingStyles[b.level][0],
      ...spacing(beforeAfterTable(headingStyles[b.level][1].beforePt, ctx)),
      ...paragraphMark(b.change),
      children: bookmarked(inlinesToChildren(b.inlines, b), ctx.bookmarkOf?.(b)),
    }),
  ],
  paragraph: (b, ctx) => [paragraphOf(b, ctx)],
  list: listParagraphs,
  // The line is the paragraph's border (style Avdelare); the paragraph has no text.
  rule: (_b, ctx) => [
    new Paragraph({ style: StyleId.rule, ...spacing(beforeAfterTable(typo.rule.beforePt, ctx)) }),
  ],
  signatures: signatureBlock,
  // After joint signatures the recipients are the signature table's last row (signatureTable).
  recipients: (b, ctx) => (ctx.inSignatureTable ? [] : recipientParagraphs(b)),
  // Word footnotes at their references (footnotesOf); nothing is drawn where the block stands.
  notes: () => [],
  table: (b, ctx) => [
    dataTable(b, {
      textWidthTwip: ctx.textWidthTwip,
      indentPt: ctx.indentPt,
      // A table cannot take space above it; what the block before leaves short goes above the header text.
      extraBeforePt: Math.max(0, typo.table.text.beforePt - ctx.previousAfterPt),
      keepWithNext: ctx.keepLastWithNext,
    }),
  ],
  figure: (b, ctx) => {
    ctx.figures.count += 1;
    const before = beforeAfterTable(typo.figure.beforePt, ctx);
    return [
      figureParagraph(b, {
        textWidthTwip: ctx.textWidthTwip - ptToTwip(ctx.indentPt),
        number: ctx.figures.count,
        beforeTwip: before,
        keepNext: ctx.keepLastWithNext,
        indentTwip: ptToTwip(ctx.indentPt),
      }),
    ];
  },
  // The quote's content one quote's indent further in, as it would stand in the body.
  quote: (b, ctx) =>
    sequence(b.blocks, { ...ctx, indentPt: ctx.indentPt + typo.quote.indentPt }, ctx, ctx.keepLastWithNext),
  toc: (b, ctx) => tocParagraphs(b, ctx.tocEntriesOf?.(b) ?? []),
};

/** The Doc's notes as Word footnotes, keyed by number (the id each first reference points to). */
export function footnotesOf(blocks: readonly Block[]): Record<number, { children: Paragraph[] }> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const block of blocks) {
    if (block.type !== 'notes') continue;
    for (const note of block.notes) {
      const paragraphs = note.paragraphs.length > 0 ? note.paragraphs : [[]];
      footnotes[note.number] = {
        children: paragraphs.map(
          (inlines, i) =>
            new Paragraph({
              style: StyleId.footnoteText,
              // Word puts the note's number first in the first paragraph; a space keeps it off the text.
              children: [...(i === 0 ? [new TextRun(' ')] : []), ...inlinesToChildren(inlines)],
            }),
        ),
      };
    }
  }
  return footnotes;
}

/**
 * Space the block leaves under itself in Word, as its style sets it (for the places a table needs it). A
 * table leaves none: the paragraph after it takes `table.text.afterPt` (see Flow).
 */
function afterPtOf(block: Block): number {
  switch (block.type) {
    case 'title':
      return typo.text.title.afterPt;
    case 'heading':
      return headingStyles[block.level][1].afterPt;
    case 'paragraph':
      return (block.role === 'label' ? typo.text.label : typo.text.body).afterPt;
    case 'list':
      return typo.list.afterPt;
    case 'rule':
      return typo.rule.afterPt;
    case 'toc':
      return typo.toc.entry.afterPt;
    case 'figure':
      return typo.figure.afterPt;
    case 'quote': {
      const last = block.blocks.at(-1);
      return last ? afterPtOf(last) : 0;
    }
    default:
      return 0;
  }
}

const isJoint = (b: Block | undefined) => b?.type === 'signatures' && b.signatures.length > 1;

/** The block is set as a table from its start (a data table, joint signatures, a quote opening with a table). */
function startsWithTable(block: Block): boolean {
  if (block.type === 'quote') return block.blocks[0] ? startsWithTable(block.blocks[0]) : false;
  return block.type === 'table' || isJoint(block);
}

function endsWithTable(block: Block): boolean {
  if (block.type === 'quote') {
    const last = block.blocks.at(-1);
    return last ? endsWithTable(last) : false;
  }
  return block.type === 'table' || isJoint(block);
}

type SequenceContext = BlockContext & Pick<HandlerContext, 'indentPt' | 'figures'>;

/** Blocks in reading order, `flow` being what precedes the first; `keepLast`: the last keeps with the next. */
function sequence(
  blocks: readonly Block[],
  ctx: SequenceContext,
  start: Flow,
  keepLast: boolean,
): FileChild[] {
  const out: FileChild[] = [];
  let flow: Flow = {
    previousAfterPt: start.previousAfterPt,
    afterTable: start.afterTable,
    tableAbove: start.tableAbove,
  };
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    const next = blocks[i + 1];
    if (flow.tableAbove && startsWithTable(block)) {
      out.push(tableSpacer());
      flow = { previousAfterPt: typo.table.text.afterPt, afterTable: false, tableAbove: false };
    }
    const children = (handlers[block.type] as Handler<typeof block.type>)(block as never, {
      ...ctx,
      ...flow,
      // Never the signatures alone on the last page: the text before them comes along.
      keepLastWithNext: next?.type === 'signatures' || (keepLast && next === undefined),
      recipientsAfter: isJoint(block) && next?.type === 'recipients' ? next : undefined,
      inSignatureTable: block.type === 'recipients' && isJoint(previous),
    });
    out.push(...children);
    // A block that draws nothing (notes, recipients inside the signatures) leaves the flow as it was.
    if (children.length > 0)
      flow = {
        previousAfterPt: afterPtOf(block),
        afterTable: endsWithTable(block),
        tableAbove: endsWithTable(block),
      };
  });
  return out;
}

export function blocksToChildren(blocks: readonly Block[], ctx: BlockContext): FileChild[] {
  // The body starts under the page head, a table of its own.
  return sequence(
    blocks,
    { ...ctx, indentPt: 0, figures: { count: 0 } },
    { previousAfterPt: 0, afterTable: false, tableAbove: true },
    false,
  );
}
