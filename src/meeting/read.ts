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
import type { AgendaItem, Meeting } from './model.js';

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

export const meetingKeys = Object.keys(meetingSchema.shape);
const itemKeys = [...new Set([...Object.keys(caseItemSchema.shape), ...Object.keys(noteItemSchema.shape)])];

export interface MeetingResult {
  meeting?: Meeting;
  diagnostics: Diagnostic[];
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
  return readMeeting(source, file, profile);
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

  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted) || !top.success || !board || !date || items.length !== rawItems.length)
    return { diagnostics: sorted };
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
    },
    diagnostics: sorted,
  };
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
    }
  });
  if (attachments.length !== bilagor.length) return undefined;
  return {
    type: 'case',
    file: casePath,
    case: c,
    ...(föredragande ? { presenter: föredragande } : {}),
    attachments,
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
  const where = at.length === 0 ? '' : ` i punkt ${Number(at[1]) + 1}`;
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
      const expected = issue.expected === 'array' ? 'en lista' : 'text';
      const hint =
        typeof input === 'number' || typeof input === 'boolean'
          ? `Sätt värdet inom citattecken, t.ex. ${String(path.at(-1))}: "…".`
          : expected === 'en lista'
            ? 'Skriv en lista: varje post på en egen rad som börjar med "- ".'
            : undefined;
      out.push({
        ...fel(file, 'field-type', `${label} ska vara ${expected}, inte ${describeValue(input)}.`, hint),
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
