/**
 * What a table of contents lists, the same for both backends: every heading after the toc block, levels 2
 * to its depth, with the heading's text as one line (no footnote marks, no links: the entry is a link of
 * its own). Headings before the toc are not listed, so a report's toc after its title lists the whole body.
 */
import type { Block, Inline, TocBlock } from './model.js';

export interface TocEntry {
  /** Index of the heading in the blocks. */
  block: number;
  level: 2 | 3 | 4;
  text: string;
}

/**
 * The heading's words with breaks as spaces. Only ordinary white space is collapsed: the Doc's no-break
 * spaces and hyphens (src/doc/nobreak.ts) stay as they are in the heading.
 */
export function entryText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? ' ' : ''))
    .join('')
    .replace(/[ \t\n\r\f\v]+/g, ' ')
    .trim();
}

/** The entries of the toc at `blocks[at]`. */
export function tocEntries(blocks: readonly Block[], at: number): TocEntry[] {
  const toc = blocks[at] as TocBlock;
  return blocks.flatMap((block, i) =>
    i > at && block.type === 'heading' && block.level <= toc.depth
      ? [{ block: i, level: block.level, text: entryText(block.inlines) }]
      : [],
  );
}

/** The headings any toc of the blocks lists, by index, in order: the ones the DOCX bookmarks. */
export function listedHeadings(blocks: readonly Block[]): number[] {
  const listed = new Set(
    blocks.flatMap((b, i) => (b.type === 'toc' ? tocEntries(blocks, i) : [])).map((e) => e.block),
  );
  return [...listed].sort((a, b) => a - b);
}
