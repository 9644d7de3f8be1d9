/**
 * Reading a meeting file (YAML): shape (zod), positions (yaml + LineCounter), then the cross-file checks:
 * each case file exists, passes `kontrollera`, is addressed to this nämnd and appears once; each bilaga
 * exists and is a PDF. Never throws for a bad file; a Meeting only when no diagnostic is a 'fel'.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { fieldLabel } from '../case/issues.js';
import { readCaseFile } from '../case/read.js';
import { type Diagnostic, hasErrors, type Position, sortDiagnostics } from '../diagnostics.js';
import { describeFsError, isFsError } from '../fs-errors.js';
import { describeValue } from '../profile/load.js';
import type { Profile } from '../profile/model.js';
import { didYouMeanHint } from '../util/did-you-mean.js';
import { readRegularFile } from '../util/regular-file.js';
import { type PathPart, positionAt, toPosition } from '../util/yaml-position.js';
import { latestPostingDay } from './anslag-dates.js';
import type { AgendaItem, ItemDecision, Meeting, Protocol } from './model.js';

/** A meeting file is small; anything larger is not one. */
const maxMeetingBytes = 1024 * 1024;

const text = z.string().trim().min(1, 'får inte vara tom');

const meetingSchema = z.strictObject({
  nämnd: text,
  datum: text,
  tid: text,
  plats: text,
  ordförande: text,
  sekreterare: text,
  ärenden: z.array(z.unknown()).min(1, 'måste ha minst en punkt'),
  protokoll: z.unknown().optional(),
});

const caseItemSchema = z.strictObject({
  ärende: text,
  föredragande: text.optional(),
  bilagor: z.array(text).optional(),
});

const noteItemSchema = z.strictObject({
  rubrik: text,
  text: text.optional(),
  föredragande: text.optional(),
});

const names = z.array(text).min(1, 'måste ha minst ett namn');

const protocolSchema = z.strictObject({
  justerare: names,
  justeringsdatum: text.optional(),
  förvaras: text,
  anslag: text.optional(),
  beslut: z.array(z.unknown()).optional(),
});

const number = z.number().int('ska vara ett heltal').min(1, 'ska vara minst 1');

const decisionSchema = z.strictObject({
  punkt: number,
  paragraf: number,
  beslut: z.union([text, z.array(text).min(1, 'måste ha minst en punkt')]),
  reservationer: z.array(text).optional(),
  jäv: z.array(text).optional(),
});

/** The value of `beslut:` that takes the memo's decision points word for word. */
export const asProposedText = 'enligt förslaget';

export const meetingKeys = Object.keys(meetingSchema.shape);
export const protocolKeys = Object.keys(protocolSchema.shape);
export const decisionKeys = Object.keys(decisionSchema.shape);
const itemKeys = [...new Set([...Object.keys(caseItemSchema.shape), ...Object.keys(noteItemSchema.shape)])];

export interface MeetingResult {
  meeting?: Meeting;
  diagnostics: Diagnostic[];
  /** The meeting file's bytes exactly as read (by `readMeetingFile`), for archiving. */
  bytes?: Uint8Array;
}

type Locate = (path: readonly PathPart[], key?: boolean) => Position | undefined;

export function readMeetingFile(file: string, profile: Profile): MeetingResult {
  let bytes: Buffer | { size: number };
  try {
    bytes = readRegularFile(file, maxMeetingBytes);
  } catch (error) {
    const { reason, hint } = isFsError(error)
      ? describeFsError(error, dirname(file))
      : { reason: 'ett oväntat fel inträffade', hint: 'Kontrollera filen och försök igen.' };
    return { diagnostics: [fel(file, 'file-unreadable', `Mötesfilen kan inte läsas: ${reason}.`, hint)] };
  }
  if (!Buffer.isBuffer(bytes)) {
    return {
      diagnostics: [
        fel(
          file,
          'file-too-large',
          `Mötesfilen är för stor (${(bytes as { size: number }).size} byte).`,
          'En mötesfil är högst 1 MB.',
        ),
      ],
    };
  }
  const source = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  return { ...readMeeting(source, file, profile), bytes: new Uint8Array(bytes) };
}

