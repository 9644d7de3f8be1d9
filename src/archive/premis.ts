/**
 * PREMIS 3 preservation metadata for one archive package: an object per stored PDF version, a
 * creation event per version (dated from the case, never the clock) and the software agent. Objects
 * are identified by their path inside the package, as in the METS FLocat.
 */

import { escapeXml as e } from '../util/xml.js';
import { packagePath, versionId } from './layout.js';
import { entryDnrs, entryType, type ManifestEntry, protokollsutdragType } from './manifest.js';

const fileName = (entry: ManifestEntry): string => entry.file.split('/').pop() ?? entry.file;
const eventId = (entry: ManifestEntry): string => `skapande-${versionId(entry.version)}`;

function object(entry: ManifestEntry): string {
  return `  <premis:object xsi:type="premis:file">
    <premis:objectIdentifier>
      <premis:objectIdentifierType>local</premis:objectIdentifierType>
      <premis:objectIdentifierValue>${e(packagePath(entry))}</premis:objectIdentifierValue>
    </premis:objectIdentifier>
    <premis:objectCharacteristics>
      <premis:compositionLevel>0</premis:compositionLevel>
      <premis:fixity>
        <premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>
        <premis:messageDigest>${entry.sha256}</premis:messageDigest>
      </premis:fixity>
      <premis:size>${entry.sizeBytes}</premis:size>
      <premis:format>
        <premis:formatDesignation>
          <premis:formatName>PDF/A-3a</premis:formatName>
          <premis:formatVersion>ISO 19005-3:2012</premis:formatVersion>
        </premis:formatDesignation>
      </premis:format>
    </premis:objectCharacteristics>
    <premis:originalName>${e(fileName(entry))}</premis:originalName>
  </premis:object>
`;
}

/** What the creation made, and from what: a protokollsutdrag is made from the meeting file and the case file. */
function eventDetail(entry: ManifestEntry): string {
  const dnr = entryDnrs(entry).join(', ');
  return entryType(entry) === protokollsutdragType
    ? `Arkivexemplar (PDF/A-3a, PDF/UA-1) av protokollsutdrag, version ${entry.version} av ${dnr}, skapat från mötesfilen och ärendefilen.`
    : `Arkivexemplar (PDF/A-3a, PDF/UA-1) version ${entry.version} av ${dnr} skapat från ärendefilen.`;
}

function event(entry: ManifestEntry): string {
  return `  <premis:event>
    <premis:eventIdentifier>
      <premis:eventIdentifierType>local</premis:eventIdentifierType>
      <premis:eventIdentifierValue>${eventId(entry)}</premis:eventIdentifierValue>
    </premis:eventIdentifier>
    <premis:eventType>creation</premis:eventType>
    <premis:eventDateTime>${entry.date}T00:00:00Z</premis:eventDateTime>
    <premis:eventDetailInformation>
      <premis:eventDetail>${e(eventDetail(entry))}</premis:eventDetail>
    </premis:eventDetailInformation>
    <premis:eventOutcomeInformation>
      <premis:eventOutcome>success</premis:eventOutcome>
    </premis:eventOutcomeInformation>
    <premis:linkingAgentIdentifier>
      <premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>
      <premis:linkingAgentIdentifierValue>${e(entry.tool)}</premis:linkingAgentIdentifierValue>
    </premis:linkingAgentIdentifier>
    <premis:linkingObjectIdentifier>
      <premis:linkingObjectIdentifierType>local</premis:linkingObjectIdentifierType>
      <premis:linkingObjectIdentifierValue>${e(packagePath(entry))}</premis:linkingObjectIdentifierValue>
    </premis:linkingObjectIdentifier>
  </premis:event>
`;
}

function agent(tool: string): string {
  return `  <premis:agent>
    <premis:agentIdentifier>
      <premis:agentIdentifierType>local</premis:agentIdentifierType>
      <premis:agentIdentifierValue>${e(tool)}</premis:agentIdentifierValue>
    </premis:agentIdentifier>
    <premis:agentName>${e(tool)}</premis:agentName>
    <premis:agentType>software</premis:agentType>
  </premis:agent>
`;
}

/** PREMIS document for the given versions of one package (in version order). */
export function buildPremis(entries: readonly ManifestEntry[]): string {
  const tools = [...new Set(entries.map((x) => x.tool))];
  return `<?xml version="1.0" encoding="UTF-8"?>
<premis:premis xmlns:premis="http://www.loc.gov/premis/v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/premis/v3 http://www.loc.gov/standards/premis/v3/premis.xsd" version="3.0">
${entries.map(object).join('')}${entries.map(event).join('')}${tools.map(agent).join('')}</premis:premis>
`;
}
