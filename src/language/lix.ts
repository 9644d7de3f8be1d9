/**
 * LIX (läsbarhetsindex, Björnsson 1968): words per sentence + 100 × long words (more than six letters)
 * per word. The bands are the usual Swedish scale; the two upper limits come from the profile.
 */

export interface LixCounts {
  words: number;
  sentences: number;
  longWords: number;
}

export interface LixLimits {
  /** Above this a text is "svår". */
  hard: number;
  /** Above this a text is "mycket svår". */
  veryHard: number;
}

/** LIX rounded to one decimal; 0 for a text without words or sentences. */
export function lix({ words, sentences, longWords }: LixCounts): number {
  if (words === 0 || sentences === 0) return 0;
  return Math.round((words / sentences + (100 * longWords) / words) * 10) / 10;
}

export type LixBand = 'mycket lättläst' | 'lättläst' | 'medelsvår' | 'svår' | 'mycket svår';

/** The band of a LIX value: below 30, 30–40 and 40 up to the profile's "svår" limit are fixed. */
export function lixBand(value: number, limits: LixLimits): LixBand {
  if (value > limits.veryHard) return 'mycket svår';
  if (value > limits.hard) return 'svår';
  if (value >= 40) return 'medelsvår';
  if (value >= 30) return 'lättläst';
  return 'mycket lättläst';
}

/** A LIX value or an average the Swedish way: "52,5". */
export const decimal = (value: number): string => value.toLocaleString('sv', { maximumFractionDigits: 1 });
