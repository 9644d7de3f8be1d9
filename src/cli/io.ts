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
  /**
   * Standard error when a progress line may be drawn on it (`progressWanted`), else absent. Written raw,
   * bypassing `terminalSafe`: whatever user text it shows goes through `terminalLine` first.
   */
  progress?: TerminalStream;
  /** Profile path given as a global flag before the command name (`skrivelse --profil x.yaml check …`). */
  profilePath?: string;
}

/** The part of a TTY write stream a self-redrawing line needs (tests pass a fake one). */
export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

/**
 * Whether a progress line is drawn on `stream`: only on a terminal, as colour is (`colorOut`), and not
 * where a terminal is only emulated for a log (CI=…) or cannot move its cursor (TERM=dumb). NO_COLOR
 * does not turn it off: the line has no colour, and NO_COLOR is about colour only.
 */
export function progressWanted(stream: TerminalStream, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && env.CI === undefined && env.TERM !== 'dumb';
}

export interface Command {
  /** Swedish usage text printed by `skrivelse <kommando> --help`. */
  usage: string;
  /** Runs the command with the arguments after its name; resolves to an exit code. */
  run(argv: string[], io: Io): Promise<number>;
}

/**
 * User text (a file name …) for a line the CLI draws itself, bypassing `terminalSafe` (the progress line):
 * made harmless the same way, and line breaks escaped too so the line stays one line.
 */
export function terminalLine(text: string): string {
  return escapeControls(text, { newlines: true });
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
