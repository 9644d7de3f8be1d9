/** Body blocks → Word paragraphs (and the signatures' layout table), one handler per block type. */
import { type FileChild, Paragraph, TextRun } from 'docx';
import type { Block, Inline, ListBlock, RecipientsBlock, SignatureBlock } from '../../doc/model.js';
import * as typo from '../../doc/typography.js';
import { inlinesToChildren, runText } from './inlines.js';
import { borderlessTable, cell, row } from './layout-table.js';
import type { ListNumbering } from './numbering.js';
import { StyleId } from './styles.js';
import { ptToTwip } from './units.js';

export interface BlockContext {
  numbering: ListNumbering;
  /** Width of the text between the margins. */
  textWidthTwip: number;
}

interface HandlerContext extends BlockContext {
  /** The block's last paragraph keeps with the next block (set before the signatures). */
  keepLastWithNext: boolean;
  /** Space after the block before this one, where a table cannot share it (see signatureTable). */
  previousAfterPt: number;
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

/** One paragraph of a list: an item's first (numbered) or a later one, at its list's level. */
interface ListLine {
  list: ListBlock;
  level: number;
  inlines: Inline[];
  numbered: boolean;
  keepNext: boolean;
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
  const line = (inlines: Inline[], numbered: boolean): ListLine => ({
    list,
    level,
    inlines,
    numbered,
    keepNext: false,
  });
  const all = list.items.flatMap((item) => {
    const lines: ListLine[] = [];
    for (const content of item.blocks) {
      if (content.type === 'paragraph') {
        lines.push(line(content.inlines, lines.length === 0));
        continue;
      }
      const nested = listLines(content, depth + 1);
      if (nested.length === 0) continue;
      if (lines.length === 0) lines.push(line([], true));
      lines.at(-1)!.keepNext = true;
      lines.push(...nested);
    }
    if (lines.length === 0) lines.push(line([], true));
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
  return lines.map((l, i) => {
    const last = i === lines.length - 1;
    const keepNext = l.keepNext || (ctx.keepLastWithNext && last) || undefined;
    // Items are `list.itemGapPt` apart (their styles); the list as a whole is followed by `list.afterPt`.
    const spacing = last ? { after: ptToTwip(typo.list.afterPt) } : undefined;
    if (!l.numbered)
      return new Paragraph({
        style: StyleId.listContinue,
        keepNext,
        spacing,
        indent: { left: ptToTwip(typo.list.indentPt * (l.level + 1)) },
        children: inlinesToChildren(l.inlines),
      });
    const { reference, instance } = ctx.numbering.refOf(l.list);
    return new Paragraph({
      style: l.list.ordered ? StyleId.listNumber : StyleId.listBullet,
      keepNext,
      spacing,
      numbering: { reference, level: l.level, instance },
      children: inlinesToChildren(l.inlines),
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
          children: [text(r)],
        }),
    ),
  ];
}

const handlers: { [T in Block['type']]: Handler<T> } = {
  title: (b) => [new Paragraph({ style: StyleId.heading1, children: inlinesToChildren(b.inlines) })],
  heading: (b) => [
    new Paragraph({
      style: b.level === 2 ? StyleId.heading2 : b.level === 3 ? StyleId.heading3 : StyleId.heading4,
      children: inlinesToChildren(b.inlines),
    }),
  ],
  paragraph: (b, ctx) => [
    new Paragraph({
      style: b.role === 'label' ? StyleId.label : undefined,
      keepNext: ctx.keepLastWithNext || undefined,
      children: inlinesToChildren(b.inlines),
    }),
  ],
  list: listParagraphs,
  // The line is the paragraph's border (style Avdelare); the paragraph has no text.
  rule: () => [new Paragraph({ style: StyleId.rule })],
  signatures: signatureBlock,
  // After joint signatures the recipients are the signature table's last row (signatureTable).
  recipients: (b, ctx) => (ctx.inSignatureTable ? [] : recipientParagraphs(b)),
  // Word footnotes at their references (footnotesOf); nothing is drawn where the block stands.
  notes: () => [],
  table: () => {
    throw new Error('tabeller: ännu inte');
  },
  figure: () => {
    throw new Error('bilder: ännu inte');
  },
  quote: () => {
    throw new Error('citat: ännu inte');
  },
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

/** Space after each kind of block, as its style sets it (for the one place a table needs it). */
const afterPt: { [T in Block['type']]: number } = {
  title: typo.text.title.afterPt,
  heading: typo.text.heading2.afterPt,
  paragraph: typo.text.body.afterPt,
  list: typo.list.afterPt,
  rule: typo.rule.afterPt,
  signatures: 0,
  recipients: 0,
  notes: 0,
  table: typo.table.text.afterPt,
  figure: typo.figure.afterPt,
  quote: typo.text.body.afterPt,
};

export function blocksToChildren(blocks: readonly Block[], ctx: BlockContext): FileChild[] {
  return blocks.flatMap((block, i) => {
    // Never the signatures alone on the last page: the text before them comes along.
    const keepLastWithNext = blocks[i + 1]?.type === 'signatures';
    const previous = blocks[i - 1];
    const next = blocks[i + 1];
    const joint = (b: Block | undefined) => b?.type === 'signatures' && b.signatures.length > 1;
    return (handlers[block.type] as Handler<typeof block.type>)(block as never, {
      ...ctx,
      keepLastWithNext,
      previousAfterPt: previous ? afterPt[previous.type] : 0,
      recipientsAfter: joint(block) && next?.type === 'recipients' ? next : undefined,
      inSignatureTable: block.type === 'recipients' && joint(previous),
    });
  });
}
