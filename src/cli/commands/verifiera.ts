/** `skrivelse verifiera`: checksums against the manifest and METS, plus PDF/A-3 and PDF/UA-1 preflight. */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { findingToDiagnostic, verifyPath } from '../../archive/verify.js';
import { ExitCode, UsageError } from '../../errors.js';
import { refuseSpecialFile } from '../../fs-errors.js';
import { choice, parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';
import { formatDiagnostics } from '../output.js';

const usage = `Användning: skrivelse verifiera <pdf|arkivmapp> [--format text|json]

Kontrollerar arkiverade skrivelser: att varje fil har samma kontrollsumma (SHA-256) som i arkivets
manifest och i METS.xml, och att varje PDF uppfyller huvudreglerna i PDF/A-3 (ISO 19005-3) och
PDF/UA-1 (ISO 14289-1), till exempel XMP-metadata, inbäddade typsnitt, OutputIntent, taggning och
inbäddad källfil. Varje fel anges med regel-id och avsnitt i standarden.

Flaggor:
  --format text|json   utdataformat (standard: text)
  -h, --help           visa den här hjälpen

Slutkod: 0 = allt stämmer, 1 = minst en regel uppfylls inte, 2 = fel i anropet.
`;

export const verifiera: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } }, 'verifiera');
    const format = choice(values.format, ['text', 'json'] as const, '--format', 'text');
    if (positionals.length !== 1)
      throw new UsageError('Ange en arkiverad PDF eller en arkivmapp.', 'Se `skrivelse verifiera --help`.');
    const target = resolve(io.cwd, positionals[0]!);
    if (existsSync(target)) refuseSpecialFile(statSync(target), positionals[0]!);
    const result = await verifyPath(target);
    const diagnostics = result.findings.map(findingToDiagnostic).map((d) => {
      const rel = relative(io.cwd, d.file);
      return { ...d, file: rel && !rel.startsWith('..') ? rel : d.file };
    });
    for (const note of result.notes) io.err(`obs: ${note}\n`);
    io.out(
      formatDiagnostics(diagnostics, { format, color: io.colorOut, fileCount: result.checkedPdfs.length }),
      { styled: true },
    );
    return diagnostics.length > 0 ? ExitCode.problems : ExitCode.ok;
  },
};
