/**
 * The four Noto Sans faces: each loaded and parsed once per process, when first needed, shaped with fontkit (real advances and
 * GPOS kerning), shape results cached per face and text. pdf-lib is handed the already parsed fonts through a
 * fontkit shim, so embedding a face in a new document does not parse it again.
 */
import type Fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { type FaceId, fontBytes, loadFontkit } from '../../fonts/coverage.js';

/**
 * fontkit, loaded at the first measurement: it takes a third of a second to load, and `check` imports the
 * table layout to measure columns but needs fontkit only for a case with a table.
 */
const fontkit = (): typeof Fontkit => loadFontkit();

export type { FaceId } from '../../fonts/coverage.js';
export { unsupportedCharacters } from '../../fonts/coverage.js';

/**
 * Subset tags for the embedded fonts' BaseFont ("ABCDEF+Name", which is what marks a subset to readers).
 * Fixed per face so output stays deterministic; the tag does not vary with the glyph set.
 */
const SUBSET_TAGS: Record<FaceId, string> = {
  regular: 'SKRVRG',
  italic: 'SKRVIT',
  bold: 'SKRVBD',
  boldItalic: 'SKRVBI',
};

/** A run of glyphs between kerning adjustments: `kernAfterUnits` is added after the segment's last glyph. */
export interface ShapedSegment {
  text: string;
  glyphCount: number;
  kernAfterUnits: number;
}

export interface Shaped {
  /** Advance of the whole text in font units, kerning included. */
  widthUnits: number;
  segments: ShapedSegment[];
}

interface LoadedFace {
  bytes: Uint8Array;
  font: Font;
  cache: Map<string, Shaped>;
}

/** Shape results kept per face before the cache is dropped (bounds memory in long-running processes). */
const MAX_CACHED_SHAPES = 50_000;

/**
 * fontkit's layout (GSUB/GPOS shaping) is the costly step, and pdf-lib's encodeText repeats it for the text
 * we already measured: cache default-feature layouts per text so each word is shaped once per process.
 */
function withLayoutCache(font: Font): Font {
  const layout = font.layout.bind(font);
  const cache = new Map<string, ReturnType<Font['layout']>>();
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features);
    let run = cache.get(text);
    if (!run) {
      if (cache.size >= MAX_CACHED_SHAPES) cache.clear();
      run = layout(text);
      cache.set(text, run);
    }
    return run;
  };
  return font;
}

/** fontkit's TrueType subsetter internals that the padding fix below touches. */
interface GlyfBuffer {
  length: number;
  copy(target: GlyfBuffer): number;
  constructor: { alloc(size: number): GlyfBuffer };
}
interface TtfSubsetInternals {
  glyf: GlyfBuffer[];
  offset: number;
  _addGlyph(glyphId: number): number;
}

/**
 * Work around a fontkit subsetting bug: glyph data is copied unpadded, but the subset's `loca` uses the short
 * format (offsets / 2) when small, so after an odd-length glyph every later glyph is misread and viewers draw
 * nothing (seen with Noto Sans). Padding each glyph to an even length keeps the short offsets exact.
 */
function withEvenGlyphPadding(font: Font): Font {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const internals = subset as unknown as TtfSubsetInternals;
    const addGlyph = internals._addGlyph;
    if (typeof addGlyph !== 'function') return subset;
    internals._addGlyph = function (this: TtfSubsetInternals, glyphId: number) {
      const index = addGlyph.call(this, glyphId);
      const data = this.glyf[index]!;
      if (data.length % 2 === 1) {
        const padded = data.constructor.alloc(data.length + 1);
        data.copy(padded);
        this.glyf[index] = padded;
        this.offset += 1;
      }
      return index;
    };
    return subset;
  };
  return font;
}

/**
 * fontkit caches each glyph object with the code points of its first request, and pdf-lib's ToUnicode map is
 * built from them. The subsetter requests composite components (the "A" inside "Ä") without code points, so a
 * font shared across documents would leave such a glyph unmapped in every later document. Requesting every
 * mapped glyph through the cmap first, in code-point order, gives each its code point once and for all.
 * Presentation forms (U+FB00 "ﬀ" …) are left out: those glyphs are also ligatures of several letters and must
 * keep the letters the shaper gives them ("f", "i"), or copied text would read "ﬁ".
 */
