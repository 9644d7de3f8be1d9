/**
 * Stores an archival PDF under `<arkiv>/<paket>/representations/pdfa/data/<paket>_vNNN.pdf` (layout in
 * layout.ts). Never overwrites: a changed memo gets the next version number, an identical one is
 * reported and not stored again.
 *
 * One store is one transaction under the archive lock (lock.ts), in this order:
 *   1. finish or undo a store that a crash interrupted (the pending record, below);
 *   2. read the manifest (refused if damaged) and choose the version number;
 *   3. write the pending record `.skrivelse-pågående.json` (the manifest line to be added);
 *   4. store the PDF (created exclusively: an existing version is never replaced);
 *   5. write the manifest with the new line (atomic: old or new, never half);
 *   6. rewrite the representation METS, Dublin Core, PREMIS and package METS from the manifest;
 *   7. remove the pending record.
 * Every file is written with the atomic write, so a crash at any point leaves complete files only.
 * A crash before 4 leaves the old state plus a pending record; after 4 a PDF the manifest does not
 * list yet; after 5 metadata that lags behind the manifest. `verifiera` reports each of these
 * precisely, and the next `arkivera` of any case in the archive completes the interrupted store
 * (steps 5–7, when the PDF is there with the recorded checksum) or drops the record (when it is not).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputBaseName } from '../build/output-name.js';
import { UsageError } from '../errors.js';
import { isTempName, removeFileDurably, writeFileAtomic } from '../util/atomic.js';
import { fsOps } from '../util/fs-ops.js';
import { type HeldLock, withFolderLock } from '../util/lock.js';
import { sha256Hex } from './hash.js';
import { isRegularFile, walkArchive } from './inventory.js';
import { dataDir, versionFileName } from './layout.js';
import { archiveLock } from './lock.js';
import {
  entrySchema,
  type ManifestEntry,
  type ManifestSource,
  readManifest,
  serializeManifest,
  writeManifest,
} from './manifest.js';
import { packageMetadata } from './package-metadata.js';

export interface StoreRequest {
  arkivDir: string;
  dnr: string[];
  /**
   * The package (folder) name; absent: the Dnr's (`packageName`). A document of another kind filed under
   * the same Dnr (a protokollsutdrag) has its own package, so each package's METS and Dublin Core name
   * one kind and its versions are versions of one document.
   */
  package?: string;
  title: string;
  /** What the document is, as dc:type records it (the kind's archive type); absent: a tjänsteskrivelse. */
  type?: string;
  /** Case date (ISO). */
  date: string;
  /** What may not be made public (see ManifestEntry.restrictions); empty or absent: nothing. */
  restrictions?: NonNullable<ManifestEntry['restrictions']>;
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
  /** Swedish notes on what was repaired first (an interrupted store completed or dropped, leftovers removed). */
  repairs: string[];
}

/** The record of a store in progress, at the archive root. */
export const pendingName = '.skrivelse-pågående.json';

/** Package (folder) name of a case: its Dnr, sanitised ("SON 2020-281" → "SON-2020-281"). */
export function packageName(dnr: readonly string[]): string {
  return outputBaseName({ dnr: [...dnr], title: '' });
}

/** Version of a stored file name `<pkg>_vNNN.pdf`: three to six digits, nothing else; other names are no version. */
export function parseVersionFileName(pkg: string, name: string): number | undefined {
  if (!name.startsWith(`${pkg}_v`)) return undefined;
  const digits = /^(\d{3,6})\.pdf$/.exec(name.slice(pkg.length + 2))?.[1];
  return digits === undefined ? undefined : Number.parseInt(digits, 10);
}

/** Highest version number among the PDFs in the data folder and (packages from before the CSIP
 * layout) the package folder itself, so that a number is never reused. */
function highestVersionOnDisk(packageDir: string, pkg: string): number {
  const numbers = [join(packageDir, ...dataDir.split('/')), packageDir]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).map((f) => parseVersionFileName(pkg, f) ?? 0));
  return Math.max(0, ...numbers);
}

function writePackageMetadata(arkivDir: string, pkg: string, entries: ManifestEntry[]): void {
  for (const { path, bytes } of packageMetadata(entries)) {
    const target = join(arkivDir, pkg, ...path.split('/'));
    ensureDir(dirname(target));
    writeFileAtomic(target, bytes);
  }
}

function ensureDir(dir: string): void {
  if (!existsSync(dir)) fsOps().mkdirSync(dir);
}

const label = (entry: ManifestEntry): string => `${entry.package} version ${entry.version}`;

