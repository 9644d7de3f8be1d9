/**
 * Makes the docx package reproducible. The docx library stamps the core properties with the clock and
 * gives hyperlink relationships random ids. Here its parts are taken before it zips them (each package
 * is compressed once, here) and fixed: dates from the Doc, stable relationship ids, sorted entries, a
 * fixed zip date (plus what docx cannot write: the document language, the program's name, the font table
 * entry and the embedded fonts, whose keys come from the fonts' bytes, and w:tblLook in the form Word
 * 2007 reads) and a fixed compression level, so the same Doc always gives the same bytes.
 *
 * Zipped by zip.ts with fflate's DEFLATE (pinned to an exact version in package.json): plain JavaScript,
 * so the bytes do not change with the Node version (node:zlib's would follow the bundled zlib), and
 * several times faster than JSZip + pako, which the earlier zip → unzip → zip path ran twice per memo.
 * The embedded fonts' parts are compressed once per process (the subsets are cached per process too).
 */
import type { FaceId } from '../../fonts/coverage.js';
import { escapeXml } from '../../util/xml.js';
import { cachedPart } from './font-cache.js';
import { fontKeyFor, obfuscateFont } from './odttf.js';
import { type DeflatedEntry, deflateEntry, writeZip } from './zip.js';

export interface PackageFacts {
  /** W3CDTF timestamp for dcterms:created and dcterms:modified. */
  timestamp: string;
  /** BCP 47 tag written as dc:language. */
  language: string;
  /** The program that made the file, written as the extended property Application (if given). */
  application?: string;
  /** The body font, declared in the font table (if given). */
  font?: { name: string; panose: string; family: string; pitch: string };
  /** Faces of that font to embed (subset TrueType bytes), as Word's "Embed fonts in the file". */
  embeddedFonts?: readonly { face: FaceId; bytes: Uint8Array }[];
}

/** The font table element of each face, in the schema's order (CT_Font). */
const embedElements: [FaceId, string][] = [
  ['regular', 'w:embedRegular'],
  ['bold', 'w:embedBold'],
  ['italic', 'w:embedItalic'],
  ['boldItalic', 'w:embedBoldItalic'],
];
const fontRelationshipType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';
const fontTablePart = 'word/fontTable.xml';
const fontTableRelsPart = 'word/_rels/fontTable.xml.rels';

interface FontPart {
  path: string;
  relId: string;
  element: string;
  key: string;
  /** The obfuscated font, deflated. */
  entry: DeflatedEntry;
}

/** Per subset font (the cached bytes of font-embedding.ts): its key and its part, obfuscated and deflated. */
const fontPartCache = new WeakMap<Uint8Array, { key: string; entry: DeflatedEntry }>();

function obfuscatedPart(bytes: Uint8Array): { key: string; entry: DeflatedEntry } {
  let part = fontPartCache.get(bytes) ?? cachedPart(bytes);
  if (!part) {
    const key = fontKeyFor(bytes);
    part = { key, entry: deflateEntry(obfuscateFont(bytes, key)) };
    fontPartCache.set(bytes, part);
  }
  return part;
}

/** One obfuscated part per face, `word/fonts/font<n>.odttf`, with relationship `rId<n>` of the font table. */
function fontParts(faces: NonNullable<PackageFacts['embeddedFonts']>): FontPart[] {
  return embedElements
    .flatMap(([face, element]) => {
      const font = faces.find((f) => f.face === face);
      return font ? [{ face, element, font }] : [];
    })
    .map(({ element, font }, i) => {
      const { key, entry } = obfuscatedPart(font.bytes);
      return { path: `word/fonts/font${i + 1}.odttf`, relId: `rId${i + 1}`, element, key, entry };
    });
}

