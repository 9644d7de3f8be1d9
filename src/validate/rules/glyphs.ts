/**
 * Characters the memo's typeface cannot draw: they would print as empty boxes (and break PDF/A), so they are
 * errors with their position. Front-matter comment lines are not printed and are skipped; control and
 * invisible characters have rules of their own.
 */
import type { Nodes } from 'mdast';
import { unsupportedCharacters } from '../../fonts/coverage.js';
import { LineIndex } from '../../util/line-index.js';
import type { Finding, Rule, RuleContext } from '../rule.js';
import { strings } from './characters.js';

const reportedElsewhereChars =
  /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2060\uFEFF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/;
/** Characters other rules report: controls, invisibles, and lone surrogates (a YAML escape such as "\uD800"). */
const reportedElsewhere = (char: string): boolean =>
  reportedElsewhereChars.test(char) || /^[\uD800-\uDFFF]$/.test(char);

/** Offsets [start, end) of YAML comment lines inside the front matter. */
function commentLines(source: string): [number, number][] {
  const end = source.startsWith('---') ? source.indexOf('\n---', 3) : -1;
  const ranges: [number, number][] = [];
  for (const m of source.slice(0, Math.max(end, 0)).matchAll(/^[ \t]*#.*$/gm)) {
    ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

const described = (char: string) =>
  `Tecknet "${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) finns inte i typsnittet och kan inte visas i skrivelsen`;

/**
 * Characters that only exist after decoding: an HTML entity in the body (`&#x1F600;`) or a YAML escape in
 * the front matter (`"\U0001F600"`). A character also written literally is found by the file scan.
 */
function decodedOnly(ctx: RuleContext): Finding[] {
  const missing = (text: string) =>
    [...new Set(unsupportedCharacters(text).map((u) => u.char))].filter(
      (c) => !reportedElsewhere(c) && !ctx.source.includes(c),
    );
  const out: Finding[] = [];
  for (const [value, path] of strings(ctx.data, []))
    for (const char of missing(value))
      out.push({
        message: `${described(char)} (skrivet som escape-sekvens).`,
        hint: 'Ta bort escape-sekvensen eller skriv ut tecknet med ord.',
        position: ctx.locate(path),
        field: path.map(String).join('.'),
      });
  const visit = (node: Nodes): void => {
    if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && node.position)
      for (const char of missing(node.value))
        out.push({
          message: `${described(char)} (skrivet som teckenreferens, t.ex. &#x…;).`,
          hint: 'Ta bort teckenreferensen eller skriv ut tecknet med ord.',
          position: { line: node.position.start.line, column: node.position.start.column },
        });
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const section of ctx.sections) for (const node of section.nodes) visit(node);
  return out;
}

export const glyphMissing: Rule = {
  severity: 'fel',
  locked: 'tecken som typsnittet saknar skrivs ut som tomma rutor och bryter PDF/A',
  description: 'Tecken som typsnittet saknar och som därför inte kan skrivas ut i PDF:en.',
  check: (ctx) => {
    const comments = commentLines(ctx.source);
    const index = new LineIndex(ctx.source);
    return unsupportedCharacters(ctx.source)
      .filter(
        ({ index: at, char }) => !reportedElsewhere(char) && !comments.some(([s, e]) => at >= s && at < e),
      )
      .map(
        ({ index: at, char }): Finding => ({
          message: `${described(char)}.`,
          hint: 'Byt ut tecknet mot ett vanligt tecken eller skriv ut det med ord.',
          position: index.position(at),
        }),
      )
      .concat(decodedOnly(ctx));
  },
};
