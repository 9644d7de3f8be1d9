import { escapeControls, escapeControlsKeepingColour } from '../util/control-chars.js';

export interface WriteOptions {
  /** Built by a formatter (its user text already escaped): its colour codes are kept. */
  styled?: boolean;
}

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  /** Writes to standard output (add '\n' yourself). Under runCli control characters are shown escaped. */
  out(text: string, options?: WriteOptions): void;
  /** Writes to standard error, like `out`. */
  err(text: string, options?: WriteOptions): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stdout is a terminal (colours are only used then, and never with NO_COLOR). */
  colorOut: boolean;
  /** Profile path given as a global flag before the command name (`skrivelse --profil x.yaml check …`). */
  profilePath?: string;
}

export interface Command {
  /** Swedish usage text printed by `skrivelse <kommando> --help`. */
  usage: string;
  /** Runs the command with the arguments after its name; resolves to an exit code. */
  run(argv: string[], io: Io): Promise<number>;
}

/**
 * The one place where every line the CLI prints is made harmless: control and bidi characters from
 * paths, arguments or case text are shown escaped. Only styled text (from a formatter) keeps colour codes.
 */
export function terminalSafe(io: Io): Io {
  const safe = (text: string, options?: WriteOptions) =>
    options?.styled ? escapeControlsKeepingColour(text) : escapeControls(text);
  return {
    ...io,
    out: (text, options) => io.out(safe(text, options)),
    err: (text, options) => io.err(safe(text, options)),
  };
}
