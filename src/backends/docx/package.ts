/**
 * Makes the docx package reproducible. The docx library stamps the core properties with the clock,
 * gives hyperlink relationships random ids, and zips with the current time. Here the package is
 * unzipped and rebuilt: dates from the Doc, stable relationship ids, sorted entries, a fixed zip date
 * (plus what docx cannot write: the document language, the program's name, the font table entry)
 * and a fixed compression level, so the same Doc always gives the same bytes.
 */
import JSZip from 'jszip';

/** The DOS epoch, used by reproducible-build tools as "no date". */
const zipDate = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
const compressionLevel = 9;

export interface PackageFacts {
  /** W3CDTF timestamp for dcterms:created and dcterms:modified. */
  timestamp: string;
  /** BCP 47 tag written as dc:language. */
  language: string;
  /** The program that made the file, written as the extended property Application (if given). */
  application?: string;
  /** The body font, declared in the font table (if given). */
  font?: { name: string; panose: string; family: string; pitch: string };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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

/** docx leaves the font table empty; the entry lets Word substitute a sans-serif for a missing font. */
function fixFontTable(xml: string, font: NonNullable<PackageFacts['font']>): string {
  const { name, panose, family, pitch } = font;
  if (xml.includes(`w:name="${escapeXml(name)}"`)) return xml;
  const entry =
    `<w:font w:name="${escapeXml(name)}"><w:panose1 w:val="${panose}"/><w:charset w:val="00"/>` +
    `<w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
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
    const rename = (xml: string) =>
      xml.replace(/"([^"]+)"/g, (m, v: string) => (renames.has(v) ? `"${renames.get(v)}"` : m));
    texts.set(relsPath, rename(rels));
    const source = sourcePartOf(relsPath);
    const sourceXml = texts.get(source);
    if (sourceXml !== undefined) texts.set(source, rename(sourceXml));
  }
}

const isText = (path: string) => /\.(xml|rels)$/.test(path);

export async function normalizePackage(bytes: Uint8Array, facts: PackageFacts): Promise<Uint8Array> {
  const input = await JSZip.loadAsync(bytes);
  const paths = Object.keys(input.files)
    .filter((p) => !input.files[p]!.dir)
    .sort();
  const texts = new Map<string, string>();
  const binaries = new Map<string, Uint8Array>();
  for (const path of paths) {
    const entry = input.files[path]!;
    if (isText(path)) texts.set(path, await entry.async('string'));
    else binaries.set(path, await entry.async('uint8array'));
  }
  const core = texts.get('docProps/core.xml');
  if (core !== undefined) texts.set('docProps/core.xml', fixCoreProperties(core, facts));
  const app = texts.get('docProps/app.xml');
  if (app !== undefined && facts.application)
    texts.set('docProps/app.xml', fixAppProperties(app, facts.application));
  const fonts = texts.get('word/fontTable.xml');
  if (fonts !== undefined && facts.font) texts.set('word/fontTable.xml', fixFontTable(fonts, facts.font));
  stabiliseRelationshipIds(texts);

  const output = new JSZip();
  for (const path of paths) {
    const data = texts.get(path) ?? binaries.get(path)!;
    output.file(path, data, { date: zipDate, createFolders: false, binary: !texts.has(path) });
  }
  return output.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: compressionLevel },
    platform: 'DOS',
  });
}
