/** runCli in-process: the error boundary (internal errors → exit 3, stack only with SKRIVELSE_DEBUG=1). */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index.js';
import type { Io } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/main.js';
import { UsageError } from '../../../src/errors.js';

function fakeIo(env: Record<string, string> = {}) {
  const io = { out: '', err: '' };
  const value: Io = {
    out: (t) => {
      io.out += t;
    },
    err: (t) => {
      io.err += t;
    },
    env,
    cwd: process.cwd(),
    colorOut: false,
  };
  return { io, value };
}

afterEach(() => {
  delete commands.pang;
});

describe('runCli error boundary', () => {
  it('maps an unexpected exception to exit 3 without a stack trace', async () => {
    commands.pang = {
      summary: 'test',
      load: async () => ({ usage: 'test', run: async () => Promise.reject(new Error('oväntat')) }),
    };
    const { io, value } = fakeIo();
    expect(await runCli(['pang'], value)).toBe(3);
    expect(io.err).toMatch(/^Internt fel i skrivelse: oväntat\n/);
    expect(io.err).not.toMatch(/\s+at /);
  });

  it('shows the stack with SKRIVELSE_DEBUG=1', async () => {
    commands.pang = {
      summary: 'test',
      load: async () => ({ usage: 'test', run: async () => Promise.reject(new Error('oväntat')) }),
    };
    const { io, value } = fakeIo({ SKRIVELSE_DEBUG: '1' });
    expect(await runCli(['pang'], value)).toBe(3);
    expect(io.err).toMatch(/\n\s+at /);
  });

  it('maps a UsageError to exit 2 with message and hint', async () => {
    commands.pang = {
      summary: 'test',
      load: async () => ({
        usage: 'test',
        run: async () => Promise.reject(new UsageError('Fel anrop.', 'Gör så här.')),
      }),
    };
    const { io, value } = fakeIo();
    expect(await runCli(['pang'], value)).toBe(2);
    expect(io.err).toBe('fel: Fel anrop.\n  tips: Gör så här.\n');
  });

  it('passes the global --profil to the command', async () => {
    let seen: string | undefined;
    commands.pang = {
      summary: 'test',
      load: async () => ({
        usage: 'test',
        run: async (_argv, io) => {
          seen = io.profilePath;
          return 0;
        },
      }),
    };
    expect(await runCli(['--profil', 'p.yaml', 'pang'], fakeIo().value)).toBe(0);
    expect(seen).toBe('p.yaml');
  });
});
