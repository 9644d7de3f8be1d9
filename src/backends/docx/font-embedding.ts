/**
 * The fonts the DOCX carries, as Word's "Embed fonts in the file" with "Embed only the characters used":
 * each Noto Sans face the Doc uses, cut down to the Doc's characters. Word and LibreOffice then show the
 * memo in Noto Sans, as the PDF, also where the family is not installed.
 *
 * Subsetting is harfbuzz's hb-subset (through subset-font): unlike fontkit's subsetter, made for PDF, it
 * keeps what a font installed by Word needs (cmap, name, OS/2, post) and the kerning (GPOS).
 */
import subsetFont from 'subset-font';
import type { Doc, Inline, ListBlock } from '../../doc/model.js';
import { list } from '../../doc/typography.js';
import { type FaceId, fontBytes } from '../../fonts/coverage.js';

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

/** Each face the Doc uses, subset to the Doc's characters. */
export async function embeddedFaces(doc: Doc): Promise<EmbeddedFace[]> {
  const text = docCharacters(doc);
  const result: EmbeddedFace[] = [];
  // One at a time: the faces share one harfbuzz instance.
  for (const face of facesUsed(doc)) {
    const subset = await subsetFont(Buffer.from(fontBytes(face)), text, { targetFormat: 'truetype' });
    result.push({ face, bytes: new Uint8Array(subset) });
  }
  return result;
}
