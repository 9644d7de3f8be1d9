/**
 * Independent readers for end-to-end tests beyond the PDF ones in tests/helpers/pdf.ts: LibreOffice, word
 * order, and the text of a PDF page body and of a DOCX body for comparing the two formats.
 */
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

/**
 * Words for comparing the PDF's text with the DOCX's character for character, stricter than `words`:
 * only whitespace separates words, and a hyphen ends one (so "FAS-avtalet" broken at the hyphen at a
 * line end reads the same as unbroken), but the hyphen stays part of the word, so a hyphen-minus and a
 * U+2011 differ. No-break spaces count as spaces: pdftotext and pdf.js report the PDF's U+00A0 (its
 * font's ToUnicode says U+00A0) as a space, LibreOffice keeps U+00A0 in the DOCX's text.
 */
export function exactWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+|(?<=-)/u)
    .filter((w) => w !== '');
}

/**
 * The DOCX's text as LibreOffice gives it, for `exactWords`: without the byte-order mark, and with Word's
 * non-breaking hyphen (w:noBreakHyphen), which LibreOffice reads as U+2011, as the hyphen-minus that
 * ECMA-376 (17.3.3.18) says it is.
 */
export function docxComparableText(path: string): string {
  return docxText(path)
    .replace(/^\uFEFF/, '')
    .replaceAll('\u2011', '-');
}

/**
 * LibreOffice's text export writes its own bullets, by level in turn "•", "◦", "▪", whatever bullet the
 * DOCX's numbering level has (measured: a level whose w:lvlText is "–" reads "◦", "‣" reads "▪"). So for
 * comparing with the PDF a list's bullet is a bullet; which one the DOCX has is tested on its numbering
 * (tests/unit/docx/lists.test.ts). A dash standing alone in the text reads as a bullet on both sides.
 */
export function bulletsAlike(words: readonly string[]): string[] {
  return words.map((w) => (/^[•◦▪‣–]$/u.test(w) ? '•' : w));
}

/** Where two word lists first differ, with the words around it; undefined when they are equal. */
export function firstDifference(a: readonly string[], b: readonly string[]): string | undefined {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return undefined;
  const around = (w: readonly string[]) => w.slice(Math.max(0, i - 6), i + 6).join(' ');
  return `ord ${i + 1} av ${a.length}/${b.length}: «${around(a)}» mot «${around(b)}»`;
}

/** `words` with the first window that holds exactly `block`'s words (in any order) put in `block`'s order. */
export function withBlockInOrder(words: readonly string[], block: readonly string[]): string[] | undefined {
  const key = (w: readonly string[]) => [...w].sort().join('\u0000');
  const wanted = key(block);
  for (let at = words.length - block.length; at >= 0; at--) {
    if (key(words.slice(at, at + block.length)) === wanted)
      return [...words.slice(0, at), ...block, ...words.slice(at + block.length)];
  }
  return undefined;
}

/**
 * `words` with each of `blocks` (in reading order, each after the one before) put in its own order: the
 * first window from where the previous block ended that holds exactly a block's words. For table rows,
 * whose cells a reader may take line by line across the row.
 */
export function withBlocksInOrder(
  words: readonly string[],
  blocks: readonly (readonly string[])[],
): string[] | undefined {
  const key = (w: readonly string[]) => [...w].sort().join('\u0000');
  const out = [...words];
  let from = 0;
  for (const block of blocks) {
    const wanted = key(block);
    let at = from;
    while (at + block.length <= out.length && key(out.slice(at, at + block.length)) !== wanted) at++;
    if (at + block.length > out.length) return undefined;
    out.splice(at, block.length, ...block);
    from = at + block.length;
  }
  return out;
}
