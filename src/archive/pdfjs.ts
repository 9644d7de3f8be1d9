/** Opens a PDF with pdf.js (legacy Node build) for reading text, marked content and structure. */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

export type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

export async function openWithPdfJs(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
}
