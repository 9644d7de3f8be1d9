/**
 * List numbering. One abstract definition per kind of list (bullets, and numbers from each start), with
 * Word's nine levels; every ListBlock, nested ones too, gets its own concrete list (`w:num` with
 * `w:startOverride`s), and its paragraphs use the level of its depth (`w:ilvl`). So the numbering of each
 * decision block restarts at the block's `start`, a numbered list inside a bulleted one (and the reverse)
 * takes its own kind's level, each nested list counts from its own start, and Word keeps the lists apart
 * when the official edits them.
 */
import { AlignmentType, type ILevelsOptions, type INumberingOptions, LevelFormat } from 'docx';
import type { Block, ListBlock, QuoteContent } from '../../doc/model.js';
import { bulletAt, list } from '../../doc/typography.js';
import { ptToTwip } from './units.js';

const levels = Array.from({ length: list.levels }, (_, level) => level);

/**
 * Each level's text `list.indentPt` further in, its number hanging in that indent (as the PDF); a list in
 * a block quote starts `fromPt` in, at the quote's indent.
 */
export function levelIndent(level: number, fromPt = 0) {
  return { left: ptToTwip(fromPt + list.indentPt * (level + 1)), hanging: ptToTwip(list.indentPt) };
}

/** "1.", "2.", … on every level, as the PDF numbers; the list's own `w:num` restarts it at `start`. */
function orderedLevels(start: number): ILevelsOptions[] {
  return levels.map((level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start,
    style: { paragraph: { indent: levelIndent(level) } },
  }));
}

function bulletLevels(bullets?: readonly string[]): ILevelsOptions[] {
  return levels.map((level) => ({
    level,
    format: LevelFormat.BULLET,
    text: bulletAt(level, bullets),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: levelIndent(level) } },
  }));
}

const bulletReference = 'bullet-list';
const orderedReference = (start: number) => `ordered-list-from-${start}`;

/** Where a list's paragraphs point: the definition's reference and the list's own instance. */
export interface ListNumberingRef {
  reference: string;
  instance: number;
}

/** Numbering definitions for a Doc, and the numbering each of its ListBlocks uses (by block). */
export interface ListNumbering {
  options: INumberingOptions;
  refOf(list: ListBlock): ListNumberingRef;
  /**
   * The lists the List Number and List Bullet styles number with: the Doc's first list of each kind in the
   * body (not nested),
   * as Word ties its own list styles to one list. A paragraph the official gives one of these styles
   * in Word is then numbered too. Absent when the Doc has no such list.
   */
  styleRefs: { ordered?: ListNumberingRef; bullet?: ListNumberingRef };
}

/**
 * Every list of the blocks in reading order, each before the lists nested in its items; lists in block
 * quotes too, at any depth.
 */
function allLists(blocks: readonly (Block | QuoteContent)[]): ListBlock[] {
  const found: ListBlock[] = [];
  const visit = (l: ListBlock): void => {
    found.push(l);
    for (const item of l.items) for (const b of item.blocks) if (b.type === 'list') visit(b);
  };
  const walk = (bs: readonly (Block | QuoteContent)[]): void => {
    for (const b of bs) {
      if (b.type === 'list') visit(b);
      else if (b.type === 'quote') walk(b.blocks);
    }
  };
  walk(blocks);
  return found;
}

export function planListNumbering(blocks: readonly Block[], bullets?: readonly string[]): ListNumbering {
  const lists = allLists(blocks);
  const topLevel = blocks.filter((b): b is ListBlock => b.type === 'list');
  const starts = [...new Set(lists.filter((l) => l.ordered).map((l) => safeStart(l.start)))].sort(
    (a, b) => a - b,
  );
  const refs = new Map<ListBlock, ListNumberingRef>();
  const firstRef = (list: ListBlock | undefined) => (list ? refs.get(list) : undefined);
  lists.forEach((list, index) => {
    const reference = list.ordered ? orderedReference(safeStart(list.start)) : bulletReference;
    // Instance 0 is docx's shared default list; each ListBlock gets a fresh one.
    refs.set(list, { reference, instance: index + 1 });
  });
  return {
    options: {
      config: [
        { reference: bulletReference, levels: bulletLevels(bullets) },
        ...starts.map((start) => ({ reference: orderedReference(start), levels: orderedLevels(start) })),
      ],
    },
    styleRefs: {
      // Only a list with items has paragraphs, and so a w:num that docx writes.
      ordered: firstRef(topLevel.find((l) => l.ordered && l.items.length > 0)),
      bullet: firstRef(topLevel.find((l) => !l.ordered && l.items.length > 0)),
    },
    refOf(list) {
      const ref = refs.get(list);
      if (!ref) throw new Error('Listan finns inte i dokumentet som numreringen planerades för.');
      return ref;
    },
  };
}

/** A start that Word accepts: a whole number ≥ 0 (anything else starts at 1). */
function safeStart(start: number): number {
  return Number.isInteger(start) && start >= 0 ? start : 1;
}
