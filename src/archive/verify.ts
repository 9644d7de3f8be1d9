/**
 * `skrivelse verifiera`: for an archive (or one package, or one PDF) checks every stored file
 * against the manifest and METS checksums, and runs the PDF/A-3 + PDF/UA-1 preflight on each PDF.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { sha256Hex } from './hash.js';
import { metsName, packagePath } from './layout.js';
import { type ManifestEntry, manifestName, readManifest } from './manifest.js';
import { type MetsFileRef, readMetsRefs } from './mets.js';
import { type Finding, preflightPdf } from './preflight.js';

export interface FileFinding extends Finding {
  file: string;
}

export interface VerifyResult {
  findings: FileFinding[];
  /** PDFs that were checked. */
  checkedPdfs: string[];
}

/** The nearest folder at or above `start` holding a manifest: at most four levels up, which is the
 * archive root seen from `<paket>/representations/pdfa/data/`. */
function findArchiveRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, manifestName))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

function checkFileAgainst(
  file: string,
  expected: { sha256: string; sizeBytes: number },
  rule: string,
  clause: string,
): FileFinding[] {
  if (!existsSync(file)) return [{ file, rule, clause, message: 'Filen saknas i arkivet.' }];
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
  if (!existsSync(file)) return findings;
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
    if (!ref.href.endsWith(`/${metsName}`) || !existsSync(file)) return [ref];
    const base = ref.href.slice(0, -metsName.length);
    const inner = readMetsRefs(readFileSync(file, 'utf8')).map((r) => ({ ...r, href: `${base}${r.href}` }));
    return [ref, ...inner];
  });
}

/** Every file the METS files list must match its checksum, and every manifest version must be listed. */
function verifyMets(packageDir: string, entries: readonly ManifestEntry[]): FileFinding[] {
  const metsFile = join(packageDir, metsName);
  if (!existsSync(metsFile))
    return [
      { file: metsFile, rule: 'archive-mets', clause: 'E-ARK CSIP', message: 'METS.xml saknas i paketet.' },
    ];
  const refs = collectMetsRefs(packageDir);
  const listed = new Set(refs.map((ref) => ref.href));
  const unlisted: FileFinding[] = entries
    .filter((entry) => !listed.has(packagePath(entry)))
    .map((entry) => ({
      file: join(packageDir, ...packagePath(entry).split('/')),
      rule: 'archive-mets',
      clause: 'E-ARK CSIP (CSIP66 fileSec/fileGrp/file)',
      message: 'Versionen finns i manifestet men saknas i METS.xml.',
    }));
  return [
    ...refs.flatMap((ref) =>
      checkFileAgainst(
        join(packageDir, ...ref.href.split('/')),
        ref,
        'archive-mets',
        'E-ARK CSIP (METS CHECKSUM)',
      ),
    ),
    ...unlisted,
  ];
}

export async function verifyPath(target: string): Promise<VerifyResult> {
  if (!existsSync(target))
    throw new UsageError(`${target} finns inte.`, 'Ange en arkiverad PDF eller en arkivmapp.');
  const isDir = statSync(target).isDirectory();
  const root = findArchiveRoot(isDir ? target : dirname(target));
  const entries = root ? readManifest(root) : [];
  const findings: FileFinding[] = [];
  const checkedPdfs: string[] = [];
  if (!isDir) {
    const rel = root ? relative(root, resolve(target)).split(sep).join('/') : undefined;
    const entry = entries.find((x) => x.file === rel);
    findings.push(...(await verifyPdf(target, entry)));
    checkedPdfs.push(target);
    return { findings, checkedPdfs };
  }
  if (!root)
    throw new UsageError(
      `Ingen ${manifestName} hittades i ${target}.`,
      'Ange arkivmappen som `skrivelse arkivera` skrev till.',
    );
  const rel = relative(root, resolve(target)).split(sep).join('/');
  const selected =
    rel === '' ? entries : entries.filter((x) => x.package === rel || x.file.startsWith(`${rel}/`));
  for (const entry of selected) {
    const file = join(root, ...entry.file.split('/'));
    findings.push(...(await verifyPdf(file, entry)));
    checkedPdfs.push(file);
  }
  for (const pkg of [...new Set(selected.map((x) => x.package))])
    findings.push(
      ...verifyMets(
        join(root, pkg),
        entries.filter((x) => x.package === pkg),
      ),
    );
  return { findings, checkedPdfs };
}

export function findingToDiagnostic(finding: FileFinding): Diagnostic {
  return {
    severity: 'fel',
    rule: finding.rule,
    message: `${finding.message} (${finding.clause})`,
    file: finding.file,
  };
}
