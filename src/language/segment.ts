/**
 * Sentence and word boundaries from Intl.Segmenter with the Swedish locale: ICU's rules (Node 20 ships
 * full ICU) already keep "t.ex.", "bl.a.", "m.m." and "dvs." inside a sentence. What ICU still splits is
 * compensated in one place, minimally: a break is undone when the next "sentence" starts with a lower-case
 * letter ("enligt ovan, s. k. …") or when it starts with a digit right after a short abbreviation
 * ("kl. 10.00", "3 kap. 5 §", "nr. 4"). What stays: ICU follows Unicode's rule SB8 and joins a sentence
 * that starts with a number to the one before ("… år 2024. 2025 blir …" is one sentence); Swedish style
 * writes such a number as a word anyway.
 */

export interface Span {
  /** Start and end (exclusive) in the analysed text. */
  start: number;
  end: number;
  text: string;
}

const sentenceSegmenter = new Intl.Segmenter('sv', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('sv', { granularity: 'word' });

/** A word is a word-like segment with at least one letter: numbers ("450", "2025") are not counted. */
const letter = /\p{L}/u;

/** The text ends in a short letter abbreviation with its full stop: "kl.", "kap.", "sept.", "s.". */
const shortAbbreviationEnd = /(?:^|[\s(])\p{L}{1,4}\.\s*$/u;

function joinsPrevious(previous: string, next: string): boolean {
  if (/^\p{Ll}/u.test(next)) return /\.\s*$/.test(previous);
  return /^\d/.test(next) && shortAbbreviationEnd.test(previous);
}

/** The sentences of a text, trimmed of surrounding white space; empty ones dropped. */
export function sentences(text: string): Span[] {
  const raw: { start: number; end: number }[] = [];
  for (const s of sentenceSegmenter.segment(text)) {
    const start = s.index;
    const end = s.index + s.segment.length;
    const previous = raw[raw.length - 1];
    if (previous && joinsPrevious(text.slice(previous.start, previous.end), s.segment)) previous.end = end;
    else raw.push({ start, end });
  }
  return raw.flatMap(({ start, end }) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    return trimmed === '' ? [] : [{ start: start + lead, end: start + lead + trimmed.length, text: trimmed }];
  });
}

/** The letters of Basic Latin, Latin-1 and Latin Extended-A (each ALetter in Unicode's word rules), as a class body. */
const latin = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F';
/**
 * Text of those letters, digits, white space and the punctuation of ordinary Swedish prose, whose word
 * boundaries `simpleWord` finds as ICU does (a property test holds the two together), three times faster.
 * Left out: what joins words in other ways (U+00AD, "_", "·", combining marks) and every other script.
 */
const simpleText = new RegExp(
  `^[${latin}0-9 \\t\\n\\r\\u00A0.,;:!?()[\\]"'\\u2018\\u2019\\u201C\\u201D\\-\\u2013\\u2014%§/&+=*#«»\\u2026]*$`,
);
/**
 * Unicode's word rules (UAX #29) on that text, with ICU's Swedish colon ("S:t"): letters and digits run
 * together; between two letters ".", ":", "'", "‘" or "’" joins (WB6–7: "t.ex", "it’s"); between two
 * digits ".", ",", ";", "'", "‘" or "’" (WB11–12: "3,5", "1.000"); everything else breaks.
 */
const simpleWord = new RegExp(
  `[${latin}0-9]+(?:(?:(?<=[${latin}])[.:'\\u2018\\u2019](?=[${latin}])|(?<=[0-9])[.,;'\\u2018\\u2019](?=[0-9]))[${latin}0-9]+)*`,
  'g',
);

/** The words of a text (see `letter`), with their offsets. */
export function words(text: string, offset = 0): Span[] {
  const out: Span[] = [];
  if (simpleText.test(text)) {
    for (const m of text.matchAll(simpleWord))
      if (letter.test(m[0]))
        out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
    return out;
  }
  return icuWords(text, offset);
}

/** The words of a text by Intl.Segmenter (ICU), for any text. */
export function icuWords(text: string, offset = 0): Span[] {
  const out: Span[] = [];
  for (const w of wordSegmenter.segment(text)) {
    if (w.isWordLike && letter.test(w.segment))
      out.push({ start: offset + w.index, end: offset + w.index + w.segment.length, text: w.segment });
  }
  return out;
}

/**
 * The words of `all` (a text's words, in order) that lie in `span` (one of its sentences): the same as
 * segmenting the sentence again, which costs as much as the first time. Where a word crosses the span's
 * edge (the text's segmentation differs from the sentence's own), the sentence is segmented after all.
 */
export function wordsWithin(
  all: readonly Span[],
  span: { start: number; end: number; text: string },
): Span[] {
  const inside: Span[] = [];
  // The first word that ends after the span starts, by binary search: a long text has many sentences.
  let low = 0;
  let high = all.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (all[mid]!.end <= span.start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < all.length; i++) {
    const w = all[i]!;
    if (w.start >= span.end) break;
    if (w.start < span.start || w.end > span.end) return words(span.text, span.start);
    inside.push(w);
  }
  return inside;
}

/** Only letters (and, below, none outside the BMP): its letter count is its length. */
const onlyLetters = /^\p{L}+$/u;
const surrogate = /[\uD800-\uDFFF]/;

/** Letters in a word (LIX counts "long words" by letters, not by characters such as "." in "t.ex"). */
export function letterCount(word: string): number {
  if (onlyLetters.test(word) && !surrogate.test(word)) return word.length;
  return word.match(/\p{L}/gu)?.length ?? 0;
}
