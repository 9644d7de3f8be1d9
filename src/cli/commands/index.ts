/**
 * The command table. Adding a command = one module in this folder exporting a Command + one entry here.
 * Modules are imported only when their command runs, so `kontrollera` never loads the PDF or DOCX libraries.
 * Order here is the order in `skrivelse --help`.
 *
 * Every command has a Swedish primary name. The English names of the first versions (build, check, new,
 * diff) stay as aliases so that no script breaks, and `jamfor` and `sprak` are `jämför` and `språk` for keyboards without ä and å.
 * An alias runs the very same command: same output (help and messages name the primary), same exit code.
 */
import type { Command } from '../io.js';

export interface CommandEntry {
  /** One Swedish line for the command list in `skrivelse --help`. */
  summary: string;
  /** Other names that run exactly this command, shown in `skrivelse --help` as "(även: …)". */
  aliases?: readonly string[];
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  kontrollera: {
    summary: 'läs ärendefiler och visa alla problem',
    aliases: ['check'],
    load: async () => (await import('./check.js')).check,
  },
  språk: {
    summary: 'klarspråksrapport: LIX, långa meningar och ord att byta ut, per avsnitt',
    aliases: ['sprak'],
    load: async () => (await import('./sprak.js')).sprak,
  },
  ny: {
    summary: 'påbörja en ny ärendefil, ifylld från kommunprofilen',
    aliases: ['new'],
    load: async () => (await import('./new.js')).newCase,
  },
  skapa: {
    summary: 'skriv ärenden som PDF och DOCX',
    aliases: ['build'],
    load: async () => (await import('./build.js')).build,
  },
  jämför: {
    summary: 'visa ändringar mellan två versioner av ett ärende',
    aliases: ['diff', 'jamfor'],
    load: async () => (await import('./diff.js')).diff,
  },
  publicera: {
    summary: 'skriv ett maskerat publiceringsexemplar (PDF och HTML) med maskeringslogg',
    load: async () => (await import('./publicera.js')).publicera,
  },
  arkivera: {
    summary: 'skapa ett arkivexemplar (PDF/A-3a) med versionsnummer',
    load: async () => (await import('./arkivera.js')).arkivera,
  },
  verifiera: {
    summary: 'kontrollera arkiverade PDF:er (kontrollsummor, PDF/A, PDF/UA)',
    load: async () => (await import('./verifiera.js')).verifiera,
  },
  sammanträde: {
    summary: 'skriv kallelse med föredragningslista och handlingar till ett sammanträde',
    aliases: ['sammantrade'],
    load: async () => (await import('./sammantrade.js')).sammantrade,
  },
  protokollsutdrag: {
    summary: 'skriv protokollsutdrag per beslut och tillkännagivandet av det justerade protokollet',
    load: async () => (await import('./protokollsutdrag.js')).protokollsutdrag,
  },
};

export interface FoundCommand {
  /** The primary (Swedish) name, also when an alias was typed. */
  name: string;
  entry: CommandEntry;
}

/**
 * The command a typed name means: a primary name or an alias. The name is compared in Unicode NFC, so an
 * `ä` sent decomposed (as some terminals and macOS file dialogs do) still finds `jämför`.
 */
export function findCommand(typed: string): FoundCommand | undefined {
  const name = typed.normalize('NFC');
  for (const [primary, entry] of Object.entries(commands)) {
    if (primary === name || entry.aliases?.includes(name)) return { name: primary, entry };
  }
  return undefined;
}

/** Every name a command can be run by: primaries in table order, each followed by its aliases. */
export function allCommandNames(): string[] {
  return Object.entries(commands).flatMap(([primary, entry]) => [primary, ...(entry.aliases ?? [])]);
}

/** The primary name behind any command name (itself for a primary); undefined for an unknown name. */
export function primaryName(typed: string): string | undefined {
  return findCommand(typed)?.name;
}
