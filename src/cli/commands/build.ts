/** `skrivelse skapa` (alias `build`): validate, then render each case to PDF and/or DOCX in the output folder. */
import { relative, resolve } from 'node:path';
import { buildCases, type OutputFormat, outputFormats } from '../../build/index.js';
import { UsageError } from '../../errors.js';
import { parseCommandArgs, profileFrom } from '../args.js';
import { collectCaseFiles } from '../collect.js';
import type { Command } from '../io.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';
import { checkOutputFolder } from '../output-target.js';

const usage = `Användning: skrivelse skapa <filer|mappar …> [--format pdf,docx] [--ut <mapp>] [--profil <fil>]

Kontrollerar ärendefilerna och skriver varje giltigt ärende som PDF och DOCX i utdatamappen.
Ett ärende med fel skrivs inte; felen visas som i \`skrivelse kontrollera\`.
Filnamnen bildas av diarienumret och början av rubriken. En fil som skapats från ett annat ärende,
eller som inte går att knyta till det här ärendet, skrivs aldrig över. Ett ärende som inte kan skrivas
rapporteras, och de övriga skrivs ändå. Flera samtidiga körningar mot samma utdatamapp turas om.

Flaggor:
  --format pdf,docx   vilka format som skrivs (standard: pdf,docx)
  --ut <mapp>         utdatamapp (standard: output/)
  --profil <fil>      kommunprofil (YAML); standard är Linköpings profil
  -h, --help          visa den här hjälpen

Slutkod: 0 = allt skrevs, 1 = minst ett ärende hade fel, 2 = fel i anropet.
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

export const build: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, ut: { type: 'string' } },
      'skapa',
    );
    const formats = parseFormats(values.format);
    const files = collectCaseFiles(positionals, io.cwd);
    const profile = profileFrom(values, io);
    const outArg = typeof values.ut === 'string' ? values.ut : 'output';
    const outDir = resolve(io.cwd, outArg);
    checkOutputFolder(outDir, outArg);
    // Each file is reported as it is written, so a batch stopped by a disk error still lists what it wrote.
    const results = await buildCases(
      files.map((f) => resolve(io.cwd, f)),
      { profile, formats, outDir, onWritten: (path) => io.out(`skrev ${relative(io.cwd, path)}\n`) },
    );
    const diagnostics = results.flatMap((r, i) => r.diagnostics.map((d) => ({ ...d, file: files[i]! })));
    io.out(formatDiagnostics(diagnostics, { format: 'text', color: io.colorOut, fileCount: files.length }), {
      styled: true,
    });
    return exitCodeFor(diagnostics);
  },
};
