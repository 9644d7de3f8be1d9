/**
 * Structural diff of two versions of a meeting file, over the read Meeting (src/meeting/model.ts): the
 * meeting's fields, the agenda (items matched by identity, moves by longest increasing subsequence as
 * the document diff does for sections and points), each item's fields and decision, and the protocol.
 * Pure: no files are read here.
 */
import { dirname, relative } from 'node:path';
import type { AgendaItem, ItemDecision, Meeting, Protocol } from '../meeting/model.js';
import { comparePoints } from './decisions.js';
import { compareList, compareValue } from './fields.js';
import { alignRows, matchItems } from './match.js';
import type {
  AgendaItemDiff,
  FieldChange,
  ItemDecisionDiff,
  MeetingDiff,
  MeetingDiffSummary,
} from './model.js';
import { normalizeKey, normalizeText } from './normalize.js';

export function diffMeetings(
  oldMeeting: Meeting,
  newMeeting: Meeting,
  labels?: { old?: string; new?: string },
): MeetingDiff {
  const parts = {
    oldLabel: labels?.old ?? oldMeeting.file,
    newLabel: labels?.new ?? newMeeting.file,
    meeting: diffMeetingFields(oldMeeting, newMeeting),
    items: diffAgenda(oldMeeting, newMeeting),
    protocol: diffProtocol(oldMeeting.protocol, newMeeting.protocol),
  };
  return { ...parts, summary: summarizeMeeting(parts) };
}

function diffMeetingFields(a: Meeting, b: Meeting): FieldChange[] {
  return [
    ...compareValue('nämnd', 'Nämnd', a.board.name, b.board.name),
    ...compareValue('datum', 'Datum', a.date, b.date),
    ...compareValue('tid', 'Tid', a.time, b.time),
    ...compareValue('plats', 'Plats', a.place, b.place),
    ...compareValue('ordförande', 'Ordförande', a.chair, b.chair),
    ...compareValue('sekreterare', 'Sekreterare', a.secretary, b.secretary),
  ];
}

/** A path as written relative to the meeting file's folder, with / between parts. */
function relativeTo(meeting: Meeting, path: string): string {
  return relative(dirname(meeting.file), path).split(/[\\/]/).join('/').normalize('NFC');
}

/** What makes an item the same item in both versions: its case file, or the rubrik of a note item. */
function identity(meeting: Meeting, item: AgendaItem): string {
  return item.type === 'case'
    ? `ärende:${relativeTo(meeting, item.file)}`
    : `rubrik:${normalizeKey(item.title)}`;
}

function title(item: AgendaItem): string {
  return normalizeText(item.type === 'case' ? item.case.title : item.title);
}

function diffAgenda(a: Meeting, b: Meeting): AgendaItemDiff[] {
  const matching = matchItems(
    a.items.map((item) => identity(a, item)),
    b.items.map((item) => identity(b, item)),
    { key: (id) => id },
  );
  return alignRows(matching, b.items.length).map((row): AgendaItemDiff => {
    const before = row.oldIndex === undefined ? undefined : a.items[row.oldIndex];
    const after = row.newIndex === undefined ? undefined : b.items[row.newIndex];
    const item = (after ?? before)!;
    const meeting = after ? b : a;
    const fields = before && after ? diffItemFields(a, before, b, after) : [];
    const decision = diffDecision(before?.decision, after?.decision);
    const kind = !before
      ? 'added'
      : !after
        ? 'removed'
        : fields.length > 0 || (decision !== undefined && decision.kind !== 'same')
          ? 'changed'
          : 'same';
    return {
      id: item.type === 'case' ? relativeTo(meeting, item.file) : normalizeText(item.title),
      type: item.type,
      title: title(item),
      ...(item.type === 'case' ? { file: relativeTo(meeting, item.file) } : {}),
      kind,
      moved: row.moved,
      ...(row.oldIndex === undefined ? {} : { oldNumber: row.oldIndex + 1 }),
      ...(row.newIndex === undefined ? {} : { newNumber: row.newIndex + 1 }),
      fields,
      ...(decision ? { decision } : {}),
    };
  });
}

function diffItemFields(a: Meeting, before: AgendaItem, b: Meeting, after: AgendaItem): FieldChange[] {
  const changes = [
    ...compareValue('rubrik', 'Rubrik', title(before), title(after)),
    ...compareValue('föredragande', 'Föredragande', before.presenter, after.presenter),
  ];
  if (before.type === 'note' && after.type === 'note') {
    changes.push(...compareValue('text', 'Text', before.text, after.text));
  }
  if (before.type === 'case' && after.type === 'case') {
    changes.push(
      ...compareList(
        'bilagor',
        'Bilaga',
        before.attachments.map((p) => relativeTo(a, p)),
        after.attachments.map((p) => relativeTo(b, p)),
      ),
    );
  }
  return changes;
}

