/**
 * Writes a source's rendered files into an output folder, the one way every command does (skapa,
 * publicera, sammanträde, protokollsutdrag): holding the folder lock (lock.ts), re-read the ownership
 * index, check every name (ownership.ts), then record the owner of every file (one index write) *before*
 * the first atomic write. A kill at any point leaves each written file owned; a claim for a file never
 * written is harmless, as a missing file is free. Nothing is written unless every name is free or the source's own.
 *
 * Errors of the environment that would hit every further file (`environmentErrors`) propagate as the
 * errno error for the CLI to explain; any other failure becomes a diagnostic of that source.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { isTempName, removeFileDurably, writeFileAtomic } from '../util/atomic.js';
import { type LockTiming, withFolderLock } from '../util/lock.js';
import { claimFor, indexName, outputLockName, ownerKey, readOwners, writeOwners } from './ownership.js';

/** errno codes that mean the output folder itself is unusable, so every further case would fail too. */
export const environmentErrors = new Set([
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EACCES',
  'EPERM',
  'EIO',
  'ENOENT',
  'ENOTDIR',
  'EMFILE',
  'ENFILE',
]);

export interface NamedOutput {
  name: string;
  data: Uint8Array;
}

/** A file written with a case's outputs but elsewhere (a publication's masking log), before them. */
export interface SideFile {
  path: string;
  data: Uint8Array;
}

export interface WriteTarget {
  outDir: string;
  /** The folder of the ownership index and the lock (default `outDir`). */
  registryDir?: string;
  /** Called as each file is written, so a batch stopped by an environment error still reports it. */
  onWritten?: (path: string) => void;
  /** What the source is, in the conflict messages (default: the case's words). */
  nouns?: { self: string; other: string };
  /** Test seams: the file write, the lock timing. */
  writeFile?: typeof writeFileAtomic;
  lockTiming?: Partial<LockTiming>;
}

export interface WriteResult {
  written: string[];
  diagnostics: Diagnostic[];
}

/** Writes `sideFiles`, then `outputs` into `target.outDir`, as owned by `source` (a file path). */
export async function writeOwnedOutputs(
  source: string,
  outputs: readonly NamedOutput[],
  sideFiles: readonly SideFile[],
  target: WriteTarget,
): Promise<WriteResult> {
  const registry = target.registryDir ?? target.outDir;
  mkdirSync(target.outDir, { recursive: true });
  mkdirSync(registry, { recursive: true });
  const result: WriteResult = { written: [], diagnostics: [] };
  await withFolderLock(
    registry,
    { name: outputLockName, what: 'Utdatamappen', timing: target.lockTiming },
    () => writeLocked(source, outputs, sideFiles, target, result),
  );
  return result;
}

/** Runs holding the lock: conflict check, the owners of all the files recorded, then the files written. */
function writeLocked(
  source: string,
  outputs: readonly NamedOutput[],
  sideFiles: readonly SideFile[],
  target: WriteTarget,
  result: WriteResult,
): void {
  const { outDir } = target;
  const registry = target.registryDir ?? outDir;
  const nouns = target.nouns ?? caseNouns;
  // Under the lock nobody else is writing here: a temporary file is what a killed build left.
  for (const name of readdirSync(outDir)) if (isTempName(name)) removeFileDurably(join(outDir, name));
  const key = ownerKey(outDir, source);
  const owners = readOwners(registry);
  const claims = outputs.map((o) => ({ ...o, claim: claimFor(outDir, owners, o.name, key, o.data) }));
  const refused = claims.filter(({ claim }) => claim.kind === 'other' || claim.kind === 'unknown');
  if (refused.length > 0) {
    for (const { name, claim } of refused) {
      result.diagnostics.push(
        conflict(source, join(outDir, name), claim.kind === 'other' ? claim.owner : undefined, nouns),
      );
    }
    return;
  }
  const write = target.writeFile ?? writeFileAtomic;
  // Side files first: a masking log is never missing for a publication that was written.
  for (const side of sideFiles) {
    try {
      mkdirSync(dirname(side.path), { recursive: true });
      write(side.path, side.data);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== undefined && environmentErrors.has(code)) throw error;
      result.diagnostics.push(
        buildFailed(source, `Filen ${side.path} kunde inte skrivas: ${messageOf(error)}`),
      );
      return;
    }
    result.written.push(side.path);
    target.onWritten?.(side.path);
  }
  // Every claim recorded in one index write before the first file (none when the index has them all).
  const previous = new Map(claims.map(({ name }) => [name, owners[name]]));
  if (claims.some(({ name }) => owners[name] !== key)) {
    for (const { name } of claims) owners[name] = key;
    writeOwners(registry, owners);
  }
  for (const [index, { name, data, claim }] of claims.entries()) {
    const path = join(outDir, name);
    try {
      write(path, data, { noOverwrite: claim.kind === 'free' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== undefined && environmentErrors.has(code)) throw error;
      if (code === 'EEXIST') {
        // Created meanwhile by something that does not take the lock: not ours, so drop the claims of
        // this file and of those not written yet.
        for (const { name: unwritten } of claims.slice(index)) {
          const before = previous.get(unwritten);
          if (before === undefined) delete owners[unwritten];
          else owners[unwritten] = before;
        }
        writeOwners(registry, owners);
        result.diagnostics.push(conflict(source, path, undefined, nouns));
      } else {
        result.diagnostics.push(buildFailed(source, `Filen ${path} kunde inte skrivas: ${messageOf(error)}`));
      }
      return;
    }
    result.written.push(path);
    target.onWritten?.(path);
  }
}

const caseNouns = { self: 'det här ärendet', other: 'ett annat ärende' };

function conflict(
  file: string,
  path: string,
  owner: string | undefined,
  nouns: { self: string; other: string },
): Diagnostic {
  return owner === undefined
    ? {
        severity: 'fel',
        rule: 'output-conflict',
        message: `Utdatafilen ${path} finns redan, och det går inte att se att den skapades från ${nouns.self}; den skrivs inte över.`,
        hint: `Filen står inte i ${join(dirname(path), indexName)} (registret kan ha tagits bort). Ta bort eller flytta filen om den får ersättas, eller välj en annan mapp med --ut.`,
        file,
      }
    : {
        severity: 'fel',
        rule: 'output-conflict',
        message: `Utdatafilen ${path} kommer från ${nouns.other} (${owner}) och skrivs inte över.`,
        hint: 'Ge ärendena olika diarienummer eller rubrik, välj en annan mapp med --ut, eller ta bort den gamla filen.',
        file,
      };
}

/** A failure that is a bug of skrivelse, not of the source: the batch goes on. */
export function buildFailed(file: string, message: string): Diagnostic {
  return {
    severity: 'fel',
    rule: 'build-failed',
    message,
    hint: 'Troligen ett fel i skrivelse, inte i ärendet; de övriga ärendena skrevs ändå. Rapportera det gärna med ärendefilen.',
    file,
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
