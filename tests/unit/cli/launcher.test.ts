/**
 * The installed program (dist/cli/main.js, src/cli/launcher.mjs) runs the bundle with the code cache the
 * build made: V8 takes it, and a cache that is not the bundle's (another build, a bundle changed in place
 * at the same length) is left out, with the program's output the same. Run on a copy of the built
 * program beside links to the package's folders, so the build itself is never touched.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const built = join(root, 'dist/cli');
let work: string;
let cli: string;

/** The program's standard output and the state of its code cache (SKRIVELSE_DEBUG=1 names it). */
function run(args: string[]): { state: string; stdout: string } {
  const result = spawnSync(process.execPath, [join(cli, 'main.js'), ...args], {
    env: { ...process.env, SKRIVELSE_DEBUG: '1' },
    encoding: 'utf8',
  });
  return { state: /kodcache: (.*)/.exec(result.stderr)?.[1] ?? '', stdout: result.stdout };
}

describe.runIf(existsSync(join(built, 'skrivelse.cjs.cache')))('the launcher and its code cache', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'skrivelse-launcher-'));
    for (const name of ['package.json', 'templates', 'node_modules', 'assets', 'cases'])
      symlinkSync(join(root, name), join(work, name));
    mkdirSync(join(work, 'dist'));
    for (const name of readdirSync(join(root, 'dist')))
      if (name !== 'cli') symlinkSync(join(root, 'dist', name), join(work, 'dist', name));
    cli = join(work, 'dist/cli');
    mkdirSync(cli);
    for (const name of ['main.js', 'skrivelse.cjs', 'skrivelse.cjs.cache'])
      copyFileSync(join(built, name), join(cli, name));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('the build’s cache is the bundle’s and V8 takes it', () => {
    const { state, stdout } = run(['--version']);
    expect(state).toBe('används');
    expect(stdout).toMatch(/^skrivelse \d/);
  });

  test('a bundle changed at the same length does not get the old cache, and runs the same', () => {
    const before = run(['kontrollera', join(root, 'cases')]).stdout;
    const bundle = readFileSync(join(cli, 'skrivelse.cjs'), 'utf8');
    // One character of the banner's comment-free code swapped for another: same length, other source.
    const changed = bundle
      .replace('__skrivelseUrl', '__skrivelseUrX')
      .replaceAll('__skrivelseUrl', '__skrivelseUrX');
    expect(changed.length).toBe(bundle.length);
    writeFileSync(join(cli, 'skrivelse.cjs'), changed);
    const after = run(['kontrollera', join(root, 'cases')]);
    expect(after.state).toBe('saknas eller gäller inte bundlen');
    expect(after.stdout).toBe(before);
    writeFileSync(join(cli, 'skrivelse.cjs'), bundle);
  });

  test('without a cache the program runs as before', () => {
    rmSync(join(cli, 'skrivelse.cjs.cache'));
    const { state, stdout } = run(['--version']);
    expect(state).toBe('saknas eller gäller inte bundlen');
    expect(stdout).toMatch(/^skrivelse \d/);
  });
});
