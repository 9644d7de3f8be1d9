/** Förslag till beslut: blocks matched by nämnd, points matched by similarity within a block. */
import type { Case, DecisionBlock } from '../case/model.js';
import type { DecisionBlockDiff, PointDiff } from './model.js';
import { normalizeKey, normalizeText } from './normalize.js';
import { compareTexts } from './texts.js';

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
  const points = comparePoints(oldPoints, newPoints);
  const kind = !before
    ? 'added'
    : !after
      ? 'removed'
      : points.some((p) => p.kind !== 'same' || p.moved)
        ? 'changed'
        : 'same';
  return { board, kind, points };
}

/** Decision points (normalised texts) matched by similarity, numbered 1-based on each side. */
export function comparePoints(oldPoints: readonly string[], newPoints: readonly string[]): PointDiff[] {
  return compareTexts(oldPoints, newPoints, pointThreshold).map(({ row, ...text }) => ({
    ...(row.oldIndex === undefined ? {} : { oldNumber: row.oldIndex + 1 }),
    ...(row.newIndex === undefined ? {} : { newNumber: row.newIndex + 1 }),
    ...text,
  }));
}
