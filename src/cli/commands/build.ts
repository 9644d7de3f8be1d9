/** `skrivelse skapa` (alias `build`): validate, then render each case to PDF and/or DOCX in the output folder. */
import { relative, resolve } from 'node:path';
import { type BuildResult, buildCases, type OutputFormat, outputFormats } from '../../build/index.js';
import type { Diagnostic } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import type { Profile } from '../../profile/model.js';
import { parseCommandArgs, profileFrom } from '../args.js';
import { collectCaseFiles } from '../collect.js';
import type { Command, Io } from '../io.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';
import { checkOutputFolder } from '../output-target.js';
import { type BatchProgress, batchProgress } from '../progress.js';

const usage = `Användning: skrivelse skapa <filer|mappar …> [--format pdf,docx] [--ut <mapp>] [--profil <fil>] [--bevaka]

Kontrollerar ärendefilerna och skriver varje giltigt ärende som PDF och DOCX i utdatamappen.
Ett ärende med fel skrivs inte; felen visas som i \`skrivelse kontrollera\`.
Filnamnen bildas av diarienumret och början av rubriken. En fil som skapats från ett annat ärende,
eller som inte går att knyta till det här ärendet, skrivs aldrig över. Ett ärende som inte kan skrivas
rapporteras, och de övriga skrivs ändå. Flera samtidiga körningar mot samma utdatamapp turas om.
På en terminal visar en rad på standard error hur många ärenden som är klara av hur många, vilket
som skrivs nu och ungefär hur lång tid som är kvar. Raden visas inte när standard error inte är en
terminal, när standard output går till en pipe, i CI (CI satt) eller med TERM=dumb.

Med --bevaka skrivs ärendena först en gång; sedan skrivs ett ärende om varje gång dess fil (eller en
bild som den visar) sparas, med felen och varningarna för just det ärendet, tills du trycker Ctrl-C.
Nya .md-filer i en bevakad mapp skrivs också. Låset på utdatamappen hålls bara medan filer skrivs,
så PDF:en kan vara öppen bredvid redigeraren. Trycker du Ctrl-C mitt i en skrivning avslutas den
efter ärendet som skrivs just då; inga halvskrivna filer och inget lås blir kvar.

Flaggor:
  --format pdf,docx   vilka format som skrivs (standard: pdf,docx)
  --ut <mapp>         utdatamapp (standard: output/)
  --profil <fil>      kommunprofil (YAML); standard är Linköpings profil
  --bevaka            skriv om ärenden när de sparas, tills Ctrl-C (även: --watch)
  -h, --help          visa den här hjälpen

Slutkod: 0 = allt skrevs, 1 = minst ett ärende hade fel, 2 = fel i anropet.
Med --bevaka gäller slutkoden efter Ctrl-C den senaste skrivningen av varje ärende: 0 om alla
skrevs utan fel, 1 om minst ett ärende hade fel när du avslutade.
`;

function parseFormats(value: unknown): OutputFormat[] {
  if (value === undefined) return ['pdf', 'docx'];
  const parts = String(value)
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = parts.filter((p) => !Object.hasOwn(outputFormats, p));
  if (parts.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `Okänt format "${unknown.join(', ') || String(value)}" för --format.`,
      `Tillåtna format: ${Object.keys(outputFormats).join(', ')}, till exempel --format pdf,docx.`,
    );
  }
  return [...new Set(parts)] as OutputFormat[];
}

export interface BuildRun {
  profile: Profile;
  formats: OutputFormat[];
  outDir: string;
  /** Asked before each case: true stops the batch there (Ctrl-C while watching). */
  stopRequested?: () => boolean;
  /** Told the progress display of the batch at its start, and undefined at its end, to write around it. */
  onProgress?: (progress: BatchProgress | undefined) => void;
}

/** Thrown from onCaseStart to stop a batch before its next case. */
class StopRequested extends Error {}

/**
 * Builds `files` (as the user named them, relative to io.cwd) and prints what was written and then the
 * diagnostics with the summary line, with the progress line on a terminal. Returns each built case's
 * diagnostics (under its name as given); a stopped batch returns the cases done until then.
 */
export async function buildAndReport(
  files: readonly string[],
  io: Io,
  run: BuildRun,
): Promise<Map<string, Diagnostic[]>> {
  const byPath = new Map(files.map((f) => [resolve(io.cwd, f), f]));
  const done = new Map<string, Diagnostic[]>();
  const progress = batchProgress(io, files.length);
  run.onProgress?.(progress);
  // Everything printed while the line is shown clears it first and redraws it after.
  const shown: Io = {
    ...io,
    out: (text, options) => progress.around(() => io.out(text, options)),
    err: (text, options) => progress.around(() => io.err(text, options)),
  };
  try {
    // Each file is reported as it is written, so a batch stopped by a disk error still lists what it wrote.
    await buildCases([...byPath.keys()], {
      profile: run.profile,
      formats: run.formats,
      outDir: run.outDir,
      onWritten: (path) => shown.out(`skrev ${relative(io.cwd, path)}\n`),
      onCaseStart: (path) => {
        if (run.stopRequested?.()) throw new StopRequested();
        progress.caseStarted(byPath.get(path) ?? path);
      },
      onCaseDone: (result: BuildResult) => {
        const file = byPath.get(result.file) ?? result.file;
        done.set(
          file,
          result.diagnostics.map((d) => ({ ...d, file })),
        );
        progress.caseDone();
      },
    });
  } catch (error) {
    if (!(error instanceof StopRequested)) throw error;
  } finally {
    progress.stop();
    run.onProgress?.(undefined);
  }
  // In the order named, whatever order the cases finished in.
  const ordered = new Map(files.flatMap((f) => (done.has(f) ? [[f, done.get(f)!] as const] : [])));
  const diagnostics = [...ordered.values()].flat();
  io.out(formatDiagnostics(diagnostics, { format: 'text', color: io.colorOut, fileCount: ordered.size }), {
    styled: true,
  });
  const left = files.length - ordered.size;
  if (left > 0) io.err(`Avbrutet: ${left} av ${files.length} ärenden skrevs inte den här gången.\n`);
  return ordered;
}

export const build: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        format: { type: 'string' },
        ut: { type: 'string' },
        bevaka: { type: 'boolean' },
        watch: { type: 'boolean' },
      },
      'skapa',
    );
    const formats = parseFormats(values.format);
    const files = collectCaseFiles(positionals, io.cwd);
    const profile = profileFrom(values, io);
    const outArg = typeof values.ut === 'string' ? values.ut : 'output';
    const outDir = resolve(io.cwd, outArg);
    checkOutputFolder(outDir, outArg);
    const run: BuildRun = { profile, formats, outDir };
    if (values.bevaka === true || values.watch === true) {
      const { watchCases } = await import('../watch.js');
      return watchCases({ paths: positionals, files, outDir, io, build: buildAndReport, run });
    }
    const results = await buildAndReport(files, io, run);
    return exitCodeFor([...results.values()].flat());
  },
};
