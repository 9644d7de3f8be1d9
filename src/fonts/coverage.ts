/**
 * Which characters the memo typeface can draw. Kept apart from the PDF backend so validation can ask without
 * loading fontkit (half a second at start-up): text made only of characters in `surelyCovered` — verified
 * against the font in tests — needs no font at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type Fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';

export type FaceId = 'regular' | 'italic' | 'bold' | 'boldItalic';

/** The four faces of Noto Sans (SIL OFL), installed from npm. */
export const FONT_FILES: Record<FaceId, string> = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};

const require = createRequire(import.meta.url);

/**
 * Set by the CLI bundle (src/cli/bundle.mjs, esbuild `define`) to the build's copy of fontkit: the same
 * version with its start-up work for scripts and formats memos do not use (the WOFF2 dictionary, the
 * Arabic, Indic and Universal shapers' tables) done on first use instead. Undefined in tsc's output and
 * the tests, which load the package itself.
 */
declare const __SKRIVELSE_FONTKIT__: string | undefined;

/** fontkit, loaded on first use (a quarter of a second at start-up). */
export function loadFontkit(): typeof Fontkit {
  const vendored = typeof __SKRIVELSE_FONTKIT__ === 'string' ? __SKRIVELSE_FONTKIT__ : undefined;
  if (vendored !== undefined) {
    try {
      // Bundled from fontkit's ES build, whose default export is the fontkit object.
      const bundled = require(fileURLToPath(new URL(vendored, import.meta.url))) as {
        default?: typeof Fontkit;
      };
      if (bundled.default) return bundled.default;
    } catch {
      // Not built: the package's own.
    }
  }
  return require('@pdf-lib/fontkit');
}

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
