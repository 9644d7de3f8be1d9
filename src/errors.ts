/**
 * Exit codes of the `skrivelse` command. Library code never exits; it returns diagnostics or throws
 * a UsageError, and `src/cli/main.ts` maps the outcome to one of these.
 */
export const ExitCode = {
  ok: 0,
  /** Validation problems (check/build), failed verification, or differences found (diff). */
  problems: 1,
  /** Wrong arguments, missing files, unreadable profile. */
  usage: 2,
  /** A bug in skrivelse: reported as such, without a stack trace unless SKRIVELSE_DEBUG is set. */
  internal: 3,
} as const;

/** An error caused by how the tool was called; its message is Swedish and shown as is. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
