// Bundles the CLI (src/cli/main.ts) after tsc has written dist/ (the library, dist/index.js, stays tsc's):
// start-up then reads one file instead of several hundred (pdf-lib alone is 173), and V8 compiles it from
// a code cache made here instead of from source.
//
//   dist/cli/skrivelse.cjs        the CLI as one CommonJS bundle (dynamic imports become lazy requires)
//   dist/cli/skrivelse.cjs.cache  V8's code cache of it, made by one build of seed 001's case below
//   dist/cli/main.js              the entry point (bin): compiles skrivelse.cjs with the cache and runs it
//   dist/cli/build-worker.js      the build's worker thread (src/build/pool.ts), one ES module bundle
//
// The cache is V8's own (vm.Script cachedData): V8 checks it against the source and its own version and
// flags, and compiles from source if it does not match, so a stale cache costs time, never correctness.
// Node 20 has no module.enableCompileCache (22.1+), hence the hand-made one.
//
// esbuild: a bundler that reads the TypeScript sources directly and is a single pinned devDependency.
//
// The bundles sit in dist/cli/, at the depth of dist/util/, so `new URL('../../', import.meta.url)`
// (src/util/package-info.ts: the package root, for templates/ and package.json) means the same folder in
// the bundle as in tsc's output; in the CommonJS bundle import.meta.url is main.js's URL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist/cli');

for (const name of readdirSync(outdir)) {
  if (/^chunk-.*\.js$|^skrivelse\.cjs/.test(name)) rmSync(join(outdir, name));
}
rmSync(join(root, 'dist/vendor'), { recursive: true, force: true });

// fontkit, rebundled from its ES build with its start-up work for what memos never use made lazy: the
// WOFF2 (Brotli) dictionary and the Arabic, Indic and Universal shapers' Unicode tries were decompressed
// at every load (about 0.1 s of the quarter second fontkit took to load). Each patch must apply exactly
// once, or the build stops: a fontkit upgrade must be looked at, not silently left unpatched.
const fontkitPatches = [
  [
    'dictionary.init(BrotliDecompressBuffer);',
    "Object.defineProperty(dictionary, 'dictionary', { configurable: true, get: function () { var d = dictionaryDataCompressed.init(BrotliDecompressBuffer); Object.defineProperty(dictionary, 'dictionary', { value: d }); return d; } });",
  ],
  ['var trie$1 = new unicodeTrie(trieData$1);', 'var trie$1 = lazyTrie(function () { return new unicodeTrie(trieData$1); });'],
  ['var trie$2 = new unicodeTrie(trieData$2);', 'var trie$2 = lazyTrie(function () { return new unicodeTrie(trieData$2); });'],
  ['var trie$3 = new unicodeTrie(trieData$3);', 'var trie$3 = lazyTrie(function () { return new unicodeTrie(trieData$3); });'],
];
const lazyTrie =
  'function lazyTrie(make) { var t; return { get: function (c) { return (t || (t = make())).get(c); } }; }\n';
/** fontkit's ES build, patched (above), for `import`/`require('@pdf-lib/fontkit')` in the bundles. */
const fontkitPlugin = {
  name: 'fontkit-lazy-tables',
  setup(b) {
    b.onResolve({ filter: /^@pdf-lib\/fontkit$/ }, () => ({
      path: join(root, 'node_modules/@pdf-lib/fontkit/dist/fontkit.es.js'),
    }));
    b.onLoad({ filter: /fontkit[\\/]dist[\\/]fontkit\.es\.js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const [from, to] of fontkitPatches) {
        const count = source.split(from).length - 1;
        if (count !== 1) throw new Error(`fontkit: "${from}" ${count} gånger, väntade en`);
        source = source.replace(from, () => to);
      }
      return { contents: lazyTrie + source, loader: 'js' };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Loaded from node_modules as before: pdfjs-dist (archive checks only) brings its own worker files,
  // subset-font finds harfbuzz's .wasm file beside itself.
  external: ['pdfjs-dist', 'subset-font'],
  // src/fonts/coverage.ts takes the bundled, patched fontkit through this (loaded on first use).
  inject: [join(root, 'scripts/fontkit-inject.cjs')],
  plugins: [fontkitPlugin],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: join(outdir, 'skrivelse.cjs'),
  format: 'cjs',
  // main.js's URL, so the package root and the worker's file are found as from tsc's dist/cli/main.js.
  define: { 'import.meta.url': '__skrivelseMetaUrl' },
  banner: {
    js: "const __skrivelseMetaUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'main.js')).href;",
  },
});

await build({
  ...common,
  entryPoints: ['src/build/build-worker.ts'],
  outfile: join(outdir, 'build-worker.js'),
  format: 'esm',
  // Bundled CommonJS modules call require(); an ES module has none, so the bundle makes one.
  banner: {
    js: "import { createRequire as __skrivelseRequire } from 'node:module'; const require = __skrivelseRequire(import.meta.url);",
  },
});

writeFileSync(
  join(outdir, 'main.js'),
  `#!/usr/bin/env node
// Made by scripts/bundle.mjs: runs the CLI bundle (skrivelse.cjs), compiled with V8's code cache beside it
// where that matches (else from source, as V8 decides). SKRIVELSE_KODCACHE_UT=<file> writes a new cache
// when the run ends (npm run build does).
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, 'skrivelse.cjs');
let cachedData;
try {
  cachedData = readFileSync(\`\${file}.cache\`);
} catch {
  // no cache: compiled from source
}
// The bundle keeps main.ts's #! line, which is not JavaScript inside the module wrapper.
const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const out = process.env.SKRIVELSE_KODCACHE_UT;
if (out) process.once('exit', () => writeFileSync(out, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, here);
`,
  { mode: 0o755 },
);

// The embedded fonts' base-set subsets, made once here instead of at the first memo of each process
// (src/backends/docx/font-cache.ts), with tsc's output.
const { writeFontCache } = await import(join(root, 'dist/backends/docx/font-cache-build.js'));
await writeFontCache();

// The bundle must find the package root as tsc's output does.
execFileSync(process.execPath, [join(outdir, 'main.js'), '--version'], { stdio: 'ignore' });

// The code cache: what one build of one memo compiles (the common path: read, check, PDF, DOCX).
const work = mkdtempSync(join(tmpdir(), 'skrivelse-kodcache-'));
try {
  execFileSync(
    process.execPath,
    [join(outdir, 'main.js'), 'skapa', join(root, 'cases/son-2020-281-arbetsinriktad-rehabilitering.md'), '--ut', work],
    { stdio: 'ignore', env: { ...process.env, SKRIVELSE_KODCACHE_UT: join(outdir, 'skrivelse.cjs.cache') } },
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
