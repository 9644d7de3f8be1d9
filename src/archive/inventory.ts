/**
 * Every entry under an archive folder, found without following symlinks, so that `verifiera` can
 * account for each file and `arkivera` can clear what a crashed run left behind.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lockName } from './lock.js';

export interface ArchiveItem {
  /** Path relative to the archive root, with '/'. */
  path: string;
  kind: 'file' | 'other';
}

/** Bounds the walk of a hostile or mistaken folder (e.g. verifiera / by accident). */
const maxItems = 200_000;

export function walkArchive(root: string): ArchiveItem[] {
  const items: ArchiveItem[] = [];
  const visit = (rel: string, depth: number): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      if (items.length >= maxItems) return;
      const path = rel ? `${rel}/${name}` : name;
      if (path === lockName) continue;
      const stat = lstatSync(join(root, path));
      if (stat.isDirectory() && depth < 8) visit(path, depth + 1);
      else items.push({ path, kind: stat.isFile() ? 'file' : 'other' });
    }
  };
  visit('', 0);
  return items;
}

/** A regular file (not a FIFO, device, folder or symlink): one that can be read without blocking. */
export function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}
