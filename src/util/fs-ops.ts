/**
 * The file-system calls that change what is on disk, gathered in one object so that fault-injection
 * tests can replace them (a disk that fills after N bytes, a crash after the k-th step) without
 * patching node:fs. Every write path of the tool goes through `fsOps()`.
 */
import * as fs from 'node:fs';

export interface FsOps {
  openSync(path: string, flags: number, mode?: number): number;
  /** Returns the number of bytes written, which may be fewer than asked for. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, newPath: string): void;
  unlinkSync(path: string): void;
  mkdirSync(path: string): void;
}

export const realFs: FsOps = {
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  linkSync: (existing, newPath) => fs.linkSync(existing, newPath),
  unlinkSync: (path) => fs.unlinkSync(path),
  mkdirSync: (path) => {
    fs.mkdirSync(path, { recursive: true });
  },
};

let current: FsOps = realFs;

export const fsOps = (): FsOps => current;

/** Replaces the file-system calls until the returned function is called (tests only). */
export function injectFs(ops: FsOps): () => void {
  const previous = current;
  current = ops;
  return () => {
    current = previous;
  };
}
