/** Expands the paths given on the command line to case files: .md files, folders searched recursively. */
import { readdirSync, type Stats, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { refuseSpecialFile } from '../fs-errors.js';

/** Folders never searched for case files. */
const skipped = new Set(['node_modules', '.git', 'dist', 'output']);

/** Whether a folder below a named one is searched for case files (not hidden, not a tool's folder). */
export function isSearchedFolderName(name: string): boolean {
  return !name.startsWith('.') && !skipped.has(name);
}

/** Whether a file found in a searched folder is a case file: `.md`, not hidden, not a README. */
export function isCaseFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return !name.startsWith('.') && lower.endsWith('.md') && lower !== 'readme.md';
}

/**
 * Returns the case files in a deterministic order: each argument in turn, and within a folder sorted
 * by path (code-point order, independent of locale). A file named explicitly is taken whatever its
 * extension. Missing paths and folders without case files are usage errors. Duplicates are dropped.
 */
export function collectCaseFiles(paths: readonly string[], cwd: string = process.cwd()): string[] {
  if (paths.length === 0) {
    throw new UsageError('Ange minst en ärendefil eller mapp.', 'Exempel: skrivelse kontrollera cases/');
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(file);
    }
  };
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(resolve(cwd, path));
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
      throw new UsageError(
        `Sökvägen "${path}" finns inte.`,
        'Kontrollera stavningen och vilken mapp du står i.',
      );
    }
    // A FIFO or device named on the command line would block or never end: refused before reading.
    refuseSpecialFile(stats, path);
    if (stats.isFile()) {
      add(path);
      continue;
    }
    const found = walk(resolve(cwd, path)).map((abs) => join(path, relative(resolve(cwd, path), abs)));
    if (found.length === 0) {
      throw new UsageError(`Mappen "${path}" innehåller inga ärendefiler (.md).`);
    }
    for (const file of found) add(file);
  }
  return out;
}

function walk(dir: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (!isSearchedFolderName(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (entry.isFile() && isCaseFileName(entry.name)) files.push(full);
  }
  return files;
}
