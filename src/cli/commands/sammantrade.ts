/** `skrivelse sammanträde`: check a meeting file, then write the kallelse (PDF, DOCX) and the handlingar PDF. */
import { relative } from 'node:path';
import { writeMeeting } from '../../meeting/write.js';
import type { Command } from '../io.js';
import { startMeetingCommand } from '../meeting-command.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';

const usage = `Användning: skrivelse sammanträde <möte.yaml> [--ut <mapp>] [--utan-handlingar] [--profil <fil>]

Kontrollerar mötesfilen och varje ärende på föredragningslistan (att ärendefilen finns och är utan fel,
att den är ställd till nämnden, att inget ärende står två gånger och att bilagorna är PDF-filer).
Skriver sedan kallelsen med föredragningslistan som PDF och DOCX, och handlingarna: en PDF med kallelsen,
varje skrivelse i föredragningslistans ordning och dess bilagor, med bokmärken per ärende och handling.
Kallelsen och skrivelserna är taggade i handlingarna; en bilaga som inte är taggad får en varning,
eftersom handlingarna då inte är tillgänglighetsanpassade (PDF/UA).
Mötesfilens format beskrivs i docs/sammantrade.md.

Flaggor:
  --ut <mapp>         utdatamapp (standard: output/)
  --utan-handlingar   skriv bara kallelsen
  --profil <fil>      kommunprofil (YAML); standard är Linköpings profil
  -h, --help          visa den här hjälpen

Slutkod: 0 = allt skrevs, 1 = mötesfilen eller ett ärende hade fel, 2 = fel i anropet.
`;

export const sammantrade: Command = {
  usage,
  async run(argv, io) {
    const { values, shown, file, profile, outDir, read } = startMeetingCommand(argv, io, 'sammanträde', {
      'utan-handlingar': { type: 'boolean' },
    });
    let diagnostics = read.diagnostics;
    const withHandlingar = values['utan-handlingar'] !== true;
    if (read.meeting) {
      const written = await writeMeeting(
        read.meeting,
        profile,
        { outDir, onWritten: (path) => io.out(`skrev ${relative(io.cwd, path)}\n`) },
        { handlingar: withHandlingar },
      );
      diagnostics = [...diagnostics, ...written.diagnostics];
    }
    const shownDiagnostics = diagnostics.map((d) => ({
      ...d,
      file: d.file === file ? shown : relative(io.cwd, d.file) || d.file,
    }));
    io.out(formatDiagnostics(shownDiagnostics, { format: 'text', color: io.colorOut, fileCount: 1 }), {
      styled: true,
    });
    return exitCodeFor(shownDiagnostics);
  },
};
