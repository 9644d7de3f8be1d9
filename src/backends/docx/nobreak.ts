/**
 * Keeps numbers whole at line ends, as Swedish typesetting wants: "2024-10-09", "SON 2024-112",
 * "1 200 000 kr" and "19 §" must not break. Hyphens between digits become non-breaking hyphens
 * (U+2011) and the spaces inside such numbers non-breaking spaces (U+00A0); the words stay the same.
 */
const nbsp = '\u00A0';
const nbHyphen = '\u2011';

const hyphenBetweenDigits = /(?<=\d)-(?=\d)/g;
/** "1 200 000": a space before a group of exactly three digits. */
const thousandsSpace = /(?<=\d) (?=\d{3}(?!\d))/g;
/** "800 000 kr", "19 §", "25 %". */
const unitSpace = /(?<=\d) (?=(?:kr|tkr|mnkr|§|%)(?![\p{L}\p{N}]))/gu;
/** "§ 19". */
const sectionSpace = /(?<=§) (?=\d)/g;

export function keepNumbersTogether(text: string): string {
  return text
    .replace(hyphenBetweenDigits, nbHyphen)
    .replace(thousandsSpace, nbsp)
    .replace(unitSpace, nbsp)
    .replace(sectionSpace, nbsp);
}
