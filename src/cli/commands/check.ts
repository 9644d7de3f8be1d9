/** `skrivelse kontrollera` (alias `check`): reads and validates case files, prints all problems, exit 1 if any is a 'fel'. */
import { resolve } from 'node:path';
import { readCaseFile } from '../../case/read.js';
import type { Diagnostic } from '../../diagnostics.js';
import { choice, parseCommandArgs, profileFrom } from '../args.js';
import { collectCaseFiles } from '../collect.js';
import type { Command } from '../io.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';

const usage = `Användning: skrivelse kontrollera <filer|mappar …> [--format text|json] [--profil <fil>]

Läser och kontrollerar ärendefiler (.md). Mappar genomsöks efter .md-filer.
Alla problem skrivs ut på en gång, med fil:rad:kolumn, allvarlighetsgrad och regel-id.

Flaggor:
  --format text|json   utdataformat (standard: text)
  --profil <fil>       kommunprofil (YAML); standard är Linköpings profil
  -h, --help           visa den här hjälpen

Slutkod: 0 = inga fel (varningar och info är tillåtna), 1 = minst ett fel, 2 = fel i anropet.
`;

export const check: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } }, 'kontrollera');
    const format = choice(values.format, ['text', 'json'] as const, '--format', 'text');
    const files = collectCaseFiles(positionals, io.cwd);
    const profile = profileFrom(values, io);
    const diagnostics: Diagnostic[] = [];
    for (const file of files)
      diagnostics.push(
        ...readCaseFile(resolve(io.cwd, file), profile).diagnostics.map((d) => ({ ...d, file })),
      );
    io.out(formatDiagnostics(diagnostics, { format, color: io.colorOut, fileCount: files.length }), {
      styled: true,
    });
    return exitCodeFor(diagnostics);
  },
};
