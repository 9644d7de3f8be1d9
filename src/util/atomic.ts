/**
 * The one write path for every file skrivelse produces (output folder, archive, manifest, METS, diff
 * --ut, new): a file is complete under its final name or not there at all.
 *
 * Hand-written rather than write-file-atomic: that library names its temporary file with a hash of
 * pid, thread and a counter (predictable) and opens it with 'w', which follows a planted symlink.
 * Here the temporary file gets 16 random bytes in its name and is created with O_CREAT | O_EXCL |
 * O_NOFOLLOW in the target folder, written in full (short writes are continued), fsynced, then renamed
 * over the final name (or hard-linked to it when it must not exist yet), and the folder is fsynced.
 * On any error the temporary file is removed and the final name is left as it was.
 */

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsOps } from './fs-ops.js';

export interface AtomicWriteOptions {
  /** Fail with EEXIST instead of replacing an existing file (race-free: uses link()). */
  noOverwrite?: boolean;
}

const createFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Temporary files of this module end so; a crashed run may leave one, which `verifiera` reports. */
export const tempSuffix = '.tmp';
const tempPattern = /^\.(.*)\.[0-9a-f]{32}\.tmp$/;
export const isTempName = (name: string): boolean => tempPattern.test(name);
/** The (possibly shortened) final name a temporary file was for, or undefined if `name` is none of ours. */
export const tempTarget = (name: string): string | undefined => tempPattern.exec(name)?.[1];

export function tempPathFor(path: string): string {
  // Bounded so that the temporary name fits NAME_MAX even for a long final name.
  const stem = basename(path).slice(0, 120);
  return join(dirname(path), `.${stem}.${randomBytes(16).toString('hex')}${tempSuffix}`);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  const fs = fsOps();
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('write returned 0'), { code: 'EIO', syscall: 'write' });
    offset += written;
  }
}

/** Makes a rename or link in `dir` durable. Folders that cannot be fsynced (some platforms) are skipped. */
export function syncDir(dir: string): void {
  const fs = fsOps();
  const fd = fs.openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const fs = fsOps();
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempPathFor(path);
  const fd = fs.openSync(temp, createFlags, 0o644);
  try {
    try {
      writeAll(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.noOverwrite) {
      fs.linkSync(temp, path);
      fs.unlinkSync(temp);
    } else {
      fs.renameSync(temp, path);
    }
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Already renamed, or the disk is gone: nothing more to undo.
    }
    // A failed write(2) or fsync(2) names no path: name the temporary file, which messages show as its target.
    const e = error as NodeJS.ErrnoException;
    if (e && typeof e === 'object' && e.path === undefined) e.path = temp;
    throw error;
  }
  syncDir(dirname(path));
}

/** Removes a file and makes the removal durable; a missing file is not an error. */
export function removeFileDurably(path: string): void {
  try {
    fsOps().unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  syncDir(dirname(path));
}
