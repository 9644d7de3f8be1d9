/**
 * Embedded fonts: the DOCX carries each Noto Sans face it uses as an obfuscated, subset font part
 * (ECMA-376 §17.8.1). Read back independently: the key from the font table de-obfuscates the part into a
 * font fontkit parses, with the family name and the Doc's glyphs; and LibreOffice, on a machine without
 * Noto Sans, typesets the DOCX in Noto Sans (control: the same DOCX with the fonts taken out does not).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  baseCharacters,
  docCharacters,
  facesUsed,
  subsetCharacters,
} from '../../../src/backends/docx/font-embedding.js';
import { renderDocx } from '../../../src/backends/docx/index.js';
import type { Doc } from '../../../src/doc/model.js';
import { fontBytes } from '../../../src/fonts/coverage.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { convert, hasLibreOffice, makeWorkDir } from './helpers/libreoffice.js';
import { part, readParts, xpathStrings } from './helpers/parts.js';

const fontRelType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';

/** Seed 001 plus a paragraph in italics and bold italics, so all four faces are used. */
function docWithItalics(): Doc {
  const doc = seed001Doc();
  doc.blocks.push({
    type: 'paragraph',
    inlines: [
      { type: 'text', text: 'Kursivt: Åsa, Älvsjö och Ödeshög § 3 ', italic: true },
      { type: 'text', text: 'Fet kursiv: Ödmjuk', bold: true, italic: true },
    ],
  });
  return doc;
}

/** The reverse of the obfuscation, written from the standard, independent of src/: XOR with the reversed GUID. */
function deobfuscate(bytes: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  const key = Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
  const out = new Uint8Array(bytes);
  for (let i = 0; i < 32; i++) out[i] = out[i]! ^ key[i % 16]!;
  return out;
}

interface EmbeddedFont {
  element: string;
  key: string;
  target: string;
  raw: Uint8Array;
  font: Font;
}

async function embeddedFonts(bytes: Uint8Array): Promise<EmbeddedFont[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await readParts(bytes);
  const table = part(parts, 'word/fontTable.xml');
  const rels = part(parts, 'word/_rels/fontTable.xml.rels');
  // One attribute order is enough to read what the package writes; the schema test checks the rest.
  const elements = [...table.matchAll(/<w:(embed\w+) r:id="([^"]+)" w:fontKey="([^"]+)"/g)];
  return Promise.all(
    elements.map(async ([, element, id, key]) => {
      const rel = new RegExp(`<Relationship Id="${id}" Type="([^"]+)" Target="([^"]+)"`).exec(rels);
      expect(rel?.[1]).toBe(fontRelType);
      const target = rel![2]!;
      const raw = await zip.file(`word/${target}`)!.async('uint8array');
      return { element: element!, key: key!, target, raw, font: fontkit.create(deobfuscate(raw, key!)) };
    }),
  );
}

/** Letters, digits and a few signs of the Doc's strings (values only, not the model's type names). */
const characters = (doc: Doc) => {
  const strings: string[] = [];
  JSON.stringify([doc.blocks, doc.furniture], (key, value) => {
    if (typeof value === 'string' && key !== 'type') strings.push(value);
    return value;
  });
  return [...new Set(strings.join('').match(/[\p{L}\p{N}§%–]/gu) ?? [])];
};

