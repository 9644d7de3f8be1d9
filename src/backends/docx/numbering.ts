/**
 * List numbering. One abstract definition per kind of list (decision points, bullets); every ListBlock
 * gets its own concrete list (`w:num` with a `w:startOverride`), so the numbering of each decision block
 * restarts at the block's `start` and Word keeps the lists apart when the official edits them.
 */
import { AlignmentType, type ILevelsOptions, type INumberingOptions, LevelFormat } from 'docx';
import type { Block, ListBlock } from '../../doc/model.js';
import { list } from '../../doc/typography.js';
import { ptToTwip } from './units.js';

const decimalFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;
export const bulletSymbols = ['•', '–', '▪'] as const;

/** Each level's text `list.indentPt` further in, its number hanging in that indent (as the PDF). */
function indent(level: number) {
  return { left: ptToTwip(list.indentPt * (level + 1)), hanging: ptToTwip(list.indentPt) };
}

function orderedLevels(start: number): ILevelsOptions[] {
  return decimalFormats.map((format, level) => ({
    level,
    format,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: indent(level) } },
  }));
}

function bulletLevels(): ILevelsOptions[] {
  return bulletSymbols.map((text, level) => ({
    level,
    format: LevelFormat.BULLET,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: indent(level) } },
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
   * The lists the List Number and List Bullet styles number with: the Doc's first list of each kind,
   * as Word ties its own list styles to one list. A paragraph the official gives one of these styles
   * in Word is then numbered too. Absent when the Doc has no such list.
   */
  styleRefs: { ordered?: ListNumberingRef; bullet?: ListNumberingRef };
}

export function planListNumbering(blocks: readonly Block[]): ListNumbering {
  const lists = blocks.filter((b): b is ListBlock => b.type === 'list');
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
        { reference: bulletReference, levels: bulletLevels() },
        ...starts.map((start) => ({ reference: orderedReference(start), levels: orderedLevels(start) })),
      ],
    },
    styleRefs: {
      // Only a list with items has paragraphs, and so a w:num that docx writes.
      ordered: firstRef(lists.find((l) => l.ordered && l.items.length > 0)),
      bullet: firstRef(lists.find((l) => !l.ordered && l.items.length > 0)),
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
