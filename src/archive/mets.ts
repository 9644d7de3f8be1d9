/**
 * The package's METS.xml after E-ARK CSIP 2.1 + E-ARK SIP 2.1 (together FGS Paketstruktur 2.0).
 * Root with OBJID, content type and the csip extension attributes; metsHdr with the package type
 * (SIP) and the software agent; dmdSec → Dublin Core, amdSec → PREMIS; one fileGrp for the "pdfa"
 * representation with every stored version (SHA-256, size, MIME type) in version order; the one
 * CSIP physical structMap (no second structMap: the E-ARK validator checks CSIP81/82 on every
 * structMap). Dates come from the cases.
 */
import { packagePath, representationUse, versionId } from './layout.js';
import type { ManifestEntry } from './manifest.js';
import { escapeXml as e, unescapeXml } from './xml.js';

export const csipNamespace = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
export const sipProfile = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';
/** CSIP content category vocabulary (CSIP2), written with the en dash the vocabulary uses. */
export const contentCategory = 'Textual works – Digital';
/** No CITS fits a PDF/A memo, so CSIP4/CSIP5: OTHER plus our own name. */
export const otherContentInformationType = 'Tjänsteskrivelse PDF/A-3a';

export interface MetsFileRef {
  /** Path relative to the package folder. */
  href: string;
  sha256: string;
  sizeBytes: number;
}

export interface MetsMetadataFiles {
  descriptive: MetsFileRef;
  preservation: MetsFileRef;
}

const ids = {
  dmd: 'dmd-dc',
  amd: 'amd',
  premis: 'digiprov-premis',
  fileSec: 'filesec',
  fileGrp: 'filegrp-pdfa',
} as const;

const contentType = `csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="${e(otherContentInformationType)}"`;

function mdRef(ref: MetsFileRef, mdType: string, created: string): string {
  return `<mets:mdRef LOCTYPE="URL" xlink:type="simple" xlink:href="${e(ref.href)}" MDTYPE="${mdType}" MIMETYPE="application/xml" SIZE="${ref.sizeBytes}" CREATED="${created}" CHECKSUM="${ref.sha256}" CHECKSUMTYPE="SHA-256"/>`;
}

function fileElement(entry: ManifestEntry): string {
  return `      <mets:file ID="file-${versionId(entry.version)}" MIMETYPE="application/pdf" SIZE="${entry.sizeBytes}" CREATED="${entry.date}T00:00:00Z" CHECKSUM="${entry.sha256}" CHECKSUMTYPE="SHA-256" ADMID="${ids.premis}">
        <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="${e(packagePath(entry))}"/>
      </mets:file>
`;
}

/** METS for one package; `entries` are its versions in order, `metadata` the written metadata files. */
export function buildMets(entries: readonly ManifestEntry[], metadata: MetsMetadataFiles): string {
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const [toolName = 'skrivelse', toolVersion = ''] = last.tool.split(' ');
  const lastDate = `${last.date}T00:00:00Z`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:csip="${csipNamespace}" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd ${csipNamespace} https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd" OBJID="${e(first.package)}" LABEL="${e(last.title)}" TYPE="${contentCategory}" ${contentType} PROFILE="${sipProfile}">
  <mets:metsHdr CREATEDATE="${first.date}T00:00:00Z" LASTMODDATE="${lastDate}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">
    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
      <mets:name>${e(toolName)}</mets:name>
      <mets:note csip:NOTETYPE="SOFTWARE VERSION">${e(toolVersion)}</mets:note>
    </mets:agent>
  </mets:metsHdr>
  <mets:dmdSec ID="${ids.dmd}" CREATED="${lastDate}" STATUS="CURRENT">
    ${mdRef(metadata.descriptive, 'DC', lastDate)}
  </mets:dmdSec>
  <mets:amdSec ID="${ids.amd}">
    <mets:digiprovMD ID="${ids.premis}" STATUS="CURRENT">
      ${mdRef(metadata.preservation, 'PREMIS', lastDate)}
    </mets:digiprovMD>
  </mets:amdSec>
  <mets:fileSec ID="${ids.fileSec}">
    <mets:fileGrp ID="${ids.fileGrp}" USE="${representationUse}" ${contentType}>
${entries.map(fileElement).join('')}    </mets:fileGrp>
  </mets:fileSec>
  <mets:structMap ID="structmap-csip" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div ID="div-package" LABEL="${e(first.package)}">
      <mets:div ID="div-metadata" LABEL="Metadata" DMDID="${ids.dmd}" ADMID="${ids.premis}"/>
      <mets:div ID="div-representation-pdfa" LABEL="${representationUse}">
        <mets:fptr FILEID="${ids.fileGrp}"/>
      </mets:div>
    </mets:div>
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
    refs.push({ href: unescapeXml(href!), sha256: sha!, sizeBytes: Number(size) });
  const mdRef = /<mets:mdRef\b[^>]*xlink:href="([^"]+)"[^>]*\bSIZE="(\d+)"[^>]*\bCHECKSUM="([0-9a-f]+)"/g;
  for (const [, href, size, sha] of mets.matchAll(mdRef))
    refs.push({ href: unescapeXml(href!), sha256: sha!, sizeBytes: Number(size) });
  return refs;
}