/** The pending record as parsed JSON; undefined when there is none or it is not readable JSON. */
export function readPendingValue(arkivDir: string): unknown {
  const path = join(arkivDir, pendingName);
  if (!isRegularFile(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function readPending(arkivDir: string): ManifestEntry | undefined {
  const path = join(arkivDir, pendingName);
  if (!existsSync(path)) return undefined;
  const parsed = entrySchema.safeParse(readPendingValue(arkivDir));
  if (!parsed.success)
    throw new UsageError(
      `${path} (en påbörjad arkivering) går inte att läsa; den skrivs alltid hel, så filen har ändrats för hand.`,
      'Kör `skrivelse verifiera` på arkivet och ta bort filen först när du vet att arkivet är i ordning.',
    );
  return parsed.data;
}

/** Steps 5–7 for a store that a crash interrupted, or dropping its record when its PDF never got stored. */
function completePending(arkivDir: string, lock: HeldLock): string[] {
  const pending = readPending(arkivDir);
  if (!pending) return [];
  const manifest = readManifest(arkivDir);
  const recorded = manifest.find((x) => x.package === pending.package && x.version === pending.version);
  const pdfPath = join(arkivDir, ...pending.file.split('/'));
  const mismatch = (what: string) =>
    new UsageError(
      `En avbruten arkivering av ${label(pending)} kan inte slutföras: ${what}.`,
      'Ändra ingenting i arkivet; kör `skrivelse verifiera` och jämför med säkerhetskopian.',
    );
  lock.assertHeld();
  let note: string;
  if (recorded) {
    if (recorded.sha256 !== pending.sha256)
      throw mismatch('manifestet har en annan kontrollsumma för versionen');
    note = `Slutförde en avbruten arkivering av ${label(pending)}: paketets METS, Dublin Core och PREMIS skrevs om.`;
  } else if (existsSync(pdfPath)) {
    const bytes = isRegularFile(pdfPath) ? readFileSync(pdfPath) : Buffer.alloc(0);
    if (bytes.length !== pending.sizeBytes || sha256Hex(bytes) !== pending.sha256)
      throw mismatch(`${pending.file} har inte den kontrollsumma som arkiveringen började med`);
    writeManifest(arkivDir, [...manifest, pending]);
    note = `Slutförde en avbruten arkivering av ${label(pending)}: versionen lades till i manifestet och paketets metadata.`;
  } else {
    removeFileDurably(join(arkivDir, pendingName));
    return [
      `En avbruten arkivering av ${label(pending)} hann inte spara någon PDF; den togs bort och arkivet är oförändrat.`,
    ];
  }
  const entries = readManifest(arkivDir).filter((x) => x.package === pending.package);
  writePackageMetadata(arkivDir, pending.package, entries);
  removeFileDurably(join(arkivDir, pendingName));
  return [note];
}

/** Temporary files of runs that died (under the lock no other run is writing). */
function removeLeftovers(arkivDir: string): string[] {
  const leftovers = walkArchive(arkivDir).filter((item) => isTempName(item.path.split('/').pop()!));
  for (const item of leftovers) removeFileDurably(join(arkivDir, ...item.path.split('/')));
  return leftovers.length === 0
    ? []
    : [
        `Tog bort ${leftovers.length} tillfällig${leftovers.length === 1 ? '' : 'a'} fil${leftovers.length === 1 ? '' : 'er'} från en avbruten körning.`,
      ];
}

function storeLocked(req: StoreRequest, lock: HeldLock): StoreResult {
  const repairs = [...completePending(req.arkivDir, lock), ...removeLeftovers(req.arkivDir)];
  const pkg = req.package ?? packageName(req.dnr);
  const dir = join(req.arkivDir, pkg);
  const all = readManifest(req.arkivDir);
  const entries = all.filter((x) => x.package === pkg);
  const sha256 = sha256Hex(req.pdf);
  const latest = entries[entries.length - 1];
  if (latest && latest.sha256 === sha256)
    return { status: 'unchanged', entry: latest, path: join(req.arkivDir, latest.file), repairs };
  const version = Math.max(highestVersionOnDisk(dir, pkg), ...entries.map((x) => x.version), 0) + 1;
  const file = `${dataDir}/${versionFileName(pkg, version)}`;
  const path = join(dir, ...file.split('/'));
  const entry: ManifestEntry = {
    dnr: req.dnr[0] ?? '',
    ...(req.dnr.length > 0 ? { dnrs: [...req.dnr] } : {}),
    ...(req.type ? { type: req.type } : {}),
    ...(req.restrictions && req.restrictions.length > 0 ? { restrictions: req.restrictions } : {}),
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
  lock.assertHeld();
  const pendingPath = join(req.arkivDir, pendingName);
  writeFileAtomic(pendingPath, `${JSON.stringify(entry)}\n`, { noOverwrite: true });
  let pdfStored = false;
  try {
    ensureDir(dirname(path));
    writeFileAtomic(path, req.pdf, { noOverwrite: true });
    pdfStored = true;
    lock.assertHeld();
    // Belt and braces for the rare case of two runs both taking over one stale lock: the manifest must
    // still be the one this store started from, or nothing is committed.
    if (serializeManifest(readManifest(req.arkivDir)) !== serializeManifest(all))
      throw new UsageError(
        'Arkivets manifest ändrades av en annan körning under arkiveringen; ingenting arkiverades.',
        'Kör `skrivelse arkivera` igen.',
      );
    writeManifest(req.arkivDir, [...all, entry]);
  } catch (error) {
    // Not committed: undo steps 3–4 so the archive is as before (a crash instead leaves them to step 1).
    for (const undo of pdfStored ? [path, pendingPath] : [pendingPath]) {
      try {
        removeFileDurably(undo);
      } catch {
        // Left for the next run's step 1, which verifiera reports meanwhile.
      }
    }
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(
        `${path} finns redan och skrivs inte över.`,
        'Kör `skrivelse verifiera` på arkivet: filen finns inte i manifestet.',
      );
    throw error;
  }
  try {
    writePackageMetadata(req.arkivDir, pkg, [...entries, entry]);
    removeFileDurably(pendingPath);
  } catch (error) {
    throw new UsageError(
      `Version ${version} av ${pkg} är arkiverad och står i manifestet, men paketets METS, Dublin Core och PREMIS kunde inte skrivas (${describeError(error)}).`,
      'Åtgärda felet (t.ex. frigör diskutrymme) och kör `skrivelse arkivera` igen: den slutför paketet först.',
    );
  }
  return { status: 'stored', entry, path, repairs };
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}${e.path ? ` ${e.path}` : ''}` : String(error);
}

export async function storeArchivalPdf(req: StoreRequest): Promise<StoreResult> {
  mkdirSync(req.arkivDir, { recursive: true });
  return withFolderLock(req.arkivDir, archiveLock, (lock) => storeLocked(req, lock));
}
