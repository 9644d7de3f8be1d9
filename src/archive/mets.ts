/**
 * METS after E-ARK CSIP 2.1 + E-ARK SIP 2.1 (together FGS Paketstruktur 2.0), in two levels:
 *
 * - the representation METS (`representations/pdfa/METS.xml`) lists every stored version in its
 *   data/ folder (SHA-256, size, MIME type), in version order;
 * - the package METS (`METS.xml`) has dmdSec → Dublin Core, amdSec → PREMIS, one fileGrp per
 *   representation holding only the representation METS (CSIP 5.3.5), and the CSIP structMap with
 *   the Metadata div and a representation div with an mptr to the representation METS.
 *
 * Both carry the csip extension attributes, package type SIP and the software agent. One structMap
 * each: the E-ARK validator checks CSIP81/82 on every structMap. Dates come from the cases; IDs are
 * fixed names, so the same manifest always gives the same bytes.
 */

import { escapeXml as e, unescapeXml } from '../util/xml.js';
import {
  packagePath,
  representationDir,
  representationName,
  representationUse,
  versionId,
} from './layout.js';
import { entryType, type ManifestEntry } from './manifest.js';

export const csipNamespace = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
export const sipProfile = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';
/** CSIP content category vocabulary (CSIP2), written with the en dash the vocabulary uses. */
export const contentCategory = 'Textual works – Digital';
/** No CITS fits a PDF/A memo or report, so CSIP4/CSIP5: OTHER plus our own name ("Rapport PDF/A-3a"). */
export function otherContentInformationType(entries: readonly ManifestEntry[]): string {
  return `${entryType(entries[entries.length - 1]!)} PDF/A-3a`;
}

export interface MetsFileRef {
  /** Path relative to the folder of the METS file that lists it. */
  href: string;
  sha256: string;
  sizeBytes: number;
}

export interface PackageMetsFiles {
  descriptive: MetsFileRef;
  preservation: MetsFileRef;
  /** The written representation METS. */
  representation: MetsFileRef;
}

const ids = {
  dmd: 'dmd-dc',
  amd: 'amd',
  premis: 'digiprov-premis',
  fileGrp: `filegrp-${representationName}`,
  olderLayout: 'filegrp-older-layout',
} as const;

const contentType = (entries: readonly ManifestEntry[]) =>
  `csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="${e(otherContentInformationType(entries))}"`;
const isoDate = (entry: ManifestEntry): string => `${entry.date}T00:00:00Z`;
const locator = (href: string): string => `LOCTYPE="URL" xlink:type="simple" xlink:href="${e(href)}"`;

