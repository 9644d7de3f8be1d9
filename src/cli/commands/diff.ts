/**
 * `skrivelse jämför` (aliases `diff`, `jamfor`): compares two versions of a case (files, git revisions or
 * archived PDFs), or two versions of a meeting file (diff-meeting.ts).
 */
import { resolve } from 'node:path';
import type { Case } from '../../case/model.js';
import { readCase } from '../../case/read.js';
import { formatHtml } from '../../diff/format-html.js';
import { formatJson } from '../../diff/format-json.js';
import { formatText } from '../../diff/format-text.js';
import { diffCases, hasDifferences } from '../../diff/index.js';
import { readGitRevisionOf, readSource, type SourceText } from '../../diff/sources.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { Profile } from '../../profile/model.js';
import { renderDiffDoc } from '../../render/diff-doc.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { choice, parseCommandArgs, profileFrom } from '../args.js';
import type { Command, Io } from '../io.js';
import { formatDiagnostics } from '../output.js';
import { checkOutputTarget } from '../output-target.js';
import { checkSameKind, diffMeetingSources } from './diff-meeting.js';

const usage = `Användning: skrivelse jämför <gammal> <ny> [--format text|html|json|docx|pdf] [--ut <fil>]
       skrivelse jämför --git <revision> <ärendefil eller mötesfil>

Visar vad som ändrats mellan två versioner av ett ärende: metadata (datum, Dnr, MBL, mottagare …),
förslag till beslut per nämnd och löptexten avsnitt för avsnitt, ord för ord. Omformade rader,
blanksteg, radslut och Unicode-normalform räknas inte som ändringar.

Varje version kan vara
  en ärendefil (.md),
  ett arkivexemplar (.pdf från \`skrivelse arkivera\`): den inbäddade ärendefilen jämförs,
  en mötesfil (.yaml): mötets uppgifter, föredragningslistan (punkter som tillkommit, tagits bort,
    flyttats eller ändrats), besluten och protokollet jämförs (båda versionerna ska då vara mötesfiler;
    html och json som för ärenden, inte docx och pdf),
  en git-revision skriven REV:sökväg, t.ex. HEAD~1:cases/ärende.md.

Flaggor:
  --git <revision>     jämför filen med samma fil i revisionen (t.ex. HEAD, main, v1.0)
  --format <format>    text (standard), html (en fristående sida), json, docx: den nya
                       versionen som Word-fil med spårade ändringar, eller pdf: samma dokument
                       med ändringarna markerade (tillagt understruket, borttaget genomstruket);
                       docx och pdf kräver --ut
  --ut <fil>           skriv resultatet till en fil i stället för standard ut (aldrig över en
                       av versionerna eller profilen, och aldrig i en arkivmapp)
  --profil <fil>       kommunprofil (YAML); standard är Linköpings profil
  -h, --help           visa den här hjälpen

Slutkod (som diff): 0 = inga skillnader, 1 = skillnader, 2 = problem (oläslig eller ogiltig indata).
`;

const formats = ['text', 'html', 'json', 'docx', 'pdf'] as const;

export const diff: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, git: { type: 'string' }, ut: { type: 'string' } },
      'jämför',
    );
    const format = choice(values.format, formats, '--format', 'text');
    if ((format === 'docx' || format === 'pdf') && typeof values.ut !== 'string') {
      throw new UsageError(
        `--format ${format} skriver en fil och behöver --ut <fil.${format}>.`,
        'Se `skrivelse jämför --help`.',
      );
    }
    const rev = typeof values.git === 'string' ? values.git : undefined;
    const expected = rev === undefined ? 2 : 1;
    if (positionals.length !== expected) {
      throw new UsageError(
        rev === undefined
          ? 'Ange två versioner att jämföra: <gammal> <ny>.'
          : 'Ange en ärendefil eller mötesfil efter --git <revision>.',
        'Se `skrivelse jämför --help`.',
      );
    }
    const newArg = positionals[expected - 1]!;
    if (typeof values.ut === 'string') {
      const profile = typeof values.profil === 'string' ? values.profil : io.profilePath;
      const inputs = [...positionals, ...(profile === undefined ? [] : [profile])];
      checkOutputTarget(
        resolve(io.cwd, values.ut),
        inputs.map((arg) => ({ path: resolve(io.cwd, arg), shown: arg })),
        values.ut,
      );
    }
    const [oldSource, newSource] = await Promise.all([
      rev === undefined ? readSource(positionals[0]!, io.cwd) : readGitRevisionOf(rev, newArg, io.cwd),
      readSource(newArg, io.cwd),
    ]);
    const profile = profileFrom(values, io);
    if (checkSameKind(oldSource, newSource)) {
      const out = values.ut;
      return diffMeetingSources(
        oldSource,
        newSource,
        {
          format,
          profile,
          colour: useColour(io, out),
          ...(typeof out === 'string'
            ? { write: (output: string) => writeFileAtomic(resolve(io.cwd, out), output) }
            : {}),
        },
        io,
      );
    }
    const oldCase = parse(oldSource, profile, io);
    const newCase = parse(newSource, profile, io);
    if (!oldCase || !newCase) {
      io.err('Jämförelsen kunde inte göras: rätta felen ovan först.\n');
      return ExitCode.usage;
    }
    const result = diffCases(oldCase, newCase, { old: oldSource.label, new: newSource.label });
    const output =
      format === 'docx' || format === 'pdf'
        ? await diffDocument(format, oldCase, newCase, result, profile)
        : format === 'json'
          ? formatJson(result)
          : format === 'html'
            ? formatHtml(result)
            : formatText(result, { colour: useColour(io, values.ut) });
    if (typeof values.ut === 'string') writeFileAtomic(resolve(io.cwd, values.ut), output);
    else if (typeof output === 'string') io.out(output, { styled: format === 'text' });
    return hasDifferences(result.summary) ? ExitCode.problems : ExitCode.ok;
  },
};

/**
 * The diff document (the new version, the old one's content marked where it changed): a Word file with
 * tracked changes, or a PDF with them marked ("ändringar markerade"). One document, two backends.
 */
async function diffDocument(
  format: 'docx' | 'pdf',
  oldCase: Case,
  newCase: Case,
  result: ReturnType<typeof diffCases>,
  profile: Profile,
): Promise<Uint8Array> {
  const doc = renderDiffDoc(oldCase, newCase, result, profile);
  if (format === 'pdf') return (await import('../../backends/pdf/index.js')).renderPdf(doc);
  return (await import('../../backends/docx/index.js')).renderDocx(doc);
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org) or into a file. */
function useColour(io: Io, outFile: unknown): boolean {
  return io.colorOut && io.env.NO_COLOR === undefined && typeof outFile !== 'string';
}

/** Reads one side; on errors prints its diagnostics (Swedish) to stderr and returns nothing. */
function parse(source: SourceText, profile: Profile, io: Io): Case | undefined {
  // The versions are compared as text: an image file of an old version need not be at hand.
  const read = readCase(source.bytes, source.file, profile, { readImage: false });
  if (read.case) return read.case;
  const errors = read.diagnostics.filter((d) => d.severity === 'fel');
  io.err(formatDiagnostics(errors, { format: 'text', color: io.colorOut, fileCount: 1 }), { styled: true });
  return undefined;
}
