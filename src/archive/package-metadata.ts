/**
 * The metadata files of a package, as a pure function of its manifest entries: representation METS,
 * Dublin Core, PREMIS and, last, the package METS that lists the other three with their checksums.
 * `arkivera` writes them; `verifiera` rebuilds them and compares, so an edit to any of them (even
 * one outside a checksummed element) is found.
 */
import { buildDublinCore } from './dublin-core.js';
import { sha256Hex } from './hash.js';
import {
  dataDir,
  descriptivePath,
  metsName,
  packagePath,
  premisPath,
  representationMetsPath,
} from './layout.js';
import type { ManifestEntry } from './manifest.js';
import { buildMets, buildRepresentationMets, type MetsFileRef } from './mets.js';
import { buildPremis } from './premis.js';

export interface MetadataFile {
  /** Path inside the package, with '/'. */
  path: string;
  bytes: Buffer;
}

function file(path: string, text: string): MetadataFile & { ref: MetsFileRef } {
  const bytes = Buffer.from(text, 'utf8');
  return { path, bytes, ref: { href: path, sha256: sha256Hex(bytes), sizeBytes: bytes.length } };
}

/** In write order: the package METS, which points at the others, comes last. */
export function packageMetadata(entries: readonly ManifestEntry[]): MetadataFile[] {
  const inData = entries.filter((x) => packagePath(x).startsWith(`${dataDir}/`));
  const olderLayout = entries.filter((x) => !inData.includes(x));
  const representation = file(representationMetsPath, buildRepresentationMets(inData));
  const descriptive = file(descriptivePath, buildDublinCore([...entries]));
  const preservation = file(premisPath, buildPremis([...entries]));
  const mets = file(
    metsName,
    buildMets([...entries], olderLayout, {
      descriptive: descriptive.ref,
      preservation: preservation.ref,
      representation: representation.ref,
    }),
  );
  return [representation, descriptive, preservation, mets].map(({ path, bytes }) => ({ path, bytes }));
}
