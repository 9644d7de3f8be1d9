// Bundles the CLI (src/cli/main.ts) into dist/cli/main.js and a few chunks beside it, after tsc has written
// dist/ (the library, dist/index.js, stays tsc's). Start-up then reads a handful of files instead of
// several hundred (pdf-lib alone is 173): module loading was about 440 ms of every start.
//
// esbuild: a bundler that reads the TypeScript sources directly, keeps the dynamic imports of the backends
// as separate chunks (code splitting for ESM), and is a single pinned devDependency with no plugins needed.
//
// The chunks live in dist/cli/ itself, at the depth of dist/util/, so `new URL('../../', import.meta.url)`
// (src/util/package-info.ts: the package root, for templates/ and package.json) means the same folder in a
// chunk as in tsc's output.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
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
await build({
  absWorkingDir: root,
  entryPoints: ['node_modules/@pdf-lib/fontkit/dist/fontkit.es.js'],
  outfile: join(root, 'dist/vendor/fontkit.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Not minified: no faster to load here, and stack traces keep fontkit's names.
  logLevel: 'warning',
  plugins: [
    {
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
    },
  ],
});

await build({
  absWorkingDir: root,
  // The build's worker thread (src/build/pool.ts) loads build-worker.js from beside its own chunk.
  entryPoints: { main: 'src/cli/main.ts', 'build-worker': 'src/build/build-worker.ts' },
  outdir,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded from node_modules as before: pdfjs-dist (archive checks only) brings its own worker files,
  // subset-font finds harfbuzz's .wasm file beside itself, fontkit is required lazily (src/backends/pdf/fonts.ts).
  external: ['pdfjs-dist', 'subset-font', '@pdf-lib/fontkit'],
  // Bundled CommonJS modules call require(); an ES module has none, so each chunk makes one.
  banner: {
    js: "import { createRequire as __skrivelseRequire } from 'node:module'; const require = __skrivelseRequire(import.meta.url);",
  },
  plugins: [
    {
      // gray-matter only splits the front matter off (src/case/front-matter.ts), but its js-yaml loads
      // esprima (280 kB, for the !!js/function type, which its safe schema does not even allow) at every
      // start. Without it js-yaml goes on as where esprima is not installed.
      name: 'js-yaml-without-esprima',
      setup(b) {
        b.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => {
          const source = readFileSync(args.path, 'utf8');
          const from = "esprima = _require('esprima');";
          if (source.split(from).length !== 2) throw new Error(`js-yaml: "${from}" inte en gång`);
          return { contents: source.replace(from, 'esprima = undefined;'), loader: 'js' };
        });
      },
    },
  ],
  // The chunks load the build's fontkit (above; src/fonts/coverage.ts), relative to themselves.
  define: { __SKRIVELSE_FONTKIT__: JSON.stringify('../vendor/fontkit.cjs') },
  logLevel: 'warning',
});

// The embedded fonts' base-set subsets, made once here instead of at the first memo of each process
// (src/backends/docx/font-cache.ts), with tsc's output.
const { writeFontCache } = await import(join(root, 'dist/backends/docx/font-cache-build.js'));
await writeFontCache();

// The bundle must find the package root as tsc's output does.
execFileSync(process.execPath, [join(outdir, 'main.js'), '--version'], { stdio: 'ignore' });
