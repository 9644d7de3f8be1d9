/** The built CLI (`dist/cli/main.js`) as real child processes, for concurrency and kill -9 tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const cliPath = resolve('dist/cli/main.js');

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface SpawnedCli {
  child: ChildProcess;
  done: Promise<ChildRun>;
}

export function spawnCli(args: string[], cwd: string, env: Record<string, string> = {}): SpawnedCli {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const done = new Promise<ChildRun>((resolveRun) =>
    child.on('close', (code, signal) => resolveRun({ code, signal, out, err })),
  );
  return { child, done };
}

export const runCli = (args: string[], cwd: string, env?: Record<string, string>): Promise<ChildRun> =>
  spawnCli(args, cwd, env).done;
