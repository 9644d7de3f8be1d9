/**
 * The PDF draws base text (Latin-1 and Swedish punctuation) with each face's base-set subset and anything else
 * with the whole font (src/backends/pdf/fonts.ts). That is only right if the subset measures base text exactly
 * as the whole font does: the same advances, kerning and ligatures, and the same vertical metrics.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { describe, expect, test } from 'vitest';
import { baseCharacters, baseSubset } from '../../../src/backends/docx/font-embedding.js';
import { inBaseSet } from '../../../src/backends/pdf/fonts.js';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { type FaceId, fontBytes } from '../../../src/fonts/coverage.js';
import { docWith, para, text } from '../../fixtures/pdf/docs.js';
import { pdftotext, tempPdf } from '../../helpers/pdf.js';

const faces: FaceId[] = ['regular', 'bold', 'italic', 'boldItalic'];
const root = join(import.meta.dirname, '../../..');

/** Advances and the code points of each glyph: what the layout measures and the text layer maps. */
const signature = (font: Font, s: string) => {
  const run = font.layout(s);
  return `${run.positions.map((p) => p.xAdvance).join(',')}|${run.glyphs.map((g) => g.codePoints.join('.')).join(',')}`;
};

/** Every word of the example cases made of base characters only. */
function caseWords(): string[] {
  const base = new Set(baseCharacters);
  const words = readdirSync(join(root, 'cases'))
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => readFileSync(join(root, 'cases', f), 'utf8').split(/\s+/));
  return [...new Set(words)].filter((w) => w !== '' && [...w].every((c) => base.has(c)));
}

describe('base-set subsets measure as the whole font', () => {
  const words = caseWords();
  const chars = [...baseCharacters].filter((c) => c !== ' ');
  // Kerning and ligatures happen between neighbours: every base character before and after these.
  const partners = [...'AFLPTVWYafijlortvwy.,:;-–’”»«/(1'];

  test.each(faces)('%s: the same advances, kerning, ligatures and metrics', async (face) => {
    const whole = fontkit.create(fontBytes(face));
    const subset = fontkit.create(await baseSubset(face));
    expect(subset.numGlyphs).toBeLessThan(whole.numGlyphs / 5);
    expect([subset.unitsPerEm, subset.ascent, subset.descent]).toEqual([
      whole.unitsPerEm,
      whole.ascent,
      whole.descent,
    ]);
    const samples = [
      ...words,
      'ffi ffl fi fl ff',
      ...chars.flatMap((c) => partners.flatMap((p) => [c + p, p + c])),
    ];
    const differing = samples.filter((s) => signature(whole, s) !== signature(subset, s));
    expect(differing).toEqual([]);
    expect(samples.length).toBeGreaterThan(12_000);
  });
});

test('inBaseSet is membership in the base set, character by character', () => {
  const base = new Set(baseCharacters);
  for (let cp = 0; cp < 0x3000; cp++) {
    const c = String.fromCodePoint(cp);
    if (inBaseSet(c) !== base.has(c)) throw new Error(`U+${cp.toString(16)}`);
  }
  expect(inBaseSet('Överenskommelsen – ”§ 3” …')).toBe(true);
  expect(inBaseSet('Łódź')).toBe(false);
  expect(inBaseSet('a😀')).toBe(false);
  expect(inBaseSet('')).toBe(true);
});

describe('which font draws which text', () => {
  const pdffonts = (path: string) =>
    execFileSync('pdffonts', [path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(/\s+/)[0]);

  test('a memo in Swedish embeds only the base subsets', async () => {
    const path = tempPdf(await renderPdf(docWith([para(text('Överenskommelsen förlängs – ”så här” § 3.'))])));
    expect(pdffonts(path).every((name) => /^SKRV(RG|BD|IT|BI)\+/.test(name!))).toBe(true);
  });

  test('a line with a letter beyond the base set is drawn with the whole font, text intact', async () => {
    const path = tempPdf(
      await renderPdf(
        docWith([
          para(text('Besök i Łódź och Gdańsk.')),
          para(text('Överenskommelsen gäller.', { bold: true })),
        ]),
      ),
    );
    const names = pdffonts(path);
    expect(names.some((n) => n!.startsWith('SKRFRG+'))).toBe(true);
    expect(names.some((n) => n!.startsWith('SKRVBD+'))).toBe(true);
    const words = pdftotext(path).replace(/\s+/g, ' ');
    expect(words).toContain('Besök i Łódź och Gdańsk.');
    expect(words).toContain('Överenskommelsen gäller.');
  });
});
