/**
 * The package's METS.xml (FGS Paketstruktur / E-ARK CSIP shaped): OBJID, metsHdr with dates from the
 * cases, the PREMIS file in amdSec/digiprovMD, every stored PDF version in fileSec with SHA-256,
 * size and MIME type, and a physical structMap.
 */
import type { ManifestEntry } from './manifest.js';
import { escapeXml as e } from './xml.js';

export const metsName = 'METS.xml';

export interface MetsFileRef {
  /** Path relative to the package folder. */
  href: string;
  sha256: string;
  sizeBytes: number;
}

const versionId = (entry: ManifestEntry): string => `v${String(entry.version).padStart(3, '0')}`;
const hrefOf = (entry: ManifestEntry): string => entry.file.split('/').slice(1).join('/');

function fileElement(entry: ManifestEntry): string {
  return `      <mets:file ID="file-${versionId(entry)}" MIMETYPE="application/pdf" SIZE="${entry.sizeBytes}" CREATED="${entry.date}T00:00:00Z" CHECKSUM="${entry.sha256}" CHECKSUMTYPE="SHA-256" ADMID="digiprov-premis">
        <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="${e(hrefOf(entry))}"/>
      </mets:file>
`;
}

function structDiv(entry: ManifestEntry): string {
  return `      <mets:div ID="div-${versionId(entry)}" LABEL="Version ${entry.version}" ORDER="${entry.version}">
        <mets:fptr FILEID="file-${versionId(entry)}"/>
      </mets:div>
`;
}

/** METS for one package; `entries` are its versions in order, `premis` the written PREMIS file. */
export function buildMets(entries: readonly ManifestEntry[], premis: MetsFileRef): string {
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const [toolName = 'skrivelse', toolVersion = ''] = last.tool.split(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd" OBJID="${e(first.package)}" LABEL="${e(last.title)}" TYPE="Textual works" PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">
  <mets:metsHdr CREATEDATE="${first.date}T00:00:00Z" LASTMODDATE="${last.date}T00:00:00Z" RECORDSTATUS="NEW">
    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
      <mets:name>${e(toolName)}</mets:name>
      <mets:note>${e(toolVersion)}</mets:note>
    </mets:agent>
  </mets:metsHdr>
  <mets:amdSec ID="amdsec">
    <mets:digiprovMD ID="digiprov-premis">
      <mets:mdRef LOCTYPE="URL" xlink:type="simple" xlink:href="${e(premis.href)}" MDTYPE="PREMIS" MIMETYPE="application/xml" SIZE="${premis.sizeBytes}" CREATED="${last.date}T00:00:00Z" CHECKSUM="${premis.sha256}" CHECKSUMTYPE="SHA-256"/>
    </mets:digiprovMD>
  </mets:amdSec>
  <mets:fileSec ID="filesec">
    <mets:fileGrp ID="filegrp-pdfa" USE="Representations/pdfa">
${entries.map(fileElement).join('')}    </mets:fileGrp>
  </mets:fileSec>
  <mets:structMap ID="structmap" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div ID="div-root" LABEL="${e(first.package)}">
${entries.map(structDiv).join('')}    </mets:div>
  </mets:structMap>
</mets:mets>
`;
}

/** Checksummed references found in a METS file (FLocat and mdRef), for verification. */
export function readMetsRefs(mets: string): MetsFileRef[] {
  const refs: MetsFileRef[] = [];
  const file =
    /<mets:file\b[^>]*\bSIZE="(\d+)"[^>]*\bCHECKSUM="([0-9a-f]+)"[^>]*>\s*<mets:FLocat\b[^>]*xlink:href="([^"]+)"/g;
  for (const [, size, sha, href] of mets.matchAll(file))
    refs.push({ href: href!, sha256: sha!, sizeBytes: Number(size) });
  const mdRef = /<mets:mdRef\b[^>]*xlink:href="([^"]+)"[^>]*\bSIZE="(\d+)"[^>]*\bCHECKSUM="([0-9a-f]+)"/g;
  for (const [, href, size, sha] of mets.matchAll(mdRef))
    refs.push({ href: href!, sha256: sha!, sizeBytes: Number(size) });
  return refs;
}
