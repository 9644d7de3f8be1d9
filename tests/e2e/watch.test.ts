/**
 * `skrivelse skapa --bevaka` as a real process (dist/cli/main.js, built by `npm run build`): builds once,
 * rebuilds a case saved in place, saved by write-temp-then-rename (VS Code and others) and by
 * rename-to-backup-then-write (vim), and when an image it shows is saved; a bad edit prints its Swedish
 * diagnostic and the watch goes on; a new .md file in the folder is built; Ctrl-C (SIGINT) ends it with
 * the exit code of the latest builds, leaving no lock and no temporary file. Waits are bounded polls.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputLockName } from '../../src/build/ownership.js';
import { isTempName } from '../../src/util/atomic.js';
import { type SpawnedCli, spawnCli } from '../helpers/processes.js';

const valid = readFileSync('cases/kfn-2025-41-oppettider-stadsbiblioteket.md', 'utf8');
const other = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');
const work = mkdtempSync(join(tmpdir(), 'skrivelse-watch-'));
const running: SpawnedCli[] = [];
afterAll(() => {
  for (const { child } of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Polls `check` every 50 ms for at most `ms`; fails with what the process printed so far. */
async function until(what: string, check: () => boolean, cli: SpawnedCli, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline || cli.child.exitCode !== null)
      throw new Error(`väntade på ${what}\n--- stdout:\n${out(cli)}\n--- stderr:\n${err(cli)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// spawnCli collects the output in its `done` result; read it live from the streams here.
const printed = new WeakMap<SpawnedCli, { out: string; err: string }>();
function watchCli(args: string[], cwd: string): SpawnedCli {
  const cli = spawnCli(args, cwd, { NO_COLOR: '1' });
  const seen = { out: '', err: '' };
  cli.child.stdout!.on('data', (d) => {
    seen.out += d;
  });
  cli.child.stderr!.on('data', (d) => {
    seen.err += d;
  });
  printed.set(cli, seen);
  running.push(cli);
  return cli;
}
const out = (cli: SpawnedCli) => printed.get(cli)!.out;
const err = (cli: SpawnedCli) => printed.get(cli)!.err;
const count = (text: string, part: string) => text.split(part).length - 1;

function pdfIn(dir: string, prefix: string): Buffer | undefined {
  const name = existsSync(dir)
    ? readdirSync(dir).find((n) => n.startsWith(prefix) && n.endsWith('.pdf'))
    : undefined;
  return name === undefined ? undefined : readFileSync(join(dir, name));
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n === outputLockName || isTempName(n));
}

describe('skrivelse skapa --bevaka', () => {
  it('rebuilds a saved case, shows a bad edit and goes on, picks up new files, ends on Ctrl-C', async () => {
    const dir = join(work, 'a');
    const folder = join(dir, 'ärenden');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'kfn.md');
    writeFileSync(file, valid);
    const ut = join(dir, 'ut');
    const cli = watchCli(['skapa', 'ärenden', '--ut', 'ut', '--format', 'pdf', '--bevaka'], dir);
    await until('den första skrivningen', () => err(cli).includes('Bevakar 1 ärende'), cli, 60_000);
    expect(out(cli)).toContain('skrev ut/KFN-2025-41_');
    const first = pdfIn(ut, 'KFN-2025-41_')!;
    expect(first).toBeDefined();

    // Saved in place.
    writeFileSync(file, valid.replace('64 timmar i veckan', '65 timmar i veckan'));
    await until('en ny PDF', () => !pdfIn(ut, 'KFN-2025-41_')!.equals(first), cli);
    await until('diagnostiken igen', () => count(out(cli), 'i 1 fil\n') >= 2, cli);
    expect(err(cli)).toContain('sparad: ärenden/kfn.md');
    const second = pdfIn(ut, 'KFN-2025-41_')!;

    // Saved as editors do it atomically: a temporary file renamed over the case.
    writeFileSync(join(folder, '.kfn.md.tmp'), valid.replace('64 timmar i veckan', '66 timmar i veckan'));
    renameSync(join(folder, '.kfn.md.tmp'), file);
    await until('en PDF efter rename', () => !pdfIn(ut, 'KFN-2025-41_')!.equals(second), cli);
    await until('diagnostiken efter rename', () => count(out(cli), 'i 1 fil\n') >= 3, cli);
    const third = pdfIn(ut, 'KFN-2025-41_')!;

    // As vim saves: the old file renamed to a backup, a new one written.
    renameSync(file, `${file}~`);
    writeFileSync(file, valid.replace('64 timmar i veckan', '67 timmar i veckan'));
    await until('en PDF efter vim-sparning', () => !pdfIn(ut, 'KFN-2025-41_')!.equals(third), cli);
    await until('diagnostiken efter vim-sparning', () => count(out(cli), 'i 1 fil\n') >= 4, cli);
    const fourth = pdfIn(ut, 'KFN-2025-41_')!;

    // A bad edit: its Swedish diagnostic, nothing written, and the watch goes on.
    writeFileSync(file, valid.replace(/^dnr: .*\n/m, ''));
    await until('felet', () => out(cli).includes('Nyckeln dnr saknas'), cli);
    await until('sammanfattningen med felet', () => /\d+ fel[^\n]* i 1 fil\n/.test(out(cli)), cli);
    expect(pdfIn(ut, 'KFN-2025-41_')!.equals(fourth)).toBe(true);
    writeFileSync(file, valid);
    await until('rättelsen', () => count(out(cli), 'i 1 fil\n') >= 6, cli);

    // A new case file in the watched folder is built; a new one with errors shows them.
    writeFileSync(join(folder, 'son.md'), other);
    await until('det nya ärendet', () => out(cli).includes('skrev ut/SON-2020-281_'), cli);
    writeFileSync(join(folder, 'utkast.md'), '---\nrubrik: Utkast\n---\n\n## Ärende\n\nText.\n');
    await until('utkastets fel', () => out(cli).includes('ärenden/utkast.md:'), cli);
    // Not case files: ignored.
    writeFileSync(join(folder, 'anteckning.txt'), 'x');

    cli.child.kill('SIGINT');
    const run = await cli.done;
    expect(run.signal).toBeNull();
    // The latest build of utkast.md had errors.
    expect(run.code).toBe(1);
    expect(err(cli)).toContain('Bevakningen är avslutad.');
    expect(err(cli)).not.toContain('anteckning');
    expect(leftovers(ut)).toEqual([]);
    expect(readdirSync(folder).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('watches a case named as a file, saved as vim does, and the image it shows; exit 0 when all is well', async () => {
    const dir = join(work, 'b');
    mkdirSync(dir, { recursive: true });
    // JPEG: the built CLI cannot decode a PNG at the moment (upng's CommonJS default, reported).
    mkdirSync(join(dir, 'bilder'));
    copyFileSync('tests/fixtures/images/photo.jpg', join(dir, 'bilder', 'karta.jpg'));
    const withImage = valid.replace(
      '## Ärende\n\n',
      '## Ärende\n\n![Karta över Stadsbiblioteket](bilder/karta.jpg)\n\n',
    );
    writeFileSync(join(dir, 'kfn.md'), withImage);
    const ut = join(dir, 'ut');
    const cli = watchCli(['build', 'kfn.md', '--ut', 'ut', '--format', 'pdf', '--watch'], dir);
    await until('den första skrivningen', () => err(cli).includes('Bevakar 1 ärende'), cli, 60_000);
    const first = pdfIn(ut, 'KFN-2025-41_')!;
    expect(first).toBeDefined();

    copyFileSync('tests/fixtures/images/pdf-photo.jpg', join(dir, 'bilder', 'karta.jpg'));
    await until('en ny PDF efter bilden', () => !pdfIn(ut, 'KFN-2025-41_')!.equals(first), cli);
    await until('diagnostiken igen', () => count(out(cli), 'i 1 fil\n') >= 2, cli);
    expect(err(cli)).toContain('sparad: bilder/karta.jpg – skriver om kfn.md');
    const second = pdfIn(ut, 'KFN-2025-41_')!;

    // A file named on the command line, saved twice as vim does (renamed to a backup, written anew).
    const file = join(dir, 'kfn.md');
    for (const [n, hours] of [
      [3, '65'],
      [4, '66'],
    ] as const) {
      renameSync(file, `${file}~`);
      writeFileSync(file, withImage.replace('64 timmar i veckan', `${hours} timmar i veckan`));
      await until(`sparning ${n}`, () => count(out(cli), 'i 1 fil\n') >= n, cli);
    }
    expect(pdfIn(ut, 'KFN-2025-41_')!.equals(second)).toBe(false);

    cli.child.kill('SIGINT');
    const run = await cli.done;
    expect(run.code).toBe(0);
    expect(leftovers(ut)).toEqual([]);
  });

  it('Ctrl-C during the first batch stops after the case in hand, cleanly', async () => {
    const dir = join(work, 'c');
    mkdirSync(join(dir, 'ärenden'), { recursive: true });
    for (const name of readdirSync('cases').filter((n) => n.endsWith('.md')))
      copyFileSync(join('cases', name), join(dir, 'ärenden', name));
    const total = readdirSync(join(dir, 'ärenden')).length;
    const cli = watchCli(['skapa', 'ärenden', '--ut', 'ut', '--bevaka'], dir);
    await until('det första ärendet', () => out(cli).includes('skrev ut/'), cli, 60_000);
    cli.child.kill('SIGINT');
    const run = await cli.done;
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    // Unless the batch was already over when the signal came (a fast machine), it was cut short.
    const built = count(out(cli), '.pdf\n');
    if (built < total)
      expect(err(cli)).toContain(
        `Avbrutet: ${total - built} av ${total} ärenden skrevs inte den här gången.`,
      );
    expect(err(cli)).toContain('Bevakningen är avslutad.');
    expect(leftovers(join(dir, 'ut'))).toEqual([]);
  });
});
