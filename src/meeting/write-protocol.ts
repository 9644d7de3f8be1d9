/**
 * Renders the protocol's documents (each protokollsutdrag as PDF and DOCX, the tillkännagivande as PDF and
 * DOCX) and writes them as `skrivelse sammanträde` does (write.ts): under the output folder's lock, each
 * name checked against the ownership index and recorded before the atomic write, so a file from another
 * source is never overwritten. `writeOwned` is that writer for any list of outputs; it is meant to give way
 * to the shared writer once write.ts has one.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { outputFormats } from '../build/index.js';
import { claimFor, outputLockName, ownerKey, readOwners, writeOwners } from '../build/ownership.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Doc } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { isTempName, removeFileDurably, writeFileAtomic } from '../util/atomic.js';
import { withFolderLock } from '../util/lock.js';
import type { Meeting, Protocol } from './model.js';
import { anslagDoc, type DecidedItem, utdragDoc } from './protokollsutdrag.js';
import { type MeetingOutput, meetingBaseName, type WriteResult } from './write.js';

/** "kultur-och-fritidsnamnden_2025-04-10_protokollsutdrag-34": one utdrag's base name (§ 34). */
export function utdragBaseName(m: Meeting, d: DecidedItem): string {
  return `${meetingBaseName(m)}_protokollsutdrag-${d.decision.paragraph}`;
}

export function anslagBaseName(m: Meeting): string {
  return `${meetingBaseName(m)}_tillkannagivande`;
}

async function both(doc: Doc, base: string): Promise<MeetingOutput[]> {
  return [
    { name: `${base}.pdf`, data: await outputFormats.pdf(doc) },
    { name: `${base}.docx`, data: await outputFormats.docx(doc) },
  ];
}

/** The utdrag of each of `items` as PDF and DOCX, and (when justerat) the tillkännagivande. */
export async function renderProtocol(
  m: Meeting,
  protocol: Protocol,
  items: readonly DecidedItem[],
  profile: Profile,
  options: { anslag: boolean },
): Promise<MeetingOutput[]> {
  const outputs: MeetingOutput[] = [];
  for (const d of items)
    outputs.push(...(await both(utdragDoc(m, protocol, d, profile), utdragBaseName(m, d))));
  const { adjustedOn } = protocol;
  if (options.anslag && adjustedOn)
    outputs.push(...(await both(anslagDoc(m, { ...protocol, adjustedOn }, profile), anslagBaseName(m))));
  return outputs;
}

/** Writes `outputs` into `outDir` as coming from `source`; nothing is written if any name is refused. */
export async function writeOwned(
  source: string,
  outputs: readonly MeetingOutput[],
  outDir: string,
  onWritten?: (path: string) => void,
): Promise<WriteResult> {
  const result: WriteResult = { written: [], diagnostics: [] };
  mkdirSync(outDir, { recursive: true });
  await withFolderLock(outDir, { name: outputLockName, what: 'Utdatamappen' }, () => {
    for (const name of readdirSync(outDir)) if (isTempName(name)) removeFileDurably(join(outDir, name));
    const key = ownerKey(outDir, source);
    const owners = readOwners(outDir);
    const claims = outputs.map((o) => ({ ...o, claim: claimFor(outDir, owners, o.name, key, o.data) }));
    const refused = claims.filter(({ claim }) => claim.kind === 'other' || claim.kind === 'unknown');
    for (const { name, claim } of refused)
      result.diagnostics.push(conflict(join(outDir, name), claim, source));
    if (refused.length > 0) return;
    for (const { name, data, claim } of claims) {
      const path = join(outDir, name);
      owners[name] = key;
      writeOwners(outDir, owners);
      writeFileAtomic(path, data, { noOverwrite: claim.kind === 'free' });
      result.written.push(path);
      onWritten?.(path);
    }
  });
  return result;
}

function conflict(path: string, claim: { kind: string; owner?: string }, file: string): Diagnostic {
  return {
    severity: 'fel',
    rule: 'output-conflict',
    message:
      claim.kind === 'other'
        ? `Utdatafilen ${path} kommer från ${claim.owner} och skrivs inte över.`
        : `Utdatafilen ${path} finns redan och skapades inte från den här mötesfilen; den skrivs inte över.`,
    hint: 'Välj en annan mapp med --ut, eller ta bort den gamla filen om den får ersättas.',
    file,
  };
}
