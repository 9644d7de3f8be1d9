/** Opens a PDF with pdf.js (legacy Node build) for reading text, marked content and structure. */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { importExternal } from '../util/external-import.js';

export type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

/** pdf.js itself (the legacy build, for Node), loaded on first use. */
export const importPdfJs = () =>
  importExternal<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>('pdfjs-dist/legacy/build/pdf.mjs');

export async function openWithPdfJs(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await importPdfJs();
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
}
