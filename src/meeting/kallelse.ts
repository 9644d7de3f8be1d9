/**
 * The kallelse with its föredragningslista as a Doc, with a memo's furniture (kommun, label, date, the
 * nämnd as addressee), so every backend renders it as it renders a memo.
 */
import type { Block, Doc, Inline, TableCell } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { lowerFirst, meetingDoc } from './meeting-doc.js';
import type { AgendaItem, Meeting } from './model.js';

export const kallelseLabel = 'KALLELSE';

/** "Kallelse till kultur- och fritidsnämndens sammanträde" (the nämnd lower case inside the sentence). */
export function kallelseTitle(m: Meeting): string {
  return `Kallelse till ${lowerFirst(m.board.genitive)} sammanträde`;
}

/** The line of the agenda for an item: its rubrik, Dnr and föredragande (empty when none). */
export function agendaRow(item: AgendaItem): { title: string; dnr: string; presenter: string } {
  if (item.type === 'note') return { title: item.title, dnr: '', presenter: item.presenter ?? '' };
  return { title: item.case.title, dnr: item.case.dnr.join(', '), presenter: item.presenter ?? '' };
}

export function kallelseDoc(m: Meeting, profile: Profile): Doc {
  const title = kallelseTitle(m);
  const cell = (inlines: Inline[]): TableCell => ({ inlines });
  const plain = (t: string): Inline[] => [{ type: 'text', text: t === '' ? '–' : t }];
  const rows = m.items.map((item, i) => {
    const row = agendaRow(item);
    const titleInlines: Inline[] = [{ type: 'text', text: row.title }];
    if (item.type === 'note' && item.text)
      titleInlines.push({ type: 'break' }, { type: 'text', text: item.text });
    // A Dnr never breaks inside ("KFN 2025-41").
    const dnr = row.dnr.replace(/ /g, '\u00A0');
    return [cell(plain(String(i + 1))), cell(titleInlines), cell(plain(dnr)), cell(plain(row.presenter))];
  });
  const blocks: Block[] = [
    { type: 'title', inlines: [{ type: 'text', text: title }] },
    {
      type: 'paragraph',
      role: 'body',
      inlines: [
        {
          type: 'text',
          text: `${m.board.name} kallas till sammanträde ${m.date} kl. ${m.time} i ${m.place}.`,
        },
      ],
    },
    { type: 'heading', level: 2, inlines: [{ type: 'text', text: 'Föredragningslista' }] },
    {
      type: 'table',
      align: ['right', 'left', 'left', 'left'],
      header: ['Nr', 'Ärende', 'Dnr', 'Föredragande'].map((h) => cell([{ type: 'text', text: h }])),
      rows,
    },
    {
      type: 'signatures',
      signatures: [
        { department: '', name: m.chair, title: 'Ordförande' },
        { department: '', name: m.secretary, title: 'Sekreterare' },
      ],
    },
  ];
  return meetingDoc(m, profile, {
    title,
    label: kallelseLabel,
    subject: `Kallelse och föredragningslista, ${m.board.name} ${m.date}`,
    keywords: [m.board.name, 'kallelse', 'föredragningslista', m.date],
    senderLines: [m.board.name, `${m.secretary}, sekreterare`],
    addressees: [m.board.name],
    blocks,
  });
}

/** Kept here for the modules that import it from the kallelse (handlingar.ts); defined in meeting-doc.ts. */
export { lowerFirst };
