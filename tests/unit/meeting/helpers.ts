/** A scratch folder with real case files, a real PDF bilaga, a fake one, and meeting files written per test. */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const root = join(import.meta.dirname, '../../..');
export const kfnCase = 'kfn-2025-41-oppettider-stadsbiblioteket.md';
export const kfnRapport = 'kfn-2026-12-rapport-meroppet-forsta-aret.md';
export const sonCase = 'son-2020-281-arbetsinriktad-rehabilitering.md';

/** A one-page PDF saying `text`, with fixed dates so its bytes are the same every run. */
export async function tinyPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 770, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

export async function scratch(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'skrivelse-meeting-'));
  for (const name of [kfnCase, kfnRapport, sonCase]) copyFileSync(join(root, 'cases', name), join(dir, name));
  writeFileSync(join(dir, 'riskbedomning.pdf'), await tinyPdf('Riskbedömning av meröppet'));
  writeFileSync(join(dir, 'bilaga.pdf'), 'Detta är ingen PDF, bara text med fel filändelse.\n');
  return dir;
}

export const head = `nämnd: Kultur- och fritidsnämnden
datum: 2025-04-10
tid: "18.00"
plats: Stadshuset
ordförande: Karin Lindqvist
sekreterare: Jonas Ek
`;

/** A valid meeting: a note item, the KFN memo with a bilaga, the KFN rapport, a note item. */
export const goodMeeting = `${head}ärenden:
  - rubrik: Val av justerare
    text: Ordföranden föreslår en justerare.
  - ärende: ${kfnCase}
    föredragande: Ahmed Yilmaz
    bilagor: [riskbedomning.pdf]
  - ärende: ${kfnRapport}
    föredragande: Sofia Berg
  - rubrik: Anmälan av delegationsbeslut
`;

export function writeMeeting(dir: string, text: string, name = 'möte.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The protocol of `goodMeeting`: §§ 33–35 on items 1, 2 ("enligt förslaget", with reservation and jäv) and 4;
 * anslag 2025-12-10, so the appeal period ends over nyårsafton and nyårsdagen. */
export const protocol = `protokoll:
  justerare: [Anna Berg]
  justeringsdatum: 2025-12-09
  förvaras: Kultur- och fritidsförvaltningen, Stadshuset, Linköping
  anslag: 2025-12-10
  beslut:
    - punkt: 1
      paragraf: 33
      beslut: Anna Berg väljs att justera protokollet.
    - punkt: 2
      paragraf: 34
      beslut: enligt förslaget
      reservationer: ["Per Ek (M) reserverar sig mot beslutet."]
      jäv: ["Eva Ros (S) anmäler jäv och deltar inte i handläggningen."]
    - punkt: 4
      paragraf: 35
      beslut:
        - Delegationsbesluten läggs till handlingarna.
        - Nämnden noterar informationen.
`;
