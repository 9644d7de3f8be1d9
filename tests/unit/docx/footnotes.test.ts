/**
 * Footnotes in the DOCX are Word footnotes: a w:footnoteReference per note at its first reference, the
 * note's text in word/footnotes.xml in the FootnoteText style, valid for the Open XML SDK; LibreOffice lays
 * them out at the foot of the page (read back from its PDF, as its text export leaves footnotes out).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { readCaseFile } from '../../../src/case/read.js';
import { renderDoc } from '../../../src/render/index.js';
import { docxText } from '../../e2e/readers.js';
import { fixture, linkoping } from '../case/helpers.js';
import { convert, hasLibreOffice, makeWorkDir } from './helpers/libreoffice.js';

let bytes: Uint8Array;
let dir: string;
let file: string;

/** A part as `unzip -p` reads it from the saved file. */
const unzip = (name: string) =>
  execFileSync('unzip', ['-p', file, name], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });

beforeAll(async () => {
  const c = readCaseFile(fixture('footnotes.md'), linkoping).case!;
  bytes = await renderDocx(renderDoc(c, linkoping));
  dir = makeWorkDir();
  file = join(dir, 'fotnoter.docx');
  writeFileSync(file, bytes);
});

/** The visible text of a part: its w:t contents, one paragraph a line. */
const paragraphs = (xml: string) =>
  xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((p) => p.trim() !== '');

describe('footnotes in the DOCX', () => {
  test('unzip: word/footnotes.xml holds the notes by number, document.xml one reference per note', () => {
    const footnotes = unzip('word/footnotes.xml');
    const note = (id: number) =>
      new RegExp(`<w:footnote w:id="${id}">([\\s\\S]*?)</w:footnote>`).exec(footnotes)?.[1] ?? '';
    expect(paragraphs(note(1)).map((p) => p.trim())).toEqual([
      'SOSFS 2014:5 om dokumentation.',
      'Gäller också LSS-verksamhet.',
    ]);
    expect(paragraphs(note(2)).map((p) => p.trim())).toEqual([
      'Beräknad på 2024 års priser, exklusive moms.',
    ]);
    expect(note(1)).toContain('<w:pStyle w:val="FootnoteText"/>');
    expect(note(1)).toContain('<w:footnoteRef/>');
    const document = unzip('word/document.xml');
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual([
      '1',
      '2',
    ]);
    // The second reference to note 1 repeats its number in the reference style.
    expect(document).toMatch(
      /igen\.<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:t[^>]*>1<\/w:t>/,
    );
    expect(document).not.toContain('SOSFS');
    const styles = unzip('word/styles.xml');
    expect(styles).toMatch(/w:styleId="FootnoteReference"[\s\S]*?<w:vertAlign w:val="superscript"\/>/);
  });

  test('Open XML SDK: zero errors', async () => {
    for (const version of ['Office2007', 'Microsoft365'] as const)
      expect(await validate(bytes, 'docx', version), version).toHaveLength(0);
  });

  // In CI LibreOffice must be there: a missing install fails rather than skips.
  test.skipIf(!hasLibreOffice() && !process.env.CI)(
    'LibreOffice: the marks in the text, the notes at the foot of page 1',
    () => {
      expect(docxText(file).replace(/\s+/g, ' ')).toContain(
        'föreskrifter.1 Kostnaden står i bilaga 2.2 Se föreskrifterna igen.1',
      );
      const [pdf] = convert(dir, [file], 'pdf');
      const page1 = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdf!, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      expect(page1).toContain('1 SOSFS 2014:5 om dokumentation. Gäller också LSS-verksamhet.');
      expect(page1).toContain('2 Beräknad på 2024 års priser, exklusive moms.');
      // At the foot: after the page's body text, before its footer.
      expect(page1.indexOf('SOSFS')).toBeGreaterThan(page1.indexOf('Riktlinjerna för hemtjänst behöver'));
    },
    240_000,
  );
});
