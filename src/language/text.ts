/**
 * The official's own text as plain strings that remember where each character stands in the case file:
 * paragraphs, list items, table cells and sub-headings of the body sections, and the decision points.
 * Nothing the template adds (standard sentences, MBL wording, headings of the memo) is part of it.
 */
import type { Nodes, RootContent } from 'mdast';
import type { DecisionBlock, Section } from '../case/model.js';
import type { LineIndex } from '../util/line-index.js';

/** Prose (paragraphs, decision points) is measured; headings and table cells are only searched for words. */
export type UnitKind = 'paragraph' | 'decision' | 'heading' | 'cell';

export interface TextUnit {
  kind: UnitKind;
  /** Heading of the section; "Förslag till beslut" for decision points. */
  section: string;
  text: string;
  /** Offset in the case file of each character of `text` (one more entry: the end). */
  offsets: number[];
  /** The nämnd of a decision point. */
  board?: string;
}

export const decisionsHeading = 'Förslag till beslut';

/**
 * Offsets of `value` inside `source[from, to)`: each character is looked for a little ahead of the previous
 * one, so markup the value lacks (escapes, entities, "> " of a quote, YAML quotes and folding indentation)
 * is stepped over. White space matches any white space. Never leaves the range.
 */
function align(value: string, source: string, from: number, to: number): number[] {
  const offsets: number[] = [];
  let p = from;
  for (const ch of value) {
    const space = /\s/.test(ch);
    let q = p;
    while (q < to && q - p < 24 && !(space ? /\s/.test(source[q]!) : source.startsWith(ch, q))) q++;
    if (q < to && q - p < 24) p = q;
    for (let k = 0; k < ch.length; k++) offsets.push(Math.min(p + k, to));
    p = Math.min(p + ch.length, to);
  }
  offsets.push(p);
  return offsets;
}

interface Builder {
  text: string;
  offsets: number[];
}

function inline(node: Nodes, source: string, out: Builder): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode': {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const offsets = align(node.value, source, start, end);
      // A soft line break is a space to the reader; ICU would take a line feed for a sentence end.
      out.text += node.value.replace(/[\r\n]/g, ' ');
      out.offsets.push(...offsets.slice(0, -1));
      return;
    }
    case 'break':
      out.text += ' ';
      out.offsets.push(node.position?.start.offset ?? out.offsets.at(-1) ?? 0);
      return;
    // Images, footnote references and inline HTML are no running text.
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'html':
      return;
    default:
      if ('children' in node) for (const child of node.children) inline(child as Nodes, source, out);
  }
}

function unit(kind: UnitKind, section: string, node: Nodes, source: string): TextUnit[] {
  const b: Builder = { text: '', offsets: [] };
  inline(node, source, b);
  if (b.text.trim() === '') return [];
  b.offsets.push(node.position?.end.offset ?? b.offsets.at(-1) ?? 0);
  return [{ kind, section, text: b.text, offsets: b.offsets }];
}

function blocks(node: Nodes, section: string, source: string): TextUnit[] {
  switch (node.type) {
    case 'paragraph':
      return unit('paragraph', section, node, source);
    case 'heading':
      return unit('heading', section, node, source);
    case 'tableCell':
      return unit('cell', section, node, source);
    case 'code':
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return [];
    default:
      return 'children' in node
        ? node.children.flatMap((child) => blocks(child as Nodes, section, source))
        : [];
  }
}

/** The text units of the body sections, in reading order. */
export function sectionUnits(sections: readonly Section[], source: string): TextUnit[] {
  return sections.flatMap((s) =>
    s.nodes.flatMap((node: RootContent) => blocks(node as Nodes, s.heading, source)),
  );
}

/** The decision points as text units, aligned with the YAML they were written in. */
export function decisionUnits(
  decisions: readonly DecisionBlock[],
  source: string,
  index: LineIndex,
): TextUnit[] {
  return decisions.flatMap((block) =>
    block.points.flatMap((point) => {
      if (!point.position || point.text.trim() === '') return [];
      const from = index.offset(point.position);
      // A folded or quoted scalar is at most about twice its value long in the file.
      const to = Math.min(source.length, from + point.text.length * 2 + 64);
      const offsets = align(point.text, source, from, to);
      const text = point.text.replace(/[\r\n]/g, ' ');
      return [{ kind: 'decision' as const, section: decisionsHeading, text, offsets, board: block.board }];
    }),
  );
}
