/**
 * The fonts the DOCX carries, as Word's "Embed fonts in the file" with "Embed only the characters used":
 * each Noto Sans face the Doc uses, cut down to the Doc's characters. Word and LibreOffice then show the
 * memo in Noto Sans, as the PDF, also where the family is not installed.
 *
 * Subsetting is harfbuzz's hb-subset (through subset-font): unlike fontkit's subsetter, made for PDF, it
 * keeps what a font installed by Word needs (cmap, name, OS/2, post) and the kerning (GPOS).
 *
 * The subset is of a fixed base set (Latin-1 and the punctuation of Swedish prose: `baseCharacters`) plus
 * whatever the Doc has beyond it. Nearly every memo is inside the base set, so each face is subset once per
 * process and the result reused (a batch of memos pays harfbuzz once, not per memo); and an official who
 * edits the DOCX where Noto Sans is not installed can type any Swedish letter, not only those the memo
 * happened to contain. The price is about 15 kB per face (about 36 kB instead of about 21 kB).
 */
import type { Doc, Inline, ListBlock } from '../../doc/model.js';
import { list } from '../../doc/typography.js';
import { type FaceId, fontBytes } from '../../fonts/coverage.js';
import { importExternal } from '../../util/external-import.js';
import { cachedSubset } from './font-cache.js';

export interface EmbeddedFace {
  face: FaceId;
  /** The subset font (TrueType), not yet obfuscated. */
  bytes: Uint8Array;
}

/** Written by the backend itself: list numbers, page numbers, bullets, the non-breaking hyphen (both forms). */
const fixedCharacters = `0123456789.() ${list.bullets.join('')}-\u2011`;

/** Keys of the Doc whose strings are never shown. */
const hiddenKeys = new Set(['type', 'href', 'role', 'source']);

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) if (!hiddenKeys.has(key)) collectStrings(item, into);
}

/** Every character the DOCX may show, sorted and once each (the order keeps the subset reproducible). */
export function docCharacters(doc: Doc): string {
  const strings = [fixedCharacters, ...(doc.bullets ?? [])];
  collectStrings(doc.blocks, strings);
  collectStrings(doc.furniture, strings);
  const characters = new Set(strings.join('').normalize('NFC'));
  return [...characters].sort().join('');
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

/**
 * What every embedded face holds: printable ASCII, Latin-1 (å, ä, ö, é, ü, §, °, ½ …), the dashes, quotes,
 * ellipsis, bullets and the euro sign of Swedish prose, and what the backend writes itself. Sorted, once each.
 */
export const baseCharacters: string = [
  ...new Set(
    range(0x20, 0x7e) +
      range(0xa0, 0xff) +
      '\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2212' +
      fixedCharacters,
  ),
]
  .sort()
  .join('');

const baseSet = new Set(baseCharacters);

/** The characters the Doc's faces are subset to: the base set, and the Doc's characters beyond it. */
export function subsetCharacters(doc: Doc): string {
  const extra = [...docCharacters(doc)].filter((c) => !baseSet.has(c));
  return extra.length === 0 ? baseCharacters : [...new Set([...baseCharacters, ...extra])].sort().join('');
}

type RunStyle = { bold: boolean; italic: boolean };

const runs = (inlines: readonly Inline[], styleBold: boolean): RunStyle[] =>
  inlines.flatMap((i) => (i.type === 'text' ? [{ bold: styleBold || !!i.bold, italic: !!i.italic }] : []));

/** Runs of a list's paragraphs, nested lists included. */
const listRuns = (l: ListBlock): RunStyle[] =>
  l.items.flatMap((item) =>
    item.blocks.flatMap((b) => (b.type === 'list' ? listRuns(b) : runs(b.inlines, false))),
  );

/** Runs of a block with the block's own boldness (titles, headings and labels are bold styles). */
function styledRuns(doc: Doc): RunStyle[] {
  return doc.blocks.flatMap((b) => {
    if (b.type === 'title' || b.type === 'heading') return runs(b.inlines, true);
    if (b.type === 'paragraph') return runs(b.inlines, b.role === 'label');
    if (b.type === 'list') return listRuns(b);
    return [];
  });
}

/** The faces the DOCX shows: regular and bold always (body, headings, the head), italics when used. */
export function facesUsed(doc: Doc): FaceId[] {
  const runs = styledRuns(doc);
  const faces: FaceId[] = ['regular', 'bold'];
  if (runs.some((r) => r.italic && !r.bold)) faces.push('italic');
  if (runs.some((r) => r.italic && r.bold)) faces.push('boldItalic');
  return faces;
}

/** Subsets kept per process, by face and characters (the base set's stay; a few others besides). */
const MAX_CACHED_SUBSETS = 32;
const subsets = new Map<string, Promise<Uint8Array>>();

/** `face` subset to `text` by harfbuzz (subset-font, loaded on first use: its WebAssembly takes a while). */
export async function harfbuzzSubset(face: FaceId, text: string): Promise<Uint8Array> {
  const { default: subsetFont } = await importExternal<typeof import('subset-font')>('subset-font');
  return new Uint8Array(await subsetFont(Buffer.from(fontBytes(face)), text, { targetFormat: 'truetype' }));
}

/**
 * `face` subset to `text`, once per process for each face and character set: the base set's from the font
 * cache that `npm run build` makes (font-cache.ts) where it is valid, else by harfbuzz.
 */
function subsetOf(face: FaceId, text: string): Promise<Uint8Array> {
  const key = `${face}\u0000${text}`;
  let subset = subsets.get(key);
  if (!subset) {
    if (subsets.size >= MAX_CACHED_SUBSETS) {
      for (const k of subsets.keys()) if (!k.endsWith(`\u0000${baseCharacters}`)) subsets.delete(k);
    }
    const cached = text === baseCharacters ? cachedSubset(face, text) : undefined;
    subset = cached ? Promise.resolve(cached) : harfbuzzSubset(face, text);
    // A failure is not kept: the next Doc tries again.
    subset.catch(() => subsets.delete(key));
    subsets.set(key, subset);
  }
  return subset;
}

/** `face` subset to the base set: shared with the PDF backend, which draws base text with it (pdf/fonts.ts). */
export const baseSubset = (face: FaceId): Promise<Uint8Array> => subsetOf(face, baseCharacters);

/** The base-set subset from the font cache, if valid (no harfbuzz; synchronous, for the PDF layout). */
export const cachedBaseSubset = (face: FaceId): Uint8Array | undefined => cachedSubset(face, baseCharacters);

/**
 * Each face the Doc uses, subset to `subsetCharacters(doc)`. The bytes are shared between Docs with the
 * same characters: callers must not change them (the package obfuscates a copy).
 */
export async function embeddedFaces(doc: Doc): Promise<EmbeddedFace[]> {
  const text = subsetCharacters(doc);
  const result: EmbeddedFace[] = [];
  // One at a time: the faces share one harfbuzz instance.
  for (const face of facesUsed(doc)) result.push({ face, bytes: await subsetOf(face, text) });
  return result;
}
