import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import {
  type FaceId,
  FONT_FILES,
  fontBytes,
  surelyCovered,
  unsupportedCharacters,
} from '../../../src/fonts/coverage.js';
import { loadProfile } from '../../../src/profile/load.js';

const profile = loadProfile();
const valid = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');

describe('glyph coverage', () => {
  it('the fast path only skips characters that every face really has', () => {
    const printable: number[] = [];
    for (let cp = 0x20; cp <= 0x20ac; cp++) {
      const ch = String.fromCodePoint(cp);
      if (surelyCovered.test(ch) && !/\s/.test(ch)) printable.push(cp);
    }
    expect(printable.length).toBeGreaterThan(300);
    for (const face of Object.keys(FONT_FILES) as FaceId[]) {
      const font = fontkit.create(fontBytes(face));
      expect(printable.filter((cp) => !font.hasGlyphForCodePoint(cp)).map((cp) => cp.toString(16))).toEqual(
        [],
      );
    }
  });

  it('finds what the font lacks, with offsets', () => {
    expect(unsupportedCharacters('Beslut 中 och 😀 – ok')).toEqual([
      { index: 7, char: '中' },
      { index: 13, char: '😀' },
    ]);
  });

  it('reports a missing glyph as an error at its line and column, but not in YAML comments', () => {
    const text = valid
      .replace('# Transkriberad', '# Kommentar med 😀 Transkriberad')
      .replace('Kostnaden uppgår', 'Kostnaden ✈ uppgår');
    const { case: c, diagnostics } = readCase(text, 'x.md', profile);
    expect(c).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('✈')) + 1;
    expect(diagnostics.filter((d) => d.rule === 'glyph-missing')).toEqual([
      expect.objectContaining({
        severity: 'fel',
        position: { line, column: 11 },
        message: expect.stringContaining('U+2708'),
      }),
    ]);
  });
});

describe('characters that exist only after decoding', () => {
  const glyphRules = (text: string) =>
    readCase(text, 'x.md', profile).diagnostics.filter((d) => d.rule === 'glyph-missing');

  it('an HTML character reference in the body is checked like the character', () => {
    const found = glyphRules(valid.replace(/^## Bakgrund\n/m, '## Bakgrund\n\nEn glad min &#x1F600; här.\n'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/U\+1F600.*teckenreferens/);
    expect(found[0]!.position!.line).toBe(
      valid.slice(0, valid.indexOf('## Bakgrund')).split('\n').length + 2,
    );
  });

  it('a YAML escape in the front matter is checked like the character', () => {
    const found = glyphRules(
      valid.replace(/^ {2}namn: John Fristedt$/m, '  namn: "John \\U0001F600 Fristedt"'),
    );
    expect(found.map((d) => d.field)).toEqual(['handläggare.namn']);
  });

  it('an ordinary character reference (&amp;) is fine', () => {
    expect(glyphRules(valid.replace(/^## Bakgrund\n/m, '## Bakgrund\n\nA &amp; B och &auml;.\n'))).toEqual(
      [],
    );
  });
});
