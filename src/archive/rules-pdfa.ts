/** Preflight rules from ISO 19005-3 (PDF/A-3): file structure, metadata, colour, fonts, actions, sources. */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
} from 'pdf-lib';
import { pdfText, readEmbeddedSources } from './attachments.js';
import { decodeBounded } from './bounded-decode.js';
import { md5Bytes, sha256Hex } from './hash.js';
import { allDicts, name, nameOf } from './pdf-walk.js';
import type { Rule } from './preflight.js';

/** Info key → XMP property that must carry the same value (ISO 19005-3 6.6.3). */
const infoToXmp: Record<string, string> = {
  Title: 'dc:title',
  Author: 'dc:creator',
  Subject: 'dc:description',
  Keywords: 'pdf:Keywords',
  Creator: 'xmp:CreatorTool',
  Producer: 'pdf:Producer',
  CreationDate: 'xmp:CreateDate',
  ModDate: 'xmp:ModifyDate',
};

/** Milliseconds since the epoch of a PDF date (D:YYYYMMDDHHmmSSOHH'mm'), or NaN. */
export function parsePdfDate(text: string): number {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
}

const sameValue = (key: string, info: string, xmp: string): boolean =>
  key.endsWith('Date') ? parsePdfDate(info) === Date.parse(xmp) : info === xmp;

const fontFileKeys = ['FontFile', 'FontFile2', 'FontFile3'];

/** The rendering intents ISO 32000-1 8.6.5.8 defines; PDF/A allows no others. */
const renderingIntents = new Set([
  'RelativeColorimetric',
  'AbsoluteColorimetric',
  'Perceptual',
  'Saturation',
]);

/** Image XObject dictionaries (the dictionaries of streams with /Subtype /Image). */
function imageDicts(pdf: PDFDocument): PDFDict[] {
  return pdf.context
    .enumerateIndirectObjects()
    .flatMap(([, obj]) =>
      obj instanceof PDFStream && nameOf(obj.dict, 'Subtype') === 'Image' ? [obj.dict] : [],
    );
}

/** Components of the GTS_PDFA1 output intent's profile (/N), if there is one. */
function outputIntentComponents(pdf: PDFDocument): number | undefined {
  const intents = pdf.catalog.lookupMaybe(name('OutputIntents'), PDFArray);
  for (let i = 0; i < (intents?.size() ?? 0); i++) {
    const intent = intents!.lookupMaybe(i, PDFDict);
    if (nameOf(intent, 'S') !== 'GTS_PDFA1') continue;
    return intent!
      .lookupMaybe(name('DestOutputProfile'), PDFStream)
      ?.dict.lookupMaybe(name('N'), PDFNumber)
      ?.asNumber();
  }
  return undefined;
}

