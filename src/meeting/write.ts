/** Renders a meeting's files (kallelse as PDF and DOCX, the handlingar PDF) and writes them as `skapa` does. */
import { basename, dirname, relative } from 'node:path';
import { outputFormats } from '../build/index.js';
import { slug } from '../build/output-name.js';
import { type NamedOutput, type WriteResult, type WriteTarget, writeOwnedOutputs } from '../build/write.js';
import type { Case } from '../case/model.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Doc } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import { readRegularFileBytes } from '../util/regular-file.js';
import {
  buildPack,
  type Pack,
  type PackDocument,
  PackPartError,
  packTitles,
  untaggedWarnings,
} from './handlingar.js';
import { kallelseDoc } from './kallelse.js';
import type { Meeting } from './model.js';

/** How a meeting file is named in the output writer's conflict messages. */
export const meetingNouns = { self: 'den här mötesfilen', other: 'en annan fil' };

/** "kultur-och-fritidsnamnden_2025-04-10": the base of the meeting's file names. */
export function meetingBaseName(m: Meeting): string {
  return `${slug(m.board.name)}_${m.date}`;
}

/** The kallelse as PDF and DOCX, through the same renderers as `skapa`. */
export async function renderKallelse(m: Meeting, profile: Profile): Promise<NamedOutput[]> {
  const doc = kallelseDoc(m, profile);
  const base = `${meetingBaseName(m)}_kallelse`;
  return [
    { name: `${base}.pdf`, data: await outputFormats.pdf(doc) },
    { name: `${base}.docx`, data: await outputFormats.docx(doc) },
  ];
}

/**
 * The handlingar PDF: `kallelsePdf`, then each memo (rendered here from `memoDoc`, by default the memo's
 * own Doc) and its bilagor, in agenda order; with the names of the bilagor that are not tagged.
 */
export async function renderHandlingar(
  m: Meeting,
  profile: Profile,
  kallelsePdf: Uint8Array,
  memoDoc: (c: Case) => Doc = (c) => renderDoc(c, profile),
): Promise<NamedOutput & { untagged: Pack['untagged'] }> {
  const titles = packTitles(m);
  const documents: PackDocument[] = [{ title: 'Kallelse och föredragningslista', bytes: kallelsePdf }];
  for (const [i, item] of m.items.entries()) {
    if (item.type !== 'case') continue;
    documents.push({
      title: kindLabel(item.case.kind),
      bytes: await outputFormats.pdf(memoDoc(item.case)),
      item: titles[i]!,
    });
    item.attachments.forEach((path, k) => {
      const position = item.attachmentPositions?.[k];
      documents.push({
        title: `Bilaga: ${basename(path)}`,
        bytes: readRegularFileBytes(path),
        item: titles[i]!,
        attachment: { shown: relative(dirname(m.file), path), ...(position ? { position } : {}) },
      });
    });
  }
  const pack = await buildPack(m, documents);
  return { name: `${meetingBaseName(m)}_handlingar.pdf`, data: pack.bytes, untagged: pack.untagged };
}

/** "Tjänsteskrivelse", "Rapport": a document's bookmark in the pack. */
function kindLabel(kind: string): string {
  return kind.charAt(0).toLocaleUpperCase('sv-SE') + kind.slice(1);
}

/** Renders and writes the meeting's files into `outDir` through the one output writer (src/build/write.ts). */
export async function writeMeeting(
  m: Meeting,
  profile: Profile,
  target: WriteTarget,
  options: { handlingar: boolean },
): Promise<WriteResult> {
  const outputs = await renderKallelse(m, profile);
  const warnings: Diagnostic[] = [];
  if (options.handlingar) {
    try {
      const { untagged, ...pack } = await renderHandlingar(m, profile, outputs[0]!.data);
      outputs.push(pack);
      warnings.push(...untaggedWarnings(m, untagged));
    } catch (error) {
      if (!(error instanceof PackPartError)) throw error;
      return {
        written: [],
        diagnostics: [
          {
            severity: 'fel',
            rule: 'meeting-attachment-unreadable',
            message: `Handlingarna kunde inte sammanfogas: ${error.part} går inte att läsa som PDF (${error.message}).`,
            hint: 'En krypterad eller skadad PDF kan inte fogas in; spara bilagan på nytt som PDF utan lösenord.',
            file: m.file,
          },
        ],
      };
    }
  }
  const result = await writeOwnedOutputs(m.file, outputs, [], {
    nouns: meetingNouns,
    ...target,
  });
  return { ...result, diagnostics: [...warnings, ...result.diagnostics] };
}
