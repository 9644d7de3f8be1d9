/** A nämnd's meeting (sammanträde), read from a meeting file by `readMeetingFile` (read.ts). */
import type { Case } from '../case/model.js';
import type { Position } from '../diagnostics.js';
import type { Board } from '../profile/model.js';

/** An agenda item with a memo: the case, read and checked, with its bilagor (absolute paths). */
export interface CaseItem {
  type: 'case';
  /** Path of the case file (the meeting file's folder joined with what it says). */
  file: string;
  case: Case;
  presenter?: string;
  attachments: string[];
  /** Where each bilaga is written in the meeting file (same order as `attachments`). */
  attachmentPositions?: (Position | undefined)[];
  /** The case file's bytes exactly as read and checked (archiving embeds these, not a second read). */
  caseBytes?: Uint8Array;
  /** Set once the meeting file has the item's decision. */
  decision?: ItemDecision;
}

/** An agenda item without a memo (informationsärende, anmälan av delegationsbeslut …). */
export interface NoteItem {
  type: 'note';
  title: string;
  text?: string;
  presenter?: string;
  decision?: ItemDecision;
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
  /** Set once the meeting file has its `protokoll:` (after the meeting). */
  protocol?: Protocol;
}

/**
 * What the nämnd decided on an agenda item (after the meeting, from the meeting file's `protokoll:`).
 * Decided "enligt förslaget", `points` are the memo's decision points for this nämnd word for word.
 */
export interface ItemDecision {
  /** The paragraph number (§) in the protocol. */
  paragraph: number;
  asProposed: boolean;
  /** The decision as decided, point by point (Markdown inline text, as the memo's points). */
  points: string[];
  /** Reservations as written ("Anna Berg (M) reserverar sig mot beslutet."). */
  reservations: string[];
  /** Jäv as written ("Per Ek (S) anmäler jäv och deltar inte i handläggningen."). */
  conflicts: string[];
}

/** The protocol of the meeting: who justerar it, when, where it is kept and when it is announced. */
export interface Protocol {
  adjusters: string[];
  /** ISO date of the justering; absent while the protocol is not yet justerat. */
  adjustedOn?: string;
  /** Where the justerat protocol is kept, as written on the anslag. */
  keptAt: string;
  /** ISO date the anslag goes up; absent: the justering date. */
  postedOn?: string;
}
