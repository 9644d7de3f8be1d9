/**
 * A lock on a folder, held around each read-modify-write of a shared index: the archive (manifest and
 * packages) and an output folder (ownership index and memos). proper-lockfile (well kept and widely
 * used) rather than a hand-made O_EXCL file: it works on local and network file systems alike (an
 * atomic mkdir, no native code), refreshes the lock's mtime while held, and so can tell a lock whose
 * holder was killed (no longer refreshed: stale, taken over) from a live one. Its takeover has a small
 * window in which two waiters may both take over the same stale lock; the archive therefore also checks,
 * just before its commit, that the manifest is still the one it started from (store.ts).
 */
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { UsageError } from '../errors.js';

export interface LockTiming {
  /** A lock not refreshed for this long belongs to a killed process and is taken over. */
  staleMs: number;
  /** How long to wait for a live lock before giving up with a Swedish message. */
  waitMs: number;
}

export const defaultLockTiming: LockTiming = { staleMs: 10_000, waitMs: 30_000 };

export interface FolderLock {
  /** Name of the lock folder inside the locked folder. */
  name: string;
  /** The folder as the message names it, capitalised: "Arkivet", "Utdatamappen". */
  what: string;
  timing?: Partial<LockTiming>;
}

export interface HeldLock {
  /** Throws if another process took the lock over (we were too slow to refresh it): stop writing. */
  assertHeld(): void;
}

/** Runs `work` while holding the lock of `dir` (which must exist). */
export async function withFolderLock<T>(
  dir: string,
  lock: FolderLock,
  work: (held: HeldLock) => T | Promise<T>,
): Promise<T> {
  const timing = { ...defaultLockTiming, ...lock.timing };
  const lockPath = join(dir, lock.name);
  let compromised: Error | undefined;
  const held: HeldLock = {
    assertHeld() {
      if (compromised)
        throw new UsageError(
          `Låset på ${dir} togs över av en annan körning medan den här skrev; arbetet avbröts.`,
          'Kör `skrivelse verifiera` (för ett arkiv) och sedan kommandot igen när den andra körningen är klar.',
        );
    },
  };
  const release = await acquire(dir, lockPath, lock.what, timing, (error) => {
    compromised = error;
  });
  try {
    const value = await work(held);
    held.assertHeld();
    return value;
  } finally {
    await release().catch(() => undefined);
  }
}

/** Tries until `timing.waitMs` has passed (a stale lock is taken over inside that time). */
async function acquire(
  dir: string,
  lockPath: string,
  what: string,
  timing: LockTiming,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  const deadline = Date.now() + timing.waitMs;
  for (;;) {
    try {
      return await lockfile.lock(dir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: timing.staleMs,
        onCompromised,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline)
        throw new UsageError(
          `${what} ${dir} är låst av en annan körning av skrivelse, som inte blivit klar på ${Math.round(timing.waitMs / 1000)} s.`,
          `Vänta tills den andra körningen är klar och försök igen. Ett lås från en avbruten körning tas över automatiskt efter ${Math.round(timing.staleMs / 1000)} s (låset är mappen ${lockPath}).`,
        );
      await new Promise((done) => setTimeout(done, 20 + Math.random() * 80));
    }
  }
}
