/**
 * PDF backend: Doc → laid-out, tagged pdf-lib document → deterministic bytes. Layout (src/backends/pdf/layout)
 * decides every position; this module only draws, tags and adds links, bookmarks and metadata.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFRef, PDFString } from 'pdf-lib';
import type { Doc, DocMeta } from '../../doc/model.js';
import { embedFaces, type FaceId } from './fonts.js';
import { layoutDoc } from './layout/index.js';
import type { LayoutResult, LinkArea } from './layout/types.js';
import { GlyphEncoder, type PageFonts, pageOperators } from './write/content.js';
import { writeOutline } from './write/outline.js';
import { StructureWriter } from './write/structure.js';

export { unsupportedCharacters } from './fonts.js';
export { layoutDoc } from './layout/index.js';
export { savePdf } from './write/save.js';

import { savePdf } from './write/save.js';

export const PDF_CREATOR = 'skrivelse';
export const PDF_PRODUCER = 'skrivelse (pdf-lib)';

/** The case date as a UTC midnight, or undefined when it is not a valid ISO date. */
function metaDate(meta: DocMeta): Date | undefined {
  const date = new Date(`${meta.date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function setMetadata(pdf: PDFDocument, meta: DocMeta): void {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords(meta.keywords);
  pdf.setCreator(meta.creator || PDF_CREATOR);
  pdf.setProducer(PDF_PRODUCER);
  pdf.setLanguage(meta.language || 'sv-SE');
  const date = metaDate(meta);
  if (date) {
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
  }
}

/** URI for the annotation: percent-encoded ASCII, as PDF requires. */
function asciiUri(href: string): string {
  try {
    return new URL(href).href;
  } catch {
    return encodeURI(href);
  }
}

function linkAnnotation(pdf: PDFDocument, link: LinkArea, pageHeightPt: number, structParent: number) {
  const bottom = pageHeightPt - link.topPt - link.heightPt;
  return pdf.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [link.xPt, bottom, link.xPt + link.widthPt, pageHeightPt - link.topPt].map(
      (n) => Math.round(n * 100) / 100,
    ),
    Border: [0, 0, 0],
    F: 4,
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(asciiUri(link.href)) },
    Contents: PDFHexString.fromText(link.text || link.href),
    StructParent: structParent,
  });
}

/** Draw a finished layout into a new pdf-lib document. */
async function writeLayout(layout: LayoutResult, meta: DocMeta): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const { context } = pdf;
  const embedded = await embedFaces(pdf, [...layout.facesUsed].sort());
  const resourceNames = new Map<FaceId, PDFName>(
    [...embedded.keys()].map((face, i) => [face, PDFName.of(`F${i + 1}`)]),
  );
  const fonts: PageFonts = {
    font: (face) => embedded.get(face)!,
    resourceName: (face) => resourceNames.get(face)!,
  };
  const encoder = new GlyphEncoder(fonts);

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
    page.pushOperators(
      ...pageOperators(context, pageLayout.items, pageIndex, layout.heightPt, encoder, fonts, structure),
    );
    for (const link of pageLayout.links) {
      const ref = context.nextRef();
      const key = structure.addAnnotation(link.node, pageIndex, ref);
      context.assign(ref, linkAnnotation(pdf, link, layout.heightPt, key));
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

/** `doc` as PDF bytes; the same Doc always gives the same bytes. */
export async function renderPdf(doc: Doc): Promise<Uint8Array> {
  return savePdf(await buildPdfDocument(doc));
}
