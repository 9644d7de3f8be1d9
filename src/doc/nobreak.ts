/**
 * Keeps numbers whole at line ends, as Swedish typesetting wants: "1 200 000 kr", "19 §", "25 %", "§ 19",
 * "2024-10-09" and "SON 2024-112" must not break. Applied once, to the Doc's body (renderDoc), so both
 * backends get the same text and neither has a rule of its own:
 * - the spaces inside such numbers become no-break spaces (U+00A0), which both formats write as they are;
 * - a hyphen between digits becomes U+2011, which in the Doc means "the hyphen-minus, not a line break".
 *   The PDF draws it as "-" and never breaks there; the DOCX writes Word's non-breaking hyphen
 *   (w:noBreakHyphen, by ECMA-376 17.3.3.18 the hyphen-minus without a break). So both texts keep the
 *   hyphen the official wrote: search, copy and screen readers find the date and the Dnr. (LibreOffice's own
 *   PDF export does the same; its text export shows the DOCX's hyphen as U+2011.)
 * The page furniture is left alone: its lines are short and placed in columns of their own.
 */
import type {
  Block,
  Doc,
  Inline,
  ListBlock,
  ListItem,
  QuoteContent,
  TableBlock,
  TableCell,
} from './model.js';

const nbsp = '\u00A0';
/** In the Doc: a hyphen-minus that is not a line break. */
export const noBreakHyphen = '\u2011';

const hyphenBetweenDigits = /(?<=\d)-(?=\d)/g;
/** "1 200 000": a space before a group of exactly three digits. */
const thousandsSpace = /(?<=\d) (?=\d{3}(?!\d))/g;
/** "800 000 kr", "19 §", "25 %". */
const unitSpace = /(?<=\d) (?=(?:kr|tkr|mnkr|§|%)(?![\p{L}\p{N}]))/gu;
/** "§ 19". */
const sectionSpace = /(?<=§) (?=\d)/g;

export function keepNumbersTogether(text: string): string {
  return text
    .replace(hyphenBetweenDigits, noBreakHyphen)
    .replace(thousandsSpace, nbsp)
    .replace(unitSpace, nbsp)
    .replace(sectionSpace, nbsp);
}

const inlines = (list: readonly Inline[]): Inline[] =>
  list.map((i) => (i.type === 'text' ? { ...i, text: keepNumbersTogether(i.text) } : i));

const list = (b: ListBlock): ListBlock => ({ ...b, items: b.items.map(item) });

const item = (i: ListItem): ListItem => ({
  ...i,
  blocks: i.blocks.map((b) => (b.type === 'list' ? list(b) : { ...b, inlines: inlines(b.inlines) })),
});

const cells = (row: readonly TableCell[]): TableCell[] =>
  row.map((c) => ({ ...c, inlines: inlines(c.inlines) }));

const table = (b: TableBlock): TableBlock => ({ ...b, header: cells(b.header), rows: b.rows.map(cells) });

/** A quote's content through the same handlers as the body's blocks. */
const quoted = (b: QuoteContent): QuoteContent =>
  (handlers[b.type] as (block: Block) => Block)(b) as QuoteContent;

/** One handler per block type: a new kind of block does not compile until its text is handled here. */
const handlers: { [T in Block['type']]: (block: Extract<Block, { type: T }>) => Block } = {
  title: (b) => ({ ...b, inlines: inlines(b.inlines) }),
  heading: (b) => ({ ...b, inlines: inlines(b.inlines) }),
  paragraph: (b) => ({ ...b, inlines: inlines(b.inlines) }),
  list,
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
  notes: (b) => ({ ...b, notes: b.notes.map((n) => ({ ...n, paragraphs: n.paragraphs.map(inlines) })) }),
  table,
  figure: (b) => b,
  toc: (b) => b,
  quote: (b) => ({ ...b, blocks: b.blocks.map(quoted) }),
};

/** The Doc with the rule applied to its body (not to the furniture, nor the metadata). */
export function keepNumbersTogetherIn(doc: Doc): Doc {
  return { ...doc, blocks: doc.blocks.map((b) => (handlers[b.type] as (block: Block) => Block)(b)) };
}
