/**
 * The document model ("Doc"): the one input of every backend. Produced by src/render from a Case
 * via the Handlebars templates; backends (PDF, DOCX) never see the Case or the case file.
 * Lengths carry their unit in the name (`Mm`, `Pt`).
 */
import type { Position } from '../diagnostics.js';

export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Target of a hyperlink this run belongs to. */
  href?: string;
  /** In a diff document: the run was inserted into, or deleted from, the old version. */
  change?: RunChange;
}

/** A tracked change on text: inserted (only in the new version) or deleted (only in the old one). */
export type RunChange = 'ins' | 'del';

/**
 * Changed text as a screen reader announces it where the mark itself is not read ("[borttaget: 1 200]"):
 * the HTML's hidden labels and the PDF's /ActualText.
 */
export function spokenChange(change: RunChange, text: string): { open: string; text: string; close: string } {
  return { open: change === 'ins' ? '[infogat: ' : '[borttaget: ', text, close: ']' };
}

/**
 * A tracked change on a whole block or list item (its text and its paragraph mark): inserted, deleted,
 * or moved, `moveFrom` being the old place (shown as deleted) and `moveTo` the new one (shown as inserted).
 */
export type BlockChange = RunChange | 'moveFrom' | 'moveTo';

/** Whether a block change shows the old version's text (deleted or moved away). */
export function isRemoval(change: BlockChange | undefined): boolean {
  return change === 'del' || change === 'moveFrom';
}

export interface LineBreak {
  type: 'break';
}

/** A footnote mark in the text: the number of its note in `NotesBlock`, numbered by first reference. */
export interface NoteReference {
  type: 'noteRef';
  number: number;
  /** The first reference to its note; later ones repeat the number (DOCX: plain superscript). */
  first: boolean;
}

export type Inline = TextRun | LineBreak | NoteReference;

interface BlockBase {
  /** Where the block's text came from in the case file, when known. */
  source?: Position;
  /** In a diff document: the whole block was inserted, deleted or moved (see `BlockChange`). */
  change?: BlockChange;
  /** In a diff document: the move a moved block belongs to; its old and new places carry the same number. */
  move?: number;
}

/** The rubrik: the memo's title (tagged H1). */
export interface TitleBlock extends BlockBase {
  type: 'title';
  inlines: Inline[];
}

/** Section heading: level 2 for the memo's sections, 3 and 4 for sub-headings inside a section. */
export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: 2 | 3 | 4;
  inlines: Inline[];
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  inlines: Inline[];
  /** `label` is a bold lead-in such as "Beslutsunderlag:" that must stay with what follows. */
  role?: 'body' | 'label';
}

/** What a list item holds, in reading order: its paragraphs and the lists nested in it, to any depth. */
export type ListItemBlock = ParagraphBlock | ListBlock;

export interface ListItem {
  /** Usually one paragraph; a nested list (and any paragraph after it) belongs to the item it follows. */
  blocks: ListItemBlock[];
  source?: Position;
  /** In a diff document: the whole item was inserted, deleted or moved. */
  change?: BlockChange;
  /** In a diff document: the move a moved item belongs to (as `BlockBase.move`). */
  move?: number;
}

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list; every decision block restarts at 1. */
  start: number;
  items: ListItem[];
}

/** The underscore rule ("__________") that separates Ärende from Beslutsunderlag. */
export interface RuleBlock extends BlockBase {
  type: 'rule';
}

export interface SignatureBlock extends BlockBase {
  type: 'signatures';
  signatures: { department: string; name: string; title?: string }[];
}

export interface RecipientsBlock extends BlockBase {
  type: 'recipients';
  label: string;
  recipients: string[];
  /** In a diff document: per recipient (same index), whether it was inserted or deleted. */
  changes?: (RunChange | undefined)[];
}

export interface Note {
  number: number;
  /** Paragraphs of the note (usually one). */
  paragraphs: Inline[][];
  source?: Position;
}

/**
 * The memo's footnotes, in number order: one block at the very end of the Doc (after signatures and
 * recipients). The PDF sets them there as endnotes under a short rule; the DOCX makes Word footnotes of
 * them at their references and draws nothing here.
 */
export interface NotesBlock extends BlockBase {
  type: 'notes';
  notes: Note[];
}

/** How a table column's cells are set; numbers are right-aligned unless the table says otherwise. */
export type ColumnAlign = 'left' | 'center' | 'right';

export interface TableCell {
  inlines: Inline[];
  source?: Position;
}

/**
 * A table: one header row and the body rows, every row as many cells as there are columns. Backends
 * size the columns from their content (automatic table layout), wrap text inside cells, and repeat the
 * header row on every page the table continues on.
 */
export interface TableBlock extends BlockBase {
  type: 'table';
  align: ColumnAlign[];
  header: TableCell[];
  rows: TableCell[][];
}

