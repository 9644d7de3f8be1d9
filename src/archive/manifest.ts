/**
 * The archive manifest `<arkiv>/manifest.jsonl`: one JSON line per stored version, in the order they
 * were stored. Each line is checked against a schema when read: `arkivera` refuses to add to a
 * manifest with a bad line (it never guesses), `verifiera` reports each bad line as a finding.
 * Written only through the atomic write, under the archive lock (store.ts): the whole new file goes to
 * a temporary file that replaces the old one, so a line is never half written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import { isRegularFile } from './inventory.js';
import { dataDir, versionFileName } from './layout.js';

export const manifestName = 'manifest.jsonl';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const size = z.number().int().nonnegative();

const sourceSchema = z.strictObject({
  name: z.string().min(1),
  mimeType: z.string().min(1),
  sha256,
  sizeBytes: size,
});

export const entrySchema = z
  .strictObject({
    /** The first Dnr of the case (the one the package is named after first). */
    dnr: z.string(),
    /**
     * Every Dnr of the case in order, the first being `dnr` (a joint memo has one per nämnd). Written since
     * manifest lines learnt it; a line without it (written before) means `[dnr]`.
     */
    dnrs: z.array(z.string()).min(1).optional(),
    /** What the document is (dc:type, the kind's archive type: "Rapport"); a line without it is a tjänsteskrivelse. */
    type: z.string().min(1).optional(),
    /**
     * What in the document may not be made public (dc:rights), so the e-archive can restrict access: a
     * section under secrecy or marked words with their ground, or personnummer; absent: nothing.
     */
    restrictions: z
      .array(
        z.strictObject({
          kind: z.enum(['avsnitt', 'markering', 'personnummer']),
          section: z.string().optional(),
          ground: z.string(),
        }),
      )
      .min(1)
      .optional(),
    package: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/),
    version: z.number().int().min(1).max(999_999),
    file: z.string().min(1),
    sha256,
    sizeBytes: size,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    tool: z.string(),
    title: z.string(),
    sources: z.array(sourceSchema),
  })
  .refine((entry) => entry.dnrs === undefined || entry.dnrs[0] === entry.dnr, {
    path: ['dnrs'],
    message: 'dnrs ska börja med dnr',
  });

/** The document type of an archived protokollsutdrag (made from a meeting file, src/meeting/archive-protocol.ts). */
export const protokollsutdragType = 'Protokollsutdrag';

/** The document type of a manifest line (dc:type); lines from before kinds were recorded are memos. */
export function entryType(entry: Pick<ManifestEntry, 'type'>): string {
  return entry.type ?? 'Tjänsteskrivelse';
}

/** Every Dnr of a manifest line: `dnrs`, or for a line from before it was written, the one `dnr`. */
export function entryDnrs(entry: Pick<ManifestEntry, 'dnr' | 'dnrs'>): string[] {
  return entry.dnrs ?? [entry.dnr];
}

export type ManifestSource = z.infer<typeof sourceSchema>;
export type ManifestEntry = z.infer<typeof entrySchema>;

/** Where a version of a package must lie: the CSIP data folder, or (older packages) the package folder. */
export function expectedFiles(pkg: string, version: number): string[] {
  const name = versionFileName(pkg, version);
  return [`${pkg}/${dataDir}/${name}`, `${pkg}/${name}`];
}

export interface ManifestProblem {
  /** 1-based line number in manifest.jsonl. */
  line: number;
  message: string;
}

export interface ManifestRead {
  entries: ManifestEntry[];
  problems: ManifestProblem[];
  /** False when there is no manifest file. */
  exists: boolean;
}

/** Reads every line; lines that fail the schema, or repeat a version, are problems, not entries. */
export function parseManifest(text: string): Omit<ManifestRead, 'exists'> {
  const entries: ManifestEntry[] = [];
  const problems: ManifestProblem[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  if (text !== '' && !text.endsWith('\n'))
    problems.push({
      line: lines.length,
      message: 'Sista raden slutar mitt i (ingen radbrytning): manifestet är avkortat.',
    });
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      if (index < lines.length - 1) problems.push({ line, message: 'Tom rad.' });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: 'Raden är inte giltig JSON.' });
      return;
    }
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(raden)'))];
      problems.push({ line, message: `Raden följer inte manifestets format (fält: ${fields.join(', ')}).` });
      return;
    }
    const entry = parsed.data;
    if (!expectedFiles(entry.package, entry.version).includes(entry.file)) {
      problems.push({
        line,
        message: `Sökvägen ${entry.file} hör inte till paket ${entry.package} version ${entry.version}.`,
      });
      return;
    }
    const key = `${entry.package}\u0000${entry.version}`;
    if (seen.has(key)) {
      problems.push({ line, message: `Version ${entry.version} av ${entry.package} står två gånger.` });
      return;
    }
    seen.add(key);
    entries.push(entry);
  });
  return { entries, problems };
}

export function readManifestLenient(arkivDir: string): ManifestRead {
  const path = join(arkivDir, manifestName);
  if (!existsSync(path)) return { entries: [], problems: [], exists: false };
  if (!isRegularFile(path))
    return {
      entries: [],
      problems: [{ line: 1, message: 'manifest.jsonl är inte en vanlig fil (t.ex. en FIFO eller en länk).' }],
      exists: true,
    };
  return { ...parseManifest(readFileSync(path, 'utf8')), exists: true };
}

/** The manifest's entries, or a UsageError naming the first bad line: nothing is added to a damaged manifest. */
export function readManifest(arkivDir: string): ManifestEntry[] {
  const { entries, problems } = readManifestLenient(arkivDir);
  const first = problems[0];
  if (first)
    throw new UsageError(
      `Arkivets manifest ${join(arkivDir, manifestName)} är skadat på rad ${first.line}: ${first.message}`,
      'Kör `skrivelse verifiera` på arkivet för alla fel och återställ manifestet från säkerhetskopia; skrivelse lägger aldrig till något i ett skadat manifest.',
    );
  return entries;
}

export const serializeManifest = (entries: readonly ManifestEntry[]): string =>
  entries.map((e) => `${JSON.stringify(e)}\n`).join('');

export function writeManifest(arkivDir: string, entries: readonly ManifestEntry[]): void {
  writeFileAtomic(join(arkivDir, manifestName), serializeManifest(entries));
}
