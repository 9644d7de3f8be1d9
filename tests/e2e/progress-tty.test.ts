/**
 * The progress line of the built CLI on a real pseudo-terminal (util-linux `script`): drawn when standard
 * error is a terminal, not under CI=… nor when standard error is a pipe; the files are the same either way.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/processes.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-pty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync('cases/kfn-2025-41-oppettider-stadsbiblioteket.md', join(dir, 'a.md'));
copyFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', join(dir, 'b.md'));

/** Runs `skrivelse skapa a.md b.md` with its output on a pseudo-terminal; returns what the terminal got. */
function onTerminal(out: string, env: Record<string, string | undefined>): string {
  const command = `'${process.execPath}' '${cliPath}' skapa a.md b.md --format pdf --ut ${out}`;
  const { CI: _ci, ...rest } = process.env;
  return execFileSync('script', ['-qec', command, '/dev/null'], {
    cwd: dir,
    env: { ...rest, TERM: 'xterm', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
}

describe.skipIf(!hasScript)('progress line on a pseudo-terminal', () => {
  it('is drawn on a terminal, and not under CI or when standard error is not a terminal', () => {
    const terminal = onTerminal('ut1', {});
    expect(terminal).toContain('0 av 2 klara · skapar a.md');
    expect(terminal).toMatch(/1 av 2 klara · skapar b\.md · cirka [^·]+ kvar/);
    expect(terminal).toContain('skrev ut1/');

    expect(onTerminal('ut2', { CI: 'true' })).not.toContain('klara');

    const piped = spawnSync(
      process.execPath,
      [cliPath, 'skapa', 'a.md', 'b.md', '--format', 'pdf', '--ut', 'ut3'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');

    const names = readdirSync(join(dir, 'ut1')).filter((n) => n.endsWith('.pdf'));
    expect(names).toHaveLength(2);
    for (const out of ['ut2', 'ut3'])
      for (const name of names)
        expect(readFileSync(join(dir, out, name)).equals(readFileSync(join(dir, 'ut1', name)))).toBe(true);
  });
});
