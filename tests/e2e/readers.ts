/** Independent readers for end-to-end tests beyond the PDF ones in tests/helpers/pdf.ts: LibreOffice, word order. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** DOCX → plain text through LibreOffice headless, with a private profile folder. */
export function docxText(path: string): string {
  const out = mkdtempSync(join(tmpdir(), 'skrivelse-lo-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${out}/profile`,
      '--headless',
      '--convert-to',
      'txt:Text',
      '--outdir',
      out,
      path,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(join(out, basename(path).replace(/\.docx$/, '.txt')), 'utf8');
}

/**
 * Words for order comparisons: hyphens (also the non-breaking U+2011) and dashes separate words, Markdown
 * link syntax is dropped, and the underscore rule is not a word (the PDF draws it as a line).
 */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/[\s\u00a0\-\u2011–]+/)
    .filter((w) => w && !/^_+$/.test(w));
}

/** The first word of `expected` that cannot be found, in order, in `actual`; undefined when all are. */
export function firstMissingInOrder(expected: string[], actual: string[]): string | undefined {
  let at = 0;
  for (const [i, word] of expected.entries()) {
    const found = actual.indexOf(word, at);
    if (found === -1)
      return `${word} (ord ${i + 1}: …${expected.slice(Math.max(0, i - 5), i + 1).join(' ')})`;
    at = found + 1;
  }
  return undefined;
}
