/** Renders a meeting's files (kallelse as PDF and DOCX, the handlingar PDF) and writes them as `skapa` does. */
import { outputFormats } from '../build/index.js';
import { slug } from '../build/output-name.js';
import { type NamedOutput, type WriteResult, type WriteTarget, writeOwnedOutputs } from '../build/write.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import { readRegularFileBytes } from '../util/regular-file.js';
import { buildPack, type PackPart, PackPartError, packTitles } from './handlingar.js';
import { kallelseDoc } from './kallelse.js';
import type { Meeting } from './model.js';

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

/** The handlingar PDF: `kallelsePdf`, then each memo (rendered here) and its bilagor, in agenda order. */
export async function renderHandlingar(
  m: Meeting,
  profile: Profile,
  kallelsePdf: Uint8Array,
): Promise<NamedOutput> {
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

/** Renders and writes the meeting's files into `outDir` through the one output writer (src/build/write.ts). */
export async function writeMeeting(
  m: Meeting,
  profile: Profile,
  target: WriteTarget,
  options: { handlingar: boolean },
): Promise<WriteResult> {
  const outputs = await renderKallelse(m, profile);
  if (options.handlingar) {
    try {
      outputs.push(await renderHandlingar(m, profile, outputs[0]!.data));
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
  return writeOwnedOutputs(m.file, outputs, [], {
    nouns: { self: 'den här mötesfilen', other: 'en annan fil' },
    ...target,
  });
}
