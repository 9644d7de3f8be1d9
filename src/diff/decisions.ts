/** Förslag till beslut: blocks matched by nämnd, points matched by similarity within a block. */
import type { Case, DecisionBlock } from '../case/model.js';
import { alignRows, matchItems } from './match.js';
import type { DecisionBlockDiff, PointDiff } from './model.js';
import { normalizeKey, normalizeText } from './normalize.js';
import { diffWords } from './words.js';

/** Least word similarity for a point to count as reworded rather than removed + added. */
const pointThreshold = 0.4;

export function diffDecisions(a: Case, b: Case): DecisionBlockDiff[] {
  const oldByBoard = new Map(a.decisions.map((d) => [normalizeKey(d.board), d]));
  const newBoards = new Set(b.decisions.map((d) => normalizeKey(d.board)));
  const blocks = b.decisions.map((block) => diffBlock(oldByBoard.get(normalizeKey(block.board)), block));
  for (const block of a.decisions) {
    if (!newBoards.has(normalizeKey(block.board))) blocks.push(diffBlock(block, undefined));
  }
  return blocks;
}

function diffBlock(before: DecisionBlock | undefined, after: DecisionBlock | undefined): DecisionBlockDiff {
  const oldPoints = (before?.points ?? []).map((p) => normalizeText(p.text));
  const newPoints = (after?.points ?? []).map((p) => normalizeText(p.text));
  const board = after?.board ?? before?.board ?? '';
  const matching = matchItems(oldPoints, newPoints, {
    key: (s) => s,
    text: (s) => s,
    threshold: pointThreshold,
  });
  const points: PointDiff[] = alignRows(matching, newPoints.length).map((row) => {
    const old = row.oldIndex === undefined ? undefined : oldPoints[row.oldIndex];
    const neu = row.newIndex === undefined ? undefined : newPoints[row.newIndex];
    const numbers = {
      ...(row.oldIndex === undefined ? {} : { oldNumber: row.oldIndex + 1 }),
      ...(row.newIndex === undefined ? {} : { newNumber: row.newIndex + 1 }),
    };
    if (old === undefined) return { ...numbers, kind: 'added', moved: false, new: neu };
    if (neu === undefined) return { ...numbers, kind: 'removed', moved: false, old };
    if (old === neu) return { ...numbers, kind: 'same', moved: row.moved, old, new: neu };
    return { ...numbers, kind: 'changed', moved: row.moved, old, new: neu, words: diffWords(old, neu) };
  });
  const kind = !before
    ? 'added'
    : !after
      ? 'removed'
      : points.some((p) => p.kind !== 'same' || p.moved)
        ? 'changed'
        : 'same';
  return { board, kind, points };
}
