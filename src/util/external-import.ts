/**
 * Imports an ES module the CLI bundle does not hold (pdfjs-dist, subset-font). The bundle runs in node:vm
 * with its code cache (src/cli/launcher.mjs), where Node 20 loses import()'s loader for cached code; the
 * launcher hands over its own import() under this key. Elsewhere (tsc's output, the tests) it is import().
 */
const key = Symbol.for('skrivelse.importExternal');

type Importer = (specifier: string) => Promise<unknown>;

export function importExternal<T>(specifier: string): Promise<T> {
  const importer = (globalThis as Record<symbol, Importer | undefined>)[key];
  return (importer ? importer(specifier) : import(specifier)) as Promise<T>;
}