/** Reads meeting text; `file` names it in diagnostics and is the folder case paths are relative to. */
export function readMeeting(source: string, file: string, profile: Profile): MeetingResult {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    version: '1.2',
  });
  const locate: Locate = (path, key) => positionAt(doc, lineCounter, path, { keyOfLast: key });
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors.slice(0, 10)) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    diagnostics.push({
      ...fel(
        file,
        duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
        duplicate
          ? 'Nyckeln förekommer två gånger.'
          : `Mötesfilen har ett syntaxfel: ${error.message.split('\n')[0]?.replace(/ at line \d+.*$/, '')}.`,
        duplicate
          ? 'Ta bort eller slå ihop den ena förekomsten.'
          : 'Kontrollera indrag, kolon efter varje nyckel och citattecken runt text som innehåller ": ".',
      ),
      position: toPosition(lineCounter, error.pos[0]),
    });
  }
  if (diagnostics.length > 0) return { diagnostics };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { diagnostics: [fel(file, 'yaml-syntax', 'Mötesfilen använder för många alias (*namn).')] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      diagnostics: [
        {
          ...fel(
            file,
            'field-type',
            'Mötesfilen ska bestå av nycklar med värden (nämnd:, datum:, ärenden: …).',
            'Se docs/sammantrade.md.',
          ),
          position: { line: 1, column: 1 },
        },
      ],
    };
  }
  const top = meetingSchema.safeParse(raw, { reportInput: true });
  if (!top.success) diagnostics.push(...issueDiagnostics(top.error.issues, [], file, locate, meetingKeys));
  const data = raw as Record<string, unknown>;

  const boardName = typeof data.nämnd === 'string' ? data.nämnd.trim() : undefined;
  const board = boardName
    ? profile.boards.find((b) => b.name.toLowerCase() === boardName.toLowerCase())
    : undefined;
  if (boardName && !board) {
    const names = profile.boards.map((b) => b.name);
    diagnostics.push({
      ...fel(
        file,
        'meeting-board-unknown',
        `Nämnden "${boardName}" finns inte i kommunprofilen.`,
        didYouMeanHint(boardName, names) ?? `Kända nämnder: ${names.join(', ')}.`,
      ),
      position: locate(['nämnd']),
    });
  }
  const date = typeof data.datum === 'string' ? data.datum.trim() : undefined;
  if (date && !isIsoDate(date)) {
    diagnostics.push({
      ...fel(
        file,
        'meeting-date',
        `datum "${date}" är inte ett giltigt datum.`,
        'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-04-10.',
      ),
      position: locate(['datum']),
    });
  }

  const items: AgendaItem[] = [];
  const rawItems = Array.isArray(data.ärenden) ? data.ärenden : [];
  const seen = new Map<string, number>();
  rawItems.forEach((rawItem, index) => {
    const at: PathPart[] = ['ärenden', index];
    const item = readItem(rawItem, at, file, locate, profile, board?.name, seen, index + 1, diagnostics);
    if (item) items.push(item);
  });

  // Decisions are checked against the agenda only when every item could be read.
  const protocol =
    data.protokoll !== undefined && items.length === rawItems.length && board
      ? readProtocol(data.protokoll, file, locate, items, board.name, date, diagnostics)
      : undefined;

  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted) || !top.success || !board || !date || items.length !== rawItems.length)
    return { diagnostics: sorted };
  if (data.protokoll !== undefined && !protocol) return { diagnostics: sorted };
  const m = top.data;
  return {
    meeting: {
      file,
      board,
      date,
      time: m.tid,
      place: m.plats,
      chair: m.ordförande,
      secretary: m.sekreterare,
      items,
      ...(protocol ? { protocol } : {}),
    },
    diagnostics: sorted,
  };
}

/**
 * `protokoll:`: the justering and, per agenda item, its decision. Each decision is set on its item
 * (`items` is changed in place); the Protocol is returned only when nothing in it is a 'fel'.
 */
