/**
 * The XMP packet of an archived PDF: Dublin Core, XMP basic, Adobe PDF, PDF/A identification
 * (part 3, conformance A) and PDF/UA identification (part 1) with the extension schema PDF/A requires
 * for the pdfuaid namespace. `readXmp` reads back the simple properties we write, for verification.
 */
import { type PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { escapeXml, unescapeXml } from '../util/xml.js';
import { decodeBounded } from './bounded-decode.js';

export interface XmpFields {
  title: string;
  author: string;
  description: string;
  keywords: string;
  language: string;
  creatorTool: string;
  producer: string;
  /** ISO 8601 with time zone, identical for create/modify/metadata dates. */
  dateIso: string;
}

const pdfuaExtensionSchema = `
   <rdf:Description rdf:about=""
     xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
     xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
     xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
    <pdfaExtension:schemas>
     <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
       <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
       <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
       <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
       <pdfaSchema:property>
        <rdf:Seq>
         <rdf:li rdf:parseType="Resource">
          <pdfaProperty:name>part</pdfaProperty:name>
          <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
          <pdfaProperty:category>internal</pdfaProperty:category>
          <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
         </rdf:li>
        </rdf:Seq>
       </pdfaSchema:property>
      </rdf:li>
     </rdf:Bag>
    </pdfaExtension:schemas>
   </rdf:Description>`;

export function buildXmp(f: XmpFields): string {
  const e = escapeXml;
  const lang = e(f.language);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
   <rdf:Description rdf:about=""
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:xmp="http://ns.adobe.com/xap/1.0/"
     xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
     xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
     xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
    <dc:format>application/pdf</dc:format>
    <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(f.title)}</rdf:li></rdf:Alt></dc:title>
    <dc:creator><rdf:Seq><rdf:li>${e(f.author)}</rdf:li></rdf:Seq></dc:creator>
    <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(f.description)}</rdf:li></rdf:Alt></dc:description>
    <dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
    <xmp:CreatorTool>${e(f.creatorTool)}</xmp:CreatorTool>
    <xmp:CreateDate>${f.dateIso}</xmp:CreateDate>
    <xmp:ModifyDate>${f.dateIso}</xmp:ModifyDate>
    <xmp:MetadataDate>${f.dateIso}</xmp:MetadataDate>
    <pdf:Producer>${e(f.producer)}</pdf:Producer>
    <pdf:Keywords>${e(f.keywords)}</pdf:Keywords>
    <pdfaid:part>3</pdfaid:part>
    <pdfaid:conformance>A</pdfaid:conformance>
    <pdfuaid:part>1</pdfuaid:part>
   </rdf:Description>${pdfuaExtensionSchema}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

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
