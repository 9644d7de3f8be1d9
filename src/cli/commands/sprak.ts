/** `skrivelse språk` (alias `sprak`): the klarspråk report of case files, in the terminal or as an HTML page. */
import { resolve } from 'node:path';
import { readCaseFile } from '../../case/read.js';
import type { Diagnostic } from '../../diagnostics.js';
import { ExitCode, UsageError } from '../../errors.js';
import { kindNamed } from '../../kinds/index.js';
import { analyzeLanguage, languageRuleIds } from '../../language/analyze.js';
import { type CaseReport, caseReport, formatReportText } from '../../language/report.js';
import { formatReportHtml } from '../../language/report-html.js';
import type { Profile } from '../../profile/model.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { choice, parseCommandArgs, profileFrom } from '../args.js';
import { collectCaseFiles } from '../collect.js';
import type { Command } from '../io.js';
import { exitCodeFor, formatDiagnostics } from '../output.js';
import { checkOutputTarget } from '../output-target.js';

const usage = `Användning: skrivelse språk <filer|mappar …> [--format text|html] [--ut <fil>] [--profil <fil>]

Klarspråksrapport för ärendefiler (.md): för varje avsnitt antal ord och meningar, läsbarhet (LIX),
de längsta meningarna och de ord och meningar som språkreglerna markerar (långa meningar och stycken,
kanslisvenska, substantivkedjor, oförklarade förkortningar, beslutspunkter). Bara handläggarens egen text
räknas, inte mallens standardmeningar. Gränser och ordlista kommer från kommunprofilen (docs/klarsprak.md).

Flaggor:
  --format text|html   text i terminalen (standard) eller en fristående HTML-sida där varje
                       markering syns i texten
  --ut <fil>           skriv rapporten till en fil i stället för standard ut
  --profil <fil>       kommunprofil (YAML); standard är Linköpings profil
  -h, --help           visa den här hjälpen

Slutkod: 0 = rapporten skrevs (språkmarkeringar räknas inte som fel), 1 = ett ärende har fel och kan inte
läsas (kör skrivelse kontrollera), 2 = fel i anropet.
`;

export const sprak: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, ut: { type: 'string' } },
      'språk',
    );
    const format = choice(values.format, ['text', 'html'] as const, '--format', 'text');
    if (positionals.length === 0)
      throw new UsageError('Ange minst en ärendefil eller mapp.', 'Se `skrivelse språk --help`.');
    const files = collectCaseFiles(positionals, io.cwd);
    if (typeof values.ut === 'string') {
      const profilePath = typeof values.profil === 'string' ? values.profil : io.profilePath;
      const inputs = [...files, ...(profilePath === undefined ? [] : [profilePath])];
      checkOutputTarget(
        resolve(io.cwd, values.ut),
        inputs.map((arg) => ({ path: resolve(io.cwd, arg), shown: arg })),
        values.ut,
      );
    }
    const profile = profileFrom(values, io);
    // The case is read with the language rules off: a profile that raises one to fel must not keep its
    // own report from being written. Each finding still gets the severity kontrollera gives it.
    const reading: Profile = {
      ...profile,
      rules: { ...profile.rules, ...Object.fromEntries(languageRuleIds.map((id) => [id, 'av'])) },
    };
    const reports: CaseReport[] = [];
    const problems: Diagnostic[] = [];
    for (const file of files) {
      const read = readCaseFile(resolve(io.cwd, file), reading);
      const c = read.case;
      if (!c) {
        problems.push(...read.diagnostics.filter((d) => d.severity === 'fel').map((d) => ({ ...d, file })));
        continue;
      }
      const analysis = analyzeLanguage({
        source: c.source,
        sections: c.sections,
        decisions: c.decisions,
        profile,
      });
      const kind = kindNamed(c.kind);
      reports.push(caseReport(file, c.title, analysis, { profile, ...(kind ? { kind } : {}) }));
    }
    if (problems.length > 0) {
      io.err(formatDiagnostics(problems, { format: 'text', color: io.colorOut }), { styled: true });
      io.err('Rapporten saknar ärendena ovan: rätta felen först (se skrivelse kontrollera).\n');
    }
    const output = format === 'html' ? formatReportHtml(reports) : formatReportText(reports);
    if (typeof values.ut === 'string') writeFileAtomic(resolve(io.cwd, values.ut), output);
    else io.out(output);
    if (problems.length > 0) return Math.max(exitCodeFor(problems), ExitCode.problems);
    return ExitCode.ok;
  },
};
