/**
 * Dnr patterns from the profile are matched with re2js, a pure-JavaScript port of RE2: matching takes
 * time linear in the length of the Dnr for every pattern, so a hostile case file cannot make a careless
 * pattern such as ^(a+)+$ backtrack for hours, as V8's own RegExp would. Heuristic ReDoS checkers
 * (safe-regex2) were tried and rejected: they refuse ordinary patterns like ^([A-Z]+ )?\d+$ and let
 * ^(a|a)+$ through. The price: RE2 has no backreferences or lookaround, so those are profile errors.
 * JavaScript syntax is translated first (\u00c5 → \x{00c5}); \s and . are ASCII/line-based as in RE2.
 */
import { RE2JS } from 're2js';

/** What the rules need of a pattern; a RegExp is one too (hand-built test profiles use them). */
export interface TextPattern {
  readonly source: string;
  test(text: string): boolean;
}

const unsupported = 'som inte stöds';

/** RE2's (English) complaints, in Swedish; the first match wins. */
const reasons: [RegExp, string][] = [
  [
    /invalid escape sequence: `\\[1-9]/,
    `använder en bakåtreferens (\\1), ${unsupported}; skriv ut det som ska upprepas`,
  ],
  [
    /unsupported Perl syntax: `\(\?[=!]|named capture: `\(\?<[=!]/,
    `använder lookahead eller lookbehind ((?= (?! (?<= (?<!), ${unsupported}; skriv mönstret utan dem`,
  ],
  [
    /invalid named capture/,
    'har ett ogiltigt gruppnamn; använd (?:…) eller ett namn med bara a–z, 0–9 och _',
  ],
  [/missing closing \]/, 'är inget giltigt reguljärt uttryck: en avslutande ] saknas'],
  [/missing closing \)|unexpected \)/, 'är inget giltigt reguljärt uttryck: parenteserna går inte jämnt ut'],
  [/invalid repeat count/, 'är inget giltigt reguljärt uttryck: ogiltigt antal i {…} (högst 1000)'],
  [
    /missing argument to repetition operator/,
    'är inget giltigt reguljärt uttryck: *, + eller ? utan något före',
  ],
  [/invalid character class range/, 'är inget giltigt reguljärt uttryck: ogiltigt intervall i […]'],
  [/./, 'är inget giltigt reguljärt uttryck'],
];

function swedishReason(message: string): string {
  const at = /: (`.*`)$/.exec(message)?.[1];
  const reason = reasons.find(([re]) => re.test(message))![1];
  return reason.startsWith('är inget') && at ? `${reason} vid ${at}` : reason;
}

/** The compiled pattern, or a Swedish reason ("använder en bakåtreferens …") why it cannot be used. */
export function compileDnrPattern(source: string): TextPattern | { error: string } {
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(source));
    return { source, test: (text: string) => re.matcher(text).find() };
  } catch (error) {
    return { error: swedishReason(error instanceof Error ? error.message : String(error)) };
  }
}
