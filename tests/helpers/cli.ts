/** Runs the CLI in-process with captured output, for tests of whole commands. */
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  colorOut?: boolean;
}

export async function runCaptured(args: string[], options: CliOptions = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    colorOut: options.colorOut ?? false,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}
