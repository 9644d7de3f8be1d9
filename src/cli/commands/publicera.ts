/** `skrivelse publicera`: a masked, accessible publication copy (PDF and HTML) of each case, with a masking log. */
import { isAbsolute, relative, resolve } from 'node:path';
import { buildCases } from '../../build/index.js';
import { writeOwnedOutputs } from '../../build/write.js';
import { type Diagnostic, hasErrors } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import { meetingPublication } from '../../meeting/publish.js';
import { readMeetingFile } from '../../meeting/read.js';
import { meetingNouns } from '../../meeting/write.js';
import type { Profile } from '../../profile/model.js';
import { publication } from '../../publish/index.js';
import { parseCommandArgs, profileFrom } from '../args.js';
import { collectCaseFiles } from '../collect.js';
import type { Command, Io } from '../io.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';
import { checkOutputFolder } from '../output-target.js';

const usage = `Användning: skrivelse publicera <filer|mappar|möte.yaml …> [--ut <mapp>] [--logg <mapp>] [--profil <fil>]

Skriver ett publiceringsexemplar av varje giltigt ärende för kommunens webbplats: samma skrivelse som
PDF (tillgänglig, PDF/UA) och som HTML-sida, där det som inte får publiceras är borttaget:
  - avsnitt som står i sekretess: ersätts med en mening om sekretessen och dess grund,
  - text inom :maskera[…]{grund="…"} ersätts med "[maskerat: grund]",
  - personnummer och samordningsnummer, hur de än är skrivna, ersätts med "[personnummer maskerat]".
Den maskerade texten finns inte kvar någonstans i filerna (inte i textlagret, metadata eller länkar),
och ingen ärendefil bäddas in. Skrivelsen i skapa och arkivexemplaret ändras inte.

För varje ärende skrivs en maskeringslogg (.maskering.json och .maskering.txt) bredvid, aldrig i,
publiceringsmappen: var något maskerades (avsnitt, rad), vad (avsnitt, markering, personnummer),
grunden, och en kontrollsumma av den maskerade texten (loggen röjer inte texten).
Publiceringsmappen kan läggas ut som den är.

En mötesfil (.yaml, se docs/sammantrade.md) ger kallelsen (PDF och HTML) och handlingarna (PDF) med
de maskerade skrivelserna, och en maskeringslogg per skrivelse. Bilagorna kan inte maskeras: deras
text söks igenom, och en bilaga med personnummer stoppar publiceringen av mötet (med sidan angiven).

Flaggor:
  --ut <mapp>      publiceringsmapp (standard: publicering/)
  --logg <mapp>    mapp för maskeringsloggarna (standard: <ut>-maskeringslogg/ bredvid)
  --profil <fil>   kommunprofil (YAML); standard är Linköpings profil
  -h, --help       visa den här hjälpen

Slutkod: 0 = allt skrevs, 1 = minst ett ärende hade fel, 2 = fel i anropet.
`;

/** Whether `inner` is `outer` or inside it (absolute paths). */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export const publicera: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { ut: { type: 'string' }, logg: { type: 'string' } },
      'publicera',
    );
    // Meeting files are named one by one; everything else is case files and folders.
    const isMeeting = (p: string) => /\.ya?ml$/i.test(p);
    const meetings = positionals.filter(isMeeting);
    const caseArgs = positionals.filter((p) => !isMeeting(p));
    const files = caseArgs.length > 0 || meetings.length === 0 ? collectCaseFiles(caseArgs, io.cwd) : [];
    const profile = profileFrom(values, io);
    const outArg = typeof values.ut === 'string' ? values.ut : 'publicering';
    const outDir = resolve(io.cwd, outArg);
    const logArg =
      typeof values.logg === 'string' ? values.logg : `${outArg.replace(/[/\\]+$/, '')}-maskeringslogg`;
    const logDir = resolve(io.cwd, logArg);
    if (within(logDir, outDir) || within(outDir, logDir))
      throw new UsageError(
        `Maskeringsloggen (${logArg}) och publiceringsmappen (${outArg}) får inte ligga i varandra: loggen ska aldrig publiceras.`,
        'Välj en loggmapp bredvid publiceringsmappen, till exempel --logg maskeringslogg/.',
      );
    checkOutputFolder(outDir, outArg);
    checkOutputFolder(logDir, logArg);
    const results = await buildCases(
      files.map((f) => resolve(io.cwd, f)),
      {
        profile,
        formats: ['pdf', 'html'],
        outDir,
        registryDir: logDir,
        prepare: (c, file, formats) => publication(c, relative(io.cwd, file), formats, profile, logDir),
        onWritten: (path) => io.out(`skrev ${relative(io.cwd, path)}\n`),
      },
    );
    const diagnostics = results.flatMap((r, i) => r.diagnostics.map((d) => ({ ...d, file: files[i]! })));
    for (const shown of meetings) {
      const found = await publishMeeting(resolve(io.cwd, shown), profile, { outDir, logDir }, io);
      diagnostics.push(...found.map((d) => ({ ...d, file: relative(io.cwd, d.file) || d.file })));
    }
    const fileCount = files.length + meetings.length;
    io.out(formatDiagnostics(diagnostics, { format: 'text', color: io.colorOut, fileCount }), {
      styled: true,
    });
    return exitCodeFor(diagnostics);
  },
};

/** A meeting's publication (src/meeting/publish.ts), written as `skapa` writes: nothing if anything is wrong. */
async function publishMeeting(
  file: string,
  profile: Profile,
  target: { outDir: string; logDir: string },
  io: Io,
): Promise<Diagnostic[]> {
  const read = readMeetingFile(file, profile);
  if (!read.meeting || hasErrors(read.diagnostics)) return read.diagnostics;
  const pub = await meetingPublication(read.meeting, profile, target.logDir, (p) => relative(io.cwd, p));
  const found = [...read.diagnostics, ...pub.diagnostics];
  if (hasErrors(pub.diagnostics)) return found;
  const written = await writeOwnedOutputs(file, pub.outputs, pub.sideFiles, {
    outDir: target.outDir,
    registryDir: target.logDir,
    nouns: meetingNouns,
    onWritten: (path) => io.out(`skrev ${relative(io.cwd, path)}\n`),
  });
  return [...found, ...written.diagnostics];
}
