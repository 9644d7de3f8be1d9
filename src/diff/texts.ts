/** Comparing two lists of normalised texts (decision points, paragraphs) as aligned rows with word diffs. */
import { alignRows, matchItems, type Row } from './match.js';
import type { ParagraphDiff } from './model.js';
import { diffWords } from './words.js';

export interface TextRow extends ParagraphDiff {
  row: Row;
}

/**
 * Matches texts by equality, then by word similarity (at least `threshold`), and lays them out in new
 * order: each row is the same text, a reworded one (with its word diff), an added or a removed one.
 */
export function compareTexts(
  oldTexts: readonly string[],
  newTexts: readonly string[],
  threshold: number,
): TextRow[] {
  const matching = matchItems(oldTexts, newTexts, { key: (s) => s, text: (s) => s, threshold });
  return alignRows(matching, newTexts.length).map((row): TextRow => {
    const old = row.oldIndex === undefined ? undefined : oldTexts[row.oldIndex];
    const neu = row.newIndex === undefined ? undefined : newTexts[row.newIndex];
    if (old === undefined) return { row, kind: 'added', moved: false, new: neu };
    if (neu === undefined) return { row, kind: 'removed', moved: false, old };
    if (old === neu) return { row, kind: 'same', moved: row.moved, old, new: neu };
    return { row, kind: 'changed', moved: row.moved, old, new: neu, words: diffWords(old, neu) };
  });
}
