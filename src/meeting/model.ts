/** A nämnd's meeting (sammanträde), read from a meeting file by `readMeetingFile` (read.ts). */
import type { Case } from '../case/model.js';
import type { Board } from '../profile/model.js';

/** An agenda item with a memo: the case, read and checked, with its bilagor (absolute paths). */
export interface CaseItem {
  type: 'case';
  /** Path of the case file (the meeting file's folder joined with what it says). */
  file: string;
  case: Case;
  presenter?: string;
  attachments: string[];
}

/** An agenda item without a memo (informationsärende, anmälan av delegationsbeslut …). */
export interface NoteItem {
  type: 'note';
  title: string;
  text?: string;
  presenter?: string;
}

export type AgendaItem = CaseItem | NoteItem;

export interface Meeting {
  file: string;
  board: Board;
  /** ISO date. */
  date: string;
  /** As written, e.g. "18.00". */
  time: string;
  place: string;
  chair: string;
  secretary: string;
  /** In agenda order; item n is numbered n (1-based). */
  items: AgendaItem[];
}
