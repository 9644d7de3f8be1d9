/**
 * buildCases with injected renderers and writes: a failing case does not stop the batch, ownership is on
 * disk as soon as a file is, and no existing file of unknown or other origin is overwritten.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuildOptions, buildCases, outputFormats } from '../../../src/build/index.js';
import { indexName, outputLockName as lockName, ownerKey, readOwners } from '../../../src/build/ownership.js';
import { UsageError } from '../../../src/errors.js';
import { writeFileAtomic } from '../../../src/util/atomic.js';
import { baseName, writeCase } from '../../helpers/build-cases.js';
import { linkoping } from '../case/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'skrivelse-buildcases-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function setup(): { dir: string; out: string; options: BuildOptions } {
  const dir = join(work, String(counter++));
  mkdirSync(dir);
  const out = join(dir, 'ut');
  return { dir, out, options: { profile: linkoping, formats: ['pdf', 'docx'], outDir: out } };
}

const errno = (code: string) => Object.assign(new Error(`${code}: injicerat`), { code });

describe('buildCases survives one bad case', () => {
  it('reports the case whose rendering throws and still writes the others', async () => {
    const { dir, out, options } = setup();
    const files = [writeCase(dir, 'A', 101), writeCase(dir, 'B', 102), writeCase(dir, 'C', 103)];
    let calls = 0;
    const results = await buildCases(files, {
      ...options,
      renderers: {
        pdf: (doc) => {
          calls++;
          if (calls === 2) throw new TypeError('Cannot read properties of undefined');
          return outputFormats.pdf(doc);
        },
      },
    });
    expect(results.map((r) => r.written.length)).toEqual([2, 0, 2]);
    const [failed] = results[1]!.diagnostics.filter((d) => d.severity === 'fel');
    expect(failed).toMatchObject({ rule: 'build-failed', file: files[1] });
    expect(failed!.message).toContain('som PDF');
    expect(existsSync(join(out, `${baseName(102)}.docx`))).toBe(false);
    expect(Object.keys(readOwners(out)).sort()).toEqual(
      [101, 103].flatMap((n) => [`${baseName(n)}.docx`, `${baseName(n)}.pdf`]),
    );
  });

  it('records the owner of each of a case’s files before its first write, and goes on after a failed write', async () => {
    const { dir, out, options } = setup();
    const files = [writeCase(dir, 'A', 101), writeCase(dir, 'B', 102)];
    const seen: Record<string, string>[] = [];
    let writes = 0;
    const results = await buildCases(files, {
      ...options,
      writeFile: (path, data, opts) => {
        if (++writes === 2) throw new Error('trasig skrivning');
        writeFileAtomic(path, data, opts);
        seen.push(readOwners(out));
      },
    });
    // One index write for the case's files, before the first of them: a claim for a file that then is
    // not written is harmless (a missing file is free).
    expect(seen[0]).toEqual({
      [`${baseName(101)}.pdf`]: ownerKey(out, files[0]!),
      [`${baseName(101)}.docx`]: ownerKey(out, files[0]!),
    });
    expect(results[0]!.written).toEqual([join(out, `${baseName(101)}.pdf`)]);
    expect(results[0]!.diagnostics.map((d) => d.rule)).toContain('build-failed');
    expect(results[1]!.written).toHaveLength(2);
    expect(readOwners(out)[`${baseName(101)}.pdf`]).toBe(ownerKey(out, files[0]!));
  });

  it('a file created meanwhile by something that does not lock: a conflict, its claim dropped', async () => {
    const { dir, out, options } = setup();
    const files = [writeCase(dir, 'A', 101)];
    let writes = 0;
    const [result] = await buildCases(files, {
      ...options,
      writeFile: (path, data, opts) => {
        if (++writes === 1) return writeFileAtomic(path, data, opts);
        throw errno('EEXIST');
      },
    });
    expect(result!.diagnostics.map((d) => d.rule)).toContain('output-conflict');
    expect(result!.written).toEqual([join(out, `${baseName(101)}.pdf`)]);
    expect(readOwners(out)).toEqual({ [`${baseName(101)}.pdf`]: ownerKey(out, files[0]!) });
  });

  it('rebuilding a case whose files the index already has leaves the index as it was', async () => {
    const { dir, out, options } = setup();
    const files = [writeCase(dir, 'A', 101)];
    await buildCases(files, options);
    const before = statSync(join(out, indexName)).ino;
    const again = await buildCases(files, options);
    expect(again[0]!.written).toHaveLength(2);
    // Every write of the index is a new file renamed into place: the same inode means no write.
    expect(statSync(join(out, indexName)).ino).toBe(before);
    expect(Object.keys(readOwners(out)).sort()).toEqual([`${baseName(101)}.docx`, `${baseName(101)}.pdf`]);
  });

  it('stops at a full disk with the errno error, what was written already owned and reported', async () => {
    const { dir, out, options } = setup();
    const files = [writeCase(dir, 'A', 101), writeCase(dir, 'B', 102)];
    const reported: string[] = [];
    let writes = 0;
    const build = buildCases(files, {
      ...options,
      onWritten: (path) => reported.push(path),
      writeFile: (path, data, opts) => {
        if (++writes === 2) throw errno('ENOSPC');
        writeFileAtomic(path, data, opts);
      },
    });
    await expect(build).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(reported).toEqual([join(out, `${baseName(101)}.pdf`)]);
    expect(readOwners(out)[`${baseName(101)}.pdf`]).toBe(ownerKey(out, files[0]!));
    expect(existsSync(join(out, `${baseName(102)}.pdf`))).toBe(false);
  });
});

describe('buildCases never overwrites another case’s output', () => {
  it('refuses a second case in the same batch that maps to the same name', async () => {
    const { dir, out, options } = setup();
    const files = [writeCase(dir, 'A', 101), writeCase(dir, 'B', 101)];
    const results = await buildCases(files, options);
    expect(results[0]!.written).toHaveLength(2);
    expect(results[1]!.written).toEqual([]);
    const conflicts = results[1]!.diagnostics.filter((d) => d.rule === 'output-conflict');
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]!.message).toContain('från ett annat ärende (../A.md)');
    for (const ext of ['pdf', 'docx']) expect(readOwners(out)[`${baseName(101)}.${ext}`]).toBe('../A.md');
  });

  it('with the index deleted, refuses a different case but takes back an unchanged one', async () => {
    const { dir, out, options } = setup();
    const a = writeCase(dir, 'A', 101);
    expect((await buildCases([a], options))[0]!.written).toHaveLength(2);
    const pdf = join(out, `${baseName(101)}.pdf`);
    const before = readFileSync(pdf);
    unlinkSync(join(out, indexName));

    const b = writeCase(dir, 'B', 101);
    const [clash] = await buildCases([b], options);
    expect(clash!.written).toEqual([]);
    const conflicts = clash!.diagnostics.filter((d) => d.rule === 'output-conflict');
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]!.message).toContain('finns redan');
    expect(conflicts[0]!.hint).toContain(indexName);
    expect(readFileSync(pdf).equals(before)).toBe(true);

    // The same, unchanged case renders the same bytes: provably nothing is lost, so it is owned again.
    expect((await buildCases([a], options))[0]!.written).toHaveLength(2);
    expect(readOwners(out)[`${baseName(101)}.pdf`]).toBe('../A.md');
  });

  it('with the index deleted, refuses even the same case once it has changed', async () => {
    const { dir, out, options } = setup();
    const a = writeCase(dir, 'A', 101);
    await buildCases([a], options);
    unlinkSync(join(out, indexName));
    const edited = readFileSync(a, 'utf8').replace('Ahmed Yilmaz', 'Annan Handläggare');
    writeFileAtomic(a, edited);
    const [result] = await buildCases([a], options);
    expect(result!.written).toEqual([]);
    expect(result!.diagnostics.map((d) => d.rule)).toContain('output-conflict');
  });
});

describe('the output-folder lock', () => {
  it('is taken over when stale (its holder was killed)', async () => {
    const { dir, out, options } = setup();
    mkdirSync(join(out, lockName), { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(out, lockName), old, old);
    const [result] = await buildCases([writeCase(dir, 'A', 101)], options);
    expect(result!.written).toHaveLength(2);
    expect(existsSync(join(out, lockName))).toBe(false);
  });

  it('held too long by a live build gives a Swedish usage error and writes nothing', async () => {
    const { dir, out, options } = setup();
    mkdirSync(join(out, lockName), { recursive: true });
    const build = buildCases([writeCase(dir, 'A', 101)], {
      ...options,
      lockTiming: { staleMs: 10_000, waitMs: 300 },
    });
    await expect(build).rejects.toBeInstanceOf(UsageError);
    await expect(build).rejects.toThrow(/är låst av en annan körning/);
    expect(existsSync(join(out, `${baseName(101)}.pdf`))).toBe(false);
    rmSync(join(out, lockName), { recursive: true });
  });
});
