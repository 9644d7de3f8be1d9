/**
 * mdast (the parsed template output) → Doc blocks. One handler per node type, looked up in a table.
 * Section text from the case file is wrapped by `<!-- källa:LINE -->` … `<!-- /källa -->` markers, so blocks
 * inside it get positions in the case file rather than in the template output.
 */

import type { List, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Position } from '../diagnostics.js';
import type { Block, Inline, ListItem, SignatureBlock } from '../doc/model.js';

const sourceStart = /^<!-- källa:(\d+) -->$/;
const sourceEnd = '<!-- /källa -->';
/** An HTML comment in a case file is a note to colleagues, never printed. */
const comment = /^<!--[\s\S]*-->$/;

interface Marks {
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** Source position mapping for the current case-file chunk, if any. */
interface Context {
  chunk?: { outputLine: number; sourceLine: number };
}

function sourceOf(node: Nodes, ctx: Context): Position | undefined {
  const start = node.position?.start;
  if (!start || !ctx.chunk) return undefined;
  return { line: ctx.chunk.sourceLine + start.line - ctx.chunk.outputLine, column: start.column };
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
};

type BlockHandler = (node: RootContent, ctx: Context) => Block[];

function listItems(list: List, ctx: Context): ListItem[] {
  return list.children.map((item) => ({
    paragraphs: item.children.flatMap((child) =>
      child.type === 'paragraph'
        ? [inlines(child.children)]
        : blocks([child], ctx).flatMap((b) => ('inlines' in b ? [b.inlines] : [])),
    ),
    source: sourceOf(item, ctx),
  }));
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
    linje: () => [{ type: 'rule' }],
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
    mottagare: (node) => {
      const list =
        node.type === 'containerDirective' ? node.children.find((c) => c.type === 'list') : undefined;
      return [
        {
          type: 'recipients',
          label: node.attributes?.etikett ?? '',
          recipients: list ? listItems(list, {}).map((item) => plainText(item.paragraphs.flat())) : [],
        },
      ];
    },
  };

function directiveBlock(node: RootContent, ctx: Context): Block[] {
  const d = node as LeafDirective | ContainerDirective;
  const handler = directiveHandlers[d.name];
  // A directive the template doesn't define (written by hand in a case file) stays literal text.
  return handler
    ? handler(d, ctx)
    : [{ type: 'paragraph', inlines: [{ type: 'text', text: `::${d.name}` }] }];
}

const blockHandlers: Partial<Record<RootContent['type'], BlockHandler>> = {
  heading: (n, ctx) => {
    const h = n as { depth: number; children: PhrasingContent[] };
    const content = inlines(h.children);
    const source = sourceOf(n, ctx);
    if (h.depth === 1) return [{ type: 'title', inlines: content, source }];
    return [{ type: 'heading', level: h.depth === 2 ? 2 : 3, inlines: content, source }];
  },
  paragraph: (n, ctx) => [
    {
      type: 'paragraph',
      inlines: inlines((n as { children: PhrasingContent[] }).children),
      source: sourceOf(n, ctx),
    },
  ],
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
  blockquote: (n, ctx) => blocks((n as { children: RootContent[] }).children, ctx),
  code: (n, ctx) => [
    {
      type: 'paragraph',
      inlines: [{ type: 'text', text: (n as { value: string }).value }],
      source: sourceOf(n, ctx),
    },
  ],
  html: (n, ctx) => {
    const value = (n as { value: string }).value.trim();
    const start = sourceStart.exec(value);
    if (start) {
      ctx.chunk = { outputLine: (n.position?.end.line ?? 0) + 2, sourceLine: Number(start[1]) };
      return [];
    }
    if (value === sourceEnd) {
      ctx.chunk = undefined;
      return [];
    }
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

export function toDocBlocks(root: Root): Block[] {
  return mergeSignatures(blocks(root.children, {}));
}
