/**
 * The memo's typography and spacing: the one table both backends read, so the PDF and the DOCX look alike.
 * Lengths are points (`Pt`) unless the name says otherwise; the PDF draws them as they are, the DOCX turns
 * them into twips and half-points (src/backends/docx/units.ts). Line heights are multiples of the font size.
 *
 * Where the values come from (../shared/FORMAT.md and the seed memos in ../shared/seeds):
 * - Body 11 pt, left aligned, bold headings: FORMAT.md ("a serif or sans body around 11–12 pt"). Noto Sans
 *   has a large x-height, so 11 pt reads like 12 pt of the usual serif faces.
 * - Title 16 pt: seed 000 (the published memo's PDF text) breaks its rubrik after "personer med" and
 *   "förlängning"; Noto Sans Bold on the profile's 163 mm measure breaks there from 15.5 pt, at 15 pt not.
 * - Line height 1.36: Noto Sans's own single spacing (ascender + descender = 1.362 em, its OS/2 metrics with
 *   USE_TYPO_METRICS), which the PDF has always used; the DOCX sets it as an exact line height, because Word
 *   takes another metric (winAscent + winDescent = 1.52 em) for "single" than LibreOffice does.
 * - Space before a section heading ≈ one body line (the seeds set every heading off by an empty line);
 *   between paragraphs half a line, so sections stand out more than paragraphs (the seeds have one empty
 *   line for both, which only the bold of the heading tells apart).
 * - The rule "__________" above Beslutsunderlag (FORMAT.md, body item 4; seeds 000 and 004) is a line as
 *   long as those ten underscores in body text (48.8 pt in Noto Sans 11 pt), drawn rather than written.
 * - Signatures: room to sign between förvaltning and name; a joint memo's signatures side by side, two to
 *   a row (seed 001/000: förvaltning, two empty lines, name; FORMAT.md: one signature per förvaltning).
 * - Page 1 head and footer: FORMAT.md "Page furniture"; the sizes are the PDF's, judged on its pages.
 *
 * Between two blocks the larger of the first's `afterPt` and the second's `beforePt` applies, in the PDF
 * layout as in Word and LibreOffice (ECMA-376 17.3.1.33); neither adds the two.
 */

export const PT_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

/** One kind of text: size, line height (multiple of the size) and the space around its block. */
export interface TextStyle {
  sizePt: number;
  lineHeight: number;
  bold: boolean;
  italic?: boolean;
  beforePt: number;
  afterPt: number;
}

const bodySizePt = 11;
const bodyLineHeight = 1.36;

export const fontFamily = 'Noto Sans';

export const text = {
  body: { sizePt: bodySizePt, lineHeight: bodyLineHeight, bold: false, beforePt: 0, afterPt: 7.5 },
  /** The rubrik; several lines are set closer than body text. */
  title: { sizePt: 16, lineHeight: 1.25, bold: true, beforePt: 0, afterPt: 12 },
  /** Section headings ("Ärende", "Förslag till … beslut", …). */
  heading2: { sizePt: 12, lineHeight: bodyLineHeight, bold: true, beforePt: 15, afterPt: 4 },
  /** Headings inside a section. */
  heading3: { sizePt: bodySizePt, lineHeight: bodyLineHeight, bold: true, beforePt: 12, afterPt: 3 },
  /** Sub-headings under a level-3 heading: body size, bold italic, set off less. */
  heading4: {
    sizePt: bodySizePt,
    lineHeight: bodyLineHeight,
    bold: true,
    italic: true,
    beforePt: 9,
    afterPt: 2,
  },
  /** A bold lead-in such as "Beslutsunderlag:", close to what it introduces. */
  label: { sizePt: bodySizePt, lineHeight: bodyLineHeight, bold: true, beforePt: 0, afterPt: 3 },
} as const satisfies Record<string, TextStyle>;

export const list = {
  afterPt: text.body.afterPt,
  /** Between the items of a list, and between the paragraphs of one item. */
  itemGapPt: 4,
  /**
   * Hanging indent of the item text: at least this, or the widest number plus `labelGapPt`. A nested list
   * hangs its labels where the text of its parent item starts, so each level is one indent further in.
   */
  indentPt: 18,
  labelGapPt: 6,
  /**
   * Bullets by nesting level, the fourth level taking the first again; numbered lists count "1.", "2.", …
   * on every level. All three are in Noto Sans ("◦" and "▪", the usual third ones, are not).
   */
  bullets: ['•', '–', '‣'],
  /** Levels of Word's numbering (w:ilvl 0–8); a list nested deeper is set as the last of them. */
  levels: 9,
} as const;

/** The level a list nested `depth` lists deep is set at (0 for a list in the body). */
export function listLevel(depth: number): number {
  return Math.min(Math.max(0, depth), list.levels - 1);
}

/** The bullet of a bulleted list at `level`, from `bullets` (a Doc's own) or the typography's. */
export function bulletAt(level: number, bullets: readonly string[] = list.bullets): string {
  return bullets[level % bullets.length]!;
}

