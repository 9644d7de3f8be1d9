/**
 * Which characters the memo typeface can draw. Kept apart from the PDF backend so validation can ask without
 * loading fontkit (half a second at start-up): text made only of characters in `surelyCovered` — verified
 * against the font in tests — needs no font at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from '@pdf-lib/fontkit';
import { loadFontkit } from './fontkit.js';

export type FaceId = 'regular' | 'italic' | 'bold' | 'boldItalic';

/** The four faces of Noto Sans (SIL OFL), installed from npm. */
export const FONT_FILES: Record<FaceId, string> = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};

const require = createRequire(import.meta.url);

export function fontBytes(face: FaceId): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve(FONT_FILES[face])));
}

/** Basic Latin, Latin-1, Latin Extended-A, general punctuation (dashes, quotes, bullets) and €. */
export const surelyCovered = /^[\t\n\r\u0020-\u007E\u00A0-\u017F\u2010-\u2027\u20AC]*$/;

let coverageFont: Font | undefined;

/**
 * Characters of `text` that the fonts cannot draw (they would show as empty boxes). Whitespace and
 * invisible characters the layout removes are not reported. `index` is the UTF-16 offset in `text`.
 */
export function unsupportedCharacters(text: string): { index: number; char: string }[] {
  if (surelyCovered.test(text)) return [];
  coverageFont ??= loadFontkit().create(fontBytes('regular'));
  const font = coverageFont;
  const result: { index: number; char: string }[] = [];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const ignorable = /[\s\u00ad\u200b-\u200d\ufeff]/u.test(char) && codePoint !== 0xa0;
    if (!ignorable && !font.hasGlyphForCodePoint(codePoint)) result.push({ index, char });
    index += char.length;
  }
  return result;
}
