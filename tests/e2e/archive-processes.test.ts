/**
 * `arkivera` as registrars run it: many processes at once into one archive, processes killed with
 * SIGKILL at random points (most of them inside the locked store), and a disk that fills up (a small
 * tmpfs, when the tests run as root). The archive must end with exactly one manifest line per stored
 * PDF, `verifiera` must name what a kill left, and the next `arkivera` must leave it clean.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkArchive } from '../../src/archive/inventory.js';
import { lockName } from '../../src/archive/lock.js';
import { readManifestLenient } from '../../src/archive/manifest.js';
import { pendingName } from '../../src/archive/store.js';
import { verifyPath } from '../../src/archive/verify.js';
import { isTempName } from '../../src/util/atomic.js';
import { writeCase } from '../helpers/build-cases.js';
import { runCli, spawnCli } from '../helpers/processes.js';

const work = mkdtempSync(join(tmpdir(), 'skrivelse-processer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pdfsIn = (arkiv: string) =>
  walkArchive(arkiv)
    .filter((i) => i.path.endsWith('.pdf'))
    .map((i) => i.path);

async function expectClean(dir: string, arkiv: string): Promise<void> {
  const verify = await runCli(['verifiera', arkiv], dir);
  expect(verify.code, verify.out + verify.err).toBe(0);
  const manifest = readManifestLenient(resolve(dir, arkiv));
  expect(manifest.problems).toEqual([]);
  expect(manifest.entries.map((e) => e.file).sort()).toEqual(pdfsIn(resolve(dir, arkiv)).sort());
}

describe('concurrent arkivera', () => {
  it('12 processes at once (6 Dnr, and 6 versions of one Dnr): one manifest line per stored version', async () => {
    const dir = join(work, 'samtidigt');
    mkdirSync(dir);
    const cases = [
      ...Array.from({ length: 6 }, (_, i) => writeCase(dir, `Olika${i}`, 300 + i)),
      ...Array.from({ length: 6 }, (_, i) => writeCase(dir, `Samma${i}`, 41)),
    ];
    const runs = await Promise.all(cases.map((c) => runCli(['arkivera', c, '--arkiv', 'arkiv'], dir)));
    for (const run of runs) expect(run.code, run.err).toBe(0);
    const entries = readManifestLenient(join(dir, 'arkiv')).entries;
    expect(entries).toHaveLength(12);
    expect(
      entries
        .filter((e) => e.package === 'KFN-2025-41')
        .map((e) => e.version)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    await expectClean(dir, 'arkiv');
  });
});

/** Lets a lock left by a killed process look as old as the stale time, instead of waiting it out. */
function ageLock(arkiv: string): void {
  const lock = join(arkiv, lockName);
  if (existsSync(lock)) utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
}

describe('arkivera killed with SIGKILL', () => {
  it('at random points, most inside the locked store: verifiera names the damage, the next run repairs it', async () => {
    const dir = join(work, 'dödad');
    mkdirSync(dir);
    const arkiv = join(dir, 'arkiv');
    mkdirSync(arkiv);
    const kills = 9;
    let killedInStore = 0;
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < kills; i++) {
      const file = writeCase(dir, `V${i}`, 41);
      const { child, done } = spawnCli(['arkivera', file, '--arkiv', 'arkiv'], dir);
      // Two in three: kill 0–12 ms after the pending record appears (inside the store); else anywhere.
      const inStore = i % 3 !== 2;
      const watcher = watch(arkiv, (_, name) => {
        if (inStore && name === pendingName) setTimeout(() => child.kill('SIGKILL'), random() * 12);
      });
      const timer = inStore ? undefined : setTimeout(() => child.kill('SIGKILL'), random() * 1500);
      const run = await done;
      watcher.close();
      clearTimeout(timer);
      if (run.signal === 'SIGKILL' && inStore) killedInStore++;
      if (run.signal !== 'SIGKILL') expect(run.code, run.err).toBe(0);
      ageLock(arkiv);
      const onDisk = walkArchive(arkiv).map((x) => x.path);
      const rules = new Set((await verifyPath(arkiv)).findings.map((f) => f.rule));
      expect(
        [...rules].filter((r) => !['archive-incomplete', 'archive-unlisted', 'archive-mets'].includes(r)),
      ).toEqual([]);
      expect(rules.has('archive-incomplete')).toBe(onDisk.includes(pendingName));
      if (onDisk.some((p) => isTempName(p.split('/').pop()!)))
        expect(rules.has('archive-unlisted')).toBe(true);
      ageLock(arkiv);
    }
    expect(killedInStore).toBeGreaterThan(3);
    const last = await runCli(['arkivera', writeCase(dir, 'Sist', 41), '--arkiv', 'arkiv'], dir);
    expect(last.code, last.err).toBe(0);
    await expectClean(dir, 'arkiv');
    expect(walkArchive(arkiv).some((p) => isTempName(p.path.split('/').pop()!))).toBe(false);
  }, 120_000);

  it('takes over the lock of a process killed while holding it, after the stale time', async () => {
    const dir = join(work, 'låst');
    mkdirSync(dir);
    const arkiv = join(dir, 'arkiv');
    mkdirSync(arkiv);
    const { child, done } = spawnCli(['arkivera', writeCase(dir, 'Forst', 41), '--arkiv', 'arkiv'], dir);
    const watcher = watch(arkiv, (_, name) => {
      if (name === pendingName) child.kill('SIGKILL');
    });
    expect((await done).signal).toBe('SIGKILL');
    watcher.close();
    expect(existsSync(join(arkiv, lockName))).toBe(true);
    const started = Date.now();
    const next = await runCli(['arkivera', writeCase(dir, 'Sedan', 41), '--arkiv', 'arkiv'], dir);
    expect(next.code, next.err).toBe(0);
    expect(Date.now() - started).toBeGreaterThan(5_000);
    expect(next.err).toMatch(/avbruten arkivering/);
    await expectClean(dir, 'arkiv');
  }, 60_000);
});

