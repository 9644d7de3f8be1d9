/**
 * Line breaking: styled text → lines no wider than the measure. Greedy (ragged right, as the memo is set):
 * breaks at spaces, after a hyphen between words and after "/" in URLs; a word wider than the line is broken
 * between characters, so nothing ever overflows. No-break spaces (U+00A0) and the Doc's no-break hyphen
 * (U+2011, doc/nobreak.ts) are never breaks; the latter is drawn, and so extracted, as the hyphen-minus.
 */
import type { RunChange } from '../../../doc/model.js';
import { type FaceId, textWidthPt } from '../fonts.js';

/** Text in one face and size, belonging to one structure node. */
export interface StyledText {
  type: 'text';
  text: string;
  face: FaceId;
  sizePt: number;
  node?: number;
  /** URI when the text is a working link. */
  href?: string;
  /** Raised above the line's baseline (a footnote mark). */
  risePt?: number;
  /** In a diff document: inserted (underlined) or deleted (struck through) text. */
  change?: RunChange;
}

export type StyledInline = StyledText | { type: 'break' };

export interface LinePiece {
  text: string;
  widthPt: number;
  style: StyledText;
}

export interface BrokenLine {
  pieces: LinePiece[];
  widthPt: number;
  /** The line was broken at a space: drawn after the line (outside its width) so text extraction keeps it. */
  trailingSpace?: boolean;
}

/** Allowed slack for rounding when comparing widths. */
const EPSILON_PT = 1e-6;

const BREAKING_SPACE = /[ \t\n\r\f\v\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]+/u;
/** Characters with no visible form that would only show as boxes. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;
const NO_BREAK_HYPHEN = '\u2011';
const AFTER_HYPHEN = /(?<=\p{L}{2}[-\u2010])(?=\p{L})/u;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i;
const AFTER_URL_SEPARATOR = /(?<=[/?&=_-])(?=[^/])/;

/** An unbreakable chunk, with the space that precedes it (if any). */
interface Box {
  pieces: LinePiece[];
  widthPt: number;
  space?: LinePiece;
  forcedBreakBefore: boolean;
}

const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });

function piece(text: string, style: StyledText): LinePiece {
  return { text, style, widthPt: textWidthPt(style.face, text, style.sizePt) };
}

export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '');
}

function splitWord(word: string): string[] {
  const pattern = URL_LIKE.test(word) ? AFTER_URL_SEPARATOR : AFTER_HYPHEN;
  return word.split(pattern).filter((part) => part.length > 0);
}

function toBoxes(inlines: StyledInline[]): Box[] {
  const boxes: Box[] = [];
  let current: Box | undefined;
  let pendingSpace: LinePiece | undefined;
  let pendingBreak = false;
  const close = () => {
    if (current) boxes.push(current);
    current = undefined;
  };
  const addText = (text: string, style: StyledText, startsNewBox: boolean) => {
    if (startsNewBox || !current) {
      close();
      current = { pieces: [], widthPt: 0, forcedBreakBefore: pendingBreak, space: pendingSpace };
      pendingBreak = false;
      pendingSpace = undefined;
    }
    const p = piece(text, style);
    current.pieces.push(p);
    current.widthPt += p.widthPt;
  };
  for (const inline of inlines) {
    if (inline.type === 'break') {
      close();
      pendingBreak = true;
      pendingSpace = undefined;
      continue;
    }
    const normalised = normaliseText(inline.text);
    const parts = normalised.split(new RegExp(`(${BREAKING_SPACE.source})`, 'u'));
    for (const part of parts) {
      if (part.length === 0) continue;
      if (BREAKING_SPACE.test(part)) {
        close();
        if (!pendingBreak) pendingSpace = piece(' ', inline);
        continue;
      }
      splitWord(part).forEach((chunk, i) => {
        addText(chunk.replaceAll(NO_BREAK_HYPHEN, '-'), inline, i > 0);
      });
    }
  }
  close();
  return boxes;
}