function readProtocol(
  raw: unknown,
  file: string,
  locate: Locate,
  items: AgendaItem[],
  board: string,
  meetingDate: string | undefined,
  out: Diagnostic[],
): Protocol | undefined {
  const at: PathPart[] = ['protokoll'];
  const before = out.length;
  const failed = () => out.slice(before).some((d) => d.severity === 'fel');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    out.push({
      ...fel(
        file,
        'field-type',
        `protokoll ska vara en tabell med nycklar, inte ${describeValue(raw)}.`,
        'Skriv justerare:, justeringsdatum:, förvaras: och beslut: på egna rader under protokoll:, indragna.',
      ),
      field: 'protokoll',
      position: locate(at),
    });
    return undefined;
  }
  const parsed = protocolSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) out.push(...issueDiagnostics(parsed.error.issues, at, file, locate, protocolKeys));
  const record = raw as Record<string, unknown>;
  const date = (key: 'justeringsdatum' | 'anslag'): string | undefined => {
    const value = record[key];
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    if (isIsoDate(value.trim())) return value.trim();
    out.push({
      ...fel(
        file,
        'protocol-date',
        `${key} "${value.trim()}" under protokoll är inte ett giltigt datum.`,
        'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-04-15.',
      ),
      field: `protokoll.${key}`,
      position: locate([...at, key]),
    });
    return undefined;
  };
  const adjustedOn = date('justeringsdatum');
  const postedOn = date('anslag');
  if (adjustedOn && meetingDate && isIsoDate(meetingDate) && adjustedOn < meetingDate) {
    out.push({
      ...fel(
        file,
        'protocol-date',
        `justeringsdatum ${adjustedOn} är före sammanträdet (${meetingDate}).`,
        'Protokollet justeras efter sammanträdet; kontrollera datumet.',
      ),
      field: 'protokoll.justeringsdatum',
      position: locate([...at, 'justeringsdatum']),
    });
  }
  if (postedOn && !adjustedOn && !('justeringsdatum' in record)) {
    out.push({
      ...fel(
        file,
        'protocol-posting-date',
        `anslag ${postedOn} står, men protokollet har inget justeringsdatum.`,
        'Justeringen tillkännages först när protokollet är justerat: skriv justeringsdatum: eller ta bort anslag:.',
      ),
      field: 'protokoll.anslag',
      position: locate([...at, 'anslag']),
    });
  } else if (postedOn && adjustedOn && postedOn < adjustedOn) {
    out.push({
      ...fel(
        file,
        'protocol-posting-date',
        `anslag ${postedOn} är före justeringen (${adjustedOn}).`,
        'Anslaget om att protokollet är justerat kan sättas upp tidigast samma dag som justeringen.',
      ),
      field: 'protokoll.anslag',
      position: locate([...at, 'anslag']),
    });
  } else if (postedOn && adjustedOn && postedOn > latestPostingDay(adjustedOn)) {
    out.push({
      severity: 'varning',
      rule: 'protocol-posting-late',
      message: `anslag ${postedOn} är senare än två dagar efter justeringen (${adjustedOn}); sista dag var ${latestPostingDay(adjustedOn)}.`,
      hint: 'Enligt kommunallagen 8 kap. 12 § ska justeringen tillkännages på anslagstavlan inom två dagar efter justeringen.',
      file,
      field: 'protokoll.anslag',
      position: locate([...at, 'anslag']),
    });
  }

  const rawDecisions = Array.isArray(record.beslut) ? record.beslut : [];
  const decided = new Map<number, { index: number; paragraph: number }>();
  rawDecisions.forEach((rawDecision, index) => {
    const where: PathPart[] = [...at, 'beslut', index];
    const decision = readDecision(rawDecision, where, file, locate, items, board, decided, out);
    if (decision) decided.set(decision.item, { index, paragraph: decision.decision.paragraph });
  });
  // § numbers rise in agenda order: item by item, each § larger than the one of the item before.
  let previous: { item: number; paragraph: number } | undefined;
  const seenParagraphs = new Map<number, number>();
  for (const [item, { index, paragraph }] of [...decided].sort((a, b) => a[0] - b[0])) {
    const position = locate([...at, 'beslut', index, 'paragraf']);
    const other = seenParagraphs.get(paragraph);
    if (other !== undefined) {
      out.push({
        ...fel(
          file,
          'protocol-paragraph-duplicate',
          `§ ${paragraph} står redan för punkt ${other}.`,
          'Varje beslut har en egen paragraf i protokollet; numrera om.',
        ),
        field: `protokoll.beslut.${index}.paragraf`,
        position,
      });
    } else if (previous && paragraph < previous.paragraph) {
      out.push({
        ...fel(
          file,
          'protocol-paragraph-order',
          `§ ${paragraph} för punkt ${item} är lägre än § ${previous.paragraph} för punkt ${previous.item}.`,
          'Paragraferna följer föredragningslistans ordning: en senare punkt har ett högre §-nummer.',
        ),
        field: `protokoll.beslut.${index}.paragraf`,
        position,
      });
    }
    seenParagraphs.set(paragraph, item);
    previous = { item, paragraph };
  }
  if (!parsed.success || failed()) {
    for (const item of items) delete item.decision;
    return undefined;
  }
  const p = parsed.data;
  return {
    adjusters: p.justerare,
    ...(adjustedOn ? { adjustedOn } : {}),
    keptAt: p.förvaras,
    ...(postedOn ? { postedOn } : {}),
  };
}

