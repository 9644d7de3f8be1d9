/**
 * What layout produces and the PDF writer draws: pages of positioned glyph runs, rules and link areas, plus
 * the structure (tagging) tree the runs belong to. Coordinates are points from the page's top-left corner.
 */
import type { ImageAsset } from '../../../doc/model.js';
import type { FaceId } from '../fonts.js';

/** Standard PDF structure types used by the memo. */
export type StructRole =
  | 'Document'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Link'
  | 'Reference'
  | 'Span'
  | 'TOC'
  | 'TOCI'
  | 'Note'
  | 'BlockQuote'
  | 'Figure'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD';

export interface StructNode {
  id: number;
  role: StructRole;
  parent: number | null;
  /** URI of a Link node. */
  href?: string;
  /**
   * A Link node's whole text (over all its lines), the /Contents of each of its annotations; in a table of
   * contents the entry and its page.
   */
  text?: string;
  /** Element identifier (/ID): a Note's, which PDF/UA requires and its References' /Ref point to. */
  elementId?: string;
  /** Ids of the elements this one refers to (/Ref): a Reference's note. */
  refersTo?: string[];
  /** A Figure's text alternative (/Alt). */
  alt?: string;
  /** What a screen reader reads for the element's text (/ActualText): a diff document's changed words. */
  actualText?: string;
  /** Attribute object (/A), its values written as names: a TH's `{ O: 'Table', Scope: 'Column' }`. */
  attributes?: Record<string, string>;
  /** Written even when no content attaches to it: an empty table cell (PDF/UA: full rows of cells). */
  required?: boolean;
}

/**
 * Page furniture other than the first-page head is drawn as an artifact, outside the structure tree;
 * `pagination` is other text repeated because of a page break (a table's header row on later pages).
 */
export type ArtifactKind = 'header' | 'footer' | 'layout' | 'pagination';

/** One run of text in one face and size, drawn from `xPt` on the baseline `baselinePt`. */
export interface TextItem {
  kind: 'text';
  xPt: number;
  baselinePt: number;
  face: FaceId;
  sizePt: number;
  /** Pieces (words and spaces) drawn one after another; kerning applies inside a piece only. */
  pieces: string[];
  widthPt: number;
  /** Structure node the run belongs to; absent for artifacts. */
  node?: number;
  artifact?: ArtifactKind;
  /** Drawn in the link colour. */
  link?: boolean;
}

/** A horizontal line (the memo's rule, the footer separator). */
export interface RuleItem {
  kind: 'rule';
  xPt: number;
  yPt: number;
  widthPt: number;
  thicknessPt: number;
  artifact: ArtifactKind;
  /** Stroked in the link colour (a link's underline). */
  link?: boolean;
  /** Dots `pitchPt` apart from `xPt` on, `thicknessPt` across (a table of contents' leader). */
  dotted?: { pitchPt: number };
}

/** An image drawn in the box from (`xPt`, `topPt`), as content of its Figure `node`. */
export interface ImageItem {
  kind: 'image';
  xPt: number;
  topPt: number;
  widthPt: number;
  heightPt: number;
  /** Index into the layout's `images`. */
  image: number;
  node: number;
}

export type PageItem = TextItem | RuleItem | ImageItem;

/** A place in the document: a page and the top of a line on it. */
export interface Destination {
  pageIndex: number;
  topPt: number;
}

/** A clickable area for a link node on one line: to a URI, or to a place in the document. */
export interface LinkArea {
  node: number;
  href?: string;
  dest?: Destination;
  xPt: number;
  topPt: number;
  widthPt: number;
  heightPt: number;
}

export interface OutlineEntry {
  /** 1–4 in a memo (title, sections, subsections); a meeting pack nests a document's own below its entry. */
  level: 1 | 2 | 3 | 4 | 5 | 6;
  title: string;
  pageIndex: number;
  topPt: number;
}

export interface PageLayout {
  items: PageItem[];
  links: LinkArea[];
}

export interface LayoutResult {
  widthPt: number;
  heightPt: number;
  pages: PageLayout[];
  /** Structure nodes in document order; node 0 is the Document. */
  nodes: StructNode[];
  outline: OutlineEntry[];
  facesUsed: Set<FaceId>;
  /** The distinct images the pages show, each embedded once. */
  images: ImageAsset[];
  /** Where each of the Doc's blocks starts (its first line), by index; undefined for one that draws nothing. */
  blockPositions: (Destination | undefined)[];
}