/** A raster image read from the case's folder when the case was read (backends never open files). */
export interface ImageAsset {
  format: 'png' | 'jpeg';
  bytes: Uint8Array;
  widthPx: number;
  heightPx: number;
}

/** An image in a paragraph of its own, scaled to fit the text block; `alt` is its text alternative. */
export interface FigureBlock extends BlockBase {
  type: 'figure';
  alt: string;
  image: ImageAsset;
}

/** What a block quote holds: its paragraphs, lists, tables, images and quotes, set indented. */
export type QuoteContent = ParagraphBlock | ListBlock | TableBlock | FigureBlock | QuoteBlock;

export interface QuoteBlock extends BlockBase {
  type: 'quote';
  blocks: QuoteContent[];
}

/**
 * A table of contents: an entry for each heading after it (levels 2 to `depth`), with the page it is on.
 * The PDF tags it TOC/TOCI with links to the headings; the DOCX writes a Word TOC field with its entries
 * cached. `title` is printed above it ("Innehåll").
 */
export interface TocBlock extends BlockBase {
  type: 'toc';
  title: string;
  depth: 2 | 3 | 4;
}

export type Block =
  | TitleBlock
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | RuleBlock
  | SignatureBlock
  | RecipientsBlock
  | NotesBlock
  | TableBlock
  | FigureBlock
  | QuoteBlock
  | TocBlock;

export interface FooterField {
  label: string;
  value: string;
}

/**
 * Page furniture: the heads and the footer. The first-page head (kommun, label, sender, date, Dnr, addressees)
 * is read as content before the title; the short head, the page numbers and the footer are not.
 */
export interface Furniture {
  /** Kommun name shown as wordmark top left. */
  municipality: string;
  /** "TJÄNSTESKRIVELSE". */
  label: string;
  /** First-page head, left column: förvaltning(ar), handläggare (with phone/e-mail). */
  senderLines: string[];
  /** "2023-08-30". */
  date: string;
  /** "Dnr SON 2020-281" (one line per Dnr). */
  dnrLines: string[];
  /** Addressed nämnder, capitalised. */
  addressees: string[];
  /** Short head repeated on later pages: kommun, date, Dnr. */
  shortHead: string[];
  /** First-page footer. */
  footer: FooterField[];
  /** Format of the page number, with {n} and {m}: "{n} ({m})". */
  pageNumberFormat: string;
  /**
   * In a diff document: the parts of the heads that changed, line by line and word by word, the old
   * version's words put back and marked (a Dnr, the date, the sender, the addressed nämnder).
   */
  changes?: Partial<Record<HeadPart, Inline[][]>>;
}

/** The parts of the heads: date and Dnr; sender lines; addressees; the short head of later pages. */
export type HeadPart = 'dated' | 'sender' | 'addressees' | 'short';

/** One part of the heads as plain lines. */
export function plainHeadLines(f: Furniture, part: HeadPart): string[] {
  switch (part) {
    case 'dated':
      return [f.date, ...f.dnrLines];
    case 'sender':
      return f.senderLines;
    case 'addressees':
      return f.addressees;
    case 'short':
      return f.shortHead;
  }
}

/** One part of the heads as lines of runs: a diff document's marked lines, or the plain ones. */
export function headLines(f: Furniture, part: HeadPart): Inline[][] {
  return f.changes?.[part] ?? plainHeadLines(f, part).map((text) => [{ type: 'text', text }]);
}

/** A line's change as a whole: every run of it inserted, or every run deleted (a line added or removed). */
export function lineChange(line: readonly Inline[]): RunChange | undefined {
  const first = line[0]?.type === 'text' ? line[0].change : undefined;
  return first && line.every((i) => i.type === 'text' && i.change === first) ? first : undefined;
}

export interface DocMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, always "sv-SE". */
  language: string;
  /** ISO date from the case (or SOURCE_DATE_EPOCH), never the clock. */
  date: string;
  creator: string;
}

export interface PageSetup {
  /** A4 portrait. */
  widthMm: number;
  heightMm: number;
  marginsMm: { top: number; right: number; bottom: number; left: number };
}

/** Who made the tracked changes of a diff document, and when (from the new case, never the clock). */
export interface Revision {
  author: string;
  /** W3CDTF date-time, e.g. 2024-10-22T00:00:00Z. */
  date: string;
}

export interface Doc {
  meta: DocMeta;
  /** Set on a diff document ("ändringar markerade"): the author and date of its changes. */
  revision?: Revision;
  /** The bullets of bulleted lists by nesting level, from the profile or the kind; typography's otherwise. */
  bullets?: readonly string[];
  page: PageSetup;
  furniture: Furniture;
  blocks: Block[];
}