/** One entry of `protokoll.beslut`, checked against its agenda item; sets the item's decision. */
function readDecision(
  raw: unknown,
  at: PathPart[],
  file: string,
  locate: Locate,
  items: AgendaItem[],
  board: string,
  decided: ReadonlyMap<number, { index: number }>,
  out: Diagnostic[],
): { item: number; decision: ItemDecision } | undefined {
  const label = `beslut ${Number(at[2]) + 1} under protokoll`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    out.push({
      ...fel(
        file,
        'field-type',
        `${label[0]!.toUpperCase()}${label.slice(1)} ska vara en tabell med nycklar, inte ${describeValue(raw)}.`,
        'Skriv "- punkt: <nr>" med "paragraf:" och "beslut:" på raderna under.',
      ),
      position: locate(at),
    });
    return undefined;
  }
  const parsed = decisionSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    out.push(...issueDiagnostics(parsed.error.issues, at, file, locate, decisionKeys));
    return undefined;
  }
  const { punkt, paragraf, beslut, reservationer = [], jäv = [] } = parsed.data;
  const item = items[punkt - 1];
  if (!item) {
    out.push({
      ...fel(
        file,
        'protocol-item-unknown',
        `Punkt ${punkt} finns inte på föredragningslistan, som har ${items.length} punkter.`,
        `punkt: är punktens nummer på föredragningslistan (1–${items.length}).`,
      ),
      field: fieldPath([...at, 'punkt']),
      position: locate([...at, 'punkt']),
    });
    return undefined;
  }
  const earlier = decided.get(punkt);
  if (earlier !== undefined) {
    out.push({
      ...fel(
        file,
        'protocol-item-duplicate',
        `Punkt ${punkt} har redan ett beslut (beslut ${earlier.index + 1} under protokoll).`,
        'Varje punkt har högst ett beslut; slå ihop dem eller rätta punktens nummer.',
      ),
      field: fieldPath([...at, 'punkt']),
      position: locate([...at, 'punkt']),
    });
    return undefined;
  }
  let points: string[];
  const asProposed = typeof beslut === 'string' && isAsProposed(beslut);
  if (asProposed) {
    const proposal =
      item.type === 'case' ? item.case.decisions.find((d) => d.board === board)?.points : undefined;
    if (!proposal || proposal.length === 0) {
      out.push({
        ...fel(
          file,
          'protocol-as-proposed',
          item.type === 'case'
            ? `Punkt ${punkt} beslutas "${asProposedText}", men ärendet har inget förslag till beslut för ${board}.`
            : `Punkt ${punkt} beslutas "${asProposedText}", men punkten har ingen tjänsteskrivelse med förslag till beslut.`,
          'Skriv beslutet som det fattades, punkt för punkt, under beslut: (en rad per punkt som börjar med "- ").',
        ),
        field: fieldPath([...at, 'beslut']),
        position: locate([...at, 'beslut']),
      });
      return undefined;
    }
    points = proposal.map((p) => p.text);
  } else {
    points = typeof beslut === 'string' ? [beslut] : beslut;
  }
  const decision: ItemDecision = {
    paragraph: paragraf,
    asProposed,
    points,
    reservations: reservationer,
    conflicts: jäv,
  };
  item.decision = decision;
  return { item: punkt, decision };
}

/** "enligt förslaget", in any case and with any spacing (also "Enligt förslaget."). */
function isAsProposed(value: string): boolean {
  return (
    value.trim().replace(/\.$/, '').replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE').normalize('NFC') ===
    asProposedText
  );
}

function fieldPath(path: readonly PathPart[]): string {
  return path.map(String).join('.');
}

