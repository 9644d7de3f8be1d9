/**
 * `skrivelse arkivera <möte.yaml> [--ärende N]`: archives the protokollsutdrag of each decided item with a
 * memo (or of item N) as the memo is archived: PDF/A-3a + PDF/UA-1, preflighted in memory, stored as a new
 * version under the case's Dnr (its own package, kind "Protokollsutdrag"), never overwriting.
 */
import { relative, resolve } from 'node:path';
import { manifestSources } from '../../archive/build.js';
import { preflightPdf } from '../../archive/preflight.js';
import { storeArchivalPdf } from '../../archive/store.js';
import { findingToDiagnostic } from '../../archive/verify.js';
import type { Diagnostic } from '../../diagnostics.js';
import { ExitCode } from '../../errors.js';
import { buildArchivalUtdrag, utdragArchiveType, utdragPackageName } from '../../meeting/archive-protocol.js';
import type { CaseItem } from '../../meeting/model.js';
import type { DecidedItem } from '../../meeting/protokollsutdrag.js';
import { readMeetingFile } from '../../meeting/read.js';
import type { Profile } from '../../profile/model.js';
import { accessRestrictions } from '../../publish/mask.js';
import { toolName } from '../../util/package-info.js';
import type { Io } from '../io.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';
import { selectDecided } from './protokollsutdrag.js';

export async function archiveProtocol(
  shown: string,
  itemArg: string | boolean | undefined,
  arkivDir: string,
  profile: Profile,
  io: Io,
): Promise<number> {
  const file = resolve(io.cwd, shown);
  const printErrors = (diagnostics: Diagnostic[]) => {
    const listed = diagnostics.map((d) => ({
      ...d,
      file: d.file === file ? shown : relative(io.cwd, d.file) || d.file,
    }));
    io.err(formatDiagnostics(listed, { format: 'text', color: io.colorOut, fileCount: 1 }), { styled: true });
    return listed;
  };
  const read = readMeetingFile(file, profile);
  if (!read.meeting || !read.bytes) {
    const listed = printErrors(read.diagnostics);
    io.err('Inget protokollsutdrag arkiverades: rätta felen ovan först.\n');
    return exitCodeFor(listed);
  }
  const m = read.meeting;
  const chosen = selectDecided(m, itemArg, `arkivera ${shown}`);
  const selection = chosen.selection;
  const fel = (message: string, hint: string): Diagnostic => ({
    severity: 'fel',
    rule: 'protocol-archive',
    message,
    hint,
    file,
  });
  if (!selection) {
    printErrors(chosen.diagnostics);
    return ExitCode.problems;
  }
  const { protocol } = selection;
  if (!protocol.adjustedOn) {
    printErrors([
      fel(
        'Protokollet är inte justerat (protokoll: har inget justeringsdatum:); ett protokollsutdrag arkiveras först när protokollet är justerat.',
        'Skriv in justeringsdatum: under protokoll: när protokollet är justerat och arkivera då.',
      ),
    ]);
    return ExitCode.problems;
  }
  const withMemo = selection.items.filter(
    (d): d is DecidedItem & { item: CaseItem } => d.item.type === 'case',
  );
  const withoutMemo = selection.items.filter((d) => d.item.type !== 'case');
  if (itemArg !== undefined && withMemo.length === 0) {
    printErrors([
      fel(
        `Punkt ${withoutMemo[0]!.number} har ingen tjänsteskrivelse och därför inget diarienummer; arkivet ordnar handlingar efter diarienummer.`,
        'Arkivera protokollet som helhet i kommunens ärendesystem; bara utdrag om ärenden med diarienummer arkiveras här.',
      ),
    ]);
    return ExitCode.problems;
  }
  for (const d of withoutMemo)
    io.err(
      `obs: § ${d.decision.paragraph} (punkt ${d.number}) har ingen tjänsteskrivelse och inget diarienummer och arkiveras inte.\n`,
    );
  for (const d of withMemo) {
    const c = d.item.case;
    const label = `§ ${d.decision.paragraph} (punkt ${d.number}, Dnr ${c.dnr.join(', ')})`;
    const archival = await buildArchivalUtdrag(m, protocol, d, profile, read.bytes, d.item.caseBytes!);
    const expected = Object.fromEntries(manifestSources(archival.sources).map((s) => [s.name, s.sha256]));
    const findings = await preflightPdf(archival.bytes, expected);
    if (findings.length > 0) {
      io.err(
        formatDiagnostics(
          findings.map((f) => findingToDiagnostic({ ...f, file: shown })),
          { format: 'text', color: io.colorOut, fileCount: 1 },
        ),
      );
      io.err(`Arkivexemplaret av utdraget ${label} klarade inte kontrollen ovan; ingenting arkiverades.\n`);
      return ExitCode.problems;
    }
    const result = await storeArchivalPdf({
      arkivDir,
      dnr: c.dnr,
      package: utdragPackageName(c.dnr),
      type: utdragArchiveType,
      restrictions: accessRestrictions(c),
      title: archival.title,
      date: m.date,
      pdf: archival.bytes,
      sources: manifestSources(archival.sources),
      tool: toolName,
    });
    for (const repair of result.repairs) io.err(`obs: ${repair}\n`);
    const rel = relative(io.cwd, result.path);
    const path = rel && !rel.startsWith('..') ? rel : result.path;
    const version = `v${String(result.entry.version).padStart(3, '0')}`;
    io.out(
      result.status === 'stored'
        ? `Arkiverat protokollsutdrag ${label}: ${path} (version ${result.entry.version}, SHA-256 ${result.entry.sha256})\n`
        : `Oförändrat protokollsutdrag ${label}: senaste versionen ${version} (${path}) har samma innehåll; ingen ny version skapades.\n`,
    );
  }
  return ExitCode.ok;
}
