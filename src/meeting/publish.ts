/**
 * A meeting as it may go on the kommun's web: the kallelse (PDF, HTML) and the handlingar PDF built from the
 * memos' publication Docs (secret sections, marked text and personnummer masked, as `publicera` does:
 * src/publish), with one masking log per memo beside the publication folder. A bilaga cannot be masked
 * (it is another program's PDF), so its text is read (pdf.js) and searched for personnummer: one found is
 * an error naming the bilaga and page, and nothing is published; a bilaga without any text (a scan) is a
 * warning, as nobody can tell what it holds but a person. Once the protocol is justerat, the
 * tillkännagivande (PDF, HTML) is published with them, for the kommun's digital anslagstavla.
 */
import { basename, join, relative } from 'node:path';
import { openWithPdfJs } from '../archive/pdfjs.js';
import { outputFormats } from '../build/index.js';
import type { NamedOutput, SideFile } from '../build/write.js';
import { findPersonnummer } from '../case/personnummer.js';
import type { Diagnostic, Position } from '../diagnostics.js';
import type { Profile } from '../profile/model.js';
import { maskCase, maskDoc, maskLog, maskLogText, maskText, wordingOf } from '../publish/index.js';
import { renderDoc } from '../render/index.js';
import { readRegularFileBytes } from '../util/regular-file.js';
import { untaggedWarnings } from './handlingar.js';
import { kallelseDoc } from './kallelse.js';
import type { Meeting } from './model.js';
import { anslagDoc } from './protokollsutdrag.js';
import { meetingBaseName, renderHandlingar } from './write.js';

export interface MeetingPublication {
  outputs: NamedOutput[];
  /** The masking logs, for `logDir`. */
  sideFiles: SideFile[];
  diagnostics: Diagnostic[];
}

/** The publication files of `m`; `shown(path)` is how a file is named to the user (relative to the cwd). */
export async function meetingPublication(
  m: Meeting,
  profile: Profile,
  logDir: string,
  shown: (path: string) => string,
): Promise<MeetingPublication> {
  const diagnostics: Diagnostic[] = [];
  for (const item of m.items)
    if (item.type === 'case')
      for (const [k, path] of item.attachments.entries())
        diagnostics.push(...(await attachmentFindings(m, path, item.attachmentPositions?.[k], shown)));
  if (diagnostics.some((d) => d.severity === 'fel')) return { outputs: [], sideFiles: [], diagnostics };

  const base = `${meetingBaseName(m)}_publicering`;
  const names = { kallelse: `${base}_kallelse`, handlingar: `${base}_handlingar.pdf` };
  const sideFiles: SideFile[] = [];
  const wording = wordingOf(profile);
  const items = m.items.map((item, i) => {
    if (item.type === 'note')
      return {
        ...item,
        title: maskText(item.title, wording),
        ...(item.text ? { text: maskText(item.text, wording) } : {}),
      };
    const result = maskCase(item.case, wording);
    const log = maskLog(
      shown(item.file),
      item.case,
      [`${names.kallelse}.pdf`, `${names.kallelse}.html`, names.handlingar],
      result.entries,
    );
    const logBase = join(logDir, `${base}_arende-${i + 1}`);
    sideFiles.push(
      { path: `${logBase}.maskering.json`, data: Buffer.from(`${JSON.stringify(log, null, 2)}\n`) },
      { path: `${logBase}.maskering.txt`, data: Buffer.from(maskLogText(log)) },
    );
    return { ...item, case: result.case };
  });
  const public_: Meeting = { ...m, items };
  const kallelse = maskDoc(kallelseDoc(public_, profile), wording);
  const kallelsePdf = await outputFormats.pdf(kallelse);
  const pack = await renderHandlingar(public_, profile, kallelsePdf, (c) =>
    maskDoc(renderDoc(c, profile), wording),
  );
  diagnostics.push(...untaggedWarnings(m, pack.untagged));
  const outputs: NamedOutput[] = [
    { name: `${names.kallelse}.pdf`, data: kallelsePdf },
    { name: `${names.kallelse}.html`, data: await outputFormats.html(kallelse) },
    { name: names.handlingar, data: pack.data },
  ];
  // Once the protocol is justerat, its tillkännagivande goes on the digital anslagstavla too (KL 8:12).
  const adjustedOn = m.protocol?.adjustedOn;
  if (m.protocol && adjustedOn) {
    const anslag = maskDoc(anslagDoc(public_, { ...m.protocol, adjustedOn }, profile), wording);
    outputs.push(
      { name: `${base}_tillkannagivande.pdf`, data: await outputFormats.pdf(anslag) },
      { name: `${base}_tillkannagivande.html`, data: await outputFormats.html(anslag) },
    );
  }
  return {
    outputs,
    sideFiles,
    diagnostics,
  };
}

/** A personnummer in a bilaga's text (error, per page), or no text at all (warning). */
async function attachmentFindings(
  m: Meeting,
  path: string,
  position: Position | undefined,
  shown: (path: string) => string,
): Promise<Diagnostic[]> {
  const at = position ? { position } : {};
  const name = relative(join(m.file, '..'), path) || basename(path);
  let pages: string[];
  try {
    const pdf = await openWithPdfJs(readRegularFileBytes(path));
    pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    await pdf.destroy();
  } catch (error) {
    return [
      {
        severity: 'fel',
        rule: 'meeting-attachment-unreadable',
        message: `Bilagan ${name} går inte att läsa som PDF (${error instanceof Error ? error.message : String(error)}), så den kan inte kontrolleras före publiceringen.`,
        hint: 'Spara bilagan på nytt som PDF utan lösenord.',
        file: m.file,
        ...at,
      },
    ];
  }
  const found = pages.flatMap((text, i) => (findPersonnummer(text).length > 0 ? [i + 1] : []));
  if (found.length > 0)
    return [
      {
        severity: 'fel',
        rule: 'meeting-attachment-personnummer',
        message: `Bilagan ${name} innehåller personnummer (sidan ${found.join(', ')}) och kan inte publiceras som den är; ingenting publicerades.`,
        hint: `En bilaga kan inte maskeras av skrivelse. Gör en maskerad kopia av ${shown(path)}, ange den under bilagor: i en mötesfil för publiceringen och publicera igen.`,
        file: m.file,
        ...at,
      },
    ];
  if (pages.every((text) => text.trim() === ''))
    return [
      {
        severity: 'varning',
        rule: 'meeting-attachment-no-text',
        message: `Bilagan ${name} har ingen text som går att läsa (en inskannad sida?), så den kunde inte sökas igenom efter personnummer.`,
        hint: 'Kontrollera själv att bilagan inte innehåller personuppgifter eller sekretess innan handlingarna läggs ut.',
        file: m.file,
        ...at,
      },
    ];
  return [];
}