function withCodePointsCached(font: Font): Font {
  const codePoints = [...font.characterSet].filter((cp) => cp < 0xfb00 || cp > 0xfb4f).sort((a, b) => a - b);
  for (const codePoint of codePoints) font.glyphForCodePoint(codePoint);
  return font;
}

/** Faces parsed so far: each is loaded when a Doc first needs it (most memos use regular and bold only). */
const loaded = new Map<FaceId, LoadedFace>();

function loadFace(id: FaceId): LoadedFace {
  const bytes = fontBytes(id);
  return {
    bytes,
    font: withLayoutCache(withCodePointsCached(withEvenGlyphPadding(fontkit().create(bytes)))),
    cache: new Map(),
  };
}

function face(id: FaceId): LoadedFace {
  let entry = loaded.get(id);
  if (!entry) {
    entry = loadFace(id);
    loaded.set(id, entry);
  }
  return entry;
}

export function faceFor(bold: boolean | undefined, italic: boolean | undefined): FaceId {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

export function unitsPerEm(id: FaceId): number {
  return face(id).font.unitsPerEm;
}

/** Ascender and descender (negative) as fractions of the font size. */
export function verticalMetrics(id: FaceId): { ascent: number; descent: number } {
  const { font } = face(id);
  return { ascent: font.ascent / font.unitsPerEm, descent: font.descent / font.unitsPerEm };
}

function shapeUncached(font: Font, text: string): Shaped {
  const run = font.layout(text);
  const segments: ShapedSegment[] = [];
  let widthUnits = 0;
  let consumed = 0;
  let start = 0;
  let startGlyph = 0;
  for (let i = 0; i < run.glyphs.length; i++) {
    const glyph = run.glyphs[i]!;
    const advance = run.positions[i]!.xAdvance;
    widthUnits += advance;
    consumed += String.fromCodePoint(...glyph.codePoints).length;
    const kern = advance - glyph.advanceWidth;
    if (kern !== 0 && i < run.glyphs.length - 1) {
      segments.push({
        text: text.slice(start, consumed),
        glyphCount: i + 1 - startGlyph,
        kernAfterUnits: kern,
      });
      start = consumed;
      startGlyph = i + 1;
    }
  }
  if (consumed !== text.length) {
    // Glyphs do not map back onto the text one to one (unusual substitutions): draw and measure unkerned.
    const unkerned = run.glyphs.reduce((sum, g) => sum + g.advanceWidth, 0);
    return { widthUnits: unkerned, segments: [{ text, glyphCount: run.glyphs.length, kernAfterUnits: 0 }] };
  }
  segments.push({ text: text.slice(start), glyphCount: run.glyphs.length - startGlyph, kernAfterUnits: 0 });
  return { widthUnits, segments };
}

/** Shape `text` in `face` (cached). The text must be NFC and free of line breaks. */
export function shape(id: FaceId, text: string): Shaped {
  const entry = face(id);
  let shaped = entry.cache.get(text);
  if (!shaped) {
    if (entry.cache.size >= MAX_CACHED_SHAPES) entry.cache.clear();
    shaped = shapeUncached(entry.font, text);
    entry.cache.set(text, shaped);
  }
  return shaped;
}

export function textWidthPt(id: FaceId, text: string, sizePt: number): number {
  return (shape(id, text).widthUnits * sizePt) / unitsPerEm(id);
}

/** A fontkit stand-in for pdf-lib that returns the fonts parsed once per process instead of parsing again. */
const fontkitShim = {
  create(bytes: Uint8Array): Font {
    for (const entry of loaded.values()) if (entry.bytes === bytes) return entry.font;
    return fontkit().create(bytes);
  },
};

/** Embed the given faces as subset fonts in `pdf`. */
export async function embedFaces(pdf: PDFDocument, used: Iterable<FaceId>): Promise<Map<FaceId, PDFFont>> {
  pdf.registerFontkit(fontkitShim);
  const result = new Map<FaceId, PDFFont>();
  for (const id of used) {
    const entry = face(id);
    const postscriptName = (entry.font.postscriptName ?? 'NotoSans').replace(/[^A-Za-z0-9-]/g, '');
    const font = await pdf.embedFont(entry.bytes, {
      subset: true,
      customName: `${SUBSET_TAGS[id]}+${postscriptName}`,
    });
    result.set(id, font);
  }
  return result;
}
