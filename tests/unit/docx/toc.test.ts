/**
 * The table of contents in the DOCX: a Word TOC field whose cached result is the entries (TOC2/TOC3, the
 * PDF layout's page numbers in PAGEREF fields), each a hyperlink to a `_Toc` bookmark on its heading; the
 * Open XML SDK validator accepts it and LibreOffice shows the entries without updating the field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { layoutDoc } from '../../../src/backends/pdf/index.js';
import type { Doc } from '../../../src/doc/model.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { TOC_ENTRIES, tocDoc } from '../../fixtures/doc/toc-doc.js';
import { convert, hasLibreOffice, makeWorkDir } from './helpers/libreoffice.js';
import { part, readParts, xpathStrings } from './helpers/parts.js';

const W = (name: string) => `*[local-name()='${name}']`;
const attr = (xml: string, expression: string) =>
  xpathStrings(xml, expression).map((a) => a.replace(/^ [\w:]+="|"$/g, ''));
/** The text of each paragraph matched, w:t only (field instructions are w:instrText). */
const paragraphTexts = (xml: string, paragraphs: string) => {
  const count = Number(xpathStrings(xml, `count(${paragraphs})`)[0]);
  return Array.from({ length: count }, (_, i) =>
    xpathStrings(xml, `(${paragraphs})[${i + 1}]//${W('t')}/text()`).join(''),
  );
};

/** The pages (from 1) of the listed headings in the PDF layout, in order. */
function pdfPages(doc: Doc): number[] {
  const layout = layoutDoc(doc);
  const at = doc.blocks.findIndex((b) => b.type === 'toc');
  return doc.blocks.flatMap((b, i) =>
    i > at && b.type === 'heading' && b.level <= 3 ? [layout.blockPositions[i]!.pageIndex + 1] : [],
  );
}

const tocParagraphs = `//${W('p')}[${W('pPr')}/${W('pStyle')}[starts-with(@*[local-name()='val'],'TOC') and @*[local-name()='val']!='TOCHeading']]`;

