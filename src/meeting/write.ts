/**
 * Renders a meeting's files (kallelse as PDF and DOCX, the handlingar PDF) and writes them as `skapa` does:
 * under the output folder's lock, each name checked against the ownership index and recorded before the
 * atomic write, so a file from another source is never overwritten.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { outputFormats } from '../build/index.js';
import { slug } from '../build/output-name.js';
import { claimFor, outputLockName, ownerKey, readOwners, writeOwners } from '../build/ownership.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import { isTempName, removeFileDurably, writeFileAtomic } from '../util/atomic.js';
import { withFolderLock } from '../util/lock.js';
import { readRegularFileBytes } from '../util/regular-file.js';
import { buildPack, type PackPart, PackPartError, packTitles } from './handlingar.js';
import { kallelseDoc } from './kallelse.js';
import type { Meeting } from './model.js';

export interface MeetingOutput {
  name: string;
  data: Uint8Array;
}

/** "kultur-och-fritidsnamnden_2025-04-10": the base of the meeting's file names. */
export function meetingBaseName(m: Meeting): string {
  return `${slug(m.board.name)}_${m.date}`;
}

/** The kallelse as PDF and DOCX, through the same renderers as `skapa`. */
export async function renderKallelse(m: Meeting, profile: Profile): Promise<MeetingOutput[]> {
  const doc = kallelseDoc(m, profile);
  const base = `${meetingBaseName(m)}_kallelse`;
  return [
    { name: `${base}.pdf`, data: await outputFormats.pdf(doc) },
    { name: `${base}.docx`, data: await outputFormats.docx(doc) },
  ];
}

/** The handlingar PDF: `kallelsePdf`, then each memo (rendered here) and its bilagor, in agenda order. */
export async function renderHandlingar(
  m: Meeting,
  profile: Profile,
  kallelsePdf: Uint8Array,
): Promise<MeetingOutput> {
  const titles = packTitles(m);
  const parts: PackPart[] = [{ title: 'Kallelse och föredragningslista', bytes: kallelsePdf, group: 0 }];
  let groups = 1;
  for (const [i, item] of m.items.entries()) {
    if (item.type !== 'case') continue;
    const group = groups++;
    parts.push({ title: titles[i]!, bytes: await outputFormats.pdf(renderDoc(item.case, profile)), group });
    for (const path of item.attachments)
      parts.push({
        title: `Bilaga: ${path.split(/[\\/]/).at(-1)}`,
        bytes: readRegularFileBytes(path),
        group,
      });
  }
  const { bytes } = await buildPack(m, parts);
  return { name: `${meetingBaseName(m)}_handlingar.pdf`, data: bytes };
}

export interface WriteResult {
  written: string[];
  diagnostics: Diagnostic[];
}

/** Renders and writes the meeting's files into `outDir`; a name owned by something else is refused. */
export async function writeMeeting(
  m: Meeting,
  profile: Profile,
  outDir: string,
  options: { handlingar: boolean; onWritten?: (path: string) => void },
): Promise<WriteResult> {
  const result: WriteResult = { written: [], diagnostics: [] };
  const outputs = await renderKallelse(m, profile);
  if (options.handlingar) {
    try {
      outputs.push(await renderHandlingar(m, profile, outputs[0]!.data));
    } catch (error) {
      if (!(error instanceof PackPartError)) throw error;
      result.diagnostics.push({
        severity: 'fel',
        rule: 'meeting-attachment-unreadable',
        message: `Handlingarna kunde inte sammanfogas: ${error.part} går inte att läsa som PDF (${error.message}).`,
        hint: 'En krypterad eller skadad PDF kan inte fogas in; spara bilagan på nytt som PDF utan lösenord.',
        file: m.file,
      });
      return result;
    }
  }
  mkdirSync(outDir, { recursive: true });
  await withFolderLock(outDir, { name: outputLockName, what: 'Utdatamappen' }, () => {
    for (const name of readdirSync(outDir)) if (isTempName(name)) removeFileDurably(join(outDir, name));
    const key = ownerKey(outDir, m.file);
    const owners = readOwners(outDir);
    const claims = outputs.map((o) => ({ ...o, claim: claimFor(outDir, owners, o.name, key, o.data) }));
    const refused = claims.filter(({ claim }) => claim.kind === 'other' || claim.kind === 'unknown');
    for (const { name, claim } of refused) {
      result.diagnostics.push({
        severity: 'fel',
        rule: 'output-conflict',
        message:
          claim.kind === 'other'
            ? `Utdatafilen ${join(outDir, name)} kommer från ${claim.owner} och skrivs inte över.`
            : `Utdatafilen ${join(outDir, name)} finns redan och skapades inte från den här mötesfilen; den skrivs inte över.`,
        hint: 'Välj en annan mapp med --ut, eller ta bort den gamla filen om den får ersättas.',
        file: m.file,
      });
    }
    if (refused.length > 0) return;
    for (const { name, data, claim } of claims) {
      const path = join(outDir, name);
      owners[name] = key;
      writeOwners(outDir, owners);
      writeFileAtomic(path, data, { noOverwrite: claim.kind === 'free' });
      result.written.push(path);
      options.onWritten?.(path);
    }
  });
  return result;
}
