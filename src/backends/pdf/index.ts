/**
 * PDF backend: Doc → laid-out, tagged pdf-lib document → deterministic bytes. Layout (src/backends/pdf/layout)
 * decides every position; this module only draws, tags and adds links, bookmarks and metadata.
 */
import { type PDFArray, type PDFContext, type PDFDict, PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import type { Doc, DocMeta } from '../../doc/model.js';
import { embedFaces, type FontKey, fontKeyFor, loadBaseFaces } from './fonts.js';
import { layoutDoc } from './layout/index.js';
import type { LayoutResult, LinkArea, TextItem } from './layout/types.js';
import { GlyphEncoder, type PageFonts, pageOperators } from './write/content.js';
import { contentStreamOf, deflateWithFflate } from './write/flate.js';
import { embedImages } from './write/images.js';
import { writeInfo } from './write/info.js';
import { lineDestination, writeOutline } from './write/outline.js';
import { textString, uriAction } from './write/pdf-text.js';
import { StructureWriter } from './write/structure.js';
import { writeXmp } from './write/xmp.js';

export { unsupportedCharacters } from './fonts.js';
export { layoutDoc } from './layout/index.js';
export { type InfoFields, writeInfo } from './write/info.js';
export { asciiString, nameOf, textString } from './write/pdf-text.js';
export { savePdf } from './write/save.js';
export { writeXmp, type XmpFields } from './write/xmp.js';

import { savePdf } from './write/save.js';

export const PDF_CREATOR = 'skrivelse';
export const PDF_PRODUCER = 'skrivelse (pdf-lib)';

/** The case date at UTC midnight as a PDF date and as ISO 8601, or undefined when it is not a valid date. */
function caseDate(meta: DocMeta): { pdf: string; iso: string } | undefined {
  const day = meta.date.slice(0, 10);
  const iso = `${day}T00:00:00Z`;
  const time = Date.parse(iso);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) return undefined;
  return { pdf: `D:${day.replaceAll('-', '')}000000Z`, iso };
}

/**
 * Info and XMP with the same values; the XMP identifies the file as PDF/UA-1, since the build PDF is the one
 * published on the web (lagen 2018:1937) and must be as accessible as the archival copy. `pdfua: false`
 * leaves the identification out (a meeting pack holding an untagged bilaga).
 */
export function setMetadata(pdf: PDFDocument, meta: DocMeta, options: { pdfua?: boolean } = {}): void {
  const date = caseDate(meta);
  const keywords = meta.keywords.join(' ');
  const creator = meta.creator || PDF_CREATOR;
  writeInfo(pdf, {
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords,
    creator,
    producer: PDF_PRODUCER,
    ...(date ? { date: date.pdf } : {}),
  });
  writeXmp(pdf, {
    title: meta.title,
    author: meta.author,
    description: meta.subject,
    keywords,
    language: meta.language || 'sv-SE',
    creatorTool: creator,
    producer: PDF_PRODUCER,
    ...(date ? { dateIso: date.iso } : {}),
    pdfua: options.pdfua !== false,
  });
  pdf.catalog.set(PDFName.of('Lang'), textString(meta.language || 'sv-SE'));
  pdf.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true);
}

/**
 * One annotation per line a link covers; each carries the link's whole text as /Contents. `target` is the
 * link's URI action (/A) or, for a link inside the document (a toc entry), its explicit destination (/Dest):
 * no GoTo action, so URI stays the only action type the PDF has.
 */
function linkAnnotation(
  context: PDFContext,
  link: LinkArea,
  text: string,
  target: { A: PDFDict } | { Dest: PDFArray },
  pageHeightPt: number,
  structParent: number,
) {
  const bottom = pageHeightPt - link.topPt - link.heightPt;
  return context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [link.xPt, bottom, link.xPt + link.widthPt, pageHeightPt - link.topPt].map(
      (n) => Math.round(n * 100) / 100,
    ),
    Border: [0, 0, 0],
    F: 4,
    ...target,
    Contents: textString(text || link.href || ''),
    StructParent: structParent,
  });
}

