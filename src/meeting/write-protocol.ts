/**
 * Renders the protocol's documents (each protokollsutdrag as PDF and DOCX, the tillkännagivande as PDF and
 * DOCX) and writes them as `skrivelse sammanträde` does, through the one output writer (src/build/write.ts):
 * under the output folder's lock, each name checked against the ownership index and recorded before the
 * atomic write, so a file from another source is never overwritten.
 */
import { outputFormats } from '../build/index.js';
import { type NamedOutput, type WriteResult, writeOwnedOutputs } from '../build/write.js';
import type { Doc } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import type { Meeting, Protocol } from './model.js';
import { anslagDoc, type DecidedItem, utdragDoc } from './protokollsutdrag.js';
import { meetingBaseName, meetingNouns } from './write.js';

/** "kultur-och-fritidsnamnden_2025-04-10_protokollsutdrag-34": one utdrag's base name (§ 34). */
export function utdragBaseName(m: Meeting, d: DecidedItem): string {
  return `${meetingBaseName(m)}_protokollsutdrag-${d.decision.paragraph}`;
}

export function anslagBaseName(m: Meeting): string {
  return `${meetingBaseName(m)}_tillkannagivande`;
}

async function both(doc: Doc, base: string): Promise<NamedOutput[]> {
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
): Promise<NamedOutput[]> {
  const outputs: NamedOutput[] = [];
  for (const d of items)
    outputs.push(...(await both(utdragDoc(m, protocol, d, profile), utdragBaseName(m, d))));
  const { adjustedOn } = protocol;
  if (options.anslag && adjustedOn)
    outputs.push(...(await both(anslagDoc(m, { ...protocol, adjustedOn }, profile), anslagBaseName(m))));
  return outputs;
}

/** Writes `outputs` into `outDir` as owned by the meeting file, through the one output writer (build/write.ts). */
export function writeProtocol(
  m: Meeting,
  outputs: readonly NamedOutput[],
  outDir: string,
  onWritten?: (path: string) => void,
): Promise<WriteResult> {
  return writeOwnedOutputs(m.file, outputs, [], {
    outDir,
    nouns: meetingNouns,
    ...(onWritten ? { onWritten } : {}),
  });
}
