/**
 * mdast → Doc blocks. One handler per node type, looked up in a table. The template's output is parsed
 * here; each `::avsnitt{nr=…}` placeholder in it is replaced by that section's own tree, parsed once from
 * the case file (src/case/body.ts) and never turned back into Markdown. Blocks from a section carry the
 * positions of that tree, which are already positions in the case file.
 */

import type {
  Blockquote,
  FootnoteDefinition,
  Image,
  List,
  ListItem as MdListItem,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString as nodeText } from 'mdast-util-to-string';
import type { Section } from '../case/model.js';
import type { Position } from '../diagnostics.js';
import type {
  Block,
  ColumnAlign,
  ImageAsset,
  Inline,
  ListItem,
  ListItemBlock,
  Note,
  QuoteContent,
  SignatureBlock,
  TableBlock,
  TableCell,
} from '../doc/model.js';
import { sectionSlot } from './data.js';

/** An HTML comment in a case file is a note to colleagues, never printed. */
const comment = /^<!--[\s\S]*-->$/;

interface Marks {
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

interface Context {
  /** The case's sections, whose trees fill the template's placeholders. */
  sections: readonly Section[];
  /** True inside a section's tree: its positions are case-file positions; no placeholder can occur. */
  fromCase: boolean;
  /** The case's images by the address written in `![alt](adress)`, read when the case was read. */
  images: ReadonlyMap<string, ImageAsset>;
}

function sourceOf(node: Nodes, ctx: Context): Position | undefined {
  const start = node.position?.start;
  return start && ctx.fromCase ? { line: start.line, column: start.column } : undefined;
}

/**
 * The footnotes of the Doc being built: definitions by identifier (from every section's tree) and the
 * notes numbered so far, in order of first reference. Set for the duration of one synchronous
 * toDocBlocks call, so the inline handlers need no context of their own.
 */
interface NoteCollector {
  definitions: Map<string, FootnoteDefinition>;
  /** Link definitions (`[namn]: https://…`) by identifier, for reference links (`[text][namn]`). */
  links: Map<string, string>;
  numbers: Map<string, number>;
  notes: Note[];
}

let collector: NoteCollector | undefined;

/** Footnote and link definitions under `nodes`; the first of an identifier wins, as in CommonMark. */
function definitionsIn(
  nodes: readonly Nodes[],
  into: { definitions: Map<string, FootnoteDefinition>; links: Map<string, string> },
): void {
  for (const node of nodes) {
    if (node.type === 'footnoteDefinition') {
      if (!into.definitions.has(node.identifier)) into.definitions.set(node.identifier, node);
    } else if (node.type === 'definition') {
      if (!into.links.has(node.identifier)) into.links.set(node.identifier, node.url);
    }
    if ('children' in node) definitionsIn(node.children as Nodes[], into);
  }
}

/** A reference: its note's number, the note made (from its definition) at the first reference. */
function noteReference(identifier: string): Inline[] {
  const notes = collector;
  const definition = notes?.definitions.get(identifier);
  if (!notes || !definition) return []; // cannot happen: GFM makes references only to definitions
  const known = notes.numbers.get(identifier);
  if (known !== undefined) return [{ type: 'noteRef', number: known, first: false }];
  const number = notes.notes.length + 1;
  notes.numbers.set(identifier, number);
  const note: Note = { number, paragraphs: [] };
  notes.notes.push(note);
  // Filled after numbering, so a reference inside the note gets the next number.
  note.paragraphs = textBlocks(
    blocks(definition.children, { sections: [], fromCase: true, images: new Map() }),
  ).flatMap((b) => (b.type === 'paragraph' ? [b.inlines] : []));
  const start = definition.position?.start;
  if (start) note.source = { line: start.line, column: start.column };
  return [{ type: 'noteRef', number, first: true }];
}

type InlineHandler = (node: PhrasingContent, marks: Marks) => Inline[];

function inlines(nodes: readonly PhrasingContent[], marks: Marks = {}): Inline[] {
  return nodes.flatMap((n) => (inlineHandlers[n.type] ?? literalInline)(n, marks));
}

function textRun(text: string, marks: Marks): Inline[] {
  return text ? [{ type: 'text', text, ...marks }] : [];
}

/** Anything without a dedicated handler keeps its source text literally. */
function literalInline(node: PhrasingContent, marks: Marks): Inline[] {
  return 'value' in node
    ? textRun(String(node.value), marks)
    : 'children' in node
      ? inlines(node.children, marks)
      : [];
}

const inlineHandlers: Partial<Record<PhrasingContent['type'], InlineHandler>> = {
  // Soft line breaks inside a paragraph are just spaces: the backends do their own line breaking.
  text: (n, m) => textRun((n as { value: string }).value.replace(/\s*\n\s*/g, ' '), m),
  strong: (n, m) => inlines((n as { children: PhrasingContent[] }).children, { ...m, bold: true }),
  emphasis: (n, m) => inlines((n as { children: PhrasingContent[] }).children, { ...m, italic: true }),
  link: (n, m) => {
    const link = n as { url: string; children: PhrasingContent[] };
    return inlines(link.children, { ...m, href: link.url });
  },
  inlineCode: (n, m) => textRun((n as { value: string }).value, m),
  html: (n, m) => textRun((n as { value: string }).value, m),
  break: () => [{ type: 'break' }],
  image: (n, m) => textRun((n as { alt?: string | null }).alt ?? '', m),
  footnoteReference: (n) => noteReference((n as { identifier: string }).identifier),
  // remark makes a reference only when its definition exists; its text links to the definition's address.
  linkReference: (n, m) => {
    const ref = n as { identifier: string; children: PhrasingContent[] };
    const href = collector?.links.get(ref.identifier);
    return inlines(ref.children, href === undefined ? m : { ...m, href });
  },
};

type BlockHandler = (node: RootContent, ctx: Context) => Block[];

/**
 * A list item's content in order: paragraphs and nested lists (through the list handler, so to any depth)
 * as they are; a heading or code inside the item becomes a paragraph of it, so its words are kept.
 */
function itemBlocks(item: MdListItem, ctx: Context): ListItemBlock[] {
  return textBlocks(blocks(item.children, ctx));
}

/**
 * Blocks as a list item or a note holds them: paragraphs and lists as they are, a heading or code as a
 * paragraph, a quote as its own content (its indent is lost, never its words). Tables and images cannot
 * stand there; check refuses them (markdown-coverage.ts).
 */
function textBlocks(list: readonly Block[]): ListItemBlock[] {
  return list.flatMap((b): ListItemBlock[] => {
    if (b.type === 'paragraph' || b.type === 'list') return [b];
    if (b.type === 'quote') return textBlocks(b.blocks);
    return 'inlines' in b ? [{ type: 'paragraph', inlines: b.inlines, source: b.source }] : [];
  });
}

function listItems(list: List, ctx: Context): ListItem[] {
  return list.children.map((item) => ({ blocks: itemBlocks(item, ctx), source: sourceOf(item, ctx) }));
}

/** The text of an item's own paragraphs (a recipient is one line). */
function itemInlines(item: ListItem): Inline[] {
  return item.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines : []));
}

