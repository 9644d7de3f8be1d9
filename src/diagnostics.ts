/**
 * Problems are data, not exceptions: every stage returns diagnostics that the CLI prints together.
 * Severity names are Swedish because they are shown verbatim to officials.
 */
export type Severity = 'fel' | 'varning' | 'info';

export interface Position {
  /** 1-based line in the case file. */
  line: number;
  /** 1-based column (in UTF-16 code units, like editors report). */
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `yaml-syntax`, `dnr-format`. Tests assert on these. */
  rule: string;
  /** Swedish message saying what is wrong. */
  message: string;
  /** Swedish hint saying how to fix it. */
  hint?: string;
  file: string;
  position?: Position;
  /** Dotted path of the front-matter field, e.g. `handläggare.namn`, when the problem is in a field. */
  field?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'fel');
}

const severityOrder: Record<Severity, number> = { fel: 0, varning: 1, info: 2 };

/** Sorts by file, then position, then severity, so output is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0) ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}
