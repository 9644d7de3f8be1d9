/**
 * The progress line of `skrivelse skapa` on a terminal: "n av N klara", the current file (escaped), time
 * left; cleared around other output; nothing at all without a terminal. A fake stream claims to be a TTY.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Io, progressWanted, type TerminalStream } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/main.js';
import { batchProgress, progressText, timeLeft } from '../../../src/cli/progress.js';

class FakeStream implements TerminalStream {
  chunks: string[] = [];
  constructor(
    readonly isTTY: boolean,
    readonly columns = 120,
  ) {}
  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'skrivelse-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batchProgress', () => {
  it('shows "n av N klara", the current file and the time left, redrawn as cases finish', () => {
    const stream = new FakeStream(true);
    const progress = batchProgress({ progress: stream }, 3);
    progress.caseStarted('ärenden/a.md');
    expect(stream.text).toContain('0 av 3 klara · skapar ärenden/a.md · beräknar tid kvar');
    progress.caseDone();
    progress.caseStarted('ärenden/b.md');
    expect(stream.text).toMatch(/1 av 3 klara · skapar ärenden\/b\.md · cirka \d+ s kvar/);
    progress.stop();
    // Removed at the end: the last thing written clears the line.
    expect(stream.chunks.at(-1)).toMatch(/\u001b\[0?J|\u001b\[2K/);
  });

  it('clears the line before other output and draws it again after', () => {
    const stream = new FakeStream(true);
    const progress = batchProgress({ progress: stream }, 2);
    progress.caseStarted('a.md');
    const before = stream.chunks.length;
    progress.around(() => stream.write('skrev output/a.pdf\n'));
    const after = stream.chunks.slice(before);
    const at = after.indexOf('skrev output/a.pdf\n');
    expect(after.slice(0, at).join('')).toContain('\r\u001b[2K');
    expect(after.slice(at + 1).join('')).toContain('0 av 2 klara · skapar a.md');
    progress.stop();
  });

  it('shows a file name with control characters escaped, never raw', () => {
    const stream = new FakeStream(true);
    const progress = batchProgress({ progress: stream }, 2);
    progress.caseStarted('x\u001b[31m\u001b]0;kapad\u0007\u202e\n.md');
    progress.stop();
    expect(stream.text).toContain('x\\x1b[31m\\x1b]0;kapad\\x07\\u202e\\x0a.md');
    expect(stream.text).not.toContain('\u001b[31m');
    expect(stream.text).not.toContain('\u0007');
    expect(stream.text).not.toContain('\u202e');
  });

  it('writes nothing to a stream that is not a terminal, nor for a single case', () => {
    for (const [stream, total] of [
      [new FakeStream(false), 5],
      [new FakeStream(true), 1],
    ] as const) {
      const progress = batchProgress({ progress: stream }, total);
      progress.caseStarted('a.md');
      let wrote = false;
      progress.around(() => {
        wrote = true;
      });
      progress.caseDone();
      progress.stop();
      expect(wrote).toBe(true);
      expect(stream.chunks).toEqual([]);
    }
    const none = batchProgress({}, 5);
    none.caseStarted('a.md');
    none.stop();
  });

  it('is drawn only on a terminal, not under CI or TERM=dumb; NO_COLOR leaves it on', () => {
    expect(progressWanted(new FakeStream(true), {})).toBe(true);
    expect(progressWanted(new FakeStream(true), { NO_COLOR: '1' })).toBe(true);
    expect(progressWanted(new FakeStream(false), {})).toBe(false);
    expect(progressWanted(new FakeStream(true), { CI: 'true' })).toBe(false);
    expect(progressWanted(new FakeStream(true), { TERM: 'dumb' })).toBe(false);
  });
});

describe('progressText', () => {
  it('cuts a long file name from the front to fit the width', () => {
    const long = `${'mapp/'.repeat(30)}ärende.md`;
    const line = progressText(2, 9, long, 75, 80);
    expect(line.length).toBeLessThan(80);
    expect(line).toMatch(/^2 av 9 klara · skapar ….*ärende\.md · cirka 1 min 15 s kvar$/);
  });

  it('says the time left in Swedish', () => {
    expect(timeLeft(4.4)).toBe('cirka 4 s kvar');
    expect(timeLeft(130)).toBe('cirka 2 min 10 s kvar');
    expect(timeLeft(3900)).toBe('cirka 1 h 5 min kvar');
  });
});

describe('skrivelse skapa with a terminal on standard error', () => {
  const cases = [
    'kfn-2025-41-oppettider-stadsbiblioteket.md',
    'son-2020-281-arbetsinriktad-rehabilitering.md',
  ];
  const hostile = 'b\u001b[31m.md';
  copyFileSync(join('cases', cases[0]!), join(dir, 'a.md'));
  copyFileSync(join('cases', cases[1]!), join(dir, hostile));

  async function build(progress: FakeStream, out: string) {
    let stdout = '';
    const io: Io = {
      out: (t) => {
        stdout += t;
      },
      err: (t) => {
        stdout += t;
      },
      env: {},
      cwd: dir,
      colorOut: false,
      progress,
    };
    const code = await runCli(['skapa', 'a.md', hostile, '--format', 'pdf', '--ut', out], io);
    return { code, stdout };
  }

  it('shows the batch on the terminal, escaped, apart from the output; the files are the same', async () => {
    const tty = new FakeStream(true);
    const withLine = await build(tty, 'ut1');
    expect(withLine.code).toBe(0);
    expect(tty.text).toContain('0 av 2 klara · skapar a.md');
    expect(tty.text).toContain('1 av 2 klara · skapar b\\x1b[31m.md');
    expect(tty.text).not.toContain('\u001b[31m');
    // The output itself has no trace of the line.
    expect(withLine.stdout).not.toContain('klara');
    expect(withLine.stdout).toContain('skrev ut1/');

    const pipe = new FakeStream(false);
    const without = await build(pipe, 'ut2');
    expect(without.code).toBe(0);
    expect(pipe.chunks).toEqual([]);
    const names = readdirSync(join(dir, 'ut1')).filter((n) => n.endsWith('.pdf'));
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(readFileSync(join(dir, 'ut2', name)).equals(readFileSync(join(dir, 'ut1', name)))).toBe(true);
    }
  });
});
