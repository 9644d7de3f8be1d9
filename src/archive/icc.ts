/** The shipped sRGB ICC profile (assets/icc/sRGB.icc, zlib licence; see assets/icc/LICENSE.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-info.js';

let cached: Uint8Array | undefined;

export function srgbIccProfile(): Uint8Array {
  cached ??= new Uint8Array(readFileSync(join(packageRoot, 'assets', 'icc', 'sRGB.icc')));
  return cached;
}
