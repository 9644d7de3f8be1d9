/**
 * `skrivelse protokollsutdrag`: from a meeting file with its `protokoll:`, write one protokollsutdrag per
 * decided item (PDF and DOCX) and the tillkännagivande of the justered protocol (PDF and DOCX).
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import type { Meeting, Protocol } from '../../meeting/model.js';
import { type DecidedItem, decidedItems } from '../../meeting/protokollsutdrag.js';
import { renderProtocol, writeProtocol } from '../../meeting/write-protocol.js';
import type { Command, Io } from '../io.js';
import { startMeetingCommand } from '../meeting-command.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';

const usage = `Användning: skrivelse protokollsutdrag <möte.yaml> [--ärende <nr>] [--ut <mapp>] [--profil <fil>]

Läser mötesfilen med dess protokoll: (justerare, justeringsdatum, var protokollet förvaras och besluten
per punkt) och skriver ett protokollsutdrag per beslutad punkt som PDF och DOCX: nämnden,
sammanträdesdatum, §, rubrik, Dnr, beslutet punkt för punkt, reservationer och jäv, Expedieras till
(ärendets "Beslutet skickas till") och justeringen med utdragsbestyrkande.
När protokollet är justerat skrivs också tillkännagivandet (anslaget) som PDF och DOCX, med dagen
anslaget sätts upp, sista dag för överklagande och dagen det tidigast får tas ned.
Protokollets nycklar beskrivs i docs/sammantrade.md.

Flaggor:
  --ärende <nr>   bara punkt <nr> på föredragningslistan (då skrivs inget tillkännagivande)
  --ut <mapp>     utdatamapp (standard: output/)
  --profil <fil>  kommunprofil (YAML); standard är Linköpings profil
  -h, --help      visa den här hjälpen

Slutkod: 0 = allt skrevs, 1 = mötesfilen eller ett ärende hade fel, eller punkten har inget beslut,
2 = fel i anropet (t.ex. en punkt som inte finns).
`;

/** A meeting read for its protocol: the meeting, its protocol and the decided items chosen by `--ärende`. */
export interface ProtocolSelection {
  meeting: Meeting;
  protocol: Protocol;
  items: DecidedItem[];
}

/**
 * The decided items `--ärende` asks for (all when absent). A number that is no agenda item is a usage
 * error; an item without a decision, or a meeting without protocol or decisions, is a problem (diagnostic).
 */
export function selectDecided(
  meeting: Meeting,
  itemArg: string | boolean | undefined,
  /** How the command and the meeting file were typed, for the hint: "protokollsutdrag cases/möte.yaml". */
  example: string,
): { selection?: ProtocolSelection; diagnostics: Diagnostic[] } {
  const problem = (rule: string, message: string, hint: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ severity: 'fel', rule, message, hint, file: meeting.file }],
  });
  let wanted: number | undefined;
  if (typeof itemArg === 'string') {
    wanted = /^\d+$/.test(itemArg.trim()) ? Number(itemArg.trim()) : Number.NaN;
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > meeting.items.length)
      throw new UsageError(
        `--ärende ${itemArg}: föredragningslistan har punkterna 1–${meeting.items.length}.`,
        `Ange punktens nummer, t.ex. skrivelse ${example} --ärende 2.`,
      );
  }
  const { protocol } = meeting;
  if (!protocol)
    return problem(
      'protocol-missing',
      'Mötesfilen har inget protokoll: och därför inga beslut.',
      'Lägg till protokoll: med justerare:, justeringsdatum:, förvaras: och beslut: efter sammanträdet (se docs/sammantrade.md).',
    );
  const decided = decidedItems(meeting);
  const items = wanted === undefined ? decided : decided.filter((d) => d.number === wanted);
  if (items.length === 0)
    return problem(
      'protocol-item-undecided',
      wanted === undefined
        ? 'Protokollet har inga beslut.'
        : `Punkt ${wanted} har inget beslut under protokoll: beslut:.`,
      'Skriv beslutet under protokoll: beslut: med punkt:, paragraf: och beslut:.',
    );
  return { selection: { meeting, protocol, items }, diagnostics: [] };
}

/** Prints diagnostics with the meeting file as typed and other files relative to the working folder. */
export function printDiagnostics(
  diagnostics: Diagnostic[],
  file: string,
  shown: string,
  io: Io,
): Diagnostic[] {
  const shownDiagnostics = diagnostics.map((d) => ({
    ...d,
    file: d.file === file ? shown : relative(io.cwd, d.file) || d.file,
  }));
  io.out(formatDiagnostics(shownDiagnostics, { format: 'text', color: io.colorOut, fileCount: 1 }), {
    styled: true,
  });
  return shownDiagnostics;
}

export const notAdjustedNotice =
  'Protokollet är inte justerat (protokoll: har inget justeringsdatum:). Utdragen säger det, och tillkännagivandet skrivs inte förrän protokollet är justerat.';

export const protokollsutdrag: Command = {
  usage,
  async run(argv, io) {
    const { values, shown, file, outDir, read, profile } = startMeetingCommand(argv, io, 'protokollsutdrag', {
      ärende: { type: 'string' },
    });
    let diagnostics = read.diagnostics;
    if (read.meeting) {
      const chosen = selectDecided(read.meeting, values.ärende, `protokollsutdrag ${shown}`);
      diagnostics = [...diagnostics, ...chosen.diagnostics];
      const { selection } = chosen;
      if (selection) {
        const outputs = await renderProtocol(
          selection.meeting,
          selection.protocol,
          selection.items,
          profile,
          {
            anslag: values.ärende === undefined,
          },
        );
        const written = await writeProtocol(selection.meeting, outputs, outDir, (path) =>
          io.out(`skrev ${relative(io.cwd, path)}\n`),
        );
        diagnostics = [...diagnostics, ...written.diagnostics];
        if (!selection.protocol.adjustedOn && written.written.length > 0)
          io.out(`obs: ${notAdjustedNotice}\n`);
      }
    }
    return exitCodeFor(printDiagnostics(diagnostics, file, shown, io));
  },
};
