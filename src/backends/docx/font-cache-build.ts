/** Writes the font cache (font-cache.ts) into dist/font-cache/; run by src/cli/bundle.mjs after tsc. */

import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FaceId, fontBytes } from '../../fonts/coverage.js';
import { type CachedFace, cacheStamp, fontCacheDir, type Manifest, manifestName } from './font-cache.js';
import { baseCharacters, harfbuzzSubset } from './font-embedding.js';
import { fontKeyFor, obfuscateFont } from './odttf.js';
import { deflateEntry } from './zip.js';

const faces: FaceId[] = ['regular', 'bold', 'italic', 'boldItalic'];

export async function writeFontCache(dir: string = fontCacheDir()): Promise<Manifest> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = { stamp: cacheStamp(baseCharacters), faces: {} };
  for (const face of faces) {
    const subset = await harfbuzzSubset(face, baseCharacters);
    const key = fontKeyFor(subset);
    const entry = deflateEntry(obfuscateFont(subset, key));
    const cached: CachedFace = {
      source: createHash('sha256').update(fontBytes(face)).digest('hex'),
      subset: `${face}.ttf`,
      part: `${face}.odttf.deflate`,
      key,
      crc: entry.crc,
      size: entry.size,
    };
    writeFileSync(join(dir, cached.subset), subset);
    writeFileSync(join(dir, cached.part), entry.deflated);
    manifest.faces[face] = cached;
  }
  writeFileSync(join(dir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
