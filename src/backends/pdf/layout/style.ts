/** Typography of the memo: sizes, leading and spacing in points. One place to tune the look. */
export const PT_PER_MM = 72 / 25.4;

export const BODY_SIZE_PT = 11;
export const TITLE_SIZE_PT = 15;
export const H2_SIZE_PT = 12;
export const H3_SIZE_PT = 11;
/** Line height as a multiple of the font size. */
export const LEADING = 1.36;
export const TITLE_LEADING = 1.25;

/** Vertical space around blocks; between two blocks the larger of after/before applies. */
export const SPACING_PT = {
  title: { before: 0, after: 12 },
  h2: { before: 16, after: 4 },
  h3: { before: 12, after: 3 },
  paragraph: { before: 0, after: 7 },
  label: { before: 0, after: 3 },
  list: { before: 0, after: 7 },
  listItemGap: 4,
  rule: { before: 10, after: 10 },
  signatures: { before: 30, after: 0 },
  recipients: { before: 24, after: 0 },
} as const;

/** Hanging indent of list items: at least this, or the widest label plus the gap. */
export const LIST_INDENT_MIN_PT = 18;
export const LIST_LABEL_GAP_PT = 6;
export const RULE_THICKNESS_PT = 0.6;
/** The rule block is a short line, like the "__________" of the paper memo. */
export const RULE_WIDTH_PT = 150;
/** Space between a signature's department and the name (room a paper copy would sign in). */
export const SIGNATURE_NAME_GAP_PT = 18;

/** Lines that must follow a heading, title or label on the same page. */
export const KEEP_WITH_HEADING_LINES = 2;

export const FURNITURE = {
  wordmarkSizePt: 15,
  labelSizePt: 9.5,
  headSizePt: 10,
  addresseeSizePt: 11,
  shortHeadSizePt: 9,
  pageNumberSizePt: 9.5,
  footerLabelSizePt: 7,
  footerValueSizePt: 8,
  /** The right head column starts at this fraction of the content width. */
  rightColumnAt: 0.56,
  gapBelowHeadPt: 30,
  gapBelowShortHeadPt: 22,
  gapAboveFooterPt: 16,
  footerRuleGapPt: 6,
} as const;
