/** The one table from file-system errors to Swedish usage errors (src/fs-errors.ts), code by code. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index.js';
import type { Io } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/main.js';
import { describeFsError, type FsErrorLike, isFsError, NotRegularFileError } from '../../../src/fs-errors.js';
import { tempPathFor } from '../../../src/util/atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'skrivelse-fserr-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete commands.fs;
});

function errno(code: string, syscall: string, path?: string, dest?: string): Error & FsErrorLike {
  return Object.assign(new Error(`${code}: English text, ${syscall} '${path}'`), {
    code,
    syscall,
    ...(path === undefined ? {} : { path }),
    ...(dest === undefined ? {} : { dest }),
  });
}

/** Every code the CLI promises to explain, with a word its reason must contain. */
const cases: [code: string, syscall: string, reason: RegExp][] = [
  ['ENOSPC', 'write', /disken är full/],
  ['EDQUOT', 'write', /kvot/],
  ['EACCES', 'open', /behörighet saknas/],
  ['EPERM', 'unlink', /inte tillåten/],
  ['EROFS', 'open', /skrivskyddad/],
  ['ENOTDIR', 'open', /är en fil, inte en mapp/],
  ['EISDIR', 'read', /är en mapp, inte en fil/],
  ['EEXIST', 'link', /finns redan/],
  ['EEXIST', 'mkdir', /finns redan en fil/],
  ['ENOENT', 'open', /finns inte/],
  ['EMFILE', 'open', /för många filer/],
  ['ENFILE', 'open', /för många filer/],
  ['ELOOP', 'stat', /slinga av symboliska länkar/],
  ['ENAMETOOLONG', 'open', /för långt/],
  ['EBUSY', 'rename', /används av ett annat program/],
  ['ENOTEMPTY', 'rmdir', /inte tom/],
  ['EIO', 'read', /läs- eller skrivfel/],
  ['ENXIO', 'open', /ingen enhet/],
  ['EWHATEVER', 'open', /fel i filsystemet \(EWHATEVER\)/],
];

describe('describeFsError', () => {
  it.each(cases)('%s from %s: Swedish reason, the path, and a hint', (code, syscall, reason) => {
    const path = join(dir, 'ut', 'a.pdf');
    const text = describeFsError(errno(code, syscall, path), dir);
    expect(text.reason).toMatch(reason);
    expect(text.message).toContain('"ut/a.pdf"');
    expect(text.message).toMatch(/^Kunde inte [a-zåäö ]+ "ut\/a\.pdf": .+\.$/);
    expect(text.hint.length).toBeGreaterThan(10);
    // Never the English text, the syscall name or the code in the words (except the unknown code).
    expect(text.message).not.toMatch(/English|no such|denied|\bopen\b|\bwrite\b/);
    if (code !== 'EWHATEVER') expect(`${text.message} ${text.hint}`).not.toContain(code);
  });

  it('a FIFO or device: says what kind of file it is', () => {
    const text = describeFsError(new NotRegularFileError('/dev/zero', 'en teckenenhet'), dir);
    expect(text.message).toBe('Kunde inte öppna "/dev/zero": det är en teckenenhet, inte en vanlig fil.');
  });

  it('writes are named as writes: a read-only disk on open says "skriva"', () => {
    expect(describeFsError(errno('EROFS', 'open', join(dir, 'x.md')), dir).message).toMatch(
      /^Kunde inte skriva "x\.md"/,
    );
    expect(describeFsError(errno('ENOSPC', 'write'), dir).message).toBe('Kunde inte skriva: disken är full.');
  });

  it("a rename names its target, and the atomic writer's temp file shows as the file being written", () => {
    const temp = tempPathFor(join(dir, 'ut', 'a.pdf'));
    expect(describeFsError(errno('EACCES', 'rename', temp, join(dir, 'ut', 'b.pdf')), dir).message).toContain(
      '"ut/b.pdf"',
    );
    expect(describeFsError(errno('EROFS', 'open', temp), dir).message).toContain('"ut/a.pdf"');
  });

  it('a missing folder is named as such', () => {
    const text = describeFsError(errno('ENOENT', 'open', tempPathFor(join(dir, 'saknas', 'a.pdf'))), dir);
    expect(text.message).toBe('Kunde inte skriva "saknas/a.pdf": mappen "saknas" finns inte.');
    expect(text.hint).toBe('Skapa mappen först, eller kontrollera stavningen.');
  });

  it('paths outside the working folder are shown absolute', () => {
    expect(describeFsError(errno('ENOENT', 'open', '/nowhere/x.md'), dir).message).toContain(
      '"/nowhere/x.md"',
    );
  });

  it('recursive mkdir reporting ENOENT under a file is told as ENOTDIR', () => {
    writeFileSync(join(dir, 'fil'), 'x');
    const text = describeFsError(errno('ENOENT', 'mkdir', join(dir, 'fil', 'ut')), dir);
    expect(text.reason).toMatch(/är en fil, inte en mapp/);
    mkdirSync(join(dir, 'mapp'), { recursive: true });
    expect(describeFsError(errno('ENOENT', 'mkdir', join(dir, 'mapp', 'a', 'b')), dir).reason).toMatch(
      /finns inte/,
    );
  });

  it('a held lock (proper-lockfile) is explained', () => {
    const locked = Object.assign(new Error('Lock file is already being held'), {
      code: 'ELOCKED',
      file: join(dir, 'arkiv'),
    });
    expect(isFsError(locked)).toBe(true);
    expect(describeFsError(locked, dir).message).toBe(
      'Kunde inte låsa "arkiv": den används just nu av en annan körning av skrivelse.',
    );
  });

  it('errors that are not file-system errors are not taken for one', () => {
    expect(isFsError(new Error('x'))).toBe(false);
    expect(isFsError(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
    expect(isFsError({ code: 'ENOENT', syscall: 'open' })).toBe(false);
  });
});

describe('the CLI error boundary', () => {
  function io() {
    const out = { err: '' };
    const value: Io = {
      out: () => {},
      err: (t) => {
        out.err += t;
      },
      env: {},
      cwd: dir,
      colorOut: false,
    };
    return { out, value };
  }

  it.each(
    cases,
  )('%s thrown from any command is exit 2 with a Swedish message, not "Internt fel"', async (code, syscall) => {
    commands.fs = {
      summary: 'test',
      load: async () => ({
        usage: 'test',
        run: async () => Promise.reject(errno(code, syscall, join(dir, 'a'))),
      }),
    };
    const { out, value } = io();
    expect(await runCli(['fs'], value)).toBe(2);
    expect(out.err).toMatch(/^fel: Kunde inte .+ "a": .+\n {2}tips: .+\n$/);
    expect(out.err).not.toContain('Internt fel');
  });

  it("an fs error given as the cause of another error is still the machine's fault", async () => {
    commands.fs = {
      summary: 'test',
      load: async () => ({
        usage: 'test',
        run: async () => Promise.reject(new Error('wrapped', { cause: errno('ENOSPC', 'write') })),
      }),
    };
    const { out, value } = io();
    expect(await runCli(['fs'], value)).toBe(2);
    expect(out.err).toContain('disken är full');
  });

  it('a plain bug stays exit 3', async () => {
    commands.fs = {
      summary: 'test',
      load: async () => ({ usage: 'test', run: async () => Promise.reject(new TypeError('x is undefined')) }),
    };
    const { out, value } = io();
    expect(await runCli(['fs'], value)).toBe(3);
    expect(out.err).toContain('Internt fel');
  });
});
