/**
 * `skrivelse verifiera`: accounts for everything in an archive (or one package, or one PDF), like
 * `git fsck`: every manifest line is well-formed and its file is there with its checksum, every file
 * on disk is listed by the manifest and by METS, every METS checksum holds, an interrupted store is
 * named, and each PDF passes the PDF/A-3 + PDF/UA-1 preflight with its embedded sources as recorded.
 * Reads a consistent state: the archive lock is taken when the folder is writable.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { isTempName } from '../util/atomic.js';
import { withFolderLock } from '../util/lock.js';
import { toolName } from '../util/package-info.js';
import { sha256Hex } from './hash.js';
import { type ArchiveItem, isRegularFile, walkArchive } from './inventory.js';
import { descriptivePath, metsName, packagePath, premisPath, representationMetsPath } from './layout.js';
import { archiveLock } from './lock.js';
import { type ManifestEntry, manifestName, readManifestLenient } from './manifest.js';
import { type MetsFileRef, readMetsRefs } from './mets.js';
import { packageMetadata } from './package-metadata.js';
import { type Finding, preflightPdf } from './preflight.js';
import { pendingName, readPendingValue } from './store.js';

/** The rule ids verifiera reports besides the preflight's; docs/arkivering.md documents each (held to this by a test). */
export const archiveRuleIds = [
  'archive-manifest',
  'archive-checksum',
  'archive-missing',
  'archive-mets',
  'archive-unlisted',
  'archive-incomplete',
] as const;
export type ArchiveRuleId = (typeof archiveRuleIds)[number];

export interface FileFinding extends Finding {
  file: string;
  /** Line in the file (a manifest line), when the finding is about one. */
  line?: number;
}

export interface VerifyResult {
  findings: FileFinding[];
  /** PDFs that were checked. */
  checkedPdfs: string[];
  /** Swedish notes that are not faults, e.g. that a loose PDF had no checksum to compare with. */
  notes: string[];
}

/** Metadata files every package has, besides its PDFs. */
const packageFiles = [metsName, descriptivePath, premisPath, representationMetsPath];

/** The nearest folder at or above `start` holding a manifest: at most four levels up, which is the
 * archive root seen from `<paket>/representations/pdfa/data/`. */
function findArchiveRoot(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, manifestName))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

/** A folder that holds packages (a subfolder with a METS.xml) or a pending record: an archive. */
function looksLikeArchive(dir: string): boolean {
  return existsSync(join(dir, pendingName)) || walkArchive(dir).some((i) => i.path.endsWith(`/${metsName}`));
}

function checkFileAgainst(
  file: string,
  expected: { sha256: string; sizeBytes: number },
  rule: ArchiveRuleId,
  clause: string,
): FileFinding[] {
  if (!existsSync(file))
    return [{ file, rule: 'archive-missing', clause, message: 'Filen saknas i arkivet.' }];
  if (!isRegularFile(file))
    return [
      {
        file,
        rule,
        clause,
        message: 'Här finns ingen vanlig fil utan t.ex. en FIFO, en enhet eller en symbolisk länk.',
      },
    ];
  const bytes = readFileSync(file);
  if (bytes.length !== expected.sizeBytes || sha256Hex(bytes) !== expected.sha256)
    return [
      {
        file,
        rule,
        clause,
        message: `Kontrollsumman stämmer inte: filen har ändrats sedan den arkiverades (väntad SHA-256 ${expected.sha256}).`,
      },
    ];
  return [];
}

async function verifyPdf(file: string, entry: ManifestEntry | undefined): Promise<FileFinding[]> {
  const findings: FileFinding[] = [];
  if (entry)
    findings.push(...checkFileAgainst(file, entry, 'archive-checksum', 'arkivets manifest (SHA-256)'));
  if (!isRegularFile(file)) return findings;
  const expected = entry ? Object.fromEntries(entry.sources.map((s) => [s.name, s.sha256])) : undefined;
  const preflight = await preflightPdf(new Uint8Array(readFileSync(file)), expected);
  return [...findings, ...preflight.map((f) => ({ ...f, file }))];
}

/** References of the package METS plus those of each METS file it lists (the representation METS),
 * all as paths inside the package. */
function collectMetsRefs(packageDir: string): MetsFileRef[] {
  const refs = readMetsRefs(readFileSync(join(packageDir, metsName), 'utf8'));
  return refs.flatMap((ref) => {
    const file = join(packageDir, ...ref.href.split('/'));
    if (!ref.href.endsWith(`/${metsName}`) || !isRegularFile(file)) return [ref];
    const base = ref.href.slice(0, -metsName.length);
    const inner = readMetsRefs(readFileSync(file, 'utf8')).map((r) => ({ ...r, href: `${base}${r.href}` }));
    return [ref, ...inner];
  });
}

