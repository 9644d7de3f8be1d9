/**
 * Hostile input for the escaping tests: text, link targets and file names full of PDF, URL and XML
 * syntax, line breaks, non-ASCII and characters XML forbids, and what a PDF must then contain.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { PdfActions } from './pdf.js';

/** The targets written as links (the rule stated independently of src/doc/links.ts). */
export const allowedLink = /^(?:https?:\/\/|mailto:)\S/i;

/** What the URI must be: printable ASCII as written, everything else percent-encoded UTF-8. */
export function expectedUri(href: string): string {
  let out = '';
  for (const ch of href) {
    const code = ch.codePointAt(0)!;
    out +=
      code >= 0x21 && code <= 0x7e
        ? ch
        : [...Buffer.from(ch, 'utf8')]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join('');
  }
  return out;
}

/** Pieces that mean something in PDF syntax, URLs or XML, plus line breaks and non-ASCII. */
const syntax = [
  '(',
  ')',
  '\\',
  '<',
  '>',
  '/',
  '%',
  '#',
  '[',
  ']',
  '&',
  '"',
  "'",
  ' ',
  'ä',
  'Ö',
  '€',
  '😀',
  'e\u0301',
  ')>>',
  ']]>',
  ' /S /Launch /F (calc.exe) ',
  '\\) /JS (app.alert(1)) (',
];
const plain = ['a', 'Z', '0', '=', '?', ':', '.', '-'];
/** Characters XML 1.0 forbids, and controls it allows but nobody wants in a title. */
const forbidden = ['\u0007', '\u0000', '\u001b', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\u0085'];

/** Text with syntax, line breaks and (unless `xmlSafe`) characters XML forbids. */
export const hostileText = (maxLength = 24, xmlSafe = false) =>
  fc.string({
    unit: fc.constantFrom(...syntax, ...plain, '\n', '\r', '\t', ...(xmlSafe ? [] : forbidden)),
    maxLength,
  });

/** Web URLs as fast-check makes them, and any scheme (allowed or not) followed by hostile text. */
export const hostileUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom(
        'http://',
        'https://',
        'HTTPS://',
        'mailto:',
        'javascript:',
        'file:///',
        'data:',
        '',
        '#',
      ),
      fc.constantFrom('a', 'x.se', '(', ')', '\\', ' ', 'ö'),
      hostileText(),
    )
    .map((parts) => parts.join('')),
);

/** A file name (no "/", no NUL) with parentheses, backslashes, quotes, spaces and non-ASCII. */
export const hostileFileName = fc
  .string({
    unit: fc.constantFrom(...syntax.filter((s) => !s.includes('/')), ...plain),
    minLength: 1,
    maxLength: 20,
  })
  .map((name) => `${name}.md`);

/** No triggers, no action but URI, and exactly the expected URI for each allowed target. */
export function expectOnlyLinks(actions: PdfActions, hrefs: readonly string[]): void {
  expect(actions.triggers).toEqual([]);
  expect(
    actions.types.filter((t) => t !== '/URI'),
    'actions other than URI',
  ).toEqual([]);
  const expected = hrefs.filter((h) => allowedLink.test(h)).map(expectedUri);
  expect([...new Set(actions.uris)].sort()).toEqual([...new Set(expected)].sort());
}
