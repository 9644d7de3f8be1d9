/**
 * Turns a tagged pdf-lib document into PDF/A-3a + PDF/UA-1: XMP metadata consistent with a rebuilt
 * Info dictionary, sRGB OutputIntent, embedded sources as associated files, Lang, MarkInfo,
 * DisplayDocTitle, Tabs /S, printable annotations, and a file /ID derived from the content hash.
 * Everything is derived from the input; the same document and metadata give the same bytes.
 */
import { PDFArray, PDFBool, PDFDict, type PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { asciiString, savePdf, textString, writeInfo, writeXmp } from '../backends/pdf/index.js';
import type { DocMeta } from '../doc/model.js';
import { embedSources, type SourceFile } from './attachments.js';
import { archiveTimestamp } from './dates.js';
import { srgbIccProfile } from './icc.js';

/** The document's metadata plus the producing tool (Info /Producer and pdf:Producer). */
export interface ArchiveMeta extends DocMeta {
  producer: string;
}

const annotationPrintFlag = 4;

export function keywordsText(keywords: readonly string[]): string {
  return keywords.join(', ');
}

function setInfo(pdf: PDFDocument, meta: ArchiveMeta, pdfDate: string): void {
  writeInfo(pdf, {
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords: keywordsText(meta.keywords),
    creator: meta.creator,
    producer: meta.producer,
    date: pdfDate,
  });
}

/** The backend's XMP packet again, with the archive's values and the PDF/A-3a identification. */
function setMetadata(pdf: PDFDocument, meta: ArchiveMeta, isoDate: string): void {
  writeXmp(pdf, {
    title: meta.title,
    author: meta.author,
    description: meta.subject,
    keywords: keywordsText(meta.keywords),
    language: meta.language,
    creatorTool: meta.creator,
    producer: meta.producer,
    dateIso: isoDate,
    pdfa: { part: 3, conformance: 'A' },
  });
}

function setOutputIntent(pdf: PDFDocument): void {
  const { context } = pdf;
  const icc = context.register(context.flateStream(srgbIccProfile(), { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: asciiString('sRGB IEC61966-2.1'),
    Info: asciiString('sRGB IEC61966-2.1'),
    RegistryName: asciiString('http://www.color.org'),
    DestOutputProfile: icc,
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
}

function setCatalogFlags(pdf: PDFDocument, language: string): void {
  const { context, catalog } = pdf;
  catalog.set(PDFName.of('Lang'), textString(language));
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? context.obj({});
  prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  catalog.set(PDFName.of('ViewerPreferences'), prefs);
  for (const page of pdf.getPages()) {
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookupMaybe(i, PDFDict);
      const flags = annot?.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
      annot?.set(PDFName.of('F'), PDFNumber.of(flags | annotationPrintFlag));
    }
  }
}

/**
 * Adds the PDF/A-3a and PDF/UA-1 parts to `pdf` (mutating it) and returns the final bytes, saved by the
 * PDF backend's deterministic `savePdf` (file /ID derived from the SHA-256 of the content).
 */
export async function toArchivalPdf(
  pdf: PDFDocument,
  meta: ArchiveMeta,
  sources: readonly SourceFile[],
): Promise<Uint8Array> {
  const stamp = archiveTimestamp(meta.date);
  setInfo(pdf, meta, stamp.pdf);
  setMetadata(pdf, meta, stamp.iso);
  setOutputIntent(pdf);
  setCatalogFlags(pdf, meta.language);
  embedSources(pdf, sources, stamp.pdf);
  return savePdf(pdf);
}
