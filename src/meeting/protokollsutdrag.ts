/**
 * The documents of the justered protocol, as Docs rendered by every backend like a memo:
 * - the protokollsutdrag of one decided agenda item (§, rubrik, Dnr, the decision point by point as the
 *   memo numbers its points, reservations and jäv, "Expedieras till", the justering and the
 *   utdragsbestyrkande);
 * - the tillkännagivande (anslag) that the protocol is justerat, with the dates of anslag-dates.ts.
 */
import type { Block, Doc, Inline, ParagraphBlock } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { anslagDates } from './anslag-dates.js';
import { dnrLine, lowerFirst, meetingDoc } from './meeting-doc.js';
import type { AgendaItem, ItemDecision, Meeting, Protocol } from './model.js';

export const utdragLabel = 'PROTOKOLLSUTDRAG';
export const anslagLabel = 'ANSLAG';

/** The label on the utdrag where the secretary certifies the copy. */
export const certificationLabel = 'Utdragsbestyrkande';

/** A decided item: its number on the agenda (1-based), the item and its decision. */
export interface DecidedItem {
  number: number;
  item: AgendaItem;
  decision: ItemDecision;
}

/** The decided items in agenda order. */
export function decidedItems(m: Meeting): DecidedItem[] {
  return m.items.flatMap((item, i) =>
    item.decision ? [{ number: i + 1, item, decision: item.decision }] : [],
  );
}

export function itemTitle(item: AgendaItem): string {
  return item.type === 'case' ? item.case.title : item.title;
}

export function itemDnr(item: AgendaItem): string[] {
  return item.type === 'case' ? item.case.dnr : [];
}

const text = (t: string): Inline[] => [{ type: 'text', text: t }];
const paragraph = (t: string): ParagraphBlock => ({ type: 'paragraph', role: 'body', inlines: text(t) });
/** "Justerare: Anna Berg": a bold label and its value in one paragraph. */
const labelled = (label: string, value: string): ParagraphBlock => ({
  type: 'paragraph',
  role: 'body',
  inlines: [
    { type: 'text', text: `${label}: `, bold: true },
    { type: 'text', text: value },
  ],
});
const heading = (t: string): Block => ({ type: 'heading', level: 2, inlines: text(t) });

/** "Anna Berg och Per Ek", "A, B och C". */
export function nameList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
}

/** "§ 34 Utökade öppettider …": the utdrag's title (with a no-break space after §). */
export function utdragTitle(d: DecidedItem): string {
  return `§\u00A0${d.decision.paragraph} ${itemTitle(d.item)}`;
}

/** The lines on the justering: who justerade and when, or that the protocol is not justerat yet. */
function adjustmentBlocks(m: Meeting, protocol: Protocol): Block[] {
  return [
    heading('Justering'),
    // "Justerare" is the same word for one and for several.
    labelled('Justerare', nameList(protocol.adjusters)),
    protocol.adjustedOn
      ? labelled('Justeringsdatum', protocol.adjustedOn)
      : labelled('Justeringsdatum', 'protokollet är ännu inte justerat'),
    labelled('Protokollet förvaras', protocol.keptAt),
    { type: 'paragraph', role: 'label', inlines: [{ type: 'text', text: certificationLabel, bold: true }] },
    paragraph(
      `Utdraget överensstämmer med protokollet från ${lowerFirst(m.board.genitive)} sammanträde ${m.date}.`,
    ),
    { type: 'signatures', signatures: [{ department: '', name: m.secretary, title: 'Sekreterare' }] },
  ];
}

