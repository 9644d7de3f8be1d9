/**
 * Characters the memo's typeface cannot draw: they would print as empty boxes (and break PDF/A), so they are
 * errors with their position. Front-matter comment lines are not printed and are skipped; control and
 * invisible characters have rules of their own.
 */
import { unsupportedCharacters } from '../../fonts/coverage.js';
import { LineIndex } from '../../util/line-index.js';
import type { Rule } from '../rule.js';

const reportedElsewhere =
  /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2060\uFEFF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/;

/** Offsets [start, end) of YAML comment lines inside the front matter. */
function commentLines(source: string): [number, number][] {
  const end = source.startsWith('---') ? source.indexOf('\n---', 3) : -1;
  const ranges: [number, number][] = [];
  for (const m of source.slice(0, Math.max(end, 0)).matchAll(/^[ \t]*#.*$/gm)) {
    ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

export const glyphMissing: Rule = {
  severity: 'fel',
  description: 'Tecken som typsnittet saknar och som därför inte kan skrivas ut i PDF:en.',
  check: (ctx) => {
    const comments = commentLines(ctx.source);
    const index = new LineIndex(ctx.source);
    return unsupportedCharacters(ctx.source)
      .filter(
        ({ index: at, char }) =>
          !reportedElsewhere.test(char) && !comments.some(([s, e]) => at >= s && at < e),
      )
      .map(({ index: at, char }) => ({
        message: `Tecknet "${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) finns inte i typsnittet och kan inte visas i skrivelsen.`,
        hint: 'Byt ut tecknet mot ett vanligt tecken eller skriv ut det med ord.',
        position: index.position(at),
      }));
  },
};
