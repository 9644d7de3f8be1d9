// Bundles the CLI (src/cli/main.ts) into one file, dist/cli/skrivelse.cjs, and the build's worker thread
// into dist/cli/build-worker.js and a few chunks beside it, after tsc has written dist/ (the library,
// dist/index.js, stays tsc's). Start-up then reads a handful of files instead of several hundred (pdf-lib
// alone is 173): module loading was about 440 ms of every start. The program, dist/cli/main.js, is
// src/cli/launcher.mjs: it runs the bundle with the V8 code cache made here by building an example case.
//
// esbuild: a bundler that reads the TypeScript sources directly, writes CommonJS (which node:vm can run
// with a code cache; an ES module cannot have one on Node 20) or ES modules with code splitting, and is a
// single pinned devDependency.
//
// Everything lives in dist/cli/ itself, at the depth of dist/util/, so `new URL('../../', import.meta.url)`
// (src/util/package-info.ts: the package root, for templates/ and package.json) means the same folder in the
// bundle as in tsc's output.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// A file URL's pathname keeps %-escapes (a checkout path with a space): fileURLToPath decodes them.
const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = join(root, 'dist/cli');

for (const name of readdirSync(outdir)) if (/^chunk-.*\.js$/.test(name)) rmSync(join(outdir, name));

// fontkit, rebundled from its ES build with its start-up work for what memos never use made lazy: the
// WOFF2 (Brotli) dictionary and the Arabic, Indic and Universal shapers' Unicode tries were decompressed
// at every load (about 0.1 s of the quarter second fontkit took to load). Each patch must apply exactly
// once, or the build stops: a fontkit upgrade must be looked at, not silently left unpatched.
const fontkitPatches = [
  [
    'dictionary.init(BrotliDecompressBuffer);',
    "Object.defineProperty(dictionary, 'dictionary', { configurable: true, get: function () { var d = dictionaryDataCompressed.init(BrotliDecompressBuffer); Object.defineProperty(dictionary, 'dictionary', { value: d }); return d; } });",
  ],
  [
    'var trie$1 = new unicodeTrie(trieData$1);',
    'var trie$1 = lazyTrie(function () { return new unicodeTrie(trieData$1); });',
  ],
  [
    'var trie$2 = new unicodeTrie(trieData$2);',
    'var trie$2 = lazyTrie(function () { return new unicodeTrie(trieData$2); });',
  ],
  [
    'var trie$3 = new unicodeTrie(trieData$3);',
    'var trie$3 = lazyTrie(function () { return new unicodeTrie(trieData$3); });',
  ],
];
const lazyTrie =
  'function lazyTrie(make) { var t; return { get: function (c) { return (t || (t = make())).get(c); } }; }\n';