const metsClause = 'E-ARK CSIP (CSIP66 fileSec/fileGrp/file)';

/** Every file the METS files list must match its checksum, and METS must list exactly the manifest's versions. */
function verifyMets(packageDir: string, entries: readonly ManifestEntry[]): FileFinding[] {
  const metsFile = join(packageDir, metsName);
  if (!isRegularFile(metsFile))
    return [
      { file: metsFile, rule: 'archive-mets', clause: 'E-ARK CSIP', message: 'METS.xml saknas i paketet.' },
    ];
  const refs = collectMetsRefs(packageDir);
  const listed = new Set(refs.map((ref) => ref.href));
  const versions = new Set(entries.map(packagePath));
  const notInMets: FileFinding[] = entries
    .filter((entry) => !listed.has(packagePath(entry)))
    .map((entry) => ({
      file: join(packageDir, ...packagePath(entry).split('/')),
      rule: 'archive-mets',
      clause: metsClause,
      message: 'Versionen finns i manifestet men saknas i METS.xml.',
    }));
  const notInManifest: FileFinding[] = refs
    .filter((ref) => ref.href.endsWith('.pdf') && !versions.has(ref.href))
    .map((ref) => ({
      file: join(packageDir, ...ref.href.split('/')),
      rule: 'archive-mets',
      clause: metsClause,
      message: 'METS.xml listar en version som saknas i manifestet.',
    }));
  const rebuilt = rebuiltMetadataFindings(packageDir, entries);
  return [
    ...rebuilt,
    ...refs.flatMap((ref) =>
      checkFileAgainst(
        join(packageDir, ...ref.href.split('/')),
        ref,
        'archive-mets',
        'E-ARK CSIP (METS CHECKSUM)',
      ),
    ),
    ...notInMets,
    ...notInManifest,
  ];
}

/** Metadata files that differ from what the manifest gives (when the current version wrote them last). */
function rebuiltMetadataFindings(packageDir: string, entries: readonly ManifestEntry[]): FileFinding[] {
  if (entries[entries.length - 1]?.tool !== toolName) return [];
  return packageMetadata(entries)
    .map(({ path, bytes }) => ({ file: join(packageDir, ...path.split('/')), bytes }))
    .filter(({ file, bytes }) => isRegularFile(file) && !readFileSync(file).equals(bytes))
    .map(({ file }) => ({
      file,
      rule: 'archive-mets',
      clause: 'E-ARK CSIP',
      message: 'Filen stämmer inte med manifestet: den har ändrats efter arkiveringen.',
    }));
}

/** Files on disk that neither the manifest nor a package's METS accounts for. */
function unlistedFiles(
  root: string,
  items: readonly ArchiveItem[],
  scope: string,
  entries: readonly ManifestEntry[],
): FileFinding[] {
  const expected = new Set([manifestName, pendingName, ...entries.map((e) => e.file)]);
  for (const pkg of new Set(entries.map((e) => e.package)))
    for (const file of packageFiles) expected.add(`${pkg}/${file}`);
  return items
    .filter((item) => scope === '' || item.path.startsWith(`${scope}/`))
    .filter((item) => item.kind !== 'file' || !expected.has(item.path))
    .map((item) => ({
      file: join(root, ...item.path.split('/')),
      rule: 'archive-unlisted',
      clause: 'arkivets manifest och METS',
      message:
        item.kind !== 'file'
          ? 'Varken en vanlig fil eller en mapp (t.ex. en symbolisk länk): hör inte hemma i arkivet.'
          : isTempName(item.path.split('/').pop()!)
            ? 'Tillfällig fil från en avbruten körning; nästa `skrivelse arkivera` tar bort den.'
            : 'Filen finns i arkivet men varken i manifestet eller i paketets METS.xml.',
    }));
}

function manifestFindings(root: string): { entries: ManifestEntry[]; findings: FileFinding[] } {
  const file = join(root, manifestName);
  const read = readManifestLenient(root);
  const findings: FileFinding[] = read.problems.map((p) => ({
    file,
    line: p.line,
    rule: 'archive-manifest',
    clause: 'arkivets manifest',
    message: p.message,
  }));
  const pending = join(root, pendingName);
  // The very first store of an archive, interrupted, has no manifest yet: the pending record says so.
  if (!read.exists && !existsSync(pending))
    findings.push({
      file,
      rule: 'archive-manifest',
      clause: 'arkivets manifest',
      message: 'Manifestet saknas, men mappen innehåller arkivpaket.',
    });
  if (existsSync(pending))
    findings.push({
      file: pending,
      rule: 'archive-incomplete',
      clause: 'arkivets manifest',
      message:
        'En arkivering avbröts innan den var klar; nästa `skrivelse arkivera` i arkivet slutför den eller tar bort den.',
    });
  return { entries: read.entries, findings };
}

