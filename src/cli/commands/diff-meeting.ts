/** `skrivelse jämför` for two versions of a meeting file: read both as meetings, diff, format. */
import { relative, resolve } from 'node:path';
import { formatMeetingHtml } from '../../diff/format-html.js';
import { formatMeetingJson } from '../../diff/format-json.js';
import { formatMeetingText } from '../../diff/format-text.js';
import { diffMeetings, meetingHasDifferences } from '../../diff/meeting.js';
import type { SourceText } from '../../diff/sources.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { Meeting } from '../../meeting/model.js';
import { readMeeting } from '../../meeting/read.js';
import type { Profile } from '../../profile/model.js';
import type { Io } from '../io.js';
import { formatDiagnostics } from '../output.js';

function text(source: SourceText): string {
  return Buffer.from(source.bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

/**
 * A meeting file by its name (.yaml, .yml), or by what it says: YAML (no front matter) with a
 * top-level `ärenden:`. A case file is Markdown starting with `---`; a PDF is an archived case.
 */
export function isMeetingSource(source: SourceText): boolean {
  if (source.file !== source.label) return false; // an archived PDF: its embedded case file
  if (/\.ya?ml$/i.test(source.file)) return true;
  if (/\.(md|markdown)$/i.test(source.file)) return false;
  const content = text(source);
  return !/^\s*---/.test(content) && /^ärenden\s*:/mu.test(content.normalize('NFC'));
}

/** Both versions must be meeting files, or neither: a meeting cannot be compared with a case. */
export function checkSameKind(oldSource: SourceText, newSource: SourceText): boolean {
  const oldMeeting = isMeetingSource(oldSource);
  const newMeeting = isMeetingSource(newSource);
  if (oldMeeting !== newMeeting) {
    const [meeting, other] = oldMeeting ? [oldSource, newSource] : [newSource, oldSource];
    throw new UsageError(
      `${meeting.label} är en mötesfil men ${other.label} är ett ärende; de kan inte jämföras.`,
      'Jämför två versioner av samma mötesfil, eller två versioner av ett ärende.',
    );
  }
  return oldMeeting;
}

/** Reads one version; on errors prints its diagnostics (Swedish, file and line) and returns nothing. */
function parse(source: SourceText, profile: Profile, io: Io): Meeting | undefined {
  const file = source.path ?? resolve(io.cwd, source.file);
  const read = readMeeting(text(source), file, profile);
  if (read.meeting) return read.meeting;
  const errors = read.diagnostics
    .filter((d) => d.severity === 'fel')
    .map((d) => ({ ...d, file: d.file === file ? source.label : relative(io.cwd, d.file) || d.file }));
  io.err(formatDiagnostics(errors, { format: 'text', color: io.colorOut, fileCount: 1 }), { styled: true });
  return undefined;
}

/** Compares two meeting files and writes the result; the exit code as for cases (0 same, 1 differ, 2 problem). */
export function diffMeetingSources(
  oldSource: SourceText,
  newSource: SourceText,
  options: { format: string; profile: Profile; colour: boolean; write?: (output: string) => void },
  io: Io,
): number {
  if (options.format === 'docx' || options.format === 'pdf') {
    throw new UsageError(
      `--format ${options.format} finns bara för ärenden.`,
      'Jämför mötesfiler med --format text, html eller json.',
    );
  }
  const oldMeeting = parse(oldSource, options.profile, io);
  const newMeeting = parse(newSource, options.profile, io);
  if (!oldMeeting || !newMeeting) {
    io.err('Jämförelsen kunde inte göras: rätta felen ovan först.\n');
    return ExitCode.usage;
  }
  const result = diffMeetings(oldMeeting, newMeeting, { old: oldSource.label, new: newSource.label });
  const output =
    options.format === 'json'
      ? formatMeetingJson(result)
      : options.format === 'html'
        ? formatMeetingHtml(result)
        : formatMeetingText(result, { colour: options.colour });
  if (options.write) options.write(output);
  else io.out(output, { styled: options.format === 'text' });
  return meetingHasDifferences(result.summary) ? ExitCode.problems : ExitCode.ok;
}