const fontkitEs = 'node_modules/@pdf-lib/fontkit/dist/fontkit.es.js';
function fontkitLazyTables() {
  return {
    name: 'fontkit-lazy-tables',
    setup(b) {
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
}
await build({
  absWorkingDir: root,
  entryPoints: [fontkitEs],
  outfile: join(root, 'dist/vendor/fontkit.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Not minified: no faster to load here, and stack traces keep fontkit's names.
  logLevel: 'warning',
  plugins: [fontkitLazyTables()],
});

// gray-matter only splits the front matter off (src/case/front-matter.ts), but its js-yaml loads esprima
// (280 kB, for the !!js/function type, which its safe schema does not even allow) at every start. Without
// it js-yaml goes on as where esprima is not installed.
const jsYamlWithoutEsprima = {
  name: 'js-yaml-without-esprima',
  setup(b) {
    b.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const from = "esprima = _require('esprima');";
      if (source.split(from).length !== 2) throw new Error(`js-yaml: "${from}" inte en gång`);
      return { contents: source.replace(from, 'esprima = undefined;'), loader: 'js' };
    });
  },
};

// fontkit in the bundle itself (so in its code cache), from the patched ES build, required on first use:
// src/fonts/fontkit.ts becomes a plain require(), which esbuild bundles (the module's own goes through
// createRequire, which it cannot follow).
const fontkitInBundle = {
  name: 'fontkit-in-bundle',
  setup(b) {
    b.onResolve({ filter: /^@pdf-lib\/fontkit$/ }, () => ({ path: join(root, fontkitEs) }));
    b.onLoad({ filter: /src[\\/]fonts[\\/]fontkit\.ts$/ }, () => ({
      contents: "export function loadFontkit() { return require('@pdf-lib/fontkit').default; }",
      loader: 'js',
      resolveDir: root,
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: { skrivelse: 'src/cli/main.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded from node_modules as before: pdfjs-dist (archive checks only) brings its own worker files,
  // subset-font finds harfbuzz's .wasm file beside itself; both are ES modules, imported on use.
  external: ['pdfjs-dist', 'subset-font'],
  // import.meta.url (the package root, the worker's script) is the bundle's own URL.
  banner: { js: "var __skrivelseUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__skrivelseUrl' },
  plugins: [jsYamlWithoutEsprima, fontkitInBundle, fontkitLazyTables()],
  logLevel: 'warning',
});
// import() has no loader in the launcher's node:vm (src/util/external-import.ts): none may be left (esbuild
// writes them with double quotes; a comment's import('…') is not one).
const literalImports = readFileSync(join(outdir, 'skrivelse.cjs'), 'utf8').match(/[^\w.$]import\("[^)]*\)/g);
if (literalImports)
  throw new Error(`skrivelse.cjs har import(): ${literalImports.join(', ')}; använd importExternal`);
copyFileSync(join(root, 'src/cli/launcher.mjs'), join(outdir, 'main.js'));
chmodSync(join(outdir, 'main.js'), 0o755);

await build({
  absWorkingDir: root,
  // The build's worker thread (src/build/pool.ts) loads build-worker.js from beside the bundle.
  entryPoints: { 'build-worker': 'src/build/build-worker.ts' },
  outdir,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist', 'subset-font', '@pdf-lib/fontkit'],
  // Bundled CommonJS modules call require(); an ES module has none, so each chunk makes one.
  banner: {
    js: "import { createRequire as __skrivelseRequire } from 'node:module'; const require = __skrivelseRequire(import.meta.url);",
  },
  plugins: [jsYamlWithoutEsprima],
  // The chunks load the build's fontkit (above; src/fonts/coverage.ts), relative to themselves.
  define: { __SKRIVELSE_FONTKIT__: JSON.stringify('../vendor/fontkit.cjs') },
  logLevel: 'warning',
});

// The embedded fonts' base-set subsets, made once here instead of at the first memo of each process
// (src/backends/docx/font-cache.ts), with tsc's output.
const { writeFontCache } = await import(join(root, 'dist/backends/docx/font-cache-build.js'));
await writeFontCache();

// The code cache: the program builds the first example case (PDF and DOCX) and writes what V8 compiled.
// The bundle must find the package root as tsc's output does, or this fails.
const example = readdirSync(join(root, 'cases'))
  .filter((f) => f.endsWith('.md'))
  .sort()[0];
// Written by the program into the scratch folder, then into dist/ by the one atomic write (tsc's output).
const scratch = mkdtempSync(join(tmpdir(), 'skrivelse-code-cache-'));
try {
  const made = join(scratch, 'skrivelse.cjs.cache');
  execFileSync(
    process.execPath,
    [join(outdir, 'main.js'), 'skapa', join(root, 'cases', example), '--ut', join(scratch, 'ut')],
    { stdio: 'ignore', env: { ...process.env, SKRIVELSE_CODE_CACHE_OUT: made } },
  );
  const { writeFileAtomic } = await import(join(root, 'dist/util/atomic.js'));
  writeFileAtomic(join(outdir, 'skrivelse.cjs.cache'), readFileSync(made));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
