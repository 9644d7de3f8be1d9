/** Real file-system faults for tests: tmpfs mounts (read-only, tiny). Need root; callers skip otherwise. */
import { execFileSync } from 'node:child_process';

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Mounts a tmpfs on `dir` with `options` (e.g. "ro" or "size=64k"); false when that is not possible here. */
export function mountTmpfs(dir: string, options: string): boolean {
  if (!isRoot) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    // Not mounted (the mount was skipped).
  }
}