function fontTableRels(parts: readonly FontPart[]): string {
  const rels = parts
    .map(
      (p) =>
        `<Relationship Id="${p.relId}" Type="${fontRelationshipType}" Target="${p.path.slice('word/'.length)}"/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

const odttfDefault =
  '<Default ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"/>';

/** docx declares the obfuscated font type already; declared here too should it ever stop. */
function odttfContentType(xml: string): string {
  return xml.includes('Extension="odttf"') ? xml : xml.replace(/(<Types\b[^>]*>)/, `$1${odttfDefault}`);
}

/** Word's "Embed fonts in the file" and "Embed only the characters used", where CT_Settings has them. */
function embedFontsSettings(xml: string): string {
  const flags = '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>';
  if (xml.includes('<w:embedTrueTypeFonts')) return xml;
  return xml.includes('<w:displayBackgroundShape/>')
    ? xml.replace('<w:displayBackgroundShape/>', `<w:displayBackgroundShape/>${flags}`)
    : xml.replace(/(<w:settings\b[^>]*>)/, `$1${flags}`);
}

/** ECMA-376 1st edition's w:tblLook bits: 0x0200 noHBand, 0x0400 noVBand (0x0020–0x0100 the first/last row/column). */
const tblLookBits = {
  firstRow: 0x0020,
  lastRow: 0x0040,
  firstColumn: 0x0080,
  lastColumn: 0x0100,
  noHBand: 0x0200,
  noVBand: 0x0400,
} as const;

/**
 * docx writes w:tblLook with the named attributes of ISO 29500, which Word 2007's schema does not know; the
 * same settings as the `w:val` bitmask, which every version reads.
 */
function tblLookAsBitmask(xml: string): string {
  return xml.replace(/<w:tblLook\b([^>]*)\/>/g, (element, attributes: string) => {
    let bits = 0;
    for (const [, name, value] of attributes.matchAll(/w:(\w+)="([^"]*)"/g)) {
      const bit = tblLookBits[name as keyof typeof tblLookBits];
      if (bit === undefined) return element;
      if (value === 'true' || value === '1' || value === 'on') bits |= bit;
    }
    return `<w:tblLook w:val="${bits.toString(16).toUpperCase().padStart(4, '0')}"/>`;
  });
}

function fixCoreProperties(xml: string, facts: PackageFacts): string {
  let out = xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _name: string, close: string) => `${open}${facts.timestamp}${close}`,
  );
  if (!out.includes('<dc:language>')) {
    out = out.replace(
      '</cp:coreProperties>',
      `<dc:language>${escapeXml(facts.language)}</dc:language></cp:coreProperties>`,
    );
  }
  return out;
}

/** docx leaves the extended properties empty; the Application says which program made the file. */
function fixAppProperties(xml: string, name: string): string {
  if (xml.includes('<Application>')) return xml;
  const application = `<Application>${escapeXml(name)}</Application>`;
  return /<Properties\b[^>]*\/>/.test(xml)
    ? xml.replace(/<Properties\b([^>]*)\/>/, `<Properties$1>${application}</Properties>`)
    : xml.replace('</Properties>', `${application}</Properties>`);
}

/**
 * docx leaves the font table empty; the entry lets Word substitute a sans-serif for a missing font, and
 * points to the embedded faces.
 */
function fixFontTable(
  xml: string,
  font: NonNullable<PackageFacts['font']>,
  embedded: readonly FontPart[],
): string {
  const { name, panose, family, pitch } = font;
  if (xml.includes(`w:name="${escapeXml(name)}"`)) return xml;
  const embeds = embedded
    .map((p) => `<${p.element} r:id="${p.relId}" w:fontKey="${p.key}" w:subsetted="1"/>`)
    .join('');
  const entry =
    `<w:font w:name="${escapeXml(name)}"><w:panose1 w:val="${panose}"/><w:charset w:val="00"/>` +
    `<w:family w:val="${family}"/><w:pitch w:val="${pitch}"/>${embeds}</w:font>`;
  return /<w:fonts\b[^>]*\/>/.test(xml)
    ? xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${entry}</w:fonts>`)
    : xml.replace('</w:fonts>', `${entry}</w:fonts>`);
}

/** `word/_rels/document.xml.rels` → `word/document.xml`. */
function sourcePartOf(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}

const stableIdPattern = /^rId\d+$/;