export const pdfaRules: Rule[] = [
  {
    id: 'pdfa-file-id',
    clause: 'ISO 19005-3 6.1.3',
    check: ({ pdf }) => {
      const id = pdf.context.lookup(pdf.context.trailerInfo.ID);
      return id instanceof PDFArray && id.size() === 2 ? [] : ['Filidentifieraren /ID saknas i trailern.'];
    },
  },
  {
    id: 'pdfa-encrypt',
    clause: 'ISO 19005-3 6.1.3',
    check: ({ pdf }) =>
      pdf.context.trailerInfo.Encrypt ? ['Filen är krypterad (/Encrypt i trailern).'] : [],
  },
  {
    id: 'pdfa-xmp',
    clause: 'ISO 19005-3 6.6.2.1',
    check: ({ pdf, xmpText }) => {
      const stream = pdf.catalog.lookupMaybe(name('Metadata'), PDFStream);
      if (!stream || !xmpText) return ['XMP-metadata saknas i dokumentkatalogen (/Metadata).'];
      const problems: string[] = [];
      if (nameOf(stream.dict, 'Type') !== 'Metadata' || nameOf(stream.dict, 'Subtype') !== 'XML')
        problems.push('Metadataströmmen saknar /Type /Metadata eller /Subtype /XML.');
      if (stream.dict.has(name('Filter'))) problems.push('Metadataströmmen är komprimerad (/Filter).');
      if (!xmpText.includes('<x:xmpmeta') || !xmpText.includes('<?xpacket end='))
        problems.push('Metadataströmmen är inget fullständigt XMP-paket.');
      return problems;
    },
  },
  {
    id: 'pdfa-xmp-info',
    clause: 'ISO 19005-3 6.6.3',
    check: ({ pdf, xmp }) => {
      const info = pdf.context.lookup(pdf.context.trailerInfo.Info);
      if (!(info instanceof PDFDict) || !xmp) return [];
      const problems: string[] = [];
      for (const [key, prop] of Object.entries(infoToXmp)) {
        const value = pdfText(info.lookup(name(key)));
        if (value === undefined) continue;
        const xmpValue = xmp[prop];
        if (xmpValue === undefined || !sameValue(key, value, xmpValue))
          problems.push(
            `Info /${key} ("${value}") stämmer inte med XMP ${prop} ("${xmpValue ?? 'saknas'}").`,
          );
      }
      return problems;
    },
  },
  {
    id: 'pdfa-identification',
    clause: 'ISO 19005-3 6.6.4',
    check: ({ xmp }) =>
      xmp?.['pdfaid:part'] === '3' && xmp['pdfaid:conformance'] === 'A'
        ? []
        : [
            `XMP anger inte PDF/A-3a (pdfaid:part=${xmp?.['pdfaid:part'] ?? 'saknas'}, pdfaid:conformance=${xmp?.['pdfaid:conformance'] ?? 'saknas'}).`,
          ],
  },
  {
    id: 'pdfa-extension-schema',
    clause: 'ISO 19005-3 6.6.2.3',
    check: ({ xmpText }) =>
      !xmpText?.includes('pdfuaid:') ||
      /<pdfaSchema:namespaceURI>http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/<\/pdfaSchema:namespaceURI>/.test(
        xmpText,
      )
        ? []
        : ['Egenskapen pdfuaid används utan beskrivning i ett PDF/A-tilläggsschema (pdfaExtension).'],
  },
  {
    id: 'pdfa-output-intent',
    clause: 'ISO 19005-3 6.2.3',
    check: ({ pdf }) => {
      const intents = pdf.catalog.lookupMaybe(name('OutputIntents'), PDFArray);
      for (let i = 0; i < (intents?.size() ?? 0); i++) {
        const intent = intents!.lookupMaybe(i, PDFDict);
        if (nameOf(intent, 'S') !== 'GTS_PDFA1') continue;
        const profile = intent!.lookupMaybe(name('DestOutputProfile'), PDFStream);
        if (!(profile instanceof PDFRawStream)) return ['OutputIntent GTS_PDFA1 saknar inbäddad ICC-profil.'];
        const icc = decodeBounded(profile);
        const signature = new TextDecoder('latin1').decode(icc.subarray(36, 40));
        const n = profile.dict.lookupMaybe(name('N'), PDFNumber)?.asNumber();
        return signature === 'acsp' && n !== undefined ? [] : ['ICC-profilen i OutputIntent är ogiltig.'];
      }
      return ['OutputIntent med /S /GTS_PDFA1 och ICC-profil saknas.'];
    },
  },
  {
    id: 'pdfa-font-embedded',
    clause: 'ISO 19005-3 6.2.11.4.1',
    check: ({ pdf }) => {
      const problems: string[] = [];
      for (const dict of allDicts(pdf)) {
        const subtype = nameOf(dict, 'Subtype');
        if (nameOf(dict, 'Type') !== 'Font' || subtype === 'Type0' || subtype === 'Type3') continue;
        const descriptor = dict.lookupMaybe(name('FontDescriptor'), PDFDict);
        if (!fontFileKeys.some((k) => descriptor?.lookupMaybe(name(k), PDFStream)))
          problems.push(`Typsnittet ${nameOf(dict, 'BaseFont') ?? '(namnlöst)'} är inte inbäddat.`);
      }
      return problems;
    },
  },
  {
    id: 'pdfa-actions',
    clause: 'ISO 19005-3 6.5.1',
    check: ({ pdf }) => {
      const problems: string[] = [];
      for (const dict of allDicts(pdf)) {
        const action = nameOf(dict, 'S');
        if (action === 'JavaScript' || action === 'Launch') problems.push(`Otillåten åtgärd /${action}.`);
      }
      const names = pdf.catalog.lookupMaybe(name('Names'), PDFDict);
      if (names?.has(name('JavaScript')))
        problems.push('Dokumentet innehåller JavaScript (/Names /JavaScript).');
      if (pdf.catalog.has(name('AA'))) problems.push('Dokumentkatalogen har automatiska åtgärder (/AA).');
      return problems;
    },
  },
  {
    id: 'pdfa-transparency',
    clause: 'ISO 19005-3 6.2.10',
    check: ({ pdf }) => {
      const problems: string[] = [];
      for (const dict of allDicts(pdf)) {
        const group = dict.lookupMaybe(name('Group'), PDFDict);
        if (nameOf(group, 'S') === 'Transparency')
          problems.push('Dokumentet innehåller en transparensgrupp.');
        const smask = dict.lookup(name('SMask'));
        if (smask && !(smask instanceof PDFName && smask.decodeText() === 'None'))
          problems.push('Dokumentet innehåller en mjuk mask (/SMask).');
      }
      return [...new Set(problems)];
    },
  },
  {
    id: 'pdfa-image',
    clause: 'ISO 19005-3 6.2.8',
    check: ({ pdf }) => {
      const problems = new Set<string>();
      for (const image of imageDicts(pdf)) {
        if (image.lookup(name('Interpolate')) === PDFBool.True)
          problems.add('En bild ska interpoleras (/Interpolate true), vilket PDF/A inte tillåter.');
        if (image.has(name('Alternates'))) problems.add('En bild har alternativa bilder (/Alternates).');
        if (image.has(name('OPI'))) problems.add('En bild hänvisar till en extern bild (/OPI).');
        const intent = nameOf(image, 'Intent');
        if (image.has(name('Intent')) && !renderingIntents.has(intent ?? ''))
          problems.add(`En bild har en okänd återgivningsavsikt (/Intent /${intent ?? '?'}).`);
      }
      return [...problems];
    },
  },
  {
    id: 'pdfa-image-colour',
    clause: 'ISO 19005-3 6.2.4.3',
    check: ({ pdf }) => {
      // DeviceRGB and DeviceGray are fine with the sRGB output intent; DeviceCMYK needs a CMYK one.
      if (outputIntentComponents(pdf) === 4) return [];
      const cmyk = imageDicts(pdf).filter((image) => nameOf(image, 'ColorSpace') === 'DeviceCMYK').length;
      return cmyk === 0
        ? []
        : [`${cmyk} bild(er) är i DeviceCMYK, men dokumentets OutputIntent har ingen CMYK-profil.`];
    },
  },
  {
    id: 'pdfa-annotation-print',
    clause: 'ISO 19005-3 6.3.2',
    check: ({ pdf }) => {
      const problems: string[] = [];
      pdf.getPages().forEach((page, index) => {
        const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
        for (let i = 0; i < (annots?.size() ?? 0); i++) {
          const flags = annots!.lookupMaybe(i, PDFDict)?.lookupMaybe(name('F'), PDFNumber)?.asNumber() ?? 0;
          if ((flags & 4) === 0)
            problems.push(`En annotering på sidan ${index + 1} saknar utskriftsflaggan.`);
        }
      });
      return problems;
    },
  },
  {
    id: 'archive-source-present',
    clause: 'ISO 19005-3 6.8',
    check: ({ pdf }) => {
      const sources = readEmbeddedSources(pdf).filter((s) => s.relationship === 'Source');
      if (sources.length === 0)
        return ['Ärendets källfil är inte inbäddad (ingen fil med /AFRelationship /Source i /AF).'];
      const problems = sources
        .filter((s) => !s.mimeType)
        .map((s) => `Inbäddad fil ${s.name} saknar MIME-typ.`);
      const embeddedNames = pdf.catalog.lookupMaybe(name('Names'), PDFDict)?.has(name('EmbeddedFiles'));
      if (!embeddedNames) problems.push('De inbäddade filerna saknas i /Names /EmbeddedFiles.');
      return problems;
    },
  },
  {
    id: 'archive-source-checksum',
    clause: 'ISO 32000-1 7.11.4',
    check: ({ pdf, expectedSourceSha256 }) => {
      const problems: string[] = [];
      const embedded = readEmbeddedSources(pdf);
      for (const source of embedded) {
        const md5 = Buffer.from(md5Bytes(source.bytes)).toString('hex');
        if (source.recordedMd5 !== md5)
          problems.push(`Kontrollsumman (MD5) för inbäddade ${source.name} stämmer inte med innehållet.`);
        if (!expectedSourceSha256) continue;
        const expected = Object.hasOwn(expectedSourceSha256, source.name)
          ? expectedSourceSha256[source.name]
          : undefined;
        if (expected === undefined)
          problems.push(`Inbäddade ${source.name} finns inte bland källfilerna som manifestet registrerade.`);
        else if (expected !== sha256Hex(source.bytes))
          problems.push(`Inbäddade ${source.name} skiljer sig från den som registrerades i manifestet.`);
      }
      const names = new Set(embedded.map((s) => s.name));
      for (const name of Object.keys(expectedSourceSha256 ?? {}))
        if (!names.has(name))
          problems.push(`Källfilen ${name} som manifestet registrerade är inte inbäddad i PDF:en.`);
      return problems;
    },
  },
];
