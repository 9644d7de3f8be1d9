/**
 * The command table. Adding a command = one module in this folder exporting a Command + one entry here.
 * Modules are imported only when their command runs, so `check` never loads the PDF or DOCX libraries.
 * Order here is the order in `skrivelse --help`.
 */
import type { Command } from '../io.js';

export interface CommandEntry {
  /** One Swedish line for the command list in `skrivelse --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  check: {
    summary: 'kontrollera ärendefiler och visa alla problem',
    load: async () => (await import('./check.js')).check,
  },
  new: {
    summary: 'skapa en ny ärendefil från kommunprofilen',
    load: async () => (await import('./new.js')).newCase,
  },
  build: {
    summary: 'skriv ärenden som PDF och DOCX',
    load: async () => (await import('./build.js')).build,
  },
  diff: {
    summary: 'visa ändringar mellan två versioner av ett ärende',
    load: async () => (await import('./diff.js')).diff,
  },
  arkivera: {
    summary: 'skapa ett arkivexemplar (PDF/A-3a) med versionsnummer',
    load: async () => (await import('./arkivera.js')).arkivera,
  },
  verifiera: {
    summary: 'kontrollera arkiverade PDF:er (kontrollsummor, PDF/A, PDF/UA)',
    load: async () => (await import('./verifiera.js')).verifiera,
  },
};
