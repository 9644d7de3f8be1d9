/**
 * A full garbage collection on request, for long batches: V8 lets the old generation grow to hundreds of
 * megabytes before it collects, although a finished memo leaves nothing behind (about 50 MB stay live
 * whatever the batch's length). Collecting now and then keeps the peak memory flat; a collection is not
 * free, so how often is measured (below). `--expose-gc` set at run time reaches the `gc` of a new context only.
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

/**
 * Cases rendered between two collections: in the main thread, and in each worker thread (src/build/pool.ts),
 * whose two heaps add up, so they collect more often. Measured on 200 memos (2 cores): every 100 in the
 * main thread and every 20 in a worker cost no time; every 25 and every 10 cost 6 % and 14 %.
 */
export const CASES_PER_COLLECTION = 100;
export const WORKER_CASES_PER_COLLECTION = 20;
