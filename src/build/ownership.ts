/**
 * Which case each file in an output folder was rendered from, kept in `<ut>/.skrivelse-källor.json`, so a
 * build never silently overwrites another case's memo: rebuilding the same case replaces its files, while a
 * different case that maps to the same name is refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../util/atomic.js';

export const indexName = '.skrivelse-källor.json';

export type OwnerIndex = Record<string, string>;

/** A stable, machine-independent key for a case file: its path relative to the output folder. */
export function ownerKey(outDir: string, caseFile: string): string {
  return relative(resolve(outDir), resolve(caseFile)).split('\\').join('/');
}

export function readOwners(outDir: string): OwnerIndex {
  const path = join(outDir, indexName);
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as OwnerIndex) : {};
  } catch {
    // A damaged index protects nothing; it is rewritten after this build.
    return {};
  }
}

export function writeOwners(outDir: string, owners: OwnerIndex): void {
  const sorted = Object.fromEntries(Object.entries(owners).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileAtomic(join(outDir, indexName), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** The owner of an existing output file that is not `key`, if any. */
export function conflictingOwner(
  outDir: string,
  owners: OwnerIndex,
  file: string,
  key: string,
): string | undefined {
  const owner = owners[file];
  if (owner === undefined || owner === key) return undefined;
  return existsSync(join(outDir, file)) ? owner : undefined;
}
