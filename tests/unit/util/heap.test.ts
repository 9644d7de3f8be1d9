import { setImmediate as nextTurn } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { collectGarbage } from '../../../src/util/heap.js';

test('collectGarbage frees what nothing refers to any more, without --expose-gc', async () => {
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  let big: number[][] | undefined = Array.from({ length: 1000 }, () => new Array(1000).fill(1));
  const ref = new WeakRef(big);
  big = undefined;
  // A WeakRef's target lives until the job that made it ends.
  await nextTurn();
  collectGarbage();
  expect(ref.deref()).toBeUndefined();
});