/** Text of a directive's label (`::name[label]`). */
function labelOf(node: LeafDirective | ContainerDirective): Inline[] {
  return 'children' in node && node.type === 'leafDirective' ? inlines(node.children) : [];
}

function plainText(parts: Inline[]): string {
  return parts.map((p) => (p.type === 'text' ? p.text : ' ')).join('');
}

const directiveHandlers: Record<string, (node: LeafDirective | ContainerDirective, ctx: Context) => Block[]> =
  {
    [sectionSlot]: (node, ctx) => {
      const section = ctx.sections[Number(node.attributes?.nr)];
      return section ? blocks(section.nodes, { ...ctx, fromCase: true }) : [];
    },
    linje: () => [{ type: 'rule' }],
    // The table of contents: the headings after it, levels 2 and 3, with their pages.
    innehall: () => [{ type: 'toc', title: 'Innehåll', depth: 3 }],
    etikett: (node) => [{ type: 'paragraph', role: 'label', inlines: labelOf(node) }],
    underskrift: (node) => {
      const attrs = node.attributes ?? {};
      return [
        {
          type: 'signatures',
          signatures: [
            {
              department: plainText(labelOf(node)),
              name: attrs.namn ?? '',
              ...(attrs.titel ? { title: attrs.titel } : {}),
            },
          ],
        },
      ];
    },
    mottagare: (node, ctx) => {
      const list =
        node.type === 'containerDirective' ? node.children.find((c) => c.type === 'list') : undefined;
      return [
        {
          type: 'recipients',
          label: node.attributes?.etikett ?? '',
          recipients: list ? listItems(list, ctx).map((item) => plainText(itemInlines(item))) : [],
        },
      ];
    },
  };