/** The protokollsutdrag of one decided item. */
export function utdragDoc(m: Meeting, protocol: Protocol, d: DecidedItem, profile: Profile): Doc {
  const title = utdragTitle(d);
  const dnr = itemDnr(d.item);
  const { decision } = d;
  const blocks: Block[] = [
    { type: 'title', inlines: text(title) },
    paragraph(`Protokollsutdrag från ${lowerFirst(m.board.genitive)} sammanträde ${m.date}.`),
  ];
  blocks.push(heading(`${m.board.genitive} beslut`));
  if (decision.asProposed && d.item.type === 'case') {
    const memo = d.item.case.date ? `tjänsteskrivelsen ${d.item.case.date}` : 'tjänsteskrivelsen';
    blocks.push(paragraph(`${m.board.name} beslutar enligt förslaget i ${memo}:`));
  }
  // The points numbered 1, 2 … as the memo numbers its decision points.
  blocks.push({
    type: 'list',
    ordered: true,
    start: 1,
    items: decision.points.map((point) => ({
      blocks: [{ type: 'paragraph', inlines: text(point) }],
    })),
  });
  if (decision.reservations.length > 0)
    blocks.push(heading('Reservationer'), ...decision.reservations.map(paragraph));
  if (decision.conflicts.length > 0) blocks.push(heading('Jäv'), ...decision.conflicts.map(paragraph));
  const recipients = d.item.type === 'case' ? d.item.case.recipients : [];
  if (recipients.length > 0) blocks.push({ type: 'recipients', label: 'Expedieras till:', recipients });
  blocks.push(...adjustmentBlocks(m, protocol));
  return meetingDoc(m, profile, {
    title: `Protokollsutdrag ${title.replace('\u00A0', ' ')}`,
    label: utdragLabel,
    subject: [
      `Protokollsutdrag, ${m.board.name} ${m.date}, § ${decision.paragraph}`,
      ...dnr.map(dnrLine),
    ].join(', '),
    keywords: [m.board.name, 'protokollsutdrag', m.date, `§ ${decision.paragraph}`, ...dnr],
    senderLines: [m.board.name],
    dnrLines: dnr.map(dnrLine),
    addressees: [],
    blocks,
  });
}

/** "§§ 33–36", "§ 34", "§§ 33, 35–36": the paragraphs of the protocol. */
export function paragraphRange(paragraphs: readonly number[]): string {
  const sorted = [...new Set(paragraphs)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return `${sorted.length === 1 ? '§' : '§§'}\u00A0${runs.join(', ')}`;
}

/** The tillkännagivande that the protocol is justerat; only for a justerat protocol. */
export function anslagDoc(m: Meeting, protocol: Protocol & { adjustedOn: string }, profile: Profile): Doc {
  const dates = anslagDates(protocol.postedOn ?? protocol.adjustedOn);
  const title = 'Tillkännagivande om justerat protokoll';
  const paragraphs = decidedItems(m).map((d) => d.decision.paragraph);
  const blocks: Block[] = [
    { type: 'title', inlines: text(title) },
    paragraph(
      `Protokollet från ${lowerFirst(m.board.genitive)} sammanträde ${m.date} är justerat. Justeringen har tillkännagetts genom detta anslag.`,
    ),
    labelled('Organ', m.board.name),
    labelled('Sammanträdesdatum', m.date),
    ...(paragraphs.length > 0 ? [labelled('Paragrafer', paragraphRange(paragraphs))] : []),
    labelled('Datum för justering', protocol.adjustedOn),
    labelled('Datum då anslaget sätts upp', dates.postedOn),
    labelled('Sista dag för överklagande', dates.appealEnds),
    labelled('Datum då anslaget tidigast får tas ned', dates.takeDownFrom),
    labelled('Förvaringsplats för protokollet', protocol.keptAt),
    heading('Hur man överklagar'),
    paragraph(
      `Den som är medlem i kommunen kan överklaga ett beslut genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då detta anslag sattes upp, det vill säga senast ${dates.appealEnds}.`,
    ),
    { type: 'signatures', signatures: [{ department: '', name: m.secretary, title: 'Sekreterare' }] },
  ];
  return meetingDoc(m, profile, {
    title,
    label: anslagLabel,
    subject: `Tillkännagivande om justerat protokoll, ${m.board.name} ${m.date}`,
    keywords: [m.board.name, 'tillkännagivande', 'anslag', m.date],
    senderLines: [m.board.name],
    addressees: [],
    date: dates.postedOn,
    blocks,
  });
}
