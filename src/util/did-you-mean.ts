/** "Did you mean …?" suggestions for misspelt keys and names (å/ä/ö-insensitive, then edit distance). */
import { distance } from 'fastest-levenshtein';

/** Lower-cases and strips diacritics: "Förvaltning" → "forvaltning". */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The candidate the input most likely meant, or undefined when nothing is close enough. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const folded = asciiFold(input);
  const exact = candidates.find((c) => asciiFold(c) === folded);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(folded, asciiFold(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(2, Math.floor(folded.length / 4));
  return bestDistance <= allowed ? best : undefined;
}

/** A Swedish hint sentence, or undefined when there is no suggestion. */
export function didYouMeanHint(input: string, candidates: readonly string[]): string | undefined {
  const match = didYouMean(input, candidates);
  return match === undefined ? undefined : `Menade du "${match}"?`;
}