/** The package of an interrupted store, whose folder may exist before any manifest line. */
function pendingPackage(root: string): string[] {
  const value = readPendingValue(root) as { package?: unknown } | null | undefined;
  return typeof value?.package === 'string' ? [value.package] : [];
}

/** Packages on disk (folders with a METS.xml, or any folder but the lock) that have no version in the manifest. */
function packagesWithoutVersions(
  root: string,
  items: readonly ArchiveItem[],
  scope: string,
  entries: readonly ManifestEntry[],
): FileFinding[] {
  const known = new Set([...entries.map((e) => e.package), ...pendingPackage(root)]);
  const onDisk = new Set(
    items
      .map((i) => i.path.split('/'))
      .filter((parts) => parts.length > 1)
      .map((parts) => parts[0]!),
  );
  return [...onDisk]
    .filter((pkg) => !known.has(pkg) && (scope === '' || scope === pkg || scope.startsWith(`${pkg}/`)))
    .map((pkg) => ({
      file: join(root, pkg),
      rule: 'archive-manifest',
      clause: 'arkivets manifest',
      message:
        'Paketet finns på disken men manifestet har ingen version av det (manifestet är tomt, avkortat eller har tappat rader).',
    }));
}

async function verifyArchive(root: string, scope: string): Promise<VerifyResult> {
  const { entries, findings } = manifestFindings(root);
  const checkedPdfs: string[] = [];
  const selected = entries.filter(
    (x) => scope === '' || x.package === scope || x.file.startsWith(`${scope}/`),
  );
  for (const entry of selected) {
    const file = join(root, ...entry.file.split('/'));
    findings.push(...(await verifyPdf(file, entry)));
    checkedPdfs.push(file);
  }
  for (const pkg of new Set(selected.map((x) => x.package)))
    findings.push(
      ...verifyMets(
        join(root, pkg),
        entries.filter((x) => x.package === pkg),
      ),
    );
  const items = walkArchive(root);
  findings.push(
    ...packagesWithoutVersions(root, items, scope, entries),
    ...unlistedFiles(root, items, scope, entries),
  );
  return { findings, checkedPdfs, notes: [] };
}

async function verifyOnePdf(file: string, root: string | undefined): Promise<VerifyResult> {
  const findings: FileFinding[] = [];
  const notes: string[] = [];
  let entry: ManifestEntry | undefined;
  if (root) {
    const rel = relative(root, file).split(sep).join('/');
    const manifest = manifestFindings(root);
    findings.push(...manifest.findings.filter((f) => f.rule === 'archive-incomplete'));
    entry = manifest.entries.find((x) => x.file === rel);
    if (!entry)
      findings.push({
        file,
        rule: 'archive-unlisted',
        clause: 'arkivets manifest och METS',
        message: `PDF:en ligger i arkivet ${root} men finns inte i dess manifest.`,
      });
  } else {
    notes.push(
      `${file} ligger inte i ett arkiv med manifest: PDF/A- och PDF/UA-reglerna kontrollerades, men det finns ingen kontrollsumma att jämföra med.`,
    );
  }
  findings.push(...(await verifyPdf(file, entry)));
  return { findings, checkedPdfs: [file], notes };
}

/** Takes the archive lock for a consistent view, unless the archive cannot be written (a read-only copy). */
async function consistently<T>(root: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withFolderLock(root, archiveLock, work);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return work();
    throw error;
  }
}

export async function verifyPath(target: string): Promise<VerifyResult> {
  if (!existsSync(target))
    throw new UsageError(`${target} finns inte.`, 'Ange en arkiverad PDF eller en arkivmapp.');
  // Symlinked paths lead to the same archive as the real one.
  const real = realpathSync(target);
  const isDir = statSync(real).isDirectory();
  const found = findArchiveRoot(isDir ? real : dirname(real));
  if (!isDir)
    return found ? consistently(found, () => verifyOnePdf(real, found)) : verifyOnePdf(real, undefined);
  const root = found ?? (looksLikeArchive(real) ? real : undefined);
  if (!root)
    throw new UsageError(
      `Ingen ${manifestName} hittades i ${target}.`,
      'Ange arkivmappen som `skrivelse arkivera` skrev till.',
    );
  const scope = relative(root, real).split(sep).join('/');
  return consistently(root, () => verifyArchive(root, scope));
}

export function findingToDiagnostic(finding: FileFinding): Diagnostic {
  return {
    severity: 'fel',
    rule: finding.rule,
    message: `${finding.message} (${finding.clause})`,
    file: finding.file,
    ...(finding.line === undefined ? {} : { position: { line: finding.line, column: 1 } }),
  };
}