/** Directives exist only in the template's output (the case's trees are parsed without them). */
function directiveBlock(node: RootContent, ctx: Context): Block[] {
  const d = node as LeafDirective | ContainerDirective;
  const handler = ctx.fromCase ? undefined : directiveHandlers[d.name];
  if (!handler) throw new Error(`Mallen använder ett okänt block ::${d.name}.`);
  return handler(d, ctx);
}

/** A cell that is a number, amount or percentage ("1 200", "−3,5 %", "12 mnkr"): set right-aligned. */
const numeric = /^[-+\u2212]?\s*\d[\d\s\u00a0.,:]*\s*(?:%|kr|tkr|mnkr|mdkr|mkr|st|h|år)?$/i;

/**
 * Column alignment: as the table's delimiter row says (`:---`, `:---:`, `---:`), otherwise right for a
 * column whose every filled body cell is a number and left for the rest.
 */
function columnAlign(table: Table, columns: number): ColumnAlign[] {
  return Array.from({ length: columns }, (_, i): ColumnAlign => {
    const given = table.align?.[i];
    if (given) return given;
    const cells = table.children
      .slice(1)
      .map((row) => row.children[i])
      .map((cell) => (cell ? nodeText(cell).trim() : ''))
      // An empty cell or a dash ("–", nothing this year) says nothing about the column.
      .filter((text) => !/^[-\u2013\u2014]?$/.test(text));
    return cells.length > 0 && cells.every((text) => numeric.test(text)) ? 'right' : 'left';
  });
}

function tableBlock(table: Table, ctx: Context): TableBlock {
  const columns = Math.max(0, ...table.children.map((row) => row.children.length));
  const row = (index: number): TableCell[] =>
    Array.from({ length: columns }, (_, i) => {
      const cell = table.children[index]?.children[i];
      if (!cell) return { inlines: [] };
      const source = sourceOf(cell, ctx);
      return source ? { inlines: inlines(cell.children), source } : { inlines: inlines(cell.children) };
    });
  return {
    type: 'table',
    align: columnAlign(table, columns),
    header: row(0),
    rows: table.children.slice(1).map((_, i) => row(i + 1)),
    source: sourceOf(table, ctx),
  };
}

/** A table of a case's section as the Doc has it (what `check` measures; footnote marks left out). */
export function caseTable(table: Table): TableBlock {
  return tableBlock(table, { sections: [], fromCase: true, images: new Map() });
}

/** A paragraph that is one image and nothing else (the only place an image is printed). */
function soleImage(children: readonly PhrasingContent[]): Image | undefined {
  const content = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return content.length === 1 && content[0]!.type === 'image' ? content[0] : undefined;
}

