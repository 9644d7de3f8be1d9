/** Counting changes and saying so in Swedish, with correct singular and plural. */
import type { CaseDiff, DiffSummary } from './model.js';

export function summarize(diff: Omit<CaseDiff, 'summary'>): DiffSummary {
  const decisions = diff.decisions.flatMap((b) => b.points).filter((p) => p.kind !== 'same').length;
  const metadata = diff.metadata.length;
  const body = diff.sections.reduce((n, s) => {
    if (s.kind === 'added' || s.kind === 'removed') return n + 1;
    const paragraphs = s.paragraphs.filter((p) => p.kind !== 'same' || p.moved).length;
    return n + paragraphs + (s.oldHeading === undefined ? 0 : 1);
  }, 0);
  const movedSections = diff.sections.filter((s) => s.moved).length;
  const movedPoints = diff.decisions.flatMap((b) => b.points).filter((p) => p.moved).length;
  return { decisions, metadata, body, movedSections, movedPoints, total: decisions + metadata + body };
}

/** True when the two versions differ in anything a reader would see. */
export function hasDifferences(summary: DiffSummary): boolean {
  return summary.total + summary.movedSections + summary.movedPoints > 0;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** E.g. "3 ändringar i förslag till beslut, 1 i metadata, 5 i löptext; 1 avsnitt flyttat". */
export function summaryLine(summary: DiffSummary): string {
  const parts = [
    [summary.decisions, 'förslag till beslut'],
    [summary.metadata, 'metadata'],
    [summary.body, 'löptext'],
  ] as const;
  const content = parts
    .filter(([n]) => n > 0)
    .map(([n, where], k) => (k === 0 ? `${count(n, 'ändring', 'ändringar')} i ${where}` : `${n} i ${where}`));
  const moves = [
    summary.movedSections > 0 ? count(summary.movedSections, 'avsnitt flyttat', 'avsnitt flyttade') : '',
    summary.movedPoints > 0
      ? count(summary.movedPoints, 'beslutspunkt flyttad', 'beslutspunkter flyttade')
      : '',
  ].filter((s) => s !== '');
  if (content.length === 0 && moves.length === 0) return 'Inga skillnader.';
  const head = content.length > 0 ? content.join(', ') : 'Inga ändringar i innehållet';
  return moves.length > 0 ? `${head}; ${moves.join(', ')}.` : `${head}.`;
}