function readItem(
  raw: unknown,
  at: PathPart[],
  file: string,
  locate: Locate,
  profile: Profile,
  board: string | undefined,
  seen: Map<string, number>,
  number: number,
  out: Diagnostic[],
): AgendaItem | undefined {
  const label = `punkt ${number}`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    out.push({
      ...fel(
        file,
        'meeting-item',
        `Punkt ${number} i ärenden ska vara en tabell med nycklar, inte ${describeValue(raw)}.`,
        'Skriv "- ärende: <ärendefil>" eller "- rubrik: …" med "text: …" på raden under.',
      ),
      position: locate(at),
    });
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  if (!('ärende' in record) && !('rubrik' in record)) {
    out.push({
      ...fel(
        file,
        'meeting-item',
        `Punkt ${number} i ärenden har varken ärende: eller rubrik:.`,
        'En punkt med tjänsteskrivelse har "ärende: <ärendefil>"; en punkt utan har "rubrik:" och "text:".',
      ),
      position: locate(at),
    });
    out.push(...unknownKeysOf(record, at, file, locate, itemKeys));
    return undefined;
  }
  if (!('ärende' in record)) {
    const parsed = noteItemSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      out.push(...issueDiagnostics(parsed.error.issues, at, file, locate, Object.keys(noteItemSchema.shape)));
      return undefined;
    }
    const { rubrik, text: body, föredragande } = parsed.data;
    return {
      type: 'note',
      title: rubrik,
      ...(body ? { text: body } : {}),
      ...(föredragande ? { presenter: föredragande } : {}),
    };
  }
  const parsed = caseItemSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    out.push(...issueDiagnostics(parsed.error.issues, at, file, locate, Object.keys(caseItemSchema.shape)));
    return undefined;
  }
  const { ärende, föredragande, bilagor = [] } = parsed.data;
  const casePath = join(dirname(file), ärende);
  const position = locate([...at, 'ärende']);
  if (!isFile(casePath)) {
    out.push({
      ...fel(
        file,
        'meeting-case-missing',
        `Ärendefilen ${ärende} i ${label} finns inte.`,
        `Sökvägen räknas från mötesfilens mapp (${dirname(file)}). Kontrollera stavningen.`,
      ),
      position,
    });
    return undefined;
  }
  const key = realpathSync(casePath);
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    out.push({
      ...fel(
        file,
        'meeting-case-duplicate',
        `Ärendet ${ärende} står redan som punkt ${earlier}.`,
        'Varje ärende tas upp en gång på föredragningslistan; ta bort den ena punkten.',
      ),
      position,
    });
    return undefined;
  }
  seen.set(key, number);
  const read = readCaseFile(casePath, profile);
  for (const d of read.diagnostics) if (d.severity === 'fel') out.push(d);
  const c = read.case;
  if (!c) {
    out.push({
      ...fel(
        file,
        'meeting-case-invalid',
        `Ärendet ${ärende} i ${label} har fel och kan inte tas upp.`,
        `Rätta felen som visas för ${casePath}; kör \`skrivelse kontrollera ${casePath}\`.`,
      ),
      position,
    });
    return undefined;
  }
  if (board && !c.boards.includes(board)) {
    out.push({
      ...fel(
        file,
        'meeting-case-board',
        `Ärendet ${ärende} är ställt till ${c.boards.join(' och ')}, inte till ${board}.`,
        `Lägg ärendet på den nämndens sammanträde, eller lägg till ${board} under nämnd: i ärendefilen om skrivelsen är gemensam.`,
      ),
      position,
    });
    return undefined;
  }
  const attachments: string[] = [];
  const attachmentPositions: (Position | undefined)[] = [];
  bilagor.forEach((bilaga, i) => {
    const path = join(dirname(file), bilaga);
    const where = locate([...at, 'bilagor', i]);
    if (!isFile(path)) {
      out.push({
        ...fel(
          file,
          'meeting-attachment-missing',
          `Bilagan ${bilaga} i ${label} finns inte.`,
          `Sökvägen räknas från mötesfilens mapp (${dirname(file)}). Kontrollera stavningen.`,
        ),
        position: where,
      });
    } else if (!startsWithPdfHeader(path)) {
      out.push({
        ...fel(
          file,
          'meeting-attachment-not-pdf',
          `Bilagan ${bilaga} i ${label} är inte en PDF-fil.`,
          'Bilagor läggs i handlingarna som PDF; spara eller exportera filen som PDF och ange den filen.',
        ),
        position: where,
      });
    } else {
      attachments.push(path);
      attachmentPositions.push(where);
    }
  });
  if (attachments.length !== bilagor.length) return undefined;
  return {
    type: 'case',
    file: casePath,
    case: c,
    ...(föredragande ? { presenter: föredragande } : {}),
    attachments,
    attachmentPositions,
    ...(read.bytes ? { caseBytes: read.bytes } : {}),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The PDF magic bytes `%PDF-` at the start of the file. */
function startsWithPdfHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(5);
    const n = readSync(fd, head, 0, 5, 0);
    return n === 5 && head.toString('latin1') === '%PDF-';
  } finally {
    closeSync(fd);
  }
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function unknownKeysOf(
  record: Record<string, unknown>,
  at: PathPart[],
  file: string,
  locate: Locate,
  allowed: readonly string[],
): Diagnostic[] {
  return Object.keys(record)
    .filter((k) => !allowed.includes(k))
    .map((key) => unknownKey(key, at, file, locate, allowed));
}

