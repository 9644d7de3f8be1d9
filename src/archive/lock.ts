/** The archive lock: one `arkivera` at a time per archive, from reading the manifest to the last metadata file. */
import type { FolderLock } from '../util/lock.js';

export const lockName = '.skrivelse-lås';

export const archiveLock: FolderLock = { name: lockName, what: 'Arkivet' };
