/**
 * Reading back the XMP packet of a PDF, for verification. The packet is written by the PDF backend
 * (src/backends/pdf/write/xmp.ts), for the build PDF and, with the PDF/A identification, the archival copy.
 */
import { type PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { unescapeXml } from '../util/xml.js';
import { decodeBounded } from './bounded-decode.js';

/** Simple properties found in a packet, keyed `prefix:name`; containers yield their first rdf:li. */
export type XmpProperties = Record<string, string>;

/**
 * Reads element-form and attribute-form simple properties of the namespaces we check. Not a full
 * RDF parser: enough to verify packets written by `buildXmp` and common writers.
 */
export function readXmp(packet: string): XmpProperties {
  const props: XmpProperties = {};
  const element = /<((?:dc|xmp|pdf|pdfaid|pdfuaid):[A-Za-z]+)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g;
  for (const [, name, inner] of packet.matchAll(element)) {
    const li = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(inner!);
    props[name!] = unescapeXml((li ? li[1]! : inner!).trim());
  }
  const attribute = /\s((?:xmp|pdf|pdfaid|pdfuaid):[A-Za-z]+)="([^"]*)"/g;
  for (const [, name, value] of packet.matchAll(attribute)) props[name!] ??= unescapeXml(value!);
  return props;
}

/** The catalog's metadata stream as text and properties, or nothing if absent or unreadable. */
export function readXmpFromCatalog(pdf: PDFDocument): { xmp?: XmpProperties; xmpText?: string } {
  const stream = pdf.catalog.lookupMaybe(PDFName.of('Metadata'), PDFStream);
  if (!(stream instanceof PDFRawStream)) return {};
  let xmpText: string;
  try {
    xmpText = new TextDecoder().decode(decodeBounded(stream));
  } catch {
    return {}; // reported by the pdfa-xmp rule (which wants it uncompressed anyway)
  }
  return { xmpText, xmp: readXmp(xmpText) };
}
