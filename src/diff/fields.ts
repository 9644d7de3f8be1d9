/** Building blocks for front-matter comparisons: scalar values, lists and keyed records. */
import { matchItems } from './match.js';
import type { FieldChange } from './model.js';
import { normalizeKey, normalizeText } from './normalize.js';
import { diffWords } from './words.js';

/** Compares one optional text value; returns nothing when the normalised values are equal. */
export function compareValue(
  path: string,
  label: string,
  oldValue: string | undefined,
  newValue: string | undefined,
): FieldChange[] {
  const a = oldValue === undefined ? '' : normalizeText(oldValue);
  const b = newValue === undefined ? '' : normalizeText(newValue);
  if (a === b) return [];
  if (a === '') return [{ path, label, kind: 'added', new: b }];
  if (b === '') return [{ path, label, kind: 'removed', old: a }];
  return [{ path, label, kind: 'changed', old: a, new: b, words: diffWords(a, b) }];
}

/**
 * Compares a list of texts item by item, matched by similarity regardless of order (so a reworded
 * beslutsunderlag is one change, and reordering alone is no change).
 */
export function compareList(
  path: string,
  label: string,
  oldList: string[],
  newList: string[],
): FieldChange[] {
  const matching = matchItems(oldList, newList, { key: normalizeKey, text: (s) => s, threshold: 0.5 });
  const changes: FieldChange[] = [];
  for (const pair of matching.pairs) {
    changes.push(...compareValue(path, label, oldList[pair.oldIndex], newList[pair.newIndex]));
  }
  for (const i of matching.removed) changes.push(...compareValue(path, label, oldList[i], undefined));
  for (const j of matching.added) changes.push(...compareValue(path, label, undefined, newList[j]));
  return changes;
}

/**
 * Compares records keyed by a name (MBL per förvaltning, underskrift per förvaltning, …): a key only on
 * one side is one added/removed change; keys on both sides are compared field by field.
 */
export function compareKeyed<T>(
  path: string,
  label: string,
  oldItems: readonly T[],
  newItems: readonly T[],
  key: (item: T) => string,
  fields: { id: string; label: string; get: (item: T) => string | undefined }[],
  describe: (item: T) => string,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const oldByKey = new Map(oldItems.map((item) => [normalizeKey(key(item)), item]));
  const newByKey = new Map(newItems.map((item) => [normalizeKey(key(item)), item]));
  for (const item of newItems) {
    const name = key(item);
    const before = oldByKey.get(normalizeKey(name));
    if (before === undefined) {
      changes.push({
        path: `${path}[${name}]`,
        label: `${label} (${name})`,
        kind: 'added',
        new: describe(item),
      });
      continue;
    }
    for (const field of fields) {
      changes.push(
        ...compareValue(
          `${path}[${name}].${field.id}`,
          `${label} (${name}), ${field.label}`,
          field.get(before),
          field.get(item),
        ),
      );
    }
  }
  for (const item of oldItems) {
    const name = key(item);
    if (!newByKey.has(normalizeKey(name))) {
      changes.push({
        path: `${path}[${name}]`,
        label: `${label} (${name})`,
        kind: 'removed',
        old: describe(item),
      });
    }
  }
  return changes;
}
