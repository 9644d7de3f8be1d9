/**
 * Matching items across two versions, independent of order: first exact (by key), then by similarity
 * above a threshold, so a reworded item is "changed" rather than deleted + added. Which matched items
 * "moved" is decided by a longest increasing subsequence: the largest set of pairs kept in order stays
 * put, the rest moved. Inserting an item (renumbering the rest) therefore moves nothing.
 */
import { normalizeKey } from './normalize.js';
import { tokenize, tokenKey } from './tokenize.js';

export interface Pair {
  oldIndex: number;
  newIndex: number;
  moved: boolean;
}

export interface Matching {
  /** Matched pairs, in new order. */
  pairs: Pair[];
  removed: number[];
  added: number[];
}

export interface MatchOptions<T> {
  /** Exact-match key (already normalised). */
  key: (item: T) => string;
  /** Text used for similarity matching of what the key left unmatched; omit to match by key only. */
  text?: (item: T) => string;
  /** Least similarity (0–1) for a pair to count as the same item reworded. */
  threshold?: number;
}

export function matchItems<T>(
  oldItems: readonly T[],
  newItems: readonly T[],
  options: MatchOptions<T>,
): Matching {
  const oldFor = new Map<number, number>(); // newIndex -> oldIndex
  const usedOld = new Set<number>();
  const byKey = new Map<string, number[]>();
  oldItems.forEach((item, i) => {
    const key = options.key(item);
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  newItems.forEach((item, j) => {
    const queue = byKey.get(options.key(item));
    const i = queue?.shift();
    if (i !== undefined) {
      oldFor.set(j, i);
      usedOld.add(i);
    }
  });

  if (options.text) {
    const text = options.text;
    const threshold = options.threshold ?? 0.5;
    const candidates: { i: number; j: number; score: number }[] = [];
    const newBags = newItems.map((b, j) => (oldFor.has(j) ? undefined : wordBag(text(b))));
    oldItems.forEach((a, i) => {
      if (usedOld.has(i)) return;
      const oldBag = wordBag(text(a));
      newBags.forEach((newBag, j) => {
        if (newBag === undefined) return;
        const score = bagSimilarity(oldBag, newBag);
        if (score >= threshold) candidates.push({ i, j, score });
      });
    });
    candidates.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.j - y.j);
    for (const { i, j } of candidates) {
      if (usedOld.has(i) || oldFor.has(j)) continue;
      oldFor.set(j, i);
      usedOld.add(i);
    }
  }

  const ordered = [...oldFor.entries()].sort((x, y) => x[0] - y[0]);
  const stay = increasingSubsequence(ordered.map(([, i]) => i));
  const pairs = ordered.map(([newIndex, oldIndex], k) => ({ oldIndex, newIndex, moved: !stay.has(k) }));
  return {
    pairs,
    removed: oldItems.map((_, i) => i).filter((i) => !usedOld.has(i)),
    added: newItems.map((_, j) => j).filter((j) => !oldFor.has(j)),
  };
}

/** Dice coefficient over word tokens (case-insensitive multiset): 1 = same words, 0 = none shared. */
export function similarity(a: string, b: string): number {
  return bagSimilarity(wordBag(a), wordBag(b));
}

type WordBag = Map<string, number>;

function wordBag(text: string): WordBag {
  const bag: WordBag = new Map();
  for (const token of tokenize(normalizeKey(text))) {
    const key = tokenKey(token);
    bag.set(key, (bag.get(key) ?? 0) + 1);
  }
  return bag;
}

function bagSimilarity(x: WordBag, y: WordBag): number {
  let shared = 0;
  let total = 0;
  for (const [key, n] of x) {
    shared += Math.min(n, y.get(key) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 1 : (2 * shared) / total;
}

/** Indices (into `values`) of one longest strictly increasing subsequence. */
function increasingSubsequence(values: readonly number[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of each length
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((v, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const keep = new Set<number>();
  let k = tails.at(-1) ?? -1;
  while (k !== -1) {
    keep.add(k);
    k = previous[k]!;
  }
  return keep;
}

/** One row of an aligned listing: a matched pair, a removed old item or an added new item. */
export interface Row {
  oldIndex?: number;
  newIndex?: number;
  moved: boolean;
}

/**
 * Lays out a matching in new order with each removed item placed where it stood in the old version
 * (before the first kept item that followed it there).
 */
export function alignRows(matching: Matching, newCount: number): Row[] {
  const pairFor = new Map(matching.pairs.map((p) => [p.newIndex, p]));
  const removed = [...matching.removed];
  const rows: Row[] = [];
  for (let j = 0; j < newCount; j++) {
    const pair = pairFor.get(j);
    if (pair && !pair.moved) {
      while (removed.length > 0 && removed[0]! < pair.oldIndex)
        rows.push({ oldIndex: removed.shift()!, moved: false });
    }
    rows.push(
      pair ? { oldIndex: pair.oldIndex, newIndex: j, moved: pair.moved } : { newIndex: j, moved: false },
    );
  }
  for (const i of removed) rows.push({ oldIndex: i, moved: false });
  return rows;
}
