#!/usr/bin/env node
/**
 * The `skrivelse` command: parses global flags, dispatches to a command from the table, and turns
 * every outcome into a documented exit code. The only place that calls process.exit.
 */
import { fstatSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { config as zodConfig } from 'zod';
import { ExitCode, UsageError } from '../errors.js';
import { type FsErrorLike, fsUsageError, isFsError } from '../fs-errors.js';
import { asciiFold, didYouMean } from '../util/did-you-mean.js';
import { toolName } from '../util/package-info.js';
import { allCommandNames, commands, findCommand, primaryName } from './commands/index.js';
import { type Io, progressWanted, terminalSafe } from './io.js';

// zod compiles each object schema to a function on its first parse (eval), which costs more than the
// few parses a command makes: a one-memo build spends 60 ms on it. Interpreted, a parse is still fast.
zodConfig({ jitless: true });

export function mainHelp(): string {
  const names = Object.keys(commands);
  const width = Math.max(8, ...names.map((n) => n.length));
  const list = names
    .map((n) => {
      const { summary, aliases } = commands[n]!;
      const also = aliases && aliases.length > 0 ? ` (även: ${aliases.join(', ')})` : '';
      return `  ${n.padEnd(width)}  ${summary}${also}`;
    })
    .join('\n');
  return `${toolName} – tjänsteskrivelser från ärendefiler

Användning:
  skrivelse [--profil <fil>] <kommando> [argument …]

Kommandon:
${list}

Namnen inom parentes gör exakt samma sak: de engelska finns kvar så att äldre skript fungerar,
och jamfor är jämför för tangentbord utan ä.

Allmänna flaggor:
  -h, --help       visa den här hjälpen (eller hjälp för ett kommando: skrivelse <kommando> --help)
  --version        visa versionen
  --profil <fil>   kommunprofil (YAML); standard är templates/profiler/linkoping.yaml

Slutkoder: 0 = klart, 1 = problem i ärendet, 2 = fel i anropet, 3 = internt fel.
`;
}

/**
 * The name a mistyped command most likely meant, primary or alias: the only command whose name starts
 * with what was typed (at least three letters, å/ä/ö-insensitive: "kontroll", "jam"), else the nearest
 * by edit distance ("chek" → check).
 */
function nearestCommandName(typed: string): string | undefined {
  const names = allCommandNames();
  const folded = asciiFold(typed.normalize('NFC'));
  const prefixed = folded.length >= 3 ? names.filter((n) => asciiFold(n).startsWith(folded)) : [];
  if (prefixed.length > 0 && new Set(prefixed.map(primaryName)).size === 1) return prefixed[0];
  return didYouMean(typed, names);
}

/** The usage error for a command name that is neither a primary name nor an alias. */
function unknownCommand(name: string): UsageError {
  const known = `Kända kommandon: ${Object.keys(commands).join(', ')}.`;
  const match = nearestCommandName(name);
  if (match === undefined) return new UsageError(`Okänt kommando "${name}".`, known);
  const primary = primaryName(match);
  const suggestion = primary === match ? `"${match}"` : `"${match}" (samma som ${primary})`;
  return new UsageError(`Okänt kommando "${name}".`, `Menade du ${suggestion}? ${known}`);
}

/** Runs the CLI with the given arguments; never throws, always resolves to an exit code. */
export async function runCli(argv: string[], rawIo: Io): Promise<number> {
  const io = terminalSafe(rawIo);
  try {
    // Global flags come before the command name; --profil takes the next argument as its value.
    let split = 0;
    while (split < argv.length && argv[split]!.startsWith('-')) split += argv[split] === '--profil' ? 2 : 1;
    const globalArgs = argv.slice(0, split);
    const rest = argv.slice(split);
    const globals = parseGlobals(globalArgs);
    if (globals.version) {
      io.out(`${toolName}\n`);
      return ExitCode.ok;
    }
    const [name, ...commandArgs] = rest;
    if (name === undefined || globals.help) {
      if (name === undefined && !globals.help) {
        io.err(`fel: inget kommando angavs.\n\n${mainHelp()}`);
        return ExitCode.usage;
      }
      io.out(mainHelp());
      return ExitCode.ok;
    }
    const found = findCommand(name);
    if (!found) throw unknownCommand(name);
    const command = await found.entry.load();
    if (commandArgs.includes('--help') || commandArgs.includes('-h')) {
      io.out(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
      return ExitCode.ok;
    }
    const commandIo = globals.profil === undefined ? io : { ...io, profilePath: globals.profil };
    return await command.run(commandArgs, commandIo);
  } catch (error) {
    return reportError(error, io);
  }
}

function parseGlobals(args: string[]): { help?: boolean; version?: boolean; profil?: string } {
  try {
    return parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        profil: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch {
    throw new UsageError(
      `Okänd eller ofullständig allmän flagga: ${args.join(' ')}.`,
      'Se `skrivelse --help`.',
    );
  }
}

/** The file-system error behind `error` (itself or a `cause`), if the machine rather than a bug is at fault. */
function fsFault(error: unknown): FsErrorLike | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof UsageError) return undefined;
    if (isFsError(e)) return e;
  }
  return undefined;
}

function reportError(thrown: unknown, io: Io): number {
  const fault = fsFault(thrown);
  const error = fault ? fsUsageError(fault, io.cwd) : thrown;
  if (error instanceof UsageError) {
    io.err(`fel: ${error.message}\n${error.hint ? `  tips: ${error.hint}\n` : ''}`);
    return ExitCode.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`Internt fel i skrivelse: ${message}\n`);
  if (io.env.SKRIVELSE_DEBUG === '1' && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('  (Detta är ett fel i verktyget, inte i ärendet. Kör med SKRIVELSE_DEBUG=1 för detaljer.)\n');
  return ExitCode.internal;
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    colorOut: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
    ...(progressWanted(process.stderr, process.env) && !stdoutIsPipe() ? { progress: process.stderr } : {}),
  };
}

/**
 * Standard output into a pipe (`| tee log`, `| head`) may reach the same terminal later, out of step with
 * the progress line on standard error, so no line is drawn then; into the terminal or a file it is.
 */
function stdoutIsPipe(): boolean {
  if (process.stdout.isTTY) return false;
  try {
    const stats = fstatSync(1);
    return stats.isFIFO() || stats.isSocket();
  } catch {
    return true;
  }
}

/** True when this file is the program being run (directly or via the npm bin symlink), not imported. */
function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/** A reader that stops early (`skrivelse jämför a b | head`) closes the pipe: end quietly, as Unix tools do. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`Internt fel i skrivelse: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? ExitCode.ok) : ExitCode.internal);
  });
}

/** Runs the program on this process's arguments and streams; the exit code is set when it is done. */
export function main(): void {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = ExitCode.internal;
    },
  );
}

// The installed program (dist/cli/main.js, src/cli/launcher.mjs) calls main() itself.
if (isEntryPoint()) main();
