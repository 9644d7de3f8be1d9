/** Argument parsing for commands: node:util parseArgs with Swedish errors and the shared flags. */
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { loadProfile } from '../profile/load.js';
import type { Profile } from '../profile/model.js';
import { asciiFold } from '../util/did-you-mean.js';
import type { Io } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command accepts. */
export const sharedOptions = {
  help: { type: 'boolean', short: 'h' },
  profil: { type: 'string' },
} as const satisfies Options;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * A flag name with å, ä or ö is also accepted spelt without them (`--namnd` for `--nämnd`), since those
 * letters are awkward on some keyboards and terminals; a decomposed ä (NFD) counts as ä. Only tokens
 * before a `--` terminator are flags.
 */
function withSwedishFlagSpellings(argv: string[], options: Options): string[] {
  const names = Object.keys(options);
  const byFolded = new Map(names.filter((n) => asciiFold(n) !== n).map((n) => [asciiFold(n), n]));
  const end = argv.indexOf('--');
  return argv.map((token, i) => {
    if ((end !== -1 && i > end) || !token.startsWith('--') || token === '--') return token;
    const eq = token.indexOf('=');
    const typed = (eq === -1 ? token.slice(2) : token.slice(2, eq)).normalize('NFC');
    const name = names.includes(typed) ? typed : (byFolded.get(typed) ?? typed);
    return `--${name}${eq === -1 ? '' : token.slice(eq)}`;
  });
}

/** Parses a command's argv; unknown flags and missing values become a Swedish UsageError. */
export function parseCommandArgs(argv: string[], options: Options, command: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: withSwedishFlagSpellings(argv, { ...sharedOptions, ...options }),
      options: { ...sharedOptions, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError(translateParseError(error), `Se \`skrivelse ${command} --help\`.`);
  }
}

function translateParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /'(-[^' ,]*)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Okänd flagga ${flag}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('ambiguous'))
        return `Värdet efter ${flag} börjar med "-" och kan vara en flagga; skriv ${flag}=<värde> om det är menat.`;
      return message.includes('argument missing')
        ? `Flaggan ${flag} behöver ett värde.`
        : `Flaggan ${flag} tar inget värde.`;
    default:
      return `Felaktiga argument: ${message}`;
  }
}

/** The profile chosen by `--profil` (command or global flag), else the default profile. */
export function profileFrom(values: ParsedArgs['values'], io: Io): Profile {
  const path = typeof values.profil === 'string' ? values.profil : io.profilePath;
  return loadProfile(path === undefined ? undefined : resolve(io.cwd, path));
}

/** Returns the string value of an enum-like flag, or throws a UsageError naming the allowed values. */
export function choice<T extends string>(
  value: unknown,
  allowed: readonly T[],
  flag: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `Okänt värde "${String(value)}" för ${flag}.`,
    `Tillåtna värden: ${allowed.join(', ')}.`,
  );
}
