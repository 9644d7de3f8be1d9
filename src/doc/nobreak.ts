/**
 * Keeps numbers whole at line ends, as Swedish typesetting wants: "1 200 000 kr", "19 §", "25 %" and "§ 19"
 * must not break. The spaces inside such numbers become no-break spaces (U+00A0) in the Doc itself, once,
 * so the PDF and the DOCX carry the same characters and neither backend has a rule of its own.
 *
 * Hyphens stay the hyphen-minus the official wrote ("2024-10-09", "SON 2024-112"): a non-breaking hyphen
 * (U+2011) is another character, so search, copy, `diff` and screen readers would no longer find the date
 * or the Dnr. The PDF layout never breaks after a hyphen between digits (break-lines.ts), nor does
 * LibreOffice (Unicode line breaking, UAX #14 rule LB25); Word may break such a date at a line end.
 */
import type { Block, Doc, Inline, ListItem } from './model.js';

const nbsp = '\u00A0';

/** "1 200 000": a space before a group of exactly three digits. */
const thousandsSpace = /(?<=\d) (?=\d{3}(?!\d))/g;
/** "800 000 kr", "19 §", "25 %". */
const unitSpace = /(?<=\d) (?=(?:kr|tkr|mnkr|§|%)(?![\p{L}\p{N}]))/gu;
/** "§ 19". */
const sectionSpace = /(?<=§) (?=\d)/g;

export function keepNumbersTogether(text: string): string {
  return text.replace(thousandsSpace, nbsp).replace(unitSpace, nbsp).replace(sectionSpace, nbsp);
}

const inlines = (list: readonly Inline[]): Inline[] =>
  list.map((i) => (i.type === 'text' ? { ...i, text: keepNumbersTogether(i.text) } : i));

const item = (i: ListItem): ListItem => ({ ...i, paragraphs: i.paragraphs.map(inlines) });

/** One handler per block type: a new kind of block does not compile until its text is handled here. */
const handlers: { [T in Block['type']]: (block: Extract<Block, { type: T }>) => Block } = {
  title: (b) => ({ ...b, inlines: inlines(b.inlines) }),
  heading: (b) => ({ ...b, inlines: inlines(b.inlines) }),
  paragraph: (b) => ({ ...b, inlines: inlines(b.inlines) }),
  list: (b) => ({ ...b, items: b.items.map(item) }),
  rule: (b) => b,
  signatures: (b) => ({
    ...b,
    signatures: b.signatures.map((s) => ({
      ...s,
      department: keepNumbersTogether(s.department),
      name: keepNumbersTogether(s.name),
      ...(s.title !== undefined && { title: keepNumbersTogether(s.title) }),
    })),
  }),
  recipients: (b) => ({ ...b, recipients: b.recipients.map(keepNumbersTogether) }),
};

/** The Doc with the rule applied to every text that is printed (blocks and page furniture, not metadata). */
export function keepNumbersTogetherIn(doc: Doc): Doc {
  const f = doc.furniture;
  const all = (lines: readonly string[]) => lines.map(keepNumbersTogether);
  return {
    ...doc,
    blocks: doc.blocks.map((b) => (handlers[b.type] as (block: Block) => Block)(b)),
    furniture: {
      ...f,
      senderLines: all(f.senderLines),
      dnrLines: all(f.dnrLines),
      addressees: all(f.addressees),
      shortHead: all(f.shortHead),
      footer: f.footer.map((field) => ({ ...field, value: keepNumbersTogether(field.value) })),
    },
  };
}
