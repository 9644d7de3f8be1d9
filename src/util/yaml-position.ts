/** Maps a path inside a parsed YAML document (as zod reports it) to a 1-based line:column. */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Position } from '../diagnostics.js';

export type PathPart = string | number | symbol;

/**
 * Finds the node at `path`. With `keyOfLast`, points at the key of the last step (useful for unknown
 * keys); otherwise at its value. Falls back to the deepest node found, so a position is always given.
 */
export function positionAt(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PathPart[],
  options: { keyOfLast?: boolean; lineOffset?: number } = {},
): Position | undefined {
  let node: unknown = doc.contents;
  let best: { range?: [number, number, number?] | null } | undefined = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step),
      );
      if (!pair) break;
      if (last && options.keyOfLast && isScalar(pair.key)) {
        best = pair.key;
        break;
      }
      node = pair.value;
      if (node && typeof node === 'object' && 'range' in node) best = node as Node;
      else if (isScalar(pair.key)) best = pair.key;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (!node) break;
      best = node as Node;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return undefined;
  return toPosition(lineCounter, offset, options.lineOffset ?? 0);
}

export function toPosition(lineCounter: LineCounter, offset: number, lineOffset = 0): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + lineOffset, column: col };
}