describe('embedded fonts', () => {
  let seedBytes: Uint8Array;
  let italicBytes: Uint8Array;
  beforeAll(async () => {
    seedBytes = await renderDocx(seed001Doc());
    italicBytes = await renderDocx(docWithItalics());
  });

  test('settings ask for embedded, subset fonts; the parts have the obfuscated-font type', async () => {
    const parts = await readParts(seedBytes);
    const settings = part(parts, 'word/settings.xml');
    expect(xpathStrings(settings, "count(//*[local-name()='embedTrueTypeFonts'])")).toEqual(['1']);
    expect(xpathStrings(settings, "count(//*[local-name()='saveSubsetFonts'])")).toEqual(['1']);
    expect(part(parts, '[Content_Types].xml')).toContain(
      '<Default ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"/>',
    );
    expect([...parts.keys()].filter((p) => p.startsWith('word/fonts/'))).toEqual([
      'word/fonts/font1.odttf',
      'word/fonts/font2.odttf',
    ]);
  });

  test('only the faces used: regular and bold for seed 001, all four with italics', async () => {
    expect((await embeddedFonts(seedBytes)).map((f) => f.element)).toEqual(['embedRegular', 'embedBold']);
    expect((await embeddedFonts(italicBytes)).map((f) => f.element)).toEqual([
      'embedRegular',
      'embedBold',
      'embedItalic',
      'embedBoldItalic',
    ]);
    expect(facesUsed(docWithItalics())).toEqual(['regular', 'bold', 'italic', 'boldItalic']);
  });

  test('de-obfuscated with its key, each part is a Noto Sans face with the Doc’s glyphs, subset', async () => {
    const doc = docWithItalics();
    const wanted = characters(doc);
    expect(wanted).toEqual(expect.arrayContaining(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', '–', '§']));
    const fullGlyphs = fontkit.create(fontBytes('regular')).numGlyphs;
    const subfamilies = {
      embedRegular: 'Regular',
      embedBold: 'Bold',
      embedItalic: 'Italic',
      embedBoldItalic: 'Bold Italic',
    };
    for (const { element, key, raw, font } of await embeddedFonts(italicBytes)) {
      expect(key).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
      // Stored obfuscated: the part itself does not start as a TrueType font does.
      expect([...raw.slice(0, 4)]).not.toEqual([0, 1, 0, 0]);
      expect(font.familyName).toBe('Noto Sans');
      expect(font.subfamilyName).toBe(subfamilies[element as keyof typeof subfamilies]);
      const missing = wanted.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect(missing, element).toEqual([]);
      expect(font.numGlyphs).toBeLessThan(fullGlyphs / 4);
      // Characters the Doc does not have are left out.
      expect(font.hasGlyphForCodePoint('Ж'.codePointAt(0)!)).toBe(false);
    }
  });

  test('the faces hold the base set (any Swedish letter can be typed) and a Doc’s characters beyond it', async () => {
    const seed = seed001Doc();
    expect([...docCharacters(seed)].every((c) => baseCharacters.includes(c))).toBe(true);
    expect(subsetCharacters(seed)).toBe(baseCharacters);
    const [regular] = await embeddedFonts(seedBytes);
    for (const c of 'åäöÅÄÖéüÉÜ§½€–”…')
      expect(regular!.font.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);

    const beyond = seed001Doc();
    beyond.blocks.push({ type: 'paragraph', inlines: [{ type: 'text', text: 'Łódź och Жуков' }] });
    expect(subsetCharacters(beyond)).toContain('Ж');
    const [withExtra] = await embeddedFonts(await renderDocx(beyond));
    for (const c of 'ŁóźЖук') expect(withExtra!.font.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
    // The seed's subset (cached for the process) did not take in the other Doc's characters.
    const [again] = await embeddedFonts(await renderDocx(seed001Doc()));
    expect(again!.font.hasGlyphForCodePoint('Ж'.codePointAt(0)!)).toBe(false);
  });

  test('keys are stable for the same Doc and differ between faces', async () => {
    const again = await embeddedFonts(await renderDocx(docWithItalics()));
    const first = await embeddedFonts(italicBytes);
    expect(again.map((f) => f.key)).toEqual(first.map((f) => f.key));
    expect(new Set(first.map((f) => f.key)).size).toBe(4);
  });
});

/** Whether the system has Noto Sans itself; then LibreOffice could not show that the embedded font is used. */
function systemHasNotoSans(): boolean {
  try {
    return /Noto Sans/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

/** The DOCX without its fonts: parts, relationships and font table references removed. */
async function withoutEmbeddedFonts(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) if (name.startsWith('word/fonts/')) zip.remove(name);
  const table = await zip.file('word/fontTable.xml')!.async('string');
  zip.file('word/fontTable.xml', table.replace(/<w:embed\w+ [^>]*\/>/g, ''));
  zip.file(
    'word/_rels/fontTable.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe.runIf(hasLibreOffice() && !systemHasNotoSans())('LibreOffice without Noto Sans installed', () => {
  let workDir: string;
  let fontsOf: Map<string, string>;
  beforeAll(async () => {
    workDir = makeWorkDir({ installNotoSans: false });
    const embedded = join(workDir, 'embedded.docx');
    const control = join(workDir, 'control.docx');
    const bytes = await renderDocx(docWithItalics());
    writeFileSync(embedded, bytes);
    writeFileSync(control, await withoutEmbeddedFonts(bytes));
    // Separate runs, the control first: LibreOffice keeps a document's embedded fonts for the rest of its run.
    const pdffonts = (docx: string) =>
      execFileSync('pdffonts', convert(workDir, [docx], 'pdf'), { encoding: 'utf8' });
    fontsOf = new Map([
      ['control', pdffonts(control)],
      ['embedded', pdffonts(embedded)],
    ]);
  }, 300_000);
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('typesets the DOCX in the embedded Noto Sans faces', () => {
    const fonts = fontsOf.get('embedded')!;
    for (const face of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSans-Italic', 'NotoSans-BoldItalic'])
      expect(fonts).toContain(face);
  });

  test('control: without the embedded fonts it falls back to another family', () => {
    expect(fontsOf.get('control')).not.toMatch(/NotoSans/);
  });
});
