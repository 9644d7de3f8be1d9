/**
 * Deterministic saving. pdf-lib writes no /ID by itself; we write a placeholder ID, hash the saved bytes with
 * SHA-256 and put the first 16 bytes of the hash in place of the placeholder (same length, so no offsets
 * move). The ID thus depends on the content only: the same document gives the same bytes every time.
 */
import { createHash } from 'node:crypto';
import { type PDFDocument, PDFHexString } from 'pdf-lib';

const ID_HEX_LENGTH = 32;
const PLACEHOLDER = '0'.repeat(ID_HEX_LENGTH);

export async function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  const placeholder = PDFHexString.of(PLACEHOLDER);
  pdf.context.trailerInfo.ID = pdf.context.obj([placeholder, placeholder]);
  const bytes = await pdf.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    // pdf-lib yields to the event loop every N objects by default; a memo is small, write it in one go.
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, ID_HEX_LENGTH).toUpperCase();
  const marker = Buffer.from(`<${PLACEHOLDER}>`, 'latin1');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const trailer = buffer.lastIndexOf('trailer');
  let at = buffer.indexOf(marker, trailer);
  let replaced = 0;
  while (at >= 0) {
    buffer.write(`<${id}>`, at, 'latin1');
    replaced++;
    at = buffer.indexOf(marker, at + marker.length);
  }
  if (replaced !== 2) throw new Error(`PDF-ID: ${replaced} platshållare hittades i trailern, väntade 2`);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return bytes;
}