/** A block quote's content: what can be set indented; a heading in it becomes one of its paragraphs. */
function quoteContent(quote: Blockquote, ctx: Context): QuoteContent[] {
  return blocks(quote.children, ctx).flatMap((b): QuoteContent[] => {
    if (
      b.type === 'paragraph' ||
      b.type === 'list' ||
      b.type === 'table' ||
      b.type === 'figure' ||
      b.type === 'quote'
    )
      return [b];
    return 'inlines' in b ? [{ type: 'paragraph', inlines: b.inlines, source: b.source }] : [];
  });
}

const blockHandlers: Partial<Record<RootContent['type'], BlockHandler>> = {
  heading: (n, ctx) => {
    const h = n as { depth: number; children: PhrasingContent[] };
    const content = inlines(h.children);
    const source = sourceOf(n, ctx);
    if (h.depth === 1) return [{ type: 'title', inlines: content, source }];
    // Depths 5 and 6 print as level 4, the deepest a memo has.
    const level = h.depth <= 2 ? 2 : h.depth === 3 ? 3 : 4;
    return [{ type: 'heading', level, inlines: content, source }];
  },
  paragraph: (n, ctx) => {
    const children = (n as { children: PhrasingContent[] }).children;
    const image = soleImage(children);
    const asset = image && ctx.images.get(image.url);
    if (image && asset)
      return [{ type: 'figure', alt: image.alt ?? '', image: asset, source: sourceOf(n, ctx) }];
    return [{ type: 'paragraph', inlines: inlines(children), source: sourceOf(n, ctx) }];
  },
  table: (n, ctx) => [tableBlock(n as Table, ctx)],
  list: (n, ctx) => {
    const list = n as List;
    return [
      {
        type: 'list',
        ordered: !!list.ordered,
        start: list.start ?? 1,
        items: listItems(list, ctx),
        source: sourceOf(n, ctx),
      },
    ];
  },
  thematicBreak: () => [{ type: 'rule' }],
  blockquote: (n, ctx) => [
    { type: 'quote', blocks: quoteContent(n as Blockquote, ctx), source: sourceOf(n, ctx) },
  ],
  code: (n, ctx) => [
    {
      type: 'paragraph',
      inlines: [{ type: 'text', text: (n as { value: string }).value }],
      source: sourceOf(n, ctx),
    },
  ],
  html: (n, ctx) => {
    const value = (n as { value: string }).value.trim();
    if (comment.test(value)) return [];
    return [{ type: 'paragraph', inlines: [{ type: 'text', text: value }], source: sourceOf(n, ctx) }];
  },
  leafDirective: directiveBlock,
  containerDirective: directiveBlock,
};

function blocks(nodes: readonly RootContent[], ctx: Context): Block[] {
  return nodes.flatMap((n) => blockHandlers[n.type]?.(n, ctx) ?? []);
}

/** Consecutive signatures form one block, so backends keep them together. */
function mergeSignatures(list: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of list) {
    const prev = out.at(-1);
    if (block.type === 'signatures' && prev?.type === 'signatures') {
      out[out.length - 1] = {
        ...prev,
        signatures: [...prev.signatures, ...block.signatures],
      } satisfies SignatureBlock;
    } else {
      out.push(block);
    }
  }
  return out;
}

/** The template's parsed output, with each section placeholder filled by that section's tree. */
export function toDocBlocks(
  root: Root,
  sections: readonly Section[],
  images: ReadonlyMap<string, ImageAsset> = new Map(),
): Block[] {
  const found = { definitions: new Map<string, FootnoteDefinition>(), links: new Map<string, string>() };
  for (const section of sections) definitionsIn(section.nodes, found);
  const outer = collector;
  collector = { ...found, numbers: new Map(), notes: [] };
  try {
    const body = mergeSignatures(blocks(root.children, { sections, fromCase: false, images }));
    const { notes } = collector;
    return notes.length > 0 ? [...body, { type: 'notes', notes }] : body;
  } finally {
    collector = outer;
  }
}