/** Renumbers relationship ids that are not `rId<n>` (docx's random ones) in a rels part and its source. */
function stabiliseRelationshipIds(texts: Map<string, string>): void {
  for (const [relsPath, rels] of texts) {
    if (!relsPath.endsWith('.rels')) continue;
    const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]!);
    let next =
      Math.max(0, ...ids.filter((id) => stableIdPattern.test(id)).map((id) => Number(id.slice(3)))) + 1;
    const renames = new Map<string, string>();
    for (const id of ids) if (!stableIdPattern.test(id)) renames.set(id, `rId${next++}`);
    if (renames.size === 0) continue;
    // Only the attributes that hold relationship ids (Id in the rels, r:id, r:embed, … in the part):
    // pairing any two quotes would go astray after an empty value such as a picture's name="".
    const rename = (xml: string) =>
      xml.replace(/(\s(?:Id|r:[A-Za-z]+)=")([^"]*)"/g, (m, start: string, v: string) =>
        renames.has(v) ? `${start}${renames.get(v)}"` : m,
      );
    texts.set(relsPath, rename(rels));
    const source = sourcePartOf(relsPath);
    const sourceXml = texts.get(source);
    if (sourceXml !== undefined) texts.set(source, rename(sourceXml));
  }
}

const isText = (path: string) => /\.(xml|rels)$/.test(path);

/** A package's parts by path, as docx's compiler gives them: XML as strings, fonts and media as bytes. */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

export function normalizePackage(parts: PackageParts, facts: PackageFacts): Uint8Array {
  const paths = [...parts.keys()].sort();
  const texts = new Map<string, string>();
  const binaries = new Map<string, Uint8Array>();
  const deflated = new Map<string, DeflatedEntry>();
  for (const path of paths) {
    const data = parts.get(path)!;
    if (typeof data === 'string') texts.set(path, data);
    else if (isText(path)) texts.set(path, new TextDecoder().decode(data));
    else binaries.set(path, data);
  }
  const core = texts.get('docProps/core.xml');
  if (core !== undefined) texts.set('docProps/core.xml', fixCoreProperties(core, facts));
  const app = texts.get('docProps/app.xml');
  if (app !== undefined && facts.application)
    texts.set('docProps/app.xml', fixAppProperties(app, facts.application));
  const embedded = facts.font && facts.embeddedFonts ? fontParts(facts.embeddedFonts) : [];
  const fonts = texts.get(fontTablePart);
  if (fonts !== undefined && facts.font) texts.set(fontTablePart, fixFontTable(fonts, facts.font, embedded));
  if (embedded.length > 0) {
    texts.set(fontTableRelsPart, fontTableRels(embedded));
    const settings = texts.get('word/settings.xml');
    if (settings !== undefined) texts.set('word/settings.xml', embedFontsSettings(settings));
    const types = texts.get('[Content_Types].xml');
    if (types !== undefined) texts.set('[Content_Types].xml', odttfContentType(types));
    for (const p of embedded) deflated.set(p.path, p.entry);
    paths.push(...embedded.map((p) => p.path).filter((p) => !paths.includes(p)));
    if (!paths.includes(fontTableRelsPart)) paths.push(fontTableRelsPart);
    paths.sort();
  }
  for (const [path, xml] of texts) if (xml.includes('<w:tblLook')) texts.set(path, tblLookAsBitmask(xml));
  stabiliseRelationshipIds(texts);

  return writeZip(
    paths.map((path) => {
      const done = deflated.get(path);
      if (done) return [path, done];
      const text = texts.get(path);
      return [path, text === undefined ? deflateEntry(binaries.get(path)!) : deflatedText(text)];
    }),
  );
}

/**
 * Deflated XML parts by their text, most recently used last: most parts (styles, settings, theme,
 * numbering, relationships) are the same for every memo of a profile, so a batch deflates them once.
 * Bounded, so a long batch keeps only the parts that recur.
 */
const deflatedParts = new Map<string, DeflatedEntry>();
const MAX_DEFLATED_PARTS = 64;
/** Larger parts are a memo's own (its document.xml): not worth keeping. */
const MAX_KEPT_PART_LENGTH = 64 * 1024;
const encoder = new TextEncoder();

function deflatedText(text: string): DeflatedEntry {
  const kept = deflatedParts.get(text);
  if (kept) {
    deflatedParts.delete(text);
    deflatedParts.set(text, kept);
    return kept;
  }
  const entry = deflateEntry(encoder.encode(text));
  if (text.length <= MAX_KEPT_PART_LENGTH) {
    if (deflatedParts.size >= MAX_DEFLATED_PARTS) deflatedParts.delete(deflatedParts.keys().next().value!);
    deflatedParts.set(text, entry);
  }
  return entry;
}
