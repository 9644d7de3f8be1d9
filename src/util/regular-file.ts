/**
 * Reads a file only if it is a regular file. It is opened without blocking and checked with fstat before
 * a byte is read, so a FIFO, /dev/zero or a terminal given as a case file or profile is refused instead
 * of waiting forever or reading without end.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fileKind, NotRegularFileError } from '../fs-errors.js';

// O_NONBLOCK: opening a FIFO with no writer returns at once; O_NOCTTY: a terminal never becomes ours.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** The file's bytes, or `{ size }` when it is larger than `maxBytes` (then it is not read at all). */
export function readRegularFile(
  path: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Buffer | { size: number } {
  const fd = openSync(path, openFlags);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(path, fileKind(stats));
    if (stats.size > maxBytes) return { size: stats.size };
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, buffer, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The whole file as bytes (no size limit); throws like readRegularFile. */
export function readRegularFileBytes(path: string): Buffer {
  return readRegularFile(path) as Buffer;
}