/** Split an over-wide box between characters into chunks that each fit `maxWidthPt`. */
function splitBox(box: Box, maxWidthPt: number): LinePiece[][] {
  const chars: { text: string; style: StyledText; widthPt: number }[] = [];
  for (const p of box.pieces) {
    for (const { segment } of graphemes.segment(p.text)) {
      chars.push({
        text: segment,
        style: p.style,
        widthPt: textWidthPt(p.style.face, segment, p.style.sizePt),
      });
    }
  }
  const regroup = (slice: typeof chars): LinePiece[] => {
    const pieces: LinePiece[] = [];
    let text = '';
    let style: StyledText | undefined;
    for (const c of slice) {
      if (style && c.style !== style) {
        pieces.push(piece(text, style));
        text = '';
      }
      style = c.style;
      text += c.text;
    }
    if (style) pieces.push(piece(text, style));
    return pieces;
  };
  const chunks: LinePiece[][] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let estimatePt = 0;
    while (
      end < chars.length &&
      (end === start || estimatePt + chars[end]!.widthPt <= maxWidthPt + EPSILON_PT)
    ) {
      estimatePt += chars[end]!.widthPt;
      end++;
    }
    // The estimate ignores kerning between characters: check the real width and give back characters.
    let pieces = regroup(chars.slice(start, end));
    while (end - start > 1 && sumWidth(pieces) > maxWidthPt + EPSILON_PT) {
      end--;
      pieces = regroup(chars.slice(start, end));
    }
    chunks.push(pieces);
    start = end;
  }
  return chunks;
}

function sumWidth(pieces: LinePiece[]): number {
  return pieces.reduce((sum, p) => sum + p.widthPt, 0);
}

/** Break styled inline text into lines of at most `maxWidthPt`. */
export function breakLines(inlines: StyledInline[], maxWidthPt: number): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let line: BrokenLine = { pieces: [], widthPt: 0 };
  const flush = () => {
    lines.push(line);
    line = { pieces: [], widthPt: 0 };
  };
  for (const box of toBoxes(inlines)) {
    if (box.forcedBreakBefore && line.pieces.length > 0) flush();
    const spacePt = line.pieces.length > 0 && box.space ? box.space.widthPt : 0;
    if (line.pieces.length > 0 && line.widthPt + spacePt + box.widthPt <= maxWidthPt + EPSILON_PT) {
      if (box.space) line.pieces.push(box.space);
      line.pieces.push(...box.pieces);
      line.widthPt += spacePt + box.widthPt;
      continue;
    }
    if (line.pieces.length > 0) {
      if (box.space) line.trailingSpace = true;
      flush();
    }
    if (box.widthPt <= maxWidthPt + EPSILON_PT) {
      line.pieces.push(...box.pieces);
      line.widthPt = box.widthPt;
      continue;
    }
    const chunks = splitBox(box, maxWidthPt);
    chunks.forEach((pieces, i) => {
      line = { pieces, widthPt: sumWidth(pieces) };
      if (i < chunks.length - 1) flush();
    });
  }
  if (line.pieces.length > 0) lines.push(line);
  return lines;
}

/**
 * The text's min-content width (its widest unbreakable piece, where `breakLines` never breaks but between
 * characters) and max-content width (its widest line when only forced breaks apply): what automatic table
 * layout sizes a column from.
 */
export function contentWidths(inlines: StyledInline[]): { minPt: number; maxPt: number } {
  let minPt = 0;
  let maxPt = 0;
  let linePt = 0;
  let empty = true;
  for (const box of toBoxes(inlines)) {
    if (box.forcedBreakBefore) {
      linePt = 0;
      empty = true;
    }
    // Summed as breakLines sums, so a line exactly maxPt wide is set unbroken.
    linePt += (!empty && box.space ? box.space.widthPt : 0) + box.widthPt;
    empty = false;
    minPt = Math.max(minPt, box.widthPt);
    maxPt = Math.max(maxPt, linePt);
  }
  return { minPt, maxPt };
}
