/** The start the meeting commands share: one meeting file, the profile, an output folder that can be written. */
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import { type MeetingResult, readMeetingFile } from '../meeting/read.js';
import type { Profile } from '../profile/model.js';
import { type ParsedArgs, parseCommandArgs, profileFrom } from './args.js';
import type { Io } from './io.js';
import { checkOutputFolder } from './output-target.js';

export interface MeetingCommandStart {
  values: ParsedArgs['values'];
  /** The meeting file as the user wrote it, and resolved. */
  shown: string;
  file: string;
  profile: Profile;
  outDir: string;
  read: MeetingResult;
}

/** Parses `argv` for `command` (with `options` besides --ut), then reads and checks the meeting file. */
export function startMeetingCommand(
  argv: string[],
  io: Io,
  command: string,
  options: NonNullable<ParseArgsConfig['options']>,
): MeetingCommandStart {
  const { values, positionals } = parseCommandArgs(argv, { ut: { type: 'string' }, ...options }, command);
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? 'Ange en mötesfil.' : 'Ange bara en mötesfil.',
      `Exempel: skrivelse ${command} cases/möte-kfn-2025-04.yaml`,
    );
  }
  const shown = positionals[0]!;
  const file = resolve(io.cwd, shown);
  const profile = profileFrom(values, io);
  const outArg = typeof values.ut === 'string' ? values.ut : 'output';
  const outDir = resolve(io.cwd, outArg);
  checkOutputFolder(outDir, outArg);
  return { values, shown, file, profile, outDir, read: readMeetingFile(file, profile) };
}
