/**
 * The embedded faces' base-set subsets, made once at `npm run build` (font-cache-build.ts, into dist/font-cache/)
 * rather than at the first memo of every process: a one-memo build then neither starts harfbuzz (its
 * WebAssembly compile and first subset are about a tenth of a second) nor deflates the font parts cold.
 *
 * Used only when it was made from the same inputs, which its stamp records: the harfbuzz (harfbuzzjs) and
 * subset-font versions, the base characters, the package's compression level and fflate version, and each
 * original font's SHA-256. Otherwise (or without dist/, as in the tests from the sources) the subsets are
 * made at run time as before; both ways give the same bytes (tests/unit/docx/font-cache.test.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type FaceId, fontBytes } from '../../fonts/coverage.js';
import { packageRoot } from '../../util/package-info.js';
import type { DeflatedEntry } from './zip.js';
import { compressionLevel } from './zip.js';

const require = createRequire(import.meta.url);

export const fontCacheDir = () => join(packageRoot, 'dist', 'font-cache');
export const manifestName = 'subsets.json';

export interface CachedFace {
  /** SHA-256 of the original font file. */
  source: string;
  /** The subset (TrueType), and its part as package.ts writes it: obfuscated with `key`, deflated. */
  subset: string;
  part: string;
  key: string;
  crc: number;
  size: number;
}

export interface Manifest {
  stamp: string;
  faces: Partial<Record<FaceId, CachedFace>>;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** The version in the package.json above `file` (some packages do not export their package.json). */
function versionAbove(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (json.name && json.version) return `${json.name}@${json.version}`;
    } catch {
      // no package.json here
    }
  }
  return 'unknown';
}

/** What the cached files depend on, besides each font's own bytes. */
export function cacheStamp(characters: string): string {
  const subsetFont = require.resolve('subset-font');
  // subset-font loads harfbuzz's WebAssembly as resolved from itself; the file's hash is its version.
  const wasm = createRequire(subsetFont).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  return sha256(
    JSON.stringify({
      harfbuzz: sha256(readFileSync(wasm)),
      subsetFont: versionAbove(subsetFont),
      fflate: versionAbove(require.resolve('fflate')),
      compressionLevel,
      characters,
    }),
  );
}

let manifest: Manifest | null | undefined;
const stamps = new Map<string, string>();

/** The cache's manifest if it was made for `characters` and these inputs, else null. */
function readManifest(characters: string): Manifest | null {
  if (manifest === undefined) {
    try {
      manifest = JSON.parse(readFileSync(join(fontCacheDir(), manifestName), 'utf8')) as Manifest;
    } catch {
      manifest = null;
    }
  }
  if (!manifest) return null;
  let stamp = stamps.get(characters);
  if (stamp === undefined) {
    stamp = cacheStamp(characters);
    stamps.set(characters, stamp);
  }
  return manifest.stamp === stamp ? manifest : null;
}

/** Parts known for subset bytes that came from the cache, for package.ts. */
const parts = new WeakMap<Uint8Array, { key: string; entry: DeflatedEntry }>();

/** The cached subset of `face` to the base set `characters`, if the cache holds one made from these inputs. */
export function cachedSubset(face: FaceId, characters: string): Uint8Array | undefined {
  try {
    const entry = readManifest(characters)?.faces[face];
    if (!entry || entry.source !== sha256(fontBytes(face))) return undefined;
    const subset = new Uint8Array(readFileSync(join(fontCacheDir(), entry.subset)));
    const deflated = new Uint8Array(readFileSync(join(fontCacheDir(), entry.part)));
    parts.set(subset, { key: entry.key, entry: { deflated, crc: entry.crc, size: entry.size } });
    return subset;
  } catch {
    return undefined;
  }
}

/** The obfuscated, deflated part of a subset read from the cache (undefined for any other bytes). */
export function cachedPart(subset: Uint8Array): { key: string; entry: DeflatedEntry } | undefined {
  return parts.get(subset);
}
