/**
 * Every stream skrivelse writes into a PDF deflated by fflate, the pinned deflate the DOCX already uses
 * (src/backends/docx/zip.ts), instead of pdf-lib's pako: about twice as fast, and its output is fixed by
 * its version, not by pdf-lib's choice of library. `deflateWithFflate` makes a document's own
 * `flateStream` (what pdf-lib calls for fonts, their ToUnicode maps and ICC profiles) use it;
 * `contentStreamOf` is a page's content stream, deflated the same way.
 */
import { zlibSync } from 'fflate';
import {
  PDFContentStream,
  type PDFContext,
  type PDFOperator,
  type PDFRawStream,
  typedArrayFor,
} from 'pdf-lib';

/** pako's default, which pdf-lib used: the files stay as small as before. */
const LEVEL = 6;

type Dict = Parameters<PDFContext['obj']>[0];

function flate(context: PDFContext, contents: string | Uint8Array, dict: Dict = {}): PDFRawStream {
  return context.stream(zlibSync(typedArrayFor(contents), { level: LEVEL }), {
    ...(dict as object),
    Filter: 'FlateDecode',
  });
}

export function deflateWithFflate(context: PDFContext): void {
  context.flateStream = (contents, dict) => flate(context, contents, dict);
}

/** The operators as one deflated content stream (pdf-lib's page.pushOperators would deflate with pako). */
export function contentStreamOf(context: PDFContext, operators: readonly PDFOperator[]): PDFRawStream {
  const unencoded = PDFContentStream.of(context.obj({}), [...operators], false).getContents();
  return flate(context, unencoded);
}