function rootOpen(objid: string, label: string, entries: readonly ManifestEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:csip="${csipNamespace}" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd ${csipNamespace} https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd" OBJID="${e(objid)}" LABEL="${e(label)}" TYPE="${contentCategory}" ${contentType(entries)} PROFILE="${sipProfile}">
`;
}

function header(entries: readonly ManifestEntry[]): string {
  const last = entries[entries.length - 1]!;
  const [toolName = 'skrivelse', toolVersion = ''] = last.tool.split(' ');
  return `  <mets:metsHdr CREATEDATE="${isoDate(entries[0]!)}" LASTMODDATE="${isoDate(last)}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">
    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
      <mets:name>${e(toolName)}</mets:name>
      <mets:note csip:NOTETYPE="SOFTWARE VERSION">${e(toolVersion)}</mets:note>
    </mets:agent>
  </mets:metsHdr>
`;
}

function mdRef(ref: MetsFileRef, mdType: string, created: string): string {
  return `<mets:mdRef ${locator(ref.href)} MDTYPE="${mdType}" MIMETYPE="application/xml" SIZE="${ref.sizeBytes}" CREATED="${created}" CHECKSUM="${ref.sha256}" CHECKSUMTYPE="SHA-256"/>`;
}

interface FileFields extends MetsFileRef {
  id: string;
  mimeType: string;
  created: string;
  admId?: string;
}

function fileElement(f: FileFields): string {
  const admId = f.admId ? ` ADMID="${f.admId}"` : '';
  return `      <mets:file ID="${f.id}" MIMETYPE="${f.mimeType}" SIZE="${f.sizeBytes}" CREATED="${f.created}" CHECKSUM="${f.sha256}" CHECKSUMTYPE="SHA-256"${admId}>
        <mets:FLocat ${locator(f.href)}/>
      </mets:file>
`;
}

/** A stored version as a METS file, its href relative to `base` (a folder inside the package). */
function versionFile(entry: ManifestEntry, base: string, admId?: string): string {
  const href = base ? packagePath(entry).slice(base.length + 1) : packagePath(entry);
  const id = `file-${versionId(entry.version)}`;
  return fileElement({ ...entry, href, id, mimeType: 'application/pdf', created: isoDate(entry), admId });
}

/** METS of the "pdfa" representation; `entries` are the versions stored in its data/ folder. */
export function buildRepresentationMets(entries: readonly ManifestEntry[]): string {
  const last = entries[entries.length - 1]!;
  const r = representationName;
  return `${rootOpen(r, last.title, entries)}${header(entries)}  <mets:fileSec ID="filesec-${r}">
    <mets:fileGrp ID="filegrp-${r}-data" USE="Data" ${contentType(entries)}>
${entries.map((entry) => versionFile(entry, representationDir)).join('')}    </mets:fileGrp>
  </mets:fileSec>
  <mets:structMap ID="structmap-${r}" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div ID="div-${r}" LABEL="${r}">
      <mets:div ID="div-${r}-metadata" LABEL="Metadata"/>
      <mets:div ID="div-${r}-data" LABEL="Data">
        <mets:fptr FILEID="filegrp-${r}-data"/>
      </mets:div>
    </mets:div>
  </mets:structMap>
</mets:mets>
`;
}

/**
 * METS for one package. `entries` are all its versions in order; `olderLayout` those stored before
 * the CSIP layout (directly in the package folder), listed in a file group of their own.
 */
export function buildMets(
  entries: readonly ManifestEntry[],
  olderLayout: readonly ManifestEntry[],
  files: PackageMetsFiles,
): string {
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const created = isoDate(last);
  const representationMets = fileElement({
    ...files.representation,
    id: `file-${representationName}-mets`,
    mimeType: 'application/xml',
    created,
  });
  const older = olderLayout.length
    ? `    <mets:fileGrp ID="${ids.olderLayout}" USE="Other" ${contentType(entries)}>
${olderLayout.map((entry) => versionFile(entry, '', ids.premis)).join('')}    </mets:fileGrp>
`
    : '';
  return `${rootOpen(first.package, last.title, entries)}${header(entries)}  <mets:dmdSec ID="${ids.dmd}" CREATED="${created}" STATUS="CURRENT">
    ${mdRef(files.descriptive, 'DC', created)}
  </mets:dmdSec>
  <mets:amdSec ID="${ids.amd}">
    <mets:digiprovMD ID="${ids.premis}" STATUS="CURRENT">
      ${mdRef(files.preservation, 'PREMIS', created)}
    </mets:digiprovMD>
  </mets:amdSec>
  <mets:fileSec ID="filesec">
    <mets:fileGrp ID="${ids.fileGrp}" USE="${representationUse}" ${contentType(entries)}>
${representationMets}    </mets:fileGrp>
${older}  </mets:fileSec>
  <mets:structMap ID="structmap-csip" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div ID="div-package" LABEL="${e(first.package)}">
      <mets:div ID="div-metadata" LABEL="Metadata" DMDID="${ids.dmd}" ADMID="${ids.premis}"/>
      <mets:div ID="div-representation-${representationName}" LABEL="${representationUse}">
        <mets:fptr FILEID="${ids.fileGrp}"/>
        <mets:mptr ${locator(files.representation.href)} xlink:title="${ids.fileGrp}"/>
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
