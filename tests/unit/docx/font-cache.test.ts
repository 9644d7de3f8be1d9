/**
 * The font cache that `npm run build` writes (dist/font-cache, src/backends/docx/font-cache.ts) holds exactly
 * what harfbuzz and the package would make at run time: the same subset bytes, key and deflated part.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  cachedPart,
  cachedSubset,
  fontCacheDir,
  manifestName,
} from '../../../src/backends/docx/font-cache.js';
import { baseCharacters, harfbuzzSubset } from '../../../src/backends/docx/font-embedding.js';
import { fontKeyFor, obfuscateFont } from '../../../src/backends/docx/odttf.js';
import { deflateEntry } from '../../../src/backends/docx/zip.js';
import type { FaceId } from '../../../src/fonts/coverage.js';

const faces: FaceId[] = ['regular', 'bold', 'italic', 'boldItalic'];

describe('font cache', () => {
  test('is there after npm run build, and valid for these inputs', () => {
    expect(existsSync(join(fontCacheDir(), manifestName)), 'kör npm run build').toBe(true);
    for (const face of faces) expect(cachedSubset(face, baseCharacters), face).toBeInstanceOf(Uint8Array);
  });

  test.each(faces)('%s: the same bytes as harfbuzz and the package make at run time', async (face) => {
    const cached = cachedSubset(face, baseCharacters)!;
    const made = await harfbuzzSubset(face, baseCharacters);
    expect(Buffer.compare(Buffer.from(cached), Buffer.from(made))).toBe(0);
    const key = fontKeyFor(made);
    const part = cachedPart(cached)!;
    expect(part.key).toBe(key);
    const entry = deflateEntry(obfuscateFont(made, key));
    expect(part.entry.crc).toBe(entry.crc);
    expect(part.entry.size).toBe(entry.size);
    expect(Buffer.compare(Buffer.from(part.entry.deflated), Buffer.from(entry.deflated))).toBe(0);
  });

  test('is not used for another character set', () => {
    expect(cachedSubset('regular', `${baseCharacters}Ж`)).toBeUndefined();
  });
});
