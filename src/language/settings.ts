/** The klarspråk settings a profile can change (`klarspråk:`), with the defaults when it does not. */
import { shippedWordList, type WordEntry } from './wordlist.js';

export interface LanguageSettings {
  /** A sentence with more words than this is long (`max_ord_per_mening`). */
  maxSentenceWords: number;
  /** A paragraph with more words than this is long (`max_ord_per_stycke`). */
  maxParagraphWords: number;
  lix: {
    /** Above: "svår" (`lix.svår`). */
    hard: number;
    /** Above: "mycket svår" (`lix.mycket_svår`). */
    veryHard: number;
    /** A section needs this many words before its LIX means anything (`lix.minst_ord`). */
    minWords: number;
  };
  /** The word list after the profile's additions and removals. */
  wordList: WordEntry[];
  /** All-capital abbreviations that need no explanation. */
  knownAbbreviations: string[];
}

export const defaultThresholds = {
  maxSentenceWords: 30,
  maxParagraphWords: 120,
  lix: { hard: 50, veryHard: 60, minWords: 80 },
} as const;

export function defaultLanguageSettings(): LanguageSettings {
  const list = shippedWordList();
  return {
    ...defaultThresholds,
    lix: { ...defaultThresholds.lix },
    wordList: list.entries,
    knownAbbreviations: list.knownAbbreviations,
  };
}