/** What `beslut:` says of the decision's text: the memo's points word for word, or the nämnd's own. */
const decidedAs = (decision: ItemDecision | undefined) =>
  decision === undefined ? undefined : decision.asProposed ? 'enligt förslaget' : 'egen beslutstext';

function diffDecision(
  before: ItemDecision | undefined,
  after: ItemDecision | undefined,
): ItemDecisionDiff | undefined {
  if (!before && !after) return undefined;
  const fields = [
    ...compareValue(
      'paragraf',
      'Paragraf (§)',
      before && `§ ${before.paragraph}`,
      after && `§ ${after.paragraph}`,
    ),
    ...compareValue('beslut', 'Beslut', decidedAs(before), decidedAs(after)),
    ...compareList('reservationer', 'Reservation', before?.reservations ?? [], after?.reservations ?? []),
    ...compareList('jäv', 'Jäv', before?.conflicts ?? [], after?.conflicts ?? []),
  ];
  const points = comparePoints(
    (before?.points ?? []).map(normalizeText),
    (after?.points ?? []).map(normalizeText),
  );
  const kind = !before
    ? 'added'
    : !after
      ? 'removed'
      : fields.length > 0 || points.some((p) => p.kind !== 'same' || p.moved)
        ? 'changed'
        : 'same';
  return { kind, paragraph: (after ?? before)!.paragraph, fields, points };
}

function diffProtocol(a: Protocol | undefined, b: Protocol | undefined): FieldChange[] {
  return [
    ...compareList('protokoll.justerare', 'Justerare', a?.adjusters ?? [], b?.adjusters ?? []),
    ...compareValue('protokoll.justeringsdatum', 'Justeringsdatum', a?.adjustedOn, b?.adjustedOn),
    ...compareValue('protokoll.förvaras', 'Förvaras', a?.keptAt, b?.keptAt),
    ...compareValue('protokoll.anslag', 'Anslaget sätts upp', a?.postedOn, b?.postedOn),
  ];
}

function decisionChanges(decision: ItemDecisionDiff | undefined): number {
  if (!decision || decision.kind === 'same') return 0;
  if (decision.kind !== 'changed') return 1;
  return decision.fields.length + decision.points.filter((p) => p.kind !== 'same' || p.moved).length;
}

export function summarizeMeeting(diff: Omit<MeetingDiff, 'summary'>): MeetingDiffSummary {
  const addedItems = diff.items.filter((i) => i.kind === 'added').length;
  const removedItems = diff.items.filter((i) => i.kind === 'removed').length;
  const changedItems = diff.items.filter((i) => i.fields.length > 0).length;
  const movedItems = diff.items.filter((i) => i.moved).length;
  const decisions = diff.items.reduce((n, i) => n + decisionChanges(i.decision), 0);
  const meeting = diff.meeting.length;
  const protocol = diff.protocol.length;
  const agenda = addedItems + removedItems + diff.items.reduce((n, i) => n + i.fields.length, 0);
  return {
    meeting,
    addedItems,
    removedItems,
    changedItems,
    movedItems,
    decisions,
    protocol,
    total: meeting + agenda + decisions + protocol,
  };
}

/** True when the two versions differ in anything a reader would see. */
export function meetingHasDifferences(summary: MeetingDiffSummary): boolean {
  return summary.total + summary.movedItems > 0;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** E.g. "1 ändring i mötesuppgifterna, 1 punkt tillagd, 2 ändringar i besluten; 1 punkt flyttad." */
export function meetingSummaryLine(s: MeetingDiffSummary): string {
  const fieldChanges = s.total - s.addedItems - s.removedItems - s.decisions - s.meeting - s.protocol;
  const content = [
    s.meeting > 0 ? count(s.meeting, 'ändring i mötesuppgifterna', 'ändringar i mötesuppgifterna') : '',
    s.addedItems > 0 ? count(s.addedItems, 'punkt tillagd', 'punkter tillagda') : '',
    s.removedItems > 0 ? count(s.removedItems, 'punkt borttagen', 'punkter borttagna') : '',
    fieldChanges > 0
      ? `${count(fieldChanges, 'ändring', 'ändringar')} i ${count(s.changedItems, 'punkt', 'punkter')}`
      : '',
    s.decisions > 0 ? count(s.decisions, 'ändring i besluten', 'ändringar i besluten') : '',
    s.protocol > 0 ? count(s.protocol, 'ändring i protokollet', 'ändringar i protokollet') : '',
  ].filter((p) => p !== '');
  const moves = s.movedItems > 0 ? count(s.movedItems, 'punkt flyttad', 'punkter flyttade') : '';
  if (content.length === 0 && moves === '') return 'Inga skillnader.';
  const head = content.length > 0 ? content.join(', ') : 'Inga ändringar i innehållet';
  return moves !== '' ? `${head}; ${moves}.` : `${head}.`;
}
