/**
 * The masking log of one published memo: JSON for systems and a Swedish summary for people, both written
 * beside the publication folder (never in it). Each entry says where (section, line, column), what kind
 * (avsnitt, markering, personnummer), on what ground, and the keyed hash of the masked text (mask.ts);
 * the masked text itself is never in the log.
 */
import type { Case } from '../case/model.js';
import type { MaskEntry, MaskKind } from './mask.js';

export interface MaskLog {
  format: 'skrivelse-maskeringslogg';
  version: 1;
  /** The case file as given on the command line. */
  ärende: string;
  dnr: string[];
  datum: string;
  /** The published files' names. */
  publicerat: string[];
  /** How `hash` is computed, so a registrar can check an entry against the archived case file. */
  hashmetod: string;
  maskeringar: {
    typ: MaskKind;
    avsnitt?: string;
    rad: number;
    kolumn: number;
    grund: string;
    hash: string;
  }[];
}

export const hashMethod =
  'HMAC-SHA256 av den maskerade texten (Unicode NFC, UTF-8) med SHA-256 av hela ärendefilen (UTF-8) som nyckel';

export function maskLog(file: string, c: Case, published: string[], entries: readonly MaskEntry[]): MaskLog {
  return {
    format: 'skrivelse-maskeringslogg',
    version: 1,
    ärende: file,
    dnr: c.dnr,
    datum: c.date,
    publicerat: published,
    hashmetod: hashMethod,
    maskeringar: entries.map((e) => ({
      typ: e.kind,
      ...(e.section === undefined ? {} : { avsnitt: e.section }),
      rad: e.line,
      kolumn: e.column,
      grund: e.ground,
      hash: e.hash,
    })),
  };
}

const kindText: Record<MaskKind, string> = {
  avsnitt: 'hela avsnittet',
  markering: 'markerad text',
  personnummer: 'personnummer',
};

const count = (n: number) => (n === 1 ? '1 maskering' : `${n} maskeringar`);

/** The log as a readable Swedish summary. */
export function maskLogText(log: MaskLog): string {
  const head = [
    `Maskeringslogg för ${log.ärende}`,
    `Dnr: ${log.dnr.join(', ') || '–'}   Datum: ${log.datum}`,
    `Publicerat: ${log.publicerat.join(', ')}`,
    '',
  ];
  if (log.maskeringar.length === 0) return `${[...head, 'Inget maskerades.'].join('\n')}\n`;
  const lines = log.maskeringar.map(
    (m) =>
      `- rad ${m.rad}, kolumn ${m.kolumn}${m.avsnitt ? `, avsnittet "${m.avsnitt}"` : ', ärendets huvud'}: ${kindText[m.typ]}, grund: ${m.grund}\n  kontrollsumma ${m.hash}`,
  );
  return `${[
    ...head,
    `${count(log.maskeringar.length)}:`,
    ...lines,
    '',
    `Kontrollsumman är ${log.hashmetod}. Den visar, för den som har ärendefilen, vilken text som maskerades, utan att loggen röjer den.`,
  ].join('\n')}\n`;
}