describe('a table of contents after the title', () => {
  let doc: Doc;
  let bytes: Uint8Array;
  let xml: string;
  let styles: string;
  beforeAll(async () => {
    doc = tocDoc();
    bytes = await renderDocx(doc);
    const parts = await readParts(bytes);
    xml = part(parts, 'word/document.xml');
    styles = part(parts, 'word/styles.xml');
  });

  test('the title, then a TOC field over levels 2 to the depth, begun in the first entry, ended in the last', () => {
    expect(
      paragraphTexts(xml, `//${W('p')}[${W('pPr')}/${W('pStyle')}/@*[local-name()='val']='TOCHeading']`),
    ).toEqual(['Innehåll']);
    expect(xpathStrings(xml, `//${W('instrText')}/text()`)).toEqual([' TOC \\o "2-3" \\h \\z \\u ']);
    const chars = (p: number) =>
      attr(xml, `(${tocParagraphs})[${p}]//${W('fldChar')}/@*[local-name()='fldCharType']`);
    expect(chars(1)).toEqual(['begin', 'separate']);
    expect(chars(TOC_ENTRIES.length)).toEqual(['end']);
    for (let p = 2; p < TOC_ENTRIES.length; p++) expect(chars(p)).toEqual([]);
    // Clean, not dirty: Word shows the cached entries without asking to update.
    expect(xml).not.toContain('w:dirty');
  });

  test('the cached entries: the listed headings in TOC2/TOC3 with the PDF layout’s page numbers', () => {
    const styleIds = attr(xml, `${tocParagraphs}/${W('pPr')}/${W('pStyle')}/@*[local-name()='val']`);
    expect(styleIds).toEqual(TOC_ENTRIES.map((e) => `TOC${e.level}`));
    const pages = pdfPages(doc);
    expect(new Set(pages).size).toBeGreaterThanOrEqual(4);
    expect(paragraphTexts(xml, tocParagraphs)).toEqual(TOC_ENTRIES.map((e, i) => `${e.text}${pages[i]}`));
    // The number is a PAGEREF to the entry's own bookmark, its cached result the page.
    const anchors = attr(xml, `${tocParagraphs}//${W('hyperlink')}/@*[local-name()='anchor']`);
    const refs = attr(xml, `${tocParagraphs}//${W('fldSimple')}/@*[local-name()='instr']`);
    expect(refs).toEqual(anchors.map((a) => `PAGEREF ${a} \\h`));
    expect(xpathStrings(xml, `${tocParagraphs}//${W('fldSimple')}//${W('t')}/text()`)).toEqual(
      pages.map(String),
    );
  });

  test('each entry links to a bookmark around its heading, named _Toc1, _Toc2, …', () => {
    const anchors = attr(xml, `${tocParagraphs}//${W('hyperlink')}/@*[local-name()='anchor']`);
    expect(anchors).toEqual(TOC_ENTRIES.map((_, i) => `_Toc${i + 1}`));
    for (const [i, anchor] of anchors.entries()) {
      const heading = `//${W('p')}[${W('bookmarkStart')}/@*[local-name()='name']='${anchor}']`;
      expect(attr(xml, `${heading}/${W('pPr')}/${W('pStyle')}/@*[local-name()='val']`)).toEqual([
        `Heading${TOC_ENTRIES[i]!.level}`,
      ]);
      expect(paragraphTexts(xml, heading)).toEqual([TOC_ENTRIES[i]!.text]);
      const id = attr(xml, `${heading}/${W('bookmarkStart')}/@*[local-name()='id']`);
      expect(attr(xml, `${heading}/${W('bookmarkEnd')}/@*[local-name()='id']`)).toEqual(id);
    }
    // Only the listed headings have bookmarks: not the one before the toc, nor the level-4 one.
    expect(attr(xml, `//${W('bookmarkStart')}/@*[local-name()='name']`)).toEqual(anchors);
  });

  test('the entry styles: "toc 2" and "toc 3", indented by level, a dot-leader right tab at the text width', () => {
    const style = (id: string) => `//${W('style')}[@*[local-name()='styleId']='${id}']`;
    expect(attr(styles, `${style('TOC2')}/${W('name')}/@*[local-name()='val']`)).toEqual(['toc 2']);
    expect(attr(styles, `${style('TOC3')}/${W('name')}/@*[local-name()='val']`)).toEqual(['toc 3']);
    for (const id of ['TOC2', 'TOC3', 'TOC4']) {
      expect(attr(styles, `${style(id)}//${W('tab')}/@*[local-name()='leader']`)).toEqual(['dot']);
      expect(attr(styles, `${style(id)}//${W('tab')}/@*[local-name()='pos']`)).toEqual(['9241']);
    }
    expect(attr(styles, `${style('TOC3')}//${W('ind')}/@*[local-name()='left']`)).toEqual(['320']);
    // The toc's title has no outline level, so the toc does not list it.
    expect(xpathStrings(styles, `${style('TOCHeading')}//${W('outlineLvl')}`)).toEqual([]);
  });

  test('pages given by the build are the ones cached', async () => {
    const blockPages = doc.blocks.map((_, i) => i + 10);
    const given = part(await readParts(await renderDocx(doc, { blockPages })), 'word/document.xml');
    const at = doc.blocks.findIndex((b) => b.type === 'toc');
    const expected = doc.blocks.flatMap((b, i) =>
      i > at && b.type === 'heading' && b.level <= 3 ? [String(i + 10)] : [],
    );
    expect(xpathStrings(given, `${tocParagraphs}//${W('fldSimple')}//${W('t')}/text()`)).toEqual(expected);
  });

  test('the Open XML SDK validator: zero errors for Office 2007 and Microsoft 365', async () => {
    for (const version of ['Office2007', 'Microsoft365'] as const) {
      const errors = await validate(bytes, 'docx', version);
      expect(errors, `${version}: ${errors.map((e) => e.description).join('\n')}`).toHaveLength(0);
    }
  });

  test('same Doc, same bytes (bookmark ids do not depend on earlier documents)', async () => {
    await renderDocx(tocDoc());
    expect(Buffer.from(await renderDocx(tocDoc())).equals(Buffer.from(bytes))).toBe(true);
  });

  test('a Doc without a toc has no bookmarks and no TOC field', async () => {
    const plain = part(await readParts(await renderDocx(seed001Doc())), 'word/document.xml');
    expect(plain).not.toContain('bookmarkStart');
    expect(plain).not.toContain('TOC \\o');
  });
});

describe.skipIf(!hasLibreOffice() && !process.env.CI)('LibreOffice reads the toc', () => {
  test('its text export shows the entries with their numbers, and the body after them', async () => {
    const doc = tocDoc();
    const dir = makeWorkDir();
    const file = join(dir, 'toc.docx');
    writeFileSync(file, await renderDocx(doc));
    const [txt] = convert(dir, [file], 'txt:Text');
    const lines = readFileSync(txt!, 'utf8').split(/\r?\n/);
    const pages = pdfPages(doc);
    const at = lines.indexOf('Innehåll');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 1 + TOC_ENTRIES.length)).toEqual(
      TOC_ENTRIES.map((e, i) => `${e.text}\t${pages[i]}`),
    );
    // The field ends in the last entry: the first section follows as body text, once.
    expect(lines[at + 1 + TOC_ENTRIES.length]).toBe('Inledning');
    expect(lines.filter((l) => l === 'Inledning')).toHaveLength(1);
  }, 240_000);
});
