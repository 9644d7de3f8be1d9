/**
 * The output-folder lock: one `skrivelse build` at a time reads and rewrites the ownership index and writes
 * output files, so two concurrent builds into one `--ut` can neither both claim a name nor lose each
 * other's index entries. proper-lockfile rather than a hand-made lock file, because it refreshes the lock
 * while held and takes over a lock whose holder was killed (stale), which an O_EXCL file cannot tell
 * apart from a live one.
 */
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { UsageError } from '../errors.js';
import { indexName } from './ownership.js';

export interface LockTiming {
  /** A lock not refreshed for this long belongs to a killed process and is taken over. */
  staleMs: number;
  /** How long to wait for a live lock before giving up with a Swedish message. */
  waitMs: number;
}

export const defaultLockTiming: LockTiming = { staleMs: 10_000, waitMs: 30_000 };

export const lockName = `${indexName}.lock`;

/** Runs `fn` holding the lock on `outDir` (which must exist). Held locks are brief: one case's writes. */
export async function withOutputLock<T>(
  outDir: string,
  fn: () => T | Promise<T>,
  timing: LockTiming = defaultLockTiming,
): Promise<T> {
  let compromised: Error | undefined;
  const release = await acquire(outDir, timing, (error) => {
    compromised = error;
  });
  let value: T;
  try {
    value = await fn();
  } finally {
    await release().catch(() => undefined);
  }
  if (compromised) {
    throw new UsageError(
      `Låset på utdatamappen ${outDir} togs över av en annan körning medan den här skrev.`,
      'Kör samma build igen när den andra körningen är klar; den skriver om filerna som hör till ärendena.',
    );
  }
  return value;
}

async function acquire(
  outDir: string,
  timing: LockTiming,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  const lockfilePath = join(outDir, lockName);
  const deadline = Date.now() + timing.waitMs;
  for (;;) {
    try {
      return await lock(outDir, { lockfilePath, stale: timing.staleMs, onCompromised });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) {
        throw new UsageError(
          `Utdatamappen ${outDir} är låst av en annan körning av skrivelse, som inte blivit klar på ${Math.round(timing.waitMs / 1000)} s.`,
          `Vänta tills den andra körningen är klar och försök igen. Om ingen annan build skriver dit kan du ta bort mappen ${lockfilePath}.`,
        );
      }
      await new Promise((done) => setTimeout(done, 10 + Math.random() * 40));
    }
  }
}
