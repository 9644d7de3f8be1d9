// Injected into the CLI bundle by scripts/bundle.mjs (esbuild `inject`): src/fonts/coverage.ts calls this
// for fontkit. The require() is bundled (the patched ES build of fontkit) and runs on the first call only.
exports.__SKRIVELSE_FONTKIT__ = () => require('@pdf-lib/fontkit').default;
