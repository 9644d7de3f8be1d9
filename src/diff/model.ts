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
