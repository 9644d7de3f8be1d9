/** Body blocks → Word paragraphs, one handler per block type. */
import { type FileChild, Paragraph, TextRun } from 'docx';
import type { Block, ListBlock, SignatureBlock } from '../../doc/model.js';
import { inlinesToChildren } from './inlines.js';
import type { ListNumbering } from './numbering.js';
import { StyleId } from './styles.js';
import { listIndentMm, ruleText, spacingPt } from './typography.js';
import { mmToTwip, ptToTwip } from './units.js';

export interface BlockContext {
  numbering: ListNumbering;
}

interface HandlerContext extends BlockContext {
  /** The block's last paragraph keeps with the next block (set before the signatures). */
  keepLastWithNext: boolean;
}

type Handler<T extends Block['type']> = (
  block: Extract<Block, { type: T }>,
  ctx: HandlerContext,
) => FileChild[];

const text = (t: string) => new TextRun({ text: t });

function listParagraphs(list: ListBlock, ctx: HandlerContext): Paragraph[] {
  const { reference, instance } = ctx.numbering.refOf(list);
  const style = list.ordered ? StyleId.listNumber : StyleId.listBullet;
  // An item without paragraphs still takes its number, so the numbers after it stay right.
  const paragraphs = list.items.flatMap((item) =>
    (item.paragraphs.length > 0 ? item.paragraphs : [[]]).map((inlines, index) => ({
      inlines,
      first: index === 0,
    })),
  );
  return paragraphs.map(({ inlines, first }, i) => {
    const keepNext = (ctx.keepLastWithNext && i === paragraphs.length - 1) || undefined;
    return first
      ? new Paragraph({
          style,
          keepNext,
          numbering: { reference, level: 0, instance },
          children: inlinesToChildren(inlines),
        })
      : new Paragraph({
          style: StyleId.listContinue,
          keepNext,
          indent: { left: mmToTwip(listIndentMm) },
          children: inlinesToChildren(inlines),
        });
  });
}

/**
 * Each signature: förvaltning, room to sign, name, title; one after another. Every line keeps with
 * the next (style Signature), so the signatures stay together and with the recipients after them.
 * (Side by side, in a table, would look like the PDF, but LibreOffice does not keep a table with the
 * paragraph after it, so the recipients could end up alone on a page.)
 */
function signatureParagraphs(b: SignatureBlock): Paragraph[] {
  return b.signatures.flatMap((s) => [
    new Paragraph({
      style: StyleId.signature,
      spacing: { before: ptToTwip(spacingPt.signatureBefore) },
      children: [text(s.department)],
    }),
    new Paragraph({
      style: StyleId.signature,
      spacing: { before: ptToTwip(spacingPt.signatureNameGap) },
      children: [text(s.name)],
    }),
    ...(s.title ? [new Paragraph({ style: StyleId.signature, children: [text(s.title)] })] : []),
  ]);
}

const handlers: { [T in Block['type']]: Handler<T> } = {
  title: (b) => [new Paragraph({ style: StyleId.title, children: inlinesToChildren(b.inlines) })],
  heading: (b) => [
    new Paragraph({
      style: b.level === 2 ? StyleId.heading1 : StyleId.heading2,
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
  rule: () => [new Paragraph({ style: StyleId.rule, children: [text(ruleText)] })],
  signatures: signatureParagraphs,
  recipients: (b) => [
    new Paragraph({
      style: StyleId.label,
      spacing: { before: ptToTwip(spacingPt.recipientsBefore) },
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
  ],
};

export function blocksToChildren(blocks: readonly Block[], ctx: BlockContext): FileChild[] {
  return blocks.flatMap((block, i) => {
    // Never the signatures alone on the last page: the text before them comes along.
    const keepLastWithNext = blocks[i + 1]?.type === 'signatures';
    return (handlers[block.type] as Handler<typeof block.type>)(block as never, { ...ctx, keepLastWithNext });
  });
}
