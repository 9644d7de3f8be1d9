/**
 * The archive manifest `<arkiv>/manifest.jsonl`: one JSON line per stored version, append-only in
 * meaning, written atomically (the whole file goes to a temp file that is renamed over the old one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic.js';

export const manifestName = 'manifest.jsonl';

export interface ManifestSource {
  name: string;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
}

export interface ManifestEntry {
  /** Dnr as written in the case (first one if several). */
  dnr: string;
  /** Package folder under the archive root, the sanitised Dnr: "SON-2020-281". */
  package: string;
  version: number;
  /** Path of the PDF relative to the archive root, with '/' separators. */
  file: string;
  sha256: string;
  sizeBytes: number;
  /** Case date (ISO). */
  date: string;
  /** "skrivelse 0.1.0". */
  tool: string;
  title: string;
  sources: ManifestSource[];
}

export function readManifest(arkivDir: string): ManifestEntry[] {
  const path = join(arkivDir, manifestName);
  if (!existsSync(path)) return [];
  const entries: ManifestEntry[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      try {
        entries.push(JSON.parse(line) as ManifestEntry);
      } catch {
        throw new UsageError(
          `Arkivets manifest ${path} är skadat på rad ${index + 1}.`,
          'Återställ manifestet från säkerhetskopia; skrivelse skriver aldrig över det med gissningar.',
        );
      }
    });
  return entries;
}

export function appendManifest(arkivDir: string, entry: ManifestEntry): void {
  const path = join(arkivDir, manifestName);
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const prefix = old === '' || old.endsWith('\n') ? old : `${old}\n`;
  writeFileAtomic(path, `${prefix}${JSON.stringify(entry)}\n`);
}
