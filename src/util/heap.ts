/**
 * A full garbage collection on request, for long batches: V8 lets the old generation grow to hundreds of
 * megabytes before it collects, although a finished memo leaves nothing behind (about 50 MB stay live
 * whatever the batch's length). Collecting every few dozen memos keeps the peak memory flat for a few
 * milliseconds each time. `--expose-gc` set at run time reaches the `gc` of a new context only.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/** Cases rendered between two collections in a batch. */
export const CASES_PER_COLLECTION = 100;