function unknownKey(
  key: string,
  at: readonly PathPart[],
  file: string,
  locate: Locate,
  allowed: readonly string[],
): Diagnostic {
  const where = placeOf(at);
  return {
    ...fel(
      file,
      'unknown-key',
      `Okänd nyckel "${key}"${where}.`,
      didYouMeanHint(key, allowed) ?? `Tillåtna nycklar här: ${allowed.join(', ')}.`,
    ),
    field: [...at, key].map(String).join('.'),
    position: locate([...at, key], true),
  };
}

/** " i punkt 2", " under protokoll", " i beslut 3 under protokoll": where a key stands, for messages. */
function placeOf(at: readonly PathPart[]): string {
  if (at[0] === 'ärenden' && at.length > 1) return ` i punkt ${Number(at[1]) + 1}`;
  if (at[0] === 'protokoll' && at[1] === 'beslut' && at.length > 2)
    return ` i beslut ${Number(at[2]) + 1} under protokoll`;
  if (at[0] === 'protokoll') return ' under protokoll';
  return '';
}

/** zod issues of the meeting schemas → Swedish diagnostics at their YAML positions. */
function issueDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathPart[],
  file: string,
  locate: Locate,
  allowed: readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const label = fieldLabel(path);
    const input = (issue as { input?: unknown }).input;
    const base = { field: path.map(String).join('.') };
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(unknownKey(key, path, file, locate, allowed));
    } else if (issue.code === 'invalid_type' && input === undefined) {
      out.push({
        ...fel(
          file,
          'field-missing',
          `Nyckeln ${label} saknas.`,
          'Se docs/sammantrade.md för mötesfilens nycklar.',
        ),
        ...base,
        position: locate(path.slice(0, -1), path.length > 1),
      });
    } else if (issue.code === 'invalid_type' && input === null) {
      out.push({
        ...fel(
          file,
          'field-missing',
          `${label} har inget värde.`,
          `Skriv ett värde efter "${String(path.at(-1))}:".`,
        ),
        ...base,
        position: locate(path, true),
      });
    } else if (issue.code === 'invalid_type') {
      const expected =
        issue.expected === 'array'
          ? 'en lista'
          : issue.expected === 'number' || issue.expected === 'int'
            ? 'ett heltal'
            : 'text';
      const hint =
        expected === 'ett heltal'
          ? `Skriv numret utan citattecken och utan §, t.ex. ${String(path.at(-1))}: 34.`
          : typeof input === 'number' || typeof input === 'boolean'
            ? `Sätt värdet inom citattecken, t.ex. ${String(path.at(-1))}: "…".`
            : expected === 'en lista'
              ? 'Skriv en lista: varje post på en egen rad som börjar med "- ".'
              : undefined;
      out.push({
        ...fel(file, 'field-type', `${label} ska vara ${expected}, inte ${describeValue(input)}.`, hint),
        ...base,
        position: locate(path),
      });
    } else if (issue.code === 'invalid_union' && String(path.at(-1)) === 'beslut') {
      out.push({
        ...fel(
          file,
          'field-type',
          `${label} ska vara "${asProposedText}" eller en lista med beslutets punkter, inte ${describeValue(input)}.`,
          `Skriv beslut: ${asProposedText}, eller beslutet punkt för punkt på egna rader som börjar med "- ".`,
        ),
        ...base,
        position: locate(path),
      });
    } else {
      out.push({
        ...fel(
          file,
          'field-value',
          `${label} ${issue.code === 'too_small' ? issue.message : 'har ett ogiltigt värde'}.`,
        ),
        ...base,
        position: locate(path),
      });
    }
  }
  return out;
}

function fel(file: string, rule: string, message: string, hint?: string): Diagnostic {
  return { severity: 'fel', rule, message, ...(hint ? { hint } : {}), file };
}
