/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  /** Writes to standard output (text is written as is; add '\n' yourself). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
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
