/**
 * The result of comparing two cases. This is also the documented shape of `skrivelse diff --format json`
 * (see docs in src/diff/README.md): field names are stable, kinds are English ids, labels are Swedish.
 */

/** One run of a word-level diff: unchanged, inserted (only in new) or deleted (only in old). */
export interface WordPart {
  op: 'same' | 'ins' | 'del';
  text: string;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

/** A changed front-matter value, e.g. `datum` or `mbl[Utbildningsförvaltningen].datum`. */
export interface FieldChange {
  /** Stable dotted path using the case file's Swedish keys. */
  path: string;
  /** Swedish label for people. */
  label: string;
  kind: ChangeKind;
  old?: string;
  new?: string;
  /** Word diff of old → new, for `changed` text values. */
  words?: WordPart[];
}

/** A decision point (förslag till beslut) matched across versions. */
export interface PointDiff {
  /** 1-based number in the old version, absent when added. */
  oldNumber?: number;
  /** 1-based number in the new version, absent when removed. */
  newNumber?: number;
  kind: ChangeKind | 'same';
  /** True when the point changed place relative to the other points (not counted as a content change). */
  moved: boolean;
  old?: string;
  new?: string;
  words?: WordPart[];
}

export interface DecisionBlockDiff {
  board: string;
  /** `added`: a nämnd new to the memo; `removed`: a nämnd no longer addressed. */
  kind: ChangeKind | 'same';
  points: PointDiff[];
}

export interface ParagraphDiff {
  kind: ChangeKind | 'same';
  moved: boolean;
  old?: string;
  new?: string;
  words?: WordPart[];
}

export interface SectionDiff {
  /** Heading in the new version (old heading when removed). */
  heading: string;
  /** Old heading when the heading itself was reworded. */
  oldHeading?: string;
  kind: ChangeKind | 'same';
  /** True when the section changed place among the sections ("flyttat"); separate from content changes. */
  moved: boolean;
  /** 1-based position among body sections. */
  oldIndex?: number;
  newIndex?: number;
  paragraphs: ParagraphDiff[];
}

/** Counts shown in the summary line. Moves and renumbering are counted apart from content changes. */
export interface DiffSummary {
  decisions: number;
  metadata: number;
  body: number;
  movedSections: number;
  movedPoints: number;
  /** decisions + metadata + body: zero means no difference in content. */
  total: number;
}

export interface CaseDiff {
  /** Labels of the compared inputs (file name, `REV:path`, PDF name). */
  oldLabel: string;
  newLabel: string;
  metadata: FieldChange[];
  decisions: DecisionBlockDiff[];
  sections: SectionDiff[];
  summary: DiffSummary;
}

/**
 * The result of comparing two versions of a meeting file (`--format json` with format
 * "skrivelse-meeting-diff", see docs/sammantrade.md): the meeting's own fields, the agenda item by item
 * (matched by identity, moves by longest increasing subsequence) and, after the meeting, the decisions
 * and the protocol.
 */
export interface MeetingDiff {
  oldLabel: string;
  newLabel: string;
  /** nämnd, datum, tid, plats, ordförande, sekreterare. */
  meeting: FieldChange[];
  /** Every item in new order, each removed one where it stood in the old version. */
  items: AgendaItemDiff[];
  /** justerare, justeringsdatum, förvaras, anslag. */
  protocol: FieldChange[];
  summary: MeetingDiffSummary;
}

export interface AgendaItemDiff {
  /** Identity: the case file path relative to the meeting file's folder, or the rubrik of an item without a memo. */
  id: string;
  type: 'case' | 'note';
  /** The rubrik (the memo's for a case item), new version's unless removed. */
  title: string;
  /** Case file path as relative to the meeting file's folder (case items only). */
  file?: string;
  /** `changed`: a field of the item or its decision changed. */
  kind: ChangeKind | 'same';
  /** True when the item changed place relative to the other items; renumbering alone is not a move. */
  moved: boolean;
  /** 1-based ärende number in the old version, absent when added. */
  oldNumber?: number;
  /** 1-based ärende number in the new version, absent when removed. */
  newNumber?: number;
  /** föredragande, bilagor, text (and rubrik): paths are the meeting file's keys. */
  fields: FieldChange[];
  /** Absent when neither version has a decision for the item. */
  decision?: ItemDecisionDiff;
}

export interface ItemDecisionDiff {
  /** `added`: the item got its decision; `removed`: the decision was taken out. */
  kind: ChangeKind | 'same';
  /** The paragraph number (§) in the new version, the old one's when the decision was removed. */
  paragraph: number;
  /** paragraf (§), beslut ("enligt förslaget" or "egen beslutstext"), reservationer, jäv: the keys of a decision in `protokoll:`. */
  fields: FieldChange[];
  /** The decision points, matched by similarity as the memo's förslag till beslut. */
  points: PointDiff[];
}

export interface MeetingDiffSummary {
  /** Changed meeting fields. */
  meeting: number;
  addedItems: number;
  removedItems: number;
  /** Items with a changed field (not counting their decision). */
  changedItems: number;
  movedItems: number;
  /** Changes in decisions: a decision added or removed counts one, otherwise each field and point. */
  decisions: number;
  protocol: number;
  /** Everything but moves: zero means no difference in content. */
  total: number;
}