/** The rule between Ärende and Beslutsunderlag: a short line in a block `heightPt` high. */
export const rule = {
  beforePt: 10,
  afterPt: 10,
  heightPt: 8,
  widthPt: 49,
  thicknessPt: 0.6,
} as const;

export const signatures = {
  beforePt: 30,
  /** Between a signature's förvaltning and the name: room to sign a paper copy. */
  nameGapPt: 18,
  perRow: 2,
  columnGapPt: 18,
  /** Between two rows of signatures. */
  rowGapPt: 30,
} as const;

export const recipients = { beforePt: 24 } as const;

/**
 * Tables, set as in the kommun's own memos: body-size text, the header row bold over a rule, a thin rule
 * under each row, no vertical lines. Columns are as wide as their content asks (automatic table layout);
 * `cellPaddingPt` is the space on each side of a cell's text, `rowPaddingPt` above and below it.
 */
export const table = {
  text: { sizePt: 10, lineHeight: bodyLineHeight, bold: false, beforePt: 6, afterPt: 9 },
  cellPaddingPt: 4,
  rowPaddingPt: 2.5,
  headerRuleThicknessPt: 0.8,
  rowRuleThicknessPt: 0.4,
} as const;

/** Images: never wider than the text block, never taller than `maxHeightMm`; 96 px to the inch. */
export const figure = {
  beforePt: 6,
  afterPt: 9,
  maxHeightMm: 180,
  pxPerInch: 96,
} as const;

/** Block quotes: indented from the left by `indentPt`, otherwise set as body text. */
export const quote = { indentPt: 22 } as const;

/**
 * The table of contents ("Innehåll" of a rapport), set as Swedish municipal reports set theirs: the title as a
 * section heading (`text.heading2`), one entry per heading in body text, each level below 2 `levelIndentPt`
 * further in, and the page number right-aligned at the text block's right edge with dot leaders before it.
 * The number has a column of its own, `numberColumnPt` wide: an entry that wraps never runs under it and has
 * its number on its last line, and the entries' line breaks do not depend on the numbers (the PDF lays the
 * toc out before it knows them). Both backends wrap the entries at the same width.
 */
export const toc = {
  entry: { sizePt: bodySizePt, lineHeight: bodyLineHeight, bold: false, beforePt: 0, afterPt: 2 },
  /** Above a level-2 entry: the sections stand apart from the sub-headings listed under them. */
  sectionBeforePt: 5,
  levelIndentPt: 16,
  /** Three digits (Noto Sans's are tabular, 0.572 em: 18.9 pt at 11 pt) and 8 pt between them and the text. */
  numberColumnPt: 27,
  /** Dots between the entry and its number ('none': the number alone); the PDF's dot size and spacing. */
  leader: 'dot' as 'dot' | 'none',
  dotPt: 1,
  dotPitchPt: 4,
  /** Least room between the text (or the number) and the nearest dot. */
  dotGapPt: 3,
} as const;

/**
 * Footnotes. The mark in the text is a number at `markScale` of the text's size, raised by `markRise` of
 * it (close to Word's superscript: 2/3 size, a third up). The PDF sets the notes at the end of the memo
 * under a short rule; Word and LibreOffice set them at the foot of the page, in the `text` style.
 */
export const notes = {
  markScale: 0.65,
  markRise: 0.33,
  text: { sizePt: 9, lineHeight: bodyLineHeight, bold: false, beforePt: 0, afterPt: 3 },
  /** The rule above the notes, its space before and the gap to the first note. */
  beforePt: 24,
  ruleWidthPt: 49,
  ruleThicknessPt: 0.5,
  ruleGapPt: 6,
  /** The number's column: the note text hangs this far in. */
  indentPt: 12,
} as const;

/** RGB as six hex digits. Links are also underlined, so colour is not the only cue (WCAG 1.4.1). */
export const colours = {
  text: '000000',
  /** A dark blue, 9.6:1 on white. */
  link: '0D4099',
  rule: '000000',
} as const;

/** Page furniture: the first-page head, the short head of later pages, the page number and the footer. */
export const furniture = {
  wordmarkSizePt: 15,
  labelSizePt: 9.5,
  headSizePt: 10,
  addresseeSizePt: 11,
  shortHeadSizePt: 9,
  pageNumberSizePt: 9.5,
  footerLabelSizePt: 7,
  footerValueSizePt: 8,
  /** Line height of furniture text, as body text. */
  lineHeight: bodyLineHeight,
  /** The head's right column (label, date, Dnr, addressees) starts at this fraction of the text width. */
  rightColumnAt: 0.56,
  /** Between the label and the date below it. */
  dateGapPt: 4,
  /** Between the wordmark row and the sender lines. */
  senderGapPt: 10,
  /** Ascent of the typeface (Noto Sans), as a fraction of the size: where a line's baseline falls. */
  ascent: 1.069,
  /** The addressees stand this much lower than the sender lines. */
  addresseeDropPt: 16,
  gapBelowHeadPt: 30,
  gapBelowShortHeadPt: 22,
  gapAboveFooterPt: 16,
  /** Between the footer's rule and its text. */
  footerRuleGapPt: 6,
  footerRuleThicknessPt: 0.4,
} as const;
