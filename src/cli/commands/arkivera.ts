/** `skrivelse arkivera`: validates a case, builds its PDF/A-3a + PDF/UA-1 and stores a new version. */
import { relative, resolve } from 'node:path';
import { buildArchivalPdf, manifestSources } from '../../archive/build.js';
import { preflightPdf } from '../../archive/preflight.js';
import { storeArchivalPdf } from '../../archive/store.js';
import { findingToDiagnostic } from '../../archive/verify.js';
import { readCaseFile } from '../../case/read.js';
import { ExitCode, UsageError } from '../../errors.js';
import { defaultKind, kindNamed } from '../../kinds/index.js';
import { accessRestrictions } from '../../publish/mask.js';
import { toolName } from '../../util/package-info.js';
import { parseCommandArgs, profileFrom } from '../args.js';
import type { Command } from '../io.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';
import { archiveProtocol } from './arkivera-protokoll.js';

const usage = `Användning: skrivelse arkivera <ärendefil> [--arkiv <mapp>] [--profil <fil>]
       skrivelse arkivera <möte.yaml> [--ärende <nr>] [--arkiv <mapp>] [--profil <fil>]

Kontrollerar ärendet och skapar ett arkivexemplar som PDF/A-3a och PDF/UA-1, med ärendefilen och
kommunprofilen inbäddade som källfiler. Exemplaret sparas i ett paket enligt FGS Paketstruktur
(E-ARK CSIP) som <arkiv>/<Dnr>/representations/pdfa/data/<Dnr>_v001.pdf; en ändrad skrivelse får
nästa versionsnummer och inget skrivs någonsin över. Ett oförändrat ärende ger ingen ny version.
Manifestet (<arkiv>/manifest.jsonl), paketets METS.xml, representationens METS.xml, Dublin Core och
PREMIS uppdateras.

Med en mötesfil (.yaml) arkiveras i stället protokollsutdraget för varje beslutad punkt med
tjänsteskrivelse (eller bara punkt <nr>), när protokollet är justerat: som PDF/A-3a och PDF/UA-1 med
mötesfilen, ärendefilen och kommunprofilen inbäddade, under ärendets diarienummer i paketet
<arkiv>/<Dnr>_protokollsutdrag/ och med typen Protokollsutdrag i METS och Dublin Core.

Flaggor:
  --arkiv <mapp>   arkivmapp (standard: arkiv/)
  --ärende <nr>    med en mötesfil: bara punkt <nr> på föredragningslistan
  --profil <fil>   kommunprofil (YAML); standard är Linköpings profil
  -h, --help       visa den här hjälpen

Slutkod: 0 = arkiverat eller oförändrat, 1 = ärendet (eller mötesfilen) har fel, 2 = fel i anropet.
`;

export const arkivera: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { arkiv: { type: 'string' }, ärende: { type: 'string' } },
      'arkivera',
    );
    if (positionals.length !== 1)
      throw new UsageError('Ange exakt en ärendefil.', 'Se `skrivelse arkivera --help`.');
    const file = positionals[0]!;
    const profile = profileFrom(values, io);
    if (/\.ya?ml$/i.test(file)) {
      const arkiv = resolve(io.cwd, typeof values.arkiv === 'string' ? values.arkiv : 'arkiv');
      return archiveProtocol(file, values.ärende, arkiv, profile, io);
    }
    if (values.ärende !== undefined)
      throw new UsageError(
        '--ärende gäller en mötesfil (.yaml), inte en ärendefil.',
        'Exempel: skrivelse arkivera cases/möte-kfn-2025-04.yaml --ärende 2',
      );
    const path = resolve(io.cwd, file);
    const read = readCaseFile(path, profile);
    if (!read.case) {
      const diagnostics = read.diagnostics.map((d) => ({ ...d, file }));
      io.err(formatDiagnostics(diagnostics, { format: 'text', color: io.colorOut, fileCount: 1 }), {
        styled: true,
      });
      io.err('Ärendet arkiverades inte: rätta felen ovan först.\n');
      return exitCodeFor(diagnostics);
    }
    // The archive files a document under its Dnr and dates its version: a rapport may be written without.
    const lacking = [
      ...(read.case.dnr.length === 0 ? ['diarienummer (dnr:)'] : []),
      ...(read.case.date === '' ? ['datum (datum:)'] : []),
    ];
    if (lacking.length > 0) {
      io.err(
        `${file}: fel: Ärendet arkiverades inte: arkivet ordnar handlingar efter diarienummer och datum, och det här saknar ${lacking.join(' och ')}.\n    tips: Skriv in ${lacking.join(' och ')} i huvudet och arkivera igen.\n`,
      );
      return ExitCode.problems;
    }
    const arkivDir = resolve(io.cwd, typeof values.arkiv === 'string' ? values.arkiv : 'arkiv');
    // The bytes that were validated are the ones embedded, even if the file changes meanwhile.
    const archival = await buildArchivalPdf(read.case, profile, read.bytes!);
    // Preflight in memory: an archival copy that fails the rules verifiera runs is never stored.
    const expected = Object.fromEntries(manifestSources(archival.sources).map((s) => [s.name, s.sha256]));
    const findings = await preflightPdf(archival.bytes, expected);
    if (findings.length > 0) {
      const diagnostics = findings.map((f) => findingToDiagnostic({ ...f, file }));
      io.err(formatDiagnostics(diagnostics, { format: 'text', color: io.colorOut, fileCount: 1 }));
      io.err('Arkivexemplaret klarade inte kontrollen ovan; ingenting arkiverades.\n');
      return ExitCode.problems;
    }
    const result = await storeArchivalPdf({
      arkivDir,
      dnr: read.case.dnr,
      type: (kindNamed(read.case.kind) ?? defaultKind).archiveType,
      restrictions: accessRestrictions(read.case),
      title: read.case.title,
      date: read.case.date,
      pdf: archival.bytes,
      sources: manifestSources(archival.sources),
      tool: toolName,
    });
    for (const repair of result.repairs) io.err(`obs: ${repair}\n`);
    const rel = relative(io.cwd, result.path);
    const shown = rel && !rel.startsWith('..') ? rel : result.path;
    const version = `v${String(result.entry.version).padStart(3, '0')}`;
    io.out(
      result.status === 'stored'
        ? `Arkiverad: ${shown} (version ${result.entry.version}, SHA-256 ${result.entry.sha256})\n`
        : `Oförändrad: senaste versionen ${version} (${shown}) har samma innehåll; ingen ny version skapades.\n`,
    );
    return ExitCode.ok;
  },
};
