/**
 * The XMP metadata packet, for the build PDF and the archival copy alike: Dublin Core (title, creator,
 * description, language), XMP basic, Adobe PDF and the PDF/UA identification (ISO 14289-1 5, part 1).
 * The archive adds the PDF/A identification, with the extension schema PDF/A requires for the pdfuaid
 * namespace. Reading packets back (for verification) is the archive's job: src/archive/xmp.ts.
 */
import { type PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { escapeXml } from '../../../util/xml.js';

export interface XmpFields {
  title: string;
  author: string;
  description: string;
  keywords: string;
  language: string;
  creatorTool: string;
  producer: string;
  /** ISO 8601 with time zone, identical for create/modify/metadata dates; left out when absent. */
  dateIso?: string;
  /** PDF/A identification (the archival copy only). */
  pdfa?: { part: number; conformance: string };
  /** False: no PDF/UA identification (a meeting pack with an untagged bilaga); default true. */
  pdfua?: boolean;
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
  const dates = f.dateIso
    ? `
    <xmp:CreateDate>${e(f.dateIso)}</xmp:CreateDate>
    <xmp:ModifyDate>${e(f.dateIso)}</xmp:ModifyDate>
    <xmp:MetadataDate>${e(f.dateIso)}</xmp:MetadataDate>`
    : '';
  const pdfaNamespace = f.pdfa ? '\n     xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"' : '';
  const pdfaId = f.pdfa
    ? `
    <pdfaid:part>${f.pdfa.part}</pdfaid:part>
    <pdfaid:conformance>${e(f.pdfa.conformance)}</pdfaid:conformance>`
    : '';
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
   <rdf:Description rdf:about=""
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:xmp="http://ns.adobe.com/xap/1.0/"
     xmlns:pdf="http://ns.adobe.com/pdf/1.3/"${pdfaNamespace}
     xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
    <dc:format>application/pdf</dc:format>
    <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(f.title)}</rdf:li></rdf:Alt></dc:title>
    <dc:creator><rdf:Seq><rdf:li>${e(f.author)}</rdf:li></rdf:Seq></dc:creator>
    <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(f.description)}</rdf:li></rdf:Alt></dc:description>
    <dc:language><rdf:Bag><rdf:li>${e(f.language)}</rdf:li></rdf:Bag></dc:language>
    <xmp:CreatorTool>${e(f.creatorTool)}</xmp:CreatorTool>${dates}
    <pdf:Producer>${e(f.producer)}</pdf:Producer>
    <pdf:Keywords>${e(f.keywords)}</pdf:Keywords>${pdfaId}${f.pdfua === false ? '' : '\n    <pdfuaid:part>1</pdfuaid:part>'}
   </rdf:Description>${f.pdfa ? pdfuaExtensionSchema : ''}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Sets the catalog's /Metadata to the packet of `fields` (replacing one already there, in place). */
export function writeXmp(pdf: PDFDocument, fields: XmpFields): void {
  // Unfiltered (ISO 19005-3 6.6.2.1, and readable by any tool) and UTF-8 encoded.
  const stream = pdf.context.stream(new TextEncoder().encode(buildXmp(fields)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  const existing = pdf.catalog.get(PDFName.of('Metadata'));
  if (existing instanceof PDFRef) pdf.context.assign(existing, stream);
  else pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
}
