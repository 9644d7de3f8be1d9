/**
 * The four Noto Sans faces: each loaded and parsed once per process, when first needed, shaped with fontkit (real advances and
 * GPOS kerning), shape results cached per face and text. pdf-lib is handed the already parsed fonts through a
 * fontkit shim, so embedding a face in a new document does not parse it again.
 *
 * Each face comes in two variants. Text made only of the base characters (Latin-1 and Swedish punctuation,
 * `baseCharacters`) is shaped and drawn with the face's base-set subset, the one the DOCX embeds (made at
 * `npm run build` into dist/font-cache, or by harfbuzz at run time); any other text with the whole font.
 * The subset is a twentieth of the font, and fontkit parses its GSUB/GPOS tables in a tenth of the time,
 * which is most of a one-memo build. harfbuzz keeps the subset's advances, kerning and ligatures, so both
 * variants measure base text alike (tests/unit/pdf/font-variants.test.ts): the layout is the same whichever
 * variant measured it, and only the drawing (`writeLayout`, which loads the base variant first) decides.
 */
import type Fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { type FaceId, fontBytes } from '../../fonts/coverage.js';
import { loadFontkit } from '../../fonts/fontkit.js';
import { baseCharacters, baseSubset, cachedBaseSubset } from '../docx/font-embedding.js';

/**
 * fontkit, loaded at the first measurement: it takes a third of a second to load, and `check` imports the
 * table layout to measure columns but needs fontkit only for a case with a table.
 */
const fontkit = (): typeof Fontkit => loadFontkit();

export type { FaceId } from '../../fonts/coverage.js';
export { unsupportedCharacters } from '../../fonts/coverage.js';

/**
 * Subset tags for the embedded fonts' BaseFont ("ABCDEF+Name", which is what marks a subset to readers).
 * Fixed per face and variant so output stays deterministic; the tag does not vary with the glyph set.
 */
const SUBSET_TAGS: Record<FontKey, string> = {
  'base/regular': 'SKRVRG',
  'base/italic': 'SKRVIT',
  'base/bold': 'SKRVBD',
  'base/boldItalic': 'SKRVBI',
  'full/regular': 'SKRFRG',
  'full/italic': 'SKRFIT',
  'full/bold': 'SKRFBD',
  'full/boldItalic': 'SKRFBI',
};

export type FontVariant = 'base' | 'full';
/** A face in one variant: what a text item is drawn with. */
export type FontKey = `${FontVariant}/${FaceId}`;

const partsOf = (key: FontKey) => key.split('/') as [FontVariant, FaceId];
/** The face a font key draws. */
export const faceOfFontKey = (key: FontKey): FaceId => partsOf(key)[1];

/** The base set as a regular expression (a character class): tested for every piece of text drawn. */
const baseOnly = new RegExp(
  `^[${[...baseCharacters].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]*$`,
);

/** Whether every character of `text` is in the base set. */
export const inBaseSet = (text: string): boolean => baseOnly.test(text);

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
const loaded = new Map<FontKey, LoadedFace>();

function parse(bytes: Uint8Array): LoadedFace {
  return {
    bytes,
    font: withLayoutCache(withCodePointsCached(withEvenGlyphPadding(fontkit().create(bytes)))),
    cache: new Map(),
  };
}

/** Base-set subsets at hand: from the font cache, or made by `loadBaseFaces`; null when neither. */
const baseBytes = new Map<FaceId, Uint8Array | null>();

/** The face in `variant`; the base variant only where its bytes are at hand (else undefined). */
function loadedFace(id: FaceId, variant: FontVariant): LoadedFace | undefined {
  const key: FontKey = `${variant}/${id}`;
  let entry = loaded.get(key);
  if (!entry) {
    let bytes: Uint8Array | null | undefined = fontBytes(id);
    if (variant === 'base') {
      bytes = baseBytes.get(id);
      if (bytes === undefined) {
        bytes = cachedBaseSubset(id) ?? null;
        baseBytes.set(id, bytes);
      }
      if (bytes === null) return undefined;
    }
    entry = parse(bytes);
    loaded.set(key, entry);
  }
  return entry;
}

const fullFace = (id: FaceId): LoadedFace => loadedFace(id, 'full')!;

/** The base variant where it is at hand, for what both variants have alike (metrics, base text). */
const anyFace = (id: FaceId): LoadedFace => loadedFace(id, 'base') ?? fullFace(id);

/** Makes the base variant of `ids` available, by harfbuzz where the font cache has none. */
export async function loadBaseFaces(ids: Iterable<FaceId>): Promise<void> {
  for (const id of ids) {
    if (loadedFace(id, 'base')) continue;
    baseBytes.set(id, await baseSubset(id));
  }
}

/** What a text item of `face` with these pieces is drawn with: the base variant when it can be. */
export function fontKeyFor(id: FaceId, pieces: readonly string[]): FontKey {
  return pieces.every(inBaseSet) && loadedFace(id, 'base') ? `base/${id}` : `full/${id}`;
}

const faceOfKey = (key: FontKey): LoadedFace => {
  const [variant, id] = partsOf(key);
  return variant === 'base' ? (loadedFace(id, 'base') ?? fullFace(id)) : fullFace(id);
};

export function faceFor(bold: boolean | undefined, italic: boolean | undefined): FaceId {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

export function unitsPerEm(id: FaceId): number {
  return anyFace(id).font.unitsPerEm;
}

/** Ascender and descender (negative) as fractions of the font size. */
export function verticalMetrics(id: FaceId): { ascent: number; descent: number } {
  const { font } = anyFace(id);
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
  return shapeIn((inBaseSet(text) && loadedFace(id, 'base')) || fullFace(id), text);
}

/** Shape `text` as the font `key` draws it (the same measures as `shape`, the glyphs of that font). */
export function shapeWith(key: FontKey, text: string): Shaped {
  return shapeIn(faceOfKey(key), text);
}

function shapeIn(entry: LoadedFace, text: string): Shaped {
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

/** Embed the given fonts as subset fonts in `pdf`. */
export async function embedFaces(pdf: PDFDocument, used: Iterable<FontKey>): Promise<Map<FontKey, PDFFont>> {
  pdf.registerFontkit(fontkitShim);
  const result = new Map<FontKey, PDFFont>();
  for (const key of used) {
    const entry = faceOfKey(key);
    const postscriptName = (entry.font.postscriptName ?? 'NotoSans').replace(/[^A-Za-z0-9-]/g, '');
    const font = await pdf.embedFont(entry.bytes, {
      subset: true,
      customName: `${SUBSET_TAGS[key]}+${postscriptName}`,
    });
    result.set(key, font);
  }
  return result;
}
