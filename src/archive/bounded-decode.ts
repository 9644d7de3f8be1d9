/**
 * Decoding a PDF stream with a ceiling on its decoded size, so that a compression bomb (a few KB that
 * inflate to gigabytes) in a file handed to `verifiera` or `diff` cannot exhaust memory. pdf-lib's own
 * decoder inflates without a limit; zlib's `maxOutputLength` stops early instead. Only the filters
 * skrivelse writes are decoded (none, or one FlateDecode); anything else is reported as undecodable.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFName, type PDFRawStream } from 'pdf-lib';

/** Far above any case file (capped at 2 MB) or profile, far below what hurts. */
export const maxDecodedBytes = 16 * 1024 * 1024;

export class StreamDecodeError extends Error {}

export function decodeBounded(stream: PDFRawStream, maxBytes = maxDecodedBytes): Uint8Array {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters =
    filter === undefined
      ? []
      : filter instanceof PDFName
        ? [filter.decodeText()]
        : filter instanceof PDFArray
          ? filter.asArray().map((f) => (f instanceof PDFName ? f.decodeText() : '?'))
          : ['?'];
  const raw = stream.getContents();
  if (filters.length === 0) {
    if (raw.length > maxBytes) throw new StreamDecodeError(`strömmen är större än ${maxBytes} byte`);
    return raw;
  }
  if (filters.length !== 1 || filters[0] !== 'FlateDecode')
    throw new StreamDecodeError(`filtret ${filters.join(', ')} avkodas inte`);
  try {
    return new Uint8Array(inflateSync(raw, { maxOutputLength: maxBytes }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new StreamDecodeError(`strömmen blir större än ${maxBytes} byte avkodad (en komprimeringsbomb?)`);
    throw new StreamDecodeError('strömmen går inte att packa upp');
  }
}
