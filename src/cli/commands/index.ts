/**
 * The command table. Adding a command = one module in this folder exporting a Command + one line here.
 * Order here is the order in `skrivelse --help`.
 */
import type { Command } from '../io.js';
import { arkivera } from './arkivera.js';
import { build } from './build.js';
import { check } from './check.js';
import { diff } from './diff.js';
import { newCase } from './new.js';
import { verifiera } from './verifiera.js';

export const commands: Record<string, Command> = {
  check,
  new: newCase,
  build,
  diff,
  arkivera,
  verifiera,
};
