/**
 * Case files for the build tests: variants of one example case that differ in their Dnr number (and so in
 * their output name) and in a marker word in the body, so any output file can be traced to its case.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

const root = resolve(import.meta.dirname, '../..');
const example = readFileSync(join(root, 'cases/kfn-2025-41-oppettider-stadsbiblioteket.md'), 'utf8');

/** Writes `<dir>/<marker>.md` with Dnr "KFN 2025-<number>" and the word `Provfall<marker>` in the body. */
export function writeCase(dir: string, marker: string, number: number): string {
  const path = join(dir, `${marker}.md`);
  writeFileSync(
    path,
    example
      .replace('dnr: KFN 2025-41', `dnr: KFN 2025-${number}`)
      .replace(/^## Ärende$/m, `## Ärende\n\n${markerWord(marker)} är en markering för testerna.`),
  );
  return path;
}

export const markerWord = (marker: string) => `Provfall${marker}`;

/** The output base name of a case written by `writeCase` with this number. */
export const baseName = (number: number) => `KFN-2025-${number}_utokade-oppettider-pa-stadsbiblioteket-med`;

/** The text of a DOCX's main part; throws if the file is not a complete ZIP. */
export async function docxBodyText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}
