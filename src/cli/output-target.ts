/**
 * Where a command may write: never over one of its own inputs, and never inside an archive (a folder
 * with manifest.jsonl at or a few levels above the target), which only `skrivelse arkivera` changes.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/** An archived PDF sits in <arkiv>/<Dnr>/representations/pdfa/data/: five levels cover it with room. */
const archiveDepth = 6;

/** The real path of `path`, resolving symlinks in the part that exists (the rest may not exist yet). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** The archive folder holding `path` (a file or folder, real path), if any. */
export function enclosingArchive(path: string): string | undefined {
  let dir = existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
  for (let level = 0; level <= archiveDepth; level++) {
    if (existsSync(join(dir, 'manifest.jsonl'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino; // also catches hard links and symlinks
  } catch {
    return false;
  }
}

/**
 * Throws a UsageError when `target` (absolute) is one of `inputs` (absolute paths read from disk) or
 * lies in an archive. `shown` is the target as the user wrote it.
 */
export function checkOutputTarget(
  target: string,
  inputs: readonly { path: string; shown: string }[],
  shown: string,
): void {
  const real = realPath(target);
  const input = inputs.find((i) => sameFile(target, i.path) || realPath(i.path) === real);
  if (input) {
    throw new UsageError(
      `--ut ${shown} är samma fil som indata ${input.shown}; den skrivs inte över.`,
      'Välj ett annat filnamn för resultatet, till exempel --ut skillnader.html.',
    );
  }
  const archive = enclosingArchive(real);
  if (archive) {
    throw new UsageError(
      `--ut ${shown} ligger i arkivet ${archive} (där finns manifest.jsonl); arkivet ändras bara av skrivelse arkivera.`,
      'Skriv resultatet utanför arkivmappen, till exempel --ut skillnader.html.',
    );
  }
}

/** Throws a UsageError when the output folder `dir` (absolute) is or lies inside an archive. */
export function checkOutputFolder(dir: string, shown: string): void {
  const archive = enclosingArchive(realPath(dir));
  if (archive) {
    throw new UsageError(
      `Utdatamappen ${shown} ligger i arkivet ${archive} (där finns manifest.jsonl); arkivet ändras bara av skrivelse arkivera.`,
      'Välj en utdatamapp utanför arkivet, till exempel --ut output/.',
    );
  }
}
