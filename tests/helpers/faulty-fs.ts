/**
 * File systems that fail on purpose, injected through src/util/fs-ops.ts: a disk that fills up after
 * N bytes, one that writes a few bytes per call, and one that "crashes" at the k-th change (that call
 * and every later one fail, so nothing more reaches the disk: the state a kill -9 at that step leaves).
 */
import { type FsOps, realFs } from '../../src/util/fs-ops.js';

export function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, path });
}

/** Writes succeed until `budget` bytes in all have been written; the write that crosses it is short, the next fails. */
export function diskFullAfter(budget: number): FsOps {
  let used = 0;
  return {
    ...realFs,
    writeSync(fd, buffer, offset, length) {
      if (used >= budget) throw errno('ENOSPC', 'write');
      const n = Math.min(length, budget - used);
      used += n;
      return realFs.writeSync(fd, buffer, offset, n);
    },
  };
}

/** Every write call writes at most `chunk` bytes, as a pipe or a signal-interrupted write may. */
export function shortWrites(chunk: number): FsOps {
  return {
    ...realFs,
    writeSync: (fd, buffer, offset, length) => realFs.writeSync(fd, buffer, offset, Math.min(chunk, length)),
  };
}

export class SimulatedCrash extends Error {}

export interface CrashingFs {
  fs: FsOps;
  /** Changes made so far (all of them when no crash was asked for). */
  readonly steps: number;
  readonly crashed: boolean;
}

/** The `crashAt`-th state-changing call (1-based) and everything after it fail; 0 = never crash. */
export function crashAt(crashAt: number): CrashingFs {
  let steps = 0;
  let crashed = false;
  const guard =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      if (crashed) throw new SimulatedCrash('efter kraschen');
      steps++;
      if (crashAt > 0 && steps >= crashAt) {
        crashed = true;
        throw new SimulatedCrash(`simulerad krasch vid steg ${steps}`);
      }
      return f(...args);
    };
  const fs: FsOps = {
    openSync: guard(realFs.openSync),
    writeSync: guard(realFs.writeSync),
    fsyncSync: guard(realFs.fsyncSync),
    // Closing a descriptor changes nothing on disk; it must work so the test process leaks none.
    closeSync: realFs.closeSync,
    renameSync: guard(realFs.renameSync),
    linkSync: guard(realFs.linkSync),
    unlinkSync: guard(realFs.unlinkSync),
    mkdirSync: guard(realFs.mkdirSync),
  };
  return {
    fs,
    get steps() {
      return steps;
    },
    get crashed() {
      return crashed;
    },
  };
}
