/**
 * Type sizes, spacing and font of the DOCX memo. Noto Sans is the family the PDF backend embeds, so
 * both outputs look alike; the DOCX embeds it too (font-embedding.ts).
 */
export const fontFamily = 'Noto Sans';

/**
 * How Word finds a stand-in should it not use the embedded faces: the font table tells it the family
 * is a proportional sans-serif (PANOSE from the OS/2 table of NotoSans-Regular.ttf).
 */
export const fontTableEntry = { panose: '020B0502040504020204', family: 'swiss', pitch: 'variable' } as const;

export const sizePt = {
  body: 11,
  title: 16,
  heading1: 12,
  heading2: 11,
  furniture: 9,
  wordmark: 14,
  footer: 7.5,
} as const;

export const spacingPt = {
  /** Space after a body paragraph. */
  paragraphAfter: 8,
  titleAfter: 12,
  headingBefore: 14,
  headingAfter: 4,
  /** Space above the signatures (as the PDF). */
  signatureBefore: 30,
  /** Room between förvaltning and name for a hand-written signature (as the PDF). */
  signatureNameGap: 18,
  recipientsBefore: 16,
} as const;

/** Line height as a multiple of the font size (w:line in 240ths). */
export const lineSpacing240 = 276;

/** Indent of list text and its hanging number, in millimetres. */
export const listIndentMm = 7.5;

/** The underscore rule between Ärende and Beslutsunderlag, as the memo format writes it. */
export const ruleText = '__________';
