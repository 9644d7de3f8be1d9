#!/usr/bin/env node
// The installed program (copied to dist/cli/main.js by bundle.mjs): runs the CLI bundle, skrivelse.cjs,
// with the V8 code cache the build made for it by running an example case (skrivelse.cjs.cache). Node 20 has
// no compile cache of its own (module.enableCompileCache is Node 22); without one every start parsed and
// compiled the bundle's 6 MB and then each function again on its first call, about a quarter of a cold
// build. node:vm's cachedData is V8's own format and check (V8 version and flags); it is used only when the
// SHA-256 at its head is the bundle's, as V8 itself compares only the source's length. Without a cache, or
// with one V8 rejects (another Node), the bundle is compiled as before: slower, never different.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('./skrivelse.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;
const source = readFileSync(bundle);
const sourceHash = createHash('sha256').update(source).digest();

function cachedData() {
  try {
    const cache = readFileSync(cacheFile);
    return cache.subarray(0, 32).equals(sourceHash) ? cache.subarray(32) : undefined;
  } catch {
    return undefined;
  }
}

// CommonJS's own wrapper, so the bundle runs as `require` would run it; the #! line is not JavaScript.
const wrapped = `(function (exports, require, module, __filename, __dirname) {${source
  .toString('utf8')
  .replace(/^#!.*/, '')}\n})`;
const cache = cachedData();
const script = new vm.Script(wrapped, {
  filename: bundle,
  cachedData: cache,
});
// import() in code from a cache has no loader on Node 20: the bundle imports what it does not hold
// (pdfjs-dist, subset-font) through this one (src/util/external-import.ts).
globalThis[Symbol.for('skrivelse.importExternal')] = (specifier) => import(specifier);
if (process.env.SKRIVELSE_DEBUG === '1') {
  const state =
    cache === undefined
      ? 'saknas eller gäller inte bundlen'
      : script.cachedDataRejected
        ? 'avvisad av V8'
        : 'används';
  process.stderr.write(`kodcache: ${state}\n`);
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

// The build (bundle.mjs) runs an example case with this set (a scratch file, which it then puts in place):
// the cache then holds every function that run compiled, not only the bundle's top level.
const cacheOut = process.env.SKRIVELSE_CODE_CACHE_OUT;
if (cacheOut) {
  process.once('beforeExit', () =>
    writeFileSync(cacheOut, Buffer.concat([sourceHash, script.createCachedData()])),
  );
}
module.exports.main();
