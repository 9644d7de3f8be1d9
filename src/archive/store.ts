/**
 * Stores an archival PDF under `<arkiv>/<paket>/representations/pdfa/data/<paket>_vNNN.pdf` (layout in
 * layout.ts). Never overwrites: a changed memo gets the next version number, an identical one is
 * reported and not stored again. Each stored version is appended to the manifest, then the
 * representation METS, Dublin Core, PREMIS and package METS are rewritten from it.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputBaseName } from '../build/output-name.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import { buildDublinCore } from './dublin-core.js';
import { sha256Hex } from './hash.js';
import {
  dataDir,
  descriptivePath,
  metsName,
  packagePath,
  premisPath,
  representationMetsPath,
  versionFileName,
} from './layout.js';
import { appendManifest, type ManifestEntry, type ManifestSource, readManifest } from './manifest.js';
import { buildMets, buildRepresentationMets, type MetsFileRef } from './mets.js';
import { buildPremis } from './premis.js';

export interface StoreRequest {
  arkivDir: string;
  dnr: string[];
  title: string;
  /** Case date (ISO). */
  date: string;
  pdf: Uint8Array;
  sources: ManifestSource[];
  /** "skrivelse 0.1.0". */
  tool: string;
}

export interface StoreResult {
  /** `unchanged`: the latest stored version has the same bytes; nothing was written. */
  status: 'stored' | 'unchanged';
  entry: ManifestEntry;
  /** Absolute or cwd-relative path of the PDF. */
  path: string;
}

/** Package (folder) name of a case: its Dnr, sanitised ("SON 2020-281" → "SON-2020-281"). */
export function packageName(dnr: readonly string[]): string {
  return outputBaseName({ dnr: [...dnr], title: '' });
}

const versionPattern = /_v(\d{3,})\.pdf$/;

/** Highest version number among the PDFs in the data folder and (packages from before the CSIP
 * layout) the package folder itself, so that a number is never reused. */
function highestVersionOnDisk(packageDir: string): number {
  const numbers = [join(packageDir, ...dataDir.split('/')), packageDir]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).map((f) => Number(versionPattern.exec(f)?.[1] ?? 0)));
  return Math.max(0, ...numbers);
}

/** Writes one metadata file (or representation METS) of the package; returns its METS reference. */
function writeMetadataFile(packageDir: string, href: string, text: string): MetsFileRef {
  const path = join(packageDir, ...href.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  const bytes = Buffer.from(text, 'utf8');
  writeFileAtomic(path, bytes);
  return { href, sha256: sha256Hex(bytes), sizeBytes: bytes.length };
}

function writePackageMetadata(arkivDir: string, pkg: string, entries: ManifestEntry[]): void {
  const dir = join(arkivDir, pkg);
  const inData = entries.filter((x) => packagePath(x).startsWith(`${dataDir}/`));
  const olderLayout = entries.filter((x) => !inData.includes(x));
  const representation = writeMetadataFile(dir, representationMetsPath, buildRepresentationMets(inData));
  const descriptive = writeMetadataFile(dir, descriptivePath, buildDublinCore(entries));
  const preservation = writeMetadataFile(dir, premisPath, buildPremis(entries));
  writeFileAtomic(
    join(dir, metsName),
    buildMets(entries, olderLayout, { descriptive, preservation, representation }),
  );
}

export function storeArchivalPdf(req: StoreRequest): StoreResult {
  const pkg = packageName(req.dnr);
  const dir = join(req.arkivDir, pkg);
  mkdirSync(dir, { recursive: true });
  const entries = readManifest(req.arkivDir).filter((x) => x.package === pkg);
  const sha256 = sha256Hex(req.pdf);
  const latest = entries[entries.length - 1];
  if (latest && latest.sha256 === sha256) {
    return { status: 'unchanged', entry: latest, path: join(req.arkivDir, latest.file) };
  }
  const version = Math.max(highestVersionOnDisk(dir), ...entries.map((x) => x.version), 0) + 1;
  const file = `${dataDir}/${versionFileName(pkg, version)}`;
  const path = join(dir, ...file.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileAtomic(path, req.pdf, { noOverwrite: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(
        `${path} finns redan och skrivs inte över.`,
        'Kör arkivera igen för att få nästa versionsnummer.',
      );
    throw error;
  }
  const entry: ManifestEntry = {
    dnr: req.dnr[0] ?? '',
    package: pkg,
    version,
    file: `${pkg}/${file}`,
    sha256,
    sizeBytes: req.pdf.length,
    date: req.date,
    tool: req.tool,
    title: req.title,
    sources: req.sources,
  };
  appendManifest(req.arkivDir, entry);
  writePackageMetadata(req.arkivDir, pkg, [...entries, entry]);
  return { status: 'stored', entry, path };
}
