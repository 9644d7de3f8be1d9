/**
 * Descriptive metadata of a package (`metadata/descriptive/dc.xml`, referenced from METS dmdSec):
 * simple Dublin Core in the OAI-DC wrapper, from the latest stored version: one dc:identifier per Dnr (a
 * joint memo has one per nämnd).
 */

import { escapeXml as e } from '../util/xml.js';
import { entryDnrs, entryType, type ManifestEntry } from './manifest.js';

/** A restriction as dc:rights says it: what, where, on what ground. */
export function rightsText(r: NonNullable<ManifestEntry['restrictions']>[number]): string {
  const where = r.section === undefined ? '' : ` i avsnittet "${r.section}"`;
  if (r.kind === 'avsnitt')
    return `Sekretess: avsnittet "${r.section}" omfattas av sekretess enligt ${r.ground}.`;
  if (r.kind === 'markering') return `Maskerad uppgift${where}: ${r.ground}.`;
  return `Personuppgifter: personnummer${where || ' i huvudet'} (${r.ground}).`;
}

export function buildDublinCore(entries: readonly ManifestEntry[]): string {
  const last = entries[entries.length - 1]!;
  return `<?xml version="1.0" encoding="UTF-8"?>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
  <dc:title>${e(last.title)}</dc:title>
${entryDnrs(last)
  .map((dnr) => `  <dc:identifier>${e(dnr)}</dc:identifier>\n`)
  .join('')}  <dc:type>${e(entryType(last))}</dc:type>
${(last.restrictions ?? []).map((r) => `  <dc:rights>${e(rightsText(r))}</dc:rights>\n`).join('')}  <dc:date>${last.date}</dc:date>
  <dc:format>application/pdf</dc:format>
  <dc:language>sv</dc:language>
</oai_dc:dc>
`;
}