/** A tmpfs of `size` at a new folder, or undefined when this process may not mount (not root). */
function mountTmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'skrivelse-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}

const unmount = (dir: string) => execFileSync('umount', [dir], { stdio: 'ignore' });
const canMount = (() => {
  const probe = mountTmpfs('64k');
  if (probe) unmount(probe);
  return probe !== undefined;
})();

describe.skipIf(!canMount)('a full disk (tmpfs)', () => {
  it('arkivera: the failing run says so in Swedish (exit 2), the archive stays valid and is completed once space is freed', async () => {
    const dir = mountTmpfs('400k')!;
    try {
      const cases = mkdtempSync(join(tmpdir(), 'skrivelse-fulla-'));
      let failed: { code: number | null; err: string } | undefined;
      for (let i = 0; i < 40 && !failed; i++) {
        const file = writeCase(cases, `V${i}`, 41);
        const run = await runCli(['arkivera', file, '--arkiv', dir], cases);
        if (run.code !== 0) failed = run;
        expect(readManifestLenient(dir).problems).toEqual([]);
      }
      expect(failed, 'the disk never filled').toBeDefined();
      expect(failed!.code, failed!.err).toBe(2);
      expect(failed!.err).not.toMatch(/Internt fel|ENOSPC:|Error/);
      expect(walkArchive(dir).filter((i) => isTempName(i.path.split('/').pop()!))).toEqual([]);
      execFileSync('mount', ['-o', 'remount,size=8m', dir]);
      const after = await runCli(['arkivera', writeCase(cases, 'Efter', 41), '--arkiv', dir], cases);
      expect(after.code, after.err).toBe(0);
      await expectClean(cases, dir);
    } finally {
      unmount(dir);
    }
  });

  it('build: no truncated PDF or DOCX under its final name', async () => {
    const dir = mountTmpfs('300k')!;
    try {
      const cases = mkdtempSync(join(tmpdir(), 'skrivelse-fulla-build-'));
      for (let i = 0; i < 8; i++) writeCase(cases, `C${i}`, 400 + i);
      const run = await runCli(['build', '.', '--ut', dir], cases);
      expect(run.code, run.err).toBe(2);
      expect(run.err).not.toMatch(/Internt fel/);
      const files = readdirSync(dir);
      expect(files.filter((f) => isTempName(f))).toEqual([]);
      for (const f of files.filter((x) => x.endsWith('.pdf')))
        expect(execFileSync('qpdf', ['--check', join(dir, f)], { encoding: 'utf8' })).toMatch(
          /No syntax or stream encoding errors/,
        );
      for (const f of files.filter((x) => x.endsWith('.docx')))
        execFileSync('python3', [
          '-c',
          'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).testzip()',
          join(dir, f),
        ]);
      expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
    } finally {
      unmount(dir);
    }
  });
});
