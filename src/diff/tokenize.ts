/**
 * A Swedish-aware word tokenizer for word-level diffs.
 * - Words are runs of letters (å ä ö é ü …, any script), digits and combining marks; inner hyphens and
 *   apostrophes stay inside ("civilsamhället-Idéburet", "IOP'er").
 * - A suspended compound is one token: "Social- och omsorgsnämnden", "Integrations- och
 *   arbetsmarknadsförvaltningen", so renaming a nämnd shows as one replaced name, not scattered pieces.
 * - Numbers with space, no-break space (U+00A0) or narrow no-break space (U+202F) as thousands separators
 *   are one token ("2 085 000"), as are decimals ("1,9") and ISO dates ("2024-10-15").
 * - Any other non-space character is a token of its own.
 */

export interface Token {
  text: string;
  /** Whitespace before the token in the source (kept for display, ignored when comparing). */
  space: string;
}

const word = String.raw`[\p{L}\p{M}\p{N}]+(?:['’\-\u2011][\p{L}\p{M}\p{N}]+)*`;
const thousandsSep = String.raw`[ \u00A0\u202F]`;
const patterns = [
  // ISO date
  String.raw`\d{4}[-\u2011]\d{2}[-\u2011]\d{2}(?![\p{L}\p{N}])`,
  // number grouped in thousands, optional decimals: 2 085 000, 1 200 000,50
  String.raw`(?<!\d)\d{1,3}(?:${thousandsSep}\d{3})+(?:,\d+)?(?![\p{L}\p{N}])`,
  // decimal number or time: 1,9  13.30
  String.raw`\d+(?:[,.:]\d+)+(?![\p{L}\p{N}])`,
  // suspended compound: "Social- och omsorgsnämnden"
  String.raw`${word}-\s+(?:och|eller|samt|respektive)\s+${word}`,
  // plain word, possibly with a trailing suspension hyphen ("Social-")
  `${word}-?`,
  // anything else that is not whitespace
  String.raw`\S`,
];
const tokenPattern = new RegExp(`(\\s*)(${patterns.join('|')})`, 'gu');

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.normalize('NFC').matchAll(tokenPattern)) {
    tokens.push({ space: match[1] ?? '', text: match[2] ?? '' });
  }
  return tokens;
}

/**
 * The comparison key of a token: inner whitespace of any kind (incl. no-break spaces) counts as one
 * plain space, and a non-breaking hyphen (U+2011, used by the backends in dates) as a hyphen.
 */
export function tokenKey(token: Token): string {
  return token.text.replace(/\s+/gu, ' ').replace(/\u2011/gu, '-');
}
