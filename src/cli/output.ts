/** Printing diagnostics: compiler-style text lines (optionally coloured) or JSON for tools. */
import { type Diagnostic, hasErrors, type Severity } from '../diagnostics.js';
import { ExitCode } from '../errors.js';
import { escapeControls, escapeJsonControls } from '../util/control-chars.js';

export interface FormatOptions {
  format: 'text' | 'json';
  color: boolean;
  /** Number of files checked, for the summary line (defaults to the files named in the diagnostics). */
  fileCount?: number;
}

const colors: Record<Severity, string> = { fel: '\x1b[31m', varning: '\x1b[33m', info: '\x1b[36m' };
const reset = '\x1b[0m';
const dim = '\x1b[2m';

export function formatDiagnostic(unsafe: Diagnostic, color: boolean): string {
  const d = shown(unsafe);
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
  const severity = color ? `${colors[d.severity]}${d.severity}${reset}` : d.severity;
  const rule = color ? `${dim}[${d.rule}]${reset}` : `[${d.rule}]`;
  const hint = d.hint ? `\n    tips: ${d.hint}` : '';
  return `${where}: ${severity} ${rule} ${d.message}${hint}`;
}

/** File, message and hint are one line each: control, bidi and line-break characters in them are escaped. */
function shown(d: Diagnostic): Diagnostic {
  const line = (text: string) => escapeControls(text, { newlines: true });
  return { ...d, file: line(d.file), message: line(d.message), ...(d.hint ? { hint: line(d.hint) } : {}) };
}

/** Swedish counts: "2 fel, 1 varning i 1 fil"; "inga problem i 3 filer". */
export function summaryLine(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const parts = [
    [count('fel'), 'fel', 'fel'],
    [count('varning'), 'varning', 'varningar'],
    [count('info'), 'info', 'info'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  const files = `${fileCount} ${fileCount === 1 ? 'fil' : 'filer'}`;
  return parts.length ? `${parts.join(', ')} i ${files}` : `inga problem i ${files}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const fileCount = options.fileCount ?? new Set(diagnostics.map((d) => d.file)).size;
  if (options.format === 'json') {
    const counts = {
      fel: diagnostics.filter((d) => d.severity === 'fel').length,
      varning: diagnostics.filter((d) => d.severity === 'varning').length,
      info: diagnostics.filter((d) => d.severity === 'info').length,
    };
    return `${escapeJsonControls(JSON.stringify({ files: fileCount, counts, diagnostics }, null, 2))}\n`;
  }
  const lines = diagnostics.map((d) => formatDiagnostic(d, options.color));
  lines.push(summaryLine(diagnostics, fileCount));
  return `${lines.join('\n')}\n`;
}

/** Exit code for a run's diagnostics: a file that could not be read at all counts like a missing file (2). */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  if (diagnostics.some((d) => d.rule === 'file-unreadable')) return ExitCode.usage;
  return hasErrors(diagnostics) ? ExitCode.problems : ExitCode.ok;
}
