/**
 * The archive lock: one `arkivera` at a time per archive folder, held from reading the manifest until
 * the last metadata file is written. proper-lockfile (well kept and widely used) because it works on
 * local and network file systems alike (an atomic mkdir, no native code) and takes over a stale lock: the holder refreshes the lock folder's mtime every `updateMs`, so a lock
 * from a killed process stops being refreshed and is taken over after `staleMs`.
 */
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { UsageError } from '../errors.js';

export const lockName = '.skrivelse-lås';

export const lockTiming = {
  staleMs: 10_000,
  updateMs: 2_000,
  /** How long a run waits for another run's lock (including a stale one): a little over `staleMs`. */
  waitMs: 30_000,
};

export interface HeldLock {
  /** Throws if another process took the lock over (we were too slow to refresh it): stop writing. */
  assertHeld(): void;
}

/** Runs `work` while holding the lock of `dir`. */
export async function withDirLock<T>(
  dir: string,
  what: string,
  work: (lock: HeldLock) => T | Promise<T>,
): Promise<T> {
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: join(dir, lockName),
      realpath: false,
      stale: lockTiming.staleMs,
      update: lockTiming.updateMs,
      retries: {
        retries: Math.ceil(lockTiming.waitMs / 250),
        factor: 1,
        minTimeout: 100,
        maxTimeout: 250,
        randomize: true,
      },
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
      throw new UsageError(
        `${what} ${dir} är låst av en annan körning av skrivelse sedan mer än ${lockTiming.waitMs / 1000} sekunder.`,
        `Vänta tills den andra körningen är klar och försök igen. Ett lås från en avbruten körning tas över automatiskt efter ${lockTiming.staleMs / 1000} sekunder (låset är mappen ${join(dir, lockName)}).`,
      );
    throw error;
  }
  const held: HeldLock = {
    assertHeld() {
      if (compromised)
        throw new UsageError(
          `Låset på ${dir} togs över av en annan körning medan den här skrev; arbetet avbröts.`,
          'Kör `skrivelse verifiera` och sedan kommandot igen.',
        );
    },
  };
  try {
    return await work(held);
  } finally {
    await release().catch(() => undefined);
  }
}
