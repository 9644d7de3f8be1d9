/**
 * Complexity limits checked in one linear pass before parsing. The Markdown and YAML parsers are
 * superlinear on some shapes (thousands of nested list or quote lines, runs of brackets or emphasis
 * marks), so such input is refused up front and reading time stays bounded (well under a few seconds
 * even at the 2 MB size cap). Real memos are far below every limit.
 */
import type { Diagnostic } from '../diagnostics.js';
import { LineIndex } from '../util/line-index.js';

export const limits = {
  lineChars: 10_000,
  /** Lines that open a list item, continue a block quote, or are a table row. */
  containerLines: 2_000,
  /** ATX headings (# … ######). */
  headings: 500,
  /** Indentation (spaces) or block-quote markers at the start of a line. */
  indentColumns: 24,
  quoteDepth: 5,
  /** Characters that start links or emphasis: [ ] * _ ` < */
  delimiters: 10_000,
};

const containerLine = /^[ \t]*(?:>|\||[-*+][ \t]|\d{1,9}[.)][ \t])/;
const headingLine = /^ {0,3}#{1,6}(?:[ \t]|$)/;

export function complexityDiagnostics(text: string, file: string): Diagnostic[] {
  const lines = text.split('\n');
  let containers = 0;
  let headings = 0;
  let delimiters = 0;
  let lineStart = 0;
  let inFence = false;
  const fail = (message: string, offset: number, hint: string): Diagnostic[] => [
    {
      severity: 'fel',
      rule: 'too-complex',
      message,
      hint,
      file,
      position: new LineIndex(text).position(offset),
    },
  ];
  const simplify = 'Ärendefiler är vanlig löptext. Dela upp innehållet eller lägg det i en bilaga.';
  for (const line of lines) {
    if (line.length > limits.lineChars) {
      return fail(
        `Raden är ${line.length} tecken lång; gränsen är ${limits.lineChars}.`,
        lineStart,
        'Bryt texten i stycken (en tom rad mellan styckena).',
      );
    }
    if (/^[ \t]*(?:```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence) {
      const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
      const quotes = /^[ \t>]*/.exec(line)![0].split('>').length - 1;
      if (indent > limits.indentColumns || quotes > limits.quoteDepth) {
        return fail('Texten är för djupt nästlad (listor eller citat i många nivåer).', lineStart, simplify);
      }
      if (containerLine.test(line) && ++containers > limits.containerLines) {
        return fail(
          `Filen har fler än ${limits.containerLines} list-, citat- eller tabellrader.`,
          lineStart,
          simplify,
        );
      }
      if (headingLine.test(line) && ++headings > limits.headings) {
        return fail(`Filen har fler än ${limits.headings} rubriker.`, lineStart, simplify);
      }
    }
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      // [ ] * _ ` <
      if (
        (c === 91 || c === 93 || c === 42 || c === 95 || c === 96 || c === 60) &&
        ++delimiters > limits.delimiters
      ) {
        return fail(
          `Filen har fler än ${limits.delimiters} tecken som [ ] * _ \` <.`,
          lineStart + i,
          simplify,
        );
      }
    }
    lineStart += line.length + 1;
  }
  return [];
}
