/**
 * The archival copy of a protokollsutdrag: the utdrag's Doc as PDF/A-3a + PDF/UA-1 (the archive pipeline
 * of a memo, archive/build.ts) with the meeting file, the case file and the profile embedded as sources.
 * It is filed under the case's Dnr in a package of its own ("<Dnr>_protokollsutdrag"), recorded as the
 * kind "Protokollsutdrag" in the manifest, METS and Dublin Core.
 *
 * A protokollsutdrag is no KindDefinition (src/kinds): those are kinds of case file, written with `mall:`;
 * an utdrag is made from a meeting file, so only its archive type is defined here.
 */
import { basename } from 'node:path';
import type { SourceFile } from '../archive/attachments.js';
import { type ArchivalPdf, archivalPdfOf, caseAndProfile } from '../archive/build.js';
import { protokollsutdragType } from '../archive/manifest.js';
import { packageName } from '../archive/store.js';
import type { Profile } from '../profile/model.js';
import type { CaseItem, Meeting, Protocol } from './model.js';
import { type DecidedItem, utdragDoc } from './protokollsutdrag.js';

/** dc:type and the METS content type of an archived utdrag (PREMIS names it in the creation event). */
export const utdragArchiveType = protokollsutdragType;

/** "KFN-2025-41_protokollsutdrag": the package of a case's utdrag, next to the memo's "KFN-2025-41". */
export function utdragPackageName(dnr: readonly string[]): string {
  return `${packageName(dnr)}_protokollsutdrag`;
}

/** What it takes to make the utdrag again: the meeting file, the case file and the profile, as read. */
export function utdragSources(
  m: Meeting,
  meetingBytes: Uint8Array,
  item: CaseItem,
  caseBytes: Uint8Array,
  profile: Profile,
): SourceFile[] {
  return [
    {
      name: basename(m.file),
      bytes: meetingBytes,
      mimeType: 'application/yaml',
      description: 'Mötesfil (källa)',
    },
    ...caseAndProfile(item.file, caseBytes, profile),
  ];
}

export async function buildArchivalUtdrag(
  m: Meeting,
  protocol: Protocol,
  d: DecidedItem & { item: CaseItem },
  profile: Profile,
  meetingBytes: Uint8Array,
  caseBytes: Uint8Array,
): Promise<ArchivalPdf & { title: string }> {
  const doc = utdragDoc(m, protocol, d, profile);
  const archival = await archivalPdfOf(doc, utdragSources(m, meetingBytes, d.item, caseBytes, profile));
  return { ...archival, title: doc.meta.title };
}
