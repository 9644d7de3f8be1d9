/**
 * Source files embedded as PDF/A-3 associated files: an EmbeddedFile stream (MIME /Subtype, /Params
 * with Size, MD5 CheckSum and a fixed ModDate) in a Filespec with /AFRelationship /Source, listed in
 * the catalog's /AF and in /Names /EmbeddedFiles (so ordinary readers show them as attachments).
 */
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  type PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { asciiString, nameOf, textString } from '../backends/pdf/index.js';
import { decodeBounded } from './bounded-decode.js';
import { md5Bytes } from './hash.js';

export interface SourceFile {
  /** File name shown by readers, e.g. `son-2020-281.md`. */
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  /** Swedish description (/Desc). */
  description: string;
}

/** PDF/A wants the 7-bit /F; non-ASCII letters are folded, the exact name goes in /UF. */
function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

export function embedSources(pdf: PDFDocument, files: readonly SourceFile[], pdfDate: string): void {
  const { context, catalog } = pdf;
  const specs: [PDFHexString, PDFRef][] = [];
  for (const file of files) {
    const stream = context.flateStream(file.bytes, {
      Type: 'EmbeddedFile',
      Subtype: nameOf(file.mimeType),
      Params: {
        Size: file.bytes.length,
        CheckSum: PDFHexString.of(Buffer.from(md5Bytes(file.bytes)).toString('hex')),
        ModDate: asciiString(pdfDate),
      },
    });
    const streamRef = context.register(stream);
    const spec = context.obj({
      Type: 'Filespec',
      F: asciiString(asciiName(file.name)),
      UF: textString(file.name),
      Desc: textString(file.description),
      AFRelationship: 'Source',
      EF: { F: streamRef, UF: streamRef },
    });
    specs.push([textString(file.name), context.register(spec)]);
  }
  catalog.set(PDFName.of('AF'), context.obj(specs.map(([, ref]) => ref)));
  // The name tree's keys must be sorted by their bytes; upper-case hex digits sort as the bytes they spell.
  const key = (entry: [PDFHexString, PDFRef]) => entry[0].asString();
  const sorted = [...specs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const nameTree = context.obj({ Names: sorted.flat() });
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict) ?? context.obj({});
  names.set(PDFName.of('EmbeddedFiles'), context.register(nameTree));
  catalog.set(PDFName.of('Names'), names);
}

export interface EmbeddedSource {
  name: string;
  relationship?: string;
  mimeType?: string;
  bytes: Uint8Array;
  /** MD5 recorded in /Params /CheckSum, lower-case hex, if any. */
  recordedMd5?: string;
}

/** Reads the associated files listed in the catalog's /AF. */
export function readEmbeddedSources(pdf: PDFDocument): EmbeddedSource[] {
  const af = pdf.catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
  if (!af) return [];
  const result: EmbeddedSource[] = [];
  for (let i = 0; i < af.size(); i++) {
    const spec = af.lookupMaybe(i, PDFDict);
    const ef = spec?.lookupMaybe(PDFName.of('EF'), PDFDict);
    const stream = ef?.lookupMaybe(PDFName.of('F'), PDFStream);
    if (!spec || !(stream instanceof PDFRawStream)) continue;
    const name = pdfText(spec.lookup(PDFName.of('UF'))) ?? pdfText(spec.lookup(PDFName.of('F')));
    const params = stream.dict.lookupMaybe(PDFName.of('Params'), PDFDict);
    const checkSum = params?.lookup(PDFName.of('CheckSum'));
    result.push({
      name: name ?? '',
      relationship: spec.lookupMaybe(PDFName.of('AFRelationship'), PDFName)?.decodeText(),
      mimeType: stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText(),
      bytes: decodeBounded(stream),
      recordedMd5:
        checkSum instanceof PDFHexString || checkSum instanceof PDFString
          ? Buffer.from(checkSum.asBytes()).toString('hex')
          : undefined,
    });
  }
  return result;
}

/** Text of a PDF string object (literal or hex), else undefined. */
export function pdfText(obj: unknown): string | undefined {
  return obj instanceof PDFHexString || obj instanceof PDFString ? obj.decodeText() : undefined;
}
