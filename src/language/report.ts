/**
 * The `språk` report of one case: the analysis with each finding's severity as `kontrollera` would give it
 * (profile, kind), and its terminal form. The HTML form is in report-html.ts.
 */
import type { Severity } from '../diagnostics.js';
import type { KindDefinition } from '../kinds/kind.js';
import type { Profile } from '../profile/model.js';
import { ruleSetting } from '../validate/index.js';
import type { LanguageAnalysis, LanguageFinding, SectionStats } from './analyze.js';
import { decimal } from './lix.js';

export interface ReportFinding extends LanguageFinding {
  severity: Severity;
  /** Numbered in reading order, for the marks and the list of the HTML page. */
  number: number;
}

export interface CaseReport {
  file: string;
  title: string;
  analysis: LanguageAnalysis;
  /** Findings of the rules that are not `av`, in reading order. */
  findings: ReportFinding[];
}

/** How many of a section's longest sentences the report shows. */
export const longestShown = 3;

export function caseReport(
  file: string,
  title: string,
  analysis: LanguageAnalysis,
  context: { profile: Profile; kind?: KindDefinition },
): CaseReport {
  const findings = analysis.findings.flatMap((f) => {
    const setting = ruleSetting(f.rule, context);
    return setting === 'av' ? [] : [{ ...f, severity: setting }];
  });
  return { file, title, analysis, findings: findings.map((f, i) => ({ ...f, number: i + 1 })) };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "432 ord, 23 meningar, LIX 60,7 (mycket svår)". */
export function statsLine(s: SectionStats): string {
  const lix = s.sentences === 0 ? 'LIX –' : `LIX ${decimal(s.lix)} (${s.band})`;
  return `${s.words} ord, ${plural(s.sentences, 'mening', 'meningar')}, ${lix}`;
}

export const findingsOf = (report: CaseReport, section: string) =>
  report.findings.filter((f) => f.section === section);

/** The terminal report: the whole memo, then per section its counts, longest sentences and findings. */
export function formatReportText(reports: readonly CaseReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const { total, sections } = r.analysis;
    out.push(r.file, `  Hela skrivelsen: ${statsLine(total)}`);
    for (const f of findingsOf(r, '')) out.push(...findingLines(f));
    for (const s of sections) {
      const at = s.position ? ` (rad ${s.position.line})` : '';
      out.push('', `  ${s.heading}${at}: ${statsLine(s)}`);
      const longest = s.longest.slice(0, longestShown);
      if (longest.length > 0) {
        out.push('    Längsta meningar:');
        for (const l of longest)
          out.push(`      rad ${l.position?.line ?? '?'}, ${l.words} ord: "${shorten(l.text, 80)}"`);
      }
      const marked = findingsOf(r, s.heading);
      if (marked.length > 0) {
        out.push('    Markeringar:');
        for (const f of marked) out.push(...findingLines(f));
      }
    }
    const counts = (['fel', 'varning', 'info'] as const)
      .map((sev) => [sev, r.findings.filter((f) => f.severity === sev).length] as const)
      .filter(([, n]) => n > 0)
      .map(([sev, n]) => `${n} ${sev === 'varning' && n > 1 ? 'varningar' : sev}`);
    out.push('', `  ${counts.length ? counts.join(', ') : 'inga språkmarkeringar'}`, '');
  }
  return `${out.join('\n')}\n`;
}

function findingLines(f: ReportFinding): string[] {
  const where = f.position ? `${f.position.line}:${f.position.column}` : '-';
  return [`      ${where} ${f.severity} [${f.rule}] ${f.message}`, `        tips: ${f.hint}`];
}

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
