/**
 * Which case each file in an output folder was rendered from, kept in `<ut>/.skrivelse-källor.json`, so a
 * build never silently overwrites another case's memo: rebuilding the same case replaces its files, while a
 * different case that maps to the same name is refused.
 *
 * The index is a record, not the only safeguard: an existing file the index does not account for (index
 * deleted, damaged, or the file put there by hand) is never overwritten either, unless its bytes are exactly
 * what this case renders now. Rendering is deterministic, so identical bytes prove that overwriting loses
 * nothing, and the file is then recorded as this case's. The source is not written into the PDF or DOCX
 * itself: the memo must not carry file paths, and the same case must give the same bytes in any folder.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../util/atomic.js';

export const indexName = '.skrivelse-källor.json';

/** The lock held around each case's conflict check and writes (src/util/lock.ts). */
export const outputLockName = `${indexName}.lock`;

export type OwnerIndex = Record<string, string>;

/** A stable, machine-independent key for a case file: its path relative to the output folder. */
export function ownerKey(outDir: string, caseFile: string): string {
  return relative(resolve(outDir), resolve(caseFile)).split('\\').join('/');
}

/** The index as it is on disk now; a damaged index reads as empty (its files then count as unknown). */
export function readOwners(outDir: string): OwnerIndex {
  const path = join(outDir, indexName);
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string'));
}

export function writeOwners(outDir: string, owners: OwnerIndex): void {
  const sorted = Object.fromEntries(Object.entries(owners).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileAtomic(join(outDir, indexName), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** Whether case `key` may write `data` as `file`: free, its own, another case's, or of unknown origin. */
export type Claim =
  | { kind: 'free' }
  | { kind: 'own' }
  | { kind: 'other'; owner: string }
  | { kind: 'unknown' };

export function claimFor(
  outDir: string,
  owners: OwnerIndex,
  file: string,
  key: string,
  data: Uint8Array,
): Claim {
  const path = join(outDir, file);
  if (!existsSync(path)) return { kind: 'free' };
  const owner = owners[file];
  if (owner === key) return { kind: 'own' };
  if (owner !== undefined) return { kind: 'other', owner };
  return statSync(path).isFile() && readFileSync(path).equals(data) ? { kind: 'own' } : { kind: 'unknown' };
}
