/** Body blocks → Word paragraphs, one handler per block type. */
import { Paragraph, TextRun } from 'docx';
import type { Block, ListBlock } from '../../doc/model.js';
import { inlinesToChildren } from './inlines.js';
import type { ListNumbering } from './numbering.js';
import { StyleId } from './styles.js';
import { listIndentMm, ruleText, spacingPt } from './typography.js';
import { mmToTwip, ptToTwip } from './units.js';
import { xmlSafe } from './xml-safe.js';

interface BlockContext {
  numbering: ListNumbering;
}

type Handler<T extends Block['type']> = (
  block: Extract<Block, { type: T }>,
  ctx: BlockContext,
) => Paragraph[];

const text = (t: string) => new TextRun({ text: xmlSafe(t) });

function listParagraphs(list: ListBlock, ctx: BlockContext): Paragraph[] {
  const { reference, instance } = ctx.numbering.refOf(list);
  const style = list.ordered ? StyleId.listNumber : StyleId.listBullet;
  // An item without paragraphs still takes its number, so the numbers after it stay right.
  return list.items.flatMap((item) =>
    (item.paragraphs.length > 0 ? item.paragraphs : [[]]).map((inlines, index) =>
      index === 0
        ? new Paragraph({
            style,
            numbering: { reference, level: 0, instance },
            children: inlinesToChildren(inlines),
          })
        : new Paragraph({
            style: StyleId.listContinue,
            indent: { left: mmToTwip(listIndentMm) },
            children: inlinesToChildren(inlines),
          }),
    ),
  );
}

const handlers: { [T in Block['type']]: Handler<T> } = {
  title: (b) => [new Paragraph({ style: StyleId.title, children: inlinesToChildren(b.inlines) })],
  heading: (b) => [
    new Paragraph({
      style: b.level === 2 ? StyleId.heading1 : StyleId.heading2,
      children: inlinesToChildren(b.inlines),
    }),
  ],
  paragraph: (b) => [
    new Paragraph({
      style: b.role === 'label' ? StyleId.label : undefined,
      children: inlinesToChildren(b.inlines),
    }),
  ],
  list: listParagraphs,
  rule: () => [new Paragraph({ style: StyleId.rule, children: [text(ruleText)] })],
  // Every line keeps with the next (style Signature), so the signatures stay together and with the
  // recipients after them; the recipients keep together up to their last line.
  signatures: (b) =>
    b.signatures.flatMap((s) => [
      new Paragraph({
        style: StyleId.signature,
        spacing: { before: ptToTwip(spacingPt.signatureBefore) },
        children: [text(s.department)],
      }),
      new Paragraph({ style: StyleId.signature, children: [text(s.name)] }),
      ...(s.title ? [new Paragraph({ style: StyleId.signature, children: [text(s.title)] })] : []),
    ]),
  recipients: (b) => [
    new Paragraph({
      style: StyleId.label,
      spacing: { before: ptToTwip(spacingPt.recipientsBefore) },
      children: [text(b.label)],
    }),
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

export function blocksToParagraphs(blocks: readonly Block[], ctx: BlockContext): Paragraph[] {
  return blocks.flatMap((block) => (handlers[block.type] as Handler<typeof block.type>)(block as never, ctx));
}