/** Draw a finished layout into a new pdf-lib document. */
async function writeLayout(layout: LayoutResult, meta: DocMeta): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const { context } = pdf;
  deflateWithFflate(context);
  await loadBaseFaces([...layout.facesUsed].sort());
  const itemFonts = new Map<TextItem, FontKey>();
  for (const page of layout.pages)
    for (const item of page.items)
      if (item.kind === 'text') itemFonts.set(item, fontKeyFor(item.face, item.pieces));
  const embedded = await embedFaces(pdf, [...new Set(itemFonts.values())].sort());
  const resourceNames = new Map<FontKey, PDFName>(
    [...embedded.keys()].map((face, i) => [face, PDFName.of(`F${i + 1}`)]),
  );
  const fonts: PageFonts = {
    font: (key) => embedded.get(key)!,
    resourceName: (key) => resourceNames.get(key)!,
    keyOf: (item) => itemFonts.get(item)!,
  };
  const encoder = new GlyphEncoder(fonts);
  const imageRefs = await embedImages(pdf, layout.images);
  const imageName = (index: number) => PDFName.of(`Im${index + 1}`);

  const size: [number, number] = [
    Math.round(layout.widthPt * 1000) / 1000,
    Math.round(layout.heightPt * 1000) / 1000,
  ];
  const pages = layout.pages.map(() => pdf.addPage(size));
  const pageRefs: PDFRef[] = pages.map((p) => p.ref);
  const structure = new StructureWriter(context, layout.nodes, pageRefs);

  layout.pages.forEach((pageLayout, pageIndex) => {
    const page = pages[pageIndex]!;
    for (const [face, name] of resourceNames) page.node.setFontDictionary(name, embedded.get(face)!.ref);
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    page.node.set(PDFName.of('StructParents'), context.obj(pageIndex));
    // Only the images this page shows are in its resources.
    for (const item of pageLayout.items)
      if (item.kind === 'image') page.node.setXObject(imageName(item.image), imageRefs[item.image]!);
    const operators = pageOperators(
      context,
      pageLayout.items,
      pageIndex,
      layout.heightPt,
      encoder,
      fonts,
      structure,
      imageName,
    );
    page.node.addContentStream(context.register(contentStreamOf(context, operators)));
    for (const link of pageLayout.links) {
      // Layout already draws targets that are not allowed as plain text; this is the second guard.
      const action = link.href === undefined ? undefined : uriAction(context, link.href);
      const dest = link.dest && pageRefs[link.dest.pageIndex];
      const target = dest
        ? { Dest: lineDestination(context, dest, link.dest!.topPt, layout.heightPt) }
        : action && { A: action };
      if (!target) continue;
      const ref = context.nextRef();
      const key = structure.addAnnotation(link.node, pageIndex, ref);
      const text = (layout.nodes[link.node]?.text ?? '').replace(/\s+/g, ' ').trim();
      context.assign(ref, linkAnnotation(context, link, text, target, layout.heightPt, key));
      page.node.addAnnot(ref);
    }
  });

  const catalog = pdf.catalog;
  catalog.set(PDFName.of('StructTreeRoot'), structure.finish());
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  const outline = writeOutline(context, layout.outline, pageRefs, layout.heightPt);
  if (outline) {
    catalog.set(PDFName.of('Outlines'), outline);
    catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
  setMetadata(pdf, meta);
  return pdf;
}

/** Lay out and draw `doc`: a complete, tagged pdf-lib document, not yet saved (archiving adds PDF/A parts). */
export async function buildPdfDocument(doc: Doc): Promise<PDFDocument> {
  return writeLayout(layoutDoc(doc), doc.meta);
}

/**
 * `doc` as PDF bytes; the same Doc always gives the same bytes. `layout` is `layoutDoc(doc)` where the caller
 * has it already (build lays a Doc out once for the PDF and the DOCX's page numbers).
 */
export async function renderPdf(doc: Doc, layout: LayoutResult = layoutDoc(doc)): Promise<Uint8Array> {
  return savePdf(await writeLayout(layout, doc.meta));
}
