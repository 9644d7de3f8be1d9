/**
 * Real faults of the machine, end to end: a full disk, a read-only folder, a FIFO or device as input, a
 * file where a folder is expected, a symlink loop. Each is exit 2 with a Swedish message naming the path.
 * Mount-based tests need root (as in CI) and are skipped elsewhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli.js';
import { isRoot, mountTmpfs, unmount } from '../../helpers/mounts.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'dist/cli/main.js');
const caseFile = join(root, 'cases/son-2020-281-arbetsinriktad-rehabilitering.md');
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-faults-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) unmount(m);
  rmSync(dir, { recursive: true, force: true });
});

function expectUsage(r: { code: number; out: string; err: string }, path: RegExp | string, reason: RegExp) {
  expect(r.code).toBe(2);
  // A usage error, or (arkivera) the file-unreadable diagnostic worded by the same table.
  expect(r.err).toMatch(/^(fel: |.+: fel \[file-unreadable\] Filen kan inte läsas: )/);
  expect(r.err).toMatch(/\n {2,4}tips: /);
  if (typeof path === 'string') expect(r.err).toContain(path);
  else expect(r.err).toMatch(path);
  expect(r.err).toMatch(reason);
  expect(r.err).not.toMatch(/Internt fel|no such|denied|read-only file system|ENOSPC|EROFS/);
}

function mounted(name: string, options: string): string | undefined {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  if (!mountTmpfs(path, options)) return undefined;
  mounts.push(path);
  return path;
}

describe('a read-only folder', () => {
  const ro = mounted('ro', 'ro');
  it.skipIf(!ro)('build --ut into it', async () => {
    const r = await runCaptured(['build', caseFile, '--ut', join(ro!, 'ut')], { cwd: dir });
    expectUsage(r, '"ro/ut"', /skrivskyddad/);
  });
  it.skipIf(!ro)('arkivera --arkiv into it', async () => {
    const r = await runCaptured(['arkivera', caseFile, '--arkiv', ro!], { cwd: dir });
    // The archive lock is the first thing arkivera creates in the archive folder.
    expectUsage(r, /"ro\/\.skrivelse-lås/, /skrivskyddad/);
  });
  it.skipIf(!ro)('new in it', async () => {
    const r = await runCaptured(['new', join(ro!, 'x.md')], { cwd: dir });
    expectUsage(r, '"ro/x.md"', /Kunde inte skriva .*skrivskyddad/);
  });
  it.skipIf(!ro)('diff --ut into it', async () => {
    const r = await runCaptured(['diff', caseFile, caseFile, '--ut', join(ro!, 'd.txt')], { cwd: dir });
    expectUsage(r, '"ro/d.txt"', /skrivskyddad/);
  });
});

describe('a full disk', () => {
  const full = mounted('full', 'size=8k');
  const fullArchive = mounted('full-arkiv', 'size=8k');
  it.skipIf(!full)('build --ut onto an 8 KiB tmpfs', async () => {
    const r = await runCaptured(['build', caseFile, '--ut', full!], { cwd: dir });
    expectUsage(r, /Kunde inte skriva/, /disken är full/);
  });
  it.skipIf(!fullArchive)('arkivera --arkiv onto an 8 KiB tmpfs', async () => {
    const r = await runCaptured(['arkivera', caseFile, '--arkiv', fullArchive!], { cwd: dir });
    expectUsage(r, /Kunde inte skriva/, /disken är full/);
  });
});

describe('no permission (only enforced when not root)', () => {
  it.skipIf(isRoot)('build --ut into a folder without write permission', async () => {
    const locked = join(dir, 'låst');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const r = await runCaptured(['build', caseFile, '--ut', locked], { cwd: dir });
    chmodSync(locked, 0o755);
    expectUsage(r, '"låst', /behörighet saknas/);
  });
});

describe('a path of the wrong kind', () => {
  it('a file where the output folder should be (build --ut somefile)', async () => {
    writeFileSync(join(dir, 'somefile'), 'x');
    expectUsage(
      await runCaptured(['build', caseFile, '--ut', 'somefile'], { cwd: dir }),
      '"somefile"',
      /finns redan en fil/,
    );
    expectUsage(
      await runCaptured(['build', caseFile, '--ut', 'somefile/ut'], { cwd: dir }),
      '"somefile/ut"',
      /är en fil, inte en mapp/,
    );
  });

  it('a folder as the diff output file', async () => {
    mkdirSync(join(dir, 'mapp'), { recursive: true });
    expectUsage(
      await runCaptured(['diff', caseFile, caseFile, '--ut', 'mapp'], { cwd: dir }),
      '"mapp"',
      /är en mapp/,
    );
  });

  it('a symlink loop as case file', async () => {
    symlinkSync('slinga.md', join(dir, 'slinga.md'));
    expectUsage(
      await runCaptured(['check', 'slinga.md'], { cwd: dir }),
      '"slinga.md"',
      /slinga av symboliska länkar/,
    );
  });

  it('a missing folder for the output file', async () => {
    const r = await runCaptured(['diff', caseFile, caseFile, '--ut', 'saknas/d.txt'], { cwd: dir });
    expectUsage(r, 'Kunde inte skriva "saknas/d.txt": mappen "saknas" finns inte.', /Skapa mappen först/);
  });

  it('a missing profile', async () => {
    const r = await runCaptured(['--profil', 'saknas.yaml', 'check', caseFile], { cwd: dir });
    expectUsage(r, 'saknas.yaml', /finns inte/);
  });

  it.each([
    '/dev/null',
    '/dev/zero',
  ])('%s as case file, for check, build, arkivera and diff', async (device) => {
    for (const args of [
      ['check', device],
      ['build', device, '--ut', 'ut'],
      ['arkivera', device],
      ['diff', device, caseFile],
    ]) {
      const r = await runCaptured(args, { cwd: dir });
      expectUsage(r, device, /teckenenhet/);
    }
  });

  it('/dev/zero as profile', async () => {
    expectUsage(
      await runCaptured(['--profil', '/dev/zero', 'check', caseFile], { cwd: dir }),
      '/dev/zero',
      /teckenenhet/,
    );
  });
});

describe('a FIFO never makes the command wait (real binary, with a timeout)', () => {
  // Reading a FIFO blocks the whole process, so these run the built binary in a child with a time limit.
  const fifo = join(dir, 'rör.md');
  const made = (() => {
    try {
      execFileSync('mkfifo', [fifo]);
      return true;
    } catch {
      return false;
    }
  })();
  const run = (args: string[]) => {
    expect(existsSync(bin), 'dist/cli/main.js is missing: run npm run build').toBe(true);
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.signal, 'the command hung on the FIFO').toBeNull();
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };

  it.skipIf(!made).each([
    ['check', 'rör.md'],
    ['build', 'rör.md', '--ut', 'ut'],
    ['arkivera', 'rör.md'],
    ['diff', 'rör.md', caseFile],
    ['verifiera', 'rör.md'],
  ])('as case file: %s', (...args) => {
    expectUsage(run(args), 'rör.md', /namngiven pipe \(FIFO\)/);
  });

  it('verifiera /dev/zero', () => {
    expectUsage(run(['verifiera', '/dev/zero']), '"/dev/zero"', /teckenenhet/);
  });

  it.skipIf(!made)('as --profil', () => {
    expectUsage(run(['--profil', 'rör.md', 'check', caseFile]), 'rör.md', /namngiven pipe \(FIFO\)/);
  });

  it.skipIf(!made)('left nothing behind', () => {
    expect(readdirSync(dir)).not.toContain('ut');
  });
});
