/**
 * The handlingar: one PDF with the kallelse, then each memo in agenda order followed by its bilagor, and an
 * outline (bookmarks) with one entry per ärende. Built with pdf-lib by copying pages: copying drops the
 * parts' tag trees (structure, reading order, alt texts), so the pack is NOT PDF/UA; the kallelse and the
 * memos written alone are the accessible versions.
 */
import { PDFDocument, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';
import { textString, writeInfo } from '../backends/pdf/index.js';
import { toolName } from '../util/package-info.js';
import type { Meeting } from './model.js';

/** The notice printed wherever the pack is written. */
export const untaggedNotice =
  'Handlingarna är sammanfogade genom att sidor kopierats; då följer inte taggningen med, så filen är inte tillgänglighetsanpassad (inte PDF/UA). Publicera kallelsen och skrivelserna var för sig som tillgängliga versioner.';

export interface PackPart {
  /** The bookmark of this part; parts with the same `group` nest under the first one. */
  title: string;
  bytes: Uint8Array;
  /** Index of the top-level bookmark (0, 1, 2 … without gaps) this part opens or nests under (a bilaga). */
  group: number;
}

export interface OutlineEntry {
  title: string;
  /** 0-based page index in the pack. */
  page: number;
  children: OutlineEntry[];
}

/** Thrown when a part cannot be read as a PDF (an encrypted or damaged bilaga). */
export class PackPartError extends Error {
  constructor(
    readonly part: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PackPartError';
  }
}

/** The parts of a meeting's pack: kallelse, then per case item its memo and bilagor. */
export function packTitles(m: Meeting): string[] {
  return m.items.map((item, i) => `${i + 1}. ${item.type === 'case' ? item.case.title : item.title}`);
}

export async function buildPack(
  m: Meeting,
  parts: readonly PackPart[],
): Promise<{ bytes: Uint8Array; outline: OutlineEntry[] }> {
  const pack = await PDFDocument.create({ updateMetadata: false });
  const outline: OutlineEntry[] = [];
  for (const part of parts) {
    let source: PDFDocument;
    try {
      source = await PDFDocument.load(part.bytes, { updateMetadata: false });
    } catch (error) {
      throw new PackPartError(part.title, error);
    }
    if (part.group > outline.length) throw new Error(`bokmärke ${part.group} saknar föregångare`);
    const first = pack.getPageCount();
    for (const page of await pack.copyPages(source, source.getPageIndices())) pack.addPage(page);
    const entry: OutlineEntry = { title: part.title, page: first, children: [] };
    const parent = outline[part.group];
    if (parent) parent.children.push(entry);
    else outline[part.group] = entry;
  }
  addOutline(pack, outline);
  // Info and language through the PDF backend's one string encoder (write/pdf-text.ts).
  writeInfo(pack, {
    title: `Handlingar till ${m.board.genitive.charAt(0).toLocaleLowerCase('sv-SE')}${m.board.genitive.slice(1)} sammanträde ${m.date}`,
    author: m.secretary,
    subject: '',
    keywords: '',
    creator: toolName,
    producer: toolName,
    date: `D:${m.date.replaceAll('-', '')}000000Z`,
  });
  pack.catalog.set(PDFName.of('Lang'), textString('sv-SE'));
  pack.catalog.set(PDFName.of('ViewerPreferences'), pack.context.obj({ DisplayDocTitle: true }));
  return { bytes: await pack.save({ useObjectStreams: false }), outline };
}

/** Writes the outline tree (ISO 32000-1 12.3.3) and opens the pack with the bookmarks shown. */
function addOutline(pack: PDFDocument, entries: readonly OutlineEntry[]): void {
  const { context } = pack;
  const pages = pack.getPages();
  const rootRef = context.nextRef();
  const level = (
    items: readonly OutlineEntry[],
    parent: PDFRef,
  ): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = items.length;
    items.forEach((item, i) => {
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), textString(item.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(
        PDFName.of('Dest'),
        context.obj([pages[item.page]!.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]),
      );
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children.length > 0) {
        const sub = level(item.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
      }
      context.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs.at(-1)!, count };
  };
  const top = level(entries, rootRef);
  const root = context.obj({});
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  context.assign(rootRef, root);
  pack.catalog.set(PDFName.of('Outlines'), rootRef);
  pack.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
