/**
 * fontkit, loaded on first use. The CLI bundle (src/cli/bundle.mjs) replaces this module with one that
 * requires the patched copy inside the bundle, so that it is in the bundle's code cache too.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type Fontkit from '@pdf-lib/fontkit';

const require = createRequire(import.meta.url);

/**
 * Set by the worker's bundle (src/cli/bundle.mjs, esbuild `define`) to the build's copy of fontkit: the same
 * version with its start-up work for scripts and formats memos do not use (the WOFF2 dictionary, the
 * Arabic, Indic and Universal shapers' tables) done on first use instead. Undefined in tsc's output and
 * the tests, which load the package itself.
 */
declare const __SKRIVELSE_FONTKIT__: string | undefined;

/** fontkit, loaded on first use (a quarter of a second at start-up). */
export function loadFontkit(): typeof Fontkit {
  const vendored = typeof __SKRIVELSE_FONTKIT__ === 'string' ? __SKRIVELSE_FONTKIT__ : undefined;
  if (vendored !== undefined) {
    try {
      // Bundled from fontkit's ES build, whose default export is the fontkit object.
      const bundled = require(fileURLToPath(new URL(vendored, import.meta.url))) as {
        default?: typeof Fontkit;
      };
      if (bundled.default) return bundled.default;
    } catch {
      // Not built: the package's own.
    }
  }
  return require('@pdf-lib/fontkit');
}
